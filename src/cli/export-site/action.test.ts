import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ACLED_COLUMNS } from '../../publish/exports/csv.ts';
import { verifyAction } from '../verify/action.ts';
import { main } from '../main.ts';
import { EXPORT_MARKER } from './action.ts';
import { type DemoCopy, exportDemoCopy } from './testing.ts';

let copy: DemoCopy;
let files: string[];

async function walk(root: string, dir = root): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(root, path)));
    else out.push(relative(root, path).split('\\').join('/'));
  }
  return out;
}

const read = (file: string) => readFile(join(copy.dir, file), 'utf8');

/** Every address a page or stylesheet points at. */
function linksIn(text: string): string[] {
  const links: string[] = [];
  for (const m of text.matchAll(/\b(href|src|poster|srcset|action|formaction)="([^"]*)"/g)) {
    const value = m[2]!.replace(/&amp;/g, '&');
    if (m[1] === 'srcset') links.push(...value.split(',').map((c) => c.trim().split(/\s+/)[0]!));
    else links.push(value);
  }
  for (const m of text.matchAll(/url\(\s*['"]?([^'")]+)/g)) links.push(m[1]!);
  return links;
}

/** The copy file a relative link from `file` lands on, or undefined for fragments and other sites. */
function target(file: string, link: string): string | undefined {
  if (link.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(link)) return undefined;
  return posix.normalize(posix.join(posix.dirname(file), link.replace(/#.*$/, '')));
}

before(async () => {
  copy = await exportDemoCopy();
  files = await walk(copy.dir);
});
after(() => copy?.close());

describe('a static copy of the demo chronicle', () => {
  test('every link in every page and stylesheet is relative and lands on an exported file', async () => {
    const set = new Set(files);
    const pages = files.filter((f) => f.endsWith('.html') || f.endsWith('.css'));
    assert.ok(pages.length > 100, `${pages.length} pages and stylesheets`);
    const dangling: string[] = [];
    for (const file of pages) {
      const text = await read(file);
      for (const link of linksIn(text)) {
        assert.ok(!link.startsWith('/'), `${file} links ${link} from the site's root`);
        const to = target(file, link);
        if (to !== undefined && !set.has(to)) dangling.push(`${file} → ${link}`);
      }
    }
    assert.deepEqual(dangling, []);
  });

  test('every page says it is a static copy, how to verify it, and links the log page; no form is left', async () => {
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const html = await read(file);
      assert.match(html, /<aside class="notice static-copy"/, file);
      assert.ok(html.includes(`caravan verify &lt;folder&gt; --key ${copy.verifierKey}`), `${file} says how to verify`);
      assert.match(html, /http:\/\/localhost/, `${file} names the origin`);
      const logLink = /<a href="([^"]*log(?:\.lang-ru)?\.html)">/.exec(html)?.[1];
      assert.ok(logLink && files.includes(target(file, logLink)!), `${file} links the /log page copy`);
      assert.doesNotMatch(html, /<form\b/, `${file} has no form`);
      assert.doesNotMatch(html, /href="[^"]*\/(?:report|editor)"/, `${file} has no link to the report form or the editors`);
    }
  });

  test('the chronology is paged, in both languages, and its pages hold every published event once', async () => {
    const first = await read('index.html');
    assert.match(first, /<a href="index\.page-2\.html" rel="next">/);
    const second = await read('index.page-2.html');
    assert.match(second, /<a href="index\.html" rel="prev">/);
    const ids = [...(first + second).matchAll(/<p class="summary"><a href="events\/(\d+)\.html"/g)].map((m) => Number(m[1]));
    assert.equal(ids.length, copy.published);
    assert.equal(new Set(ids).size, copy.published);
    assert.ok(!ids.includes(copy.withdrawnId), 'the withdrawn event is not listed');
    const ru = await read('index.lang-ru.html');
    assert.match(ru, /<html lang="ru">/);
    assert.match(ru, /<a href="index\.lang-ru\.page-2\.html" rel="next">/);
    assert.match(ru, /<p class="summary"><a href="events\/\d+\.lang-ru\.html"/, 'a Russian page links Russian pages');
    assert.match(ru, /<a href="index\.html" lang="en"/, 'and English through the language switch');
  });

  test('event pages, earlier versions, the retraction and the withdrawal are all there', async () => {
    const corrected = await read(`events/${copy.correctedId}.html`);
    assert.match(corrected, new RegExp(`href="${copy.correctedId}/v/1\\.html"`));
    const v1 = await read(`events/${copy.correctedId}/v/1.html`);
    assert.match(v1, /earlier version/i);
    assert.match(v1, new RegExp(`href="\\.\\./\\.\\./${copy.correctedId}\\.html"`), 'an earlier version links the current one');
    assert.ok(existsSync(join(copy.dir, `events/${copy.correctedId}/v/1.lang-ru.html`)));
    assert.match(await read(`events/${copy.retractedId}.html`), /retracted/i);
    const gone = await read(`events/${copy.withdrawnId}.html`);
    assert.match(gone, /Event withdrawn/);
    assert.doesNotMatch(gone, /<article class="event"/, 'the withdrawn event shows no content');
  });

  test('a published photo is copied under its hash and the event page shows that copy', async () => {
    const html = await read(`events/${copy.photoEventId}.html`);
    const src = /<img\b[^>]*\bsrc="([^"]+)"/.exec(html)?.[1];
    assert.equal(src, `../media/${copy.photoSha256}`);
    const bytes = await readFile(join(copy.dir, 'media', copy.photoSha256));
    assert.equal(createHash('sha256').update(bytes).digest('hex'), copy.photoSha256);
  });

  test("feeds and data files are there and parse, keeping the chronicle's absolute URLs", async () => {
    const atom = await read('feed.atom');
    assert.match(atom, /^<\?xml[^>]*\?>\s*<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/);
    assert.match(atom, /<id>http:\/\/localhost\/events\/\d+/);
    assert.doesNotMatch(atom, /href="\/(?!\/)/);
    const feed = JSON.parse(await read('feed.json')) as { version: string; items: Array<{ id: string; url: string }> };
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
    assert.ok(feed.items.length > 0 && feed.items.every((i) => i.url.startsWith('http://localhost/events/')));
    assert.equal(JSON.parse(await read('feed.lang-ru.json')).language, 'ru');
    const csv = await read('events.csv');
    assert.equal(csv.split(/\r?\n/, 1)[0], ACLED_COLUMNS.join(','));
    const geo = JSON.parse(await read('events.geojson')) as { type: string; features: unknown[] };
    assert.equal(geo.type, 'FeatureCollection');
    assert.equal(geo.features.length, copy.published);
    assert.ok(JSON.parse(await read('openapi.json')).openapi);
    const data = await read('data.html');
    for (const file of ['events.csv', 'events.geojson', 'feed.atom', 'feed.json'])
      assert.ok(data.includes(`href="${file}"`), `the data page links ${file}`);
  });

  test('the summary counts what was written', async () => {
    const s = copy.summary;
    assert.equal(s.files, files.length - 1, 'every file but the marker');
    let bytes = 0;
    for (const f of files.filter((f) => f !== EXPORT_MARKER)) bytes += (await stat(join(copy.dir, f))).size;
    assert.equal(s.bytes, bytes);
    assert.equal(s.pages, files.filter((f) => f.endsWith('.html')).length);
    assert.equal(s.events, copy.published + 1);
    assert.ok(s.logEntries > s.events, 'corrections and the withdrawal are entries too');
    assert.deepEqual(s.liveOnly, ['/api/v1/events'], 'only the query API is left to the live site');
  });

  test('caravan verify accepts the folder, and refuses it once a byte of an entry bundle is flipped', async () => {
    const state = join(copy.workDir, 'state');
    const lines: string[] = [];
    const ok = await verifyAction({
      target: copy.dir,
      key: copy.verifierKey,
      env: { CARAVAN_STATE: state },
      out: (l) => lines.push(l),
      err: (l) => lines.push(l),
    });
    assert.equal(ok, 0, lines.join('\n'));
    assert.match(lines.join('\n'), new RegExp(`verified localhost\\/log: ${copy.summary.logEntries} entries`));

    const bundle = files.find((f) => f.startsWith('log/tile/entries/000'))!;
    const bytes = await readFile(join(copy.dir, bundle));
    bytes[100] = bytes[100]! ^ 0x01;
    await writeFile(join(copy.dir, bundle), bytes);
    const errors: string[] = [];
    const bad = await verifyAction({
      target: copy.dir,
      key: copy.verifierKey,
      env: { CARAVAN_STATE: join(copy.workDir, 'state2') },
      out: () => {},
      err: (l) => errors.push(l),
    });
    assert.equal(bad, 1);
    assert.match(errors.join('\n'), /caravan verify: /);
    bytes[100] = bytes[100]! ^ 0x01;
    await writeFile(join(copy.dir, bundle), bytes);
  });
});

describe('caravan export-site <dir>', () => {
  let work: string;
  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'caravan-export-cli-'));
  });
  after(() => rm(work, { recursive: true, force: true }));

  const env = () => ({ CARAVAN_DATA: join(work, 'data'), CARAVAN_ORIGIN: 'https://chronicle.example' });

  test('refuses a folder holding something else, and changes nothing in it', async () => {
    const dir = join(work, 'photos');
    await mkdir(dir);
    await writeFile(join(dir, 'holiday.jpg'), 'not a copy');
    assert.equal(await main(['export-site', dir], env()), 1);
    assert.deepEqual(await readdir(dir), ['holiday.jpg']);
    assert.deepEqual(
      (await readdir(work)).filter((n) => n.startsWith('.')),
      [],
      'no half-built copy is left beside it',
    );
  });

  test('writes a copy, then replaces it with the next one', async () => {
    const dir = join(work, 'site');
    assert.equal(await main(['export-site', dir], env()), 0);
    assert.match(await readFile(join(dir, EXPORT_MARKER), 'utf8'), /^caravan export-site\norigin https:\/\/chronicle\.example\n/);
    assert.ok(existsSync(join(dir, 'index.html')) && existsSync(join(dir, 'log', 'checkpoint')));
    assert.match(await readFile(join(dir, 'log', 'checkpoint'), 'utf8'), /^chronicle\.example\/log\n0\n/);
    await writeFile(join(dir, 'stale.html'), 'left from before');
    assert.equal(await main(['export-site', dir], env()), 0);
    assert.ok(!existsSync(join(dir, 'stale.html')), 'the older copy was replaced as a whole');
    assert.ok(existsSync(join(dir, 'index.html')));
    assert.deepEqual(
      (await readdir(dirname(dir))).filter((n) => n.startsWith('.')),
      [],
    );
  });

  test('without a folder it prints its usage and exits 2', async () => {
    assert.equal(await main(['export-site'], env()), 2);
  });
});
