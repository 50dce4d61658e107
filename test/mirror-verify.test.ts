/**
 * `caravan verify` on static copies of a log in folders, and a mirror fed from memory: what is
 * remembered between runs, and how a replayed, forked, rewritten or tampered log is named.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { verifyAction } from '../src/cli/verify/action.ts';
import { toPublicEvent } from '../src/core/public-event.ts';
import { sampleEventData } from '../src/core/testing.ts';
import { encodeLogEntry } from '../src/log/entry.ts';
import { generateSignerKey } from '../src/log/note.ts';
import { memoryLogFiles } from '../src/log/testing.ts';
import { keysSigning } from '../src/app/mirror/discover.ts';
import { addMirror, syncMirror } from '../src/app/mirror/sync.ts';
import { rebaseLinks } from '../src/http/routes/mirrors.tsx';
import { getMirror, listMirrorAlarms } from '../src/store/mirrors.ts';
import { openTestDb } from '../src/store/testing.ts';

const ORIGIN = 'chronicle.example';
const { signerKey, verifierKey } = generateSignerKey(ORIGIN);

function entries(count: number, tag: string): Uint8Array[] {
  return Array.from({ length: count }, (_, i) => {
    const at = new Date(Date.UTC(2022, 0, 6, 0, i)).toISOString();
    const data = sampleEventData({ summary: { en: `${tag} ${i}` } });
    return encodeLogEntry({ v: 1, type: 'publish', event: i + 1, revision: 1, at, record: toPublicEvent(i + 1, 1, data, at, at) });
  });
}

async function writeLog(folder: string, files: Map<string, Uint8Array>): Promise<string> {
  for (const [path, bytes] of files) {
    const file = join(folder, 'log', ...path.split('/'));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, bytes);
  }
  return folder;
}

describe('caravan verify on folders', () => {
  let tmp: string;
  const env = () => ({ CARAVAN_STATE: join(tmp, 'state') });
  const run = async (target: string, key?: string) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await verifyAction({ target, env: env(), ...(key ? { key } : {}), out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const a8 = entries(8, 'a');
  const a12 = [...a8, ...entries(12, 'a').slice(8)];

  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'caravan-verify-'));
    await writeLog(join(tmp, 'v8'), memoryLogFiles(a8, signerKey, ORIGIN));
    await writeLog(join(tmp, 'v12'), memoryLogFiles(a12, signerKey, ORIGIN));
    await writeLog(join(tmp, 'fork12'), memoryLogFiles(entries(12, 'b'), signerKey, ORIGIN));
    await writeLog(join(tmp, 'rewrite20'), memoryLogFiles(entries(20, 'c'), signerKey, ORIGIN));
  });
  after(() => rm(tmp, { recursive: true, force: true }));

  it('verifies a first copy with the given key and remembers it', async () => {
    const r = await run(join(tmp, 'v8'), verifierKey);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^verified chronicle\.example: 8 entries, root \S+=$/);
    const known = JSON.parse(await readFile(join(tmp, 'state', 'known-origins.json'), 'utf8'));
    assert.equal(known[ORIGIN].key, verifierKey);
    assert.equal(known[ORIGIN].size, 8);
  });

  it('accepts a grown log as consistent, with the remembered key and the log root as the folder', async () => {
    const r = await run(join(tmp, 'v12', 'log'));
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^verified chronicle\.example: 12 entries, root \S+, consistent with the 8 seen on \d{4}-/);
  });

  it('names a replayed older checkpoint', async () => {
    const r = await run(join(tmp, 'v8'));
    assert.equal(r.code, 1);
    assert.match(r.err, /checkpoint of size 8 is older than the 12 entries verified on .*: a replayed or rolled-back checkpoint/);
  });

  it('names a fork at the same size and a rewritten history', async () => {
    const fork = await run(join(tmp, 'fork12'), verifierKey);
    assert.equal(fork.code, 1);
    assert.match(fork.err, /chronicle\.example: FORK: checkpoint of size 12 has root \S+, but the verified tree of that size has root \S+/);
    const rewrite = await run(join(tmp, 'rewrite20'));
    assert.equal(rewrite.code, 1);
    assert.match(
      rewrite.err,
      /the first 12 entries now give root \S+, but the checkpoint seen before for size 12 had \S+: the log was rewritten/,
    );
  });

  it('names the entry that was tampered with', async () => {
    const bad = memoryLogFiles(a8, signerKey, ORIGIN);
    const bundle = bad.get('tile/entries/000.p/8')!.slice();
    const at = bundle.indexOf('a'.charCodeAt(0), 2 + (bundle[0]! << 8) + bundle[1]! + 2);
    bundle[at] = 'z'.charCodeAt(0);
    bad.set('tile/entries/000.p/8', bundle);
    await writeLog(join(tmp, 'tampered'), bad);
    const fresh = { CARAVAN_STATE: join(tmp, 'state-fresh') };
    const err: string[] = [];
    const code = await verifyAction({
      target: join(tmp, 'tampered'),
      key: verifierKey,
      env: fresh,
      out: () => {},
      err: (l) => err.push(l),
    });
    assert.equal(code, 1);
    assert.match(err.join('\n'), /entry 1 in tile\/entries\/000\.p\/8 does not match the signed tree/);
  });

  it('refuses a folder without a known key, and a key other than the remembered one', async () => {
    const other = generateSignerKey('elsewhere.example');
    await writeLog(join(tmp, 'other'), memoryLogFiles(a8, other.signerKey, 'elsewhere.example'));
    const r = await run(join(tmp, 'other'));
    assert.equal(r.code, 1);
    assert.match(r.err, /no verifier key is known for "elsewhere\.example"; pass it with --key/);
    const impostor = generateSignerKey(ORIGIN);
    await writeLog(join(tmp, 'impostor'), memoryLogFiles(a12, impostor.signerKey, ORIGIN));
    const i = await run(join(tmp, 'impostor'), impostor.verifierKey);
    assert.equal(i.code, 1);
    assert.match(i.err, /is not the key first seen for this origin/);
  });
});

describe('a mirror fed a fork of the same size', () => {
  it('refuses it and keeps both checkpoints', async () => {
    const db = await openTestDb();
    try {
      let files = memoryLogFiles(entries(5, 'a'), signerKey, ORIGIN);
      const fetchFrom = async (url: string) => {
        const bytes = files.get(new URL(url).pathname.replace(/^\/log\//, ''));
        return bytes ? new Response(bytes as Uint8Array<ArrayBuffer>) : new Response('no', { status: 404 });
      };
      const deps = { db, now: () => new Date('2026-01-01T00:00:00Z'), fetch: fetchFrom, attempts: 1 };
      await addMirror(deps, 'http://chronicle.example/', verifierKey);
      assert.equal((await syncMirror(deps, ORIGIN)).status, 'updated');
      const verified = (await getMirror(db, ORIGIN))!.checkpoint!;
      files = memoryLogFiles(entries(5, 'b'), signerKey, ORIGIN);
      const outcome = await syncMirror(deps, ORIGIN);
      assert.equal(outcome.status, 'refused');
      assert.match(outcome.status === 'refused' ? outcome.message : '', /^FORK: checkpoint of size 5 has root/);
      const [alarm, ...more] = await listMirrorAlarms(db, ORIGIN);
      assert.equal(more.length, 0);
      assert.equal(alarm?.verified_checkpoint, verified);
      assert.equal(alarm?.presented_checkpoint, new TextDecoder().decode(files.get('checkpoint')));
    } finally {
      await db.close();
    }
  });
});

describe('mirror helpers', () => {
  it('find the key on a page only when it signs the checkpoint', () => {
    const checkpoint = new TextDecoder().decode(memoryLogFiles(entries(1, 'a'), signerKey, ORIGIN).get('checkpoint'));
    const other = generateSignerKey(ORIGIN).verifierKey;
    const page = `<p>Key: <code>${other}</code></p><dd><code id="verifier-key">${verifierKey}</code></dd>`;
    assert.deepEqual(keysSigning(page, checkpoint), [verifierKey]);
  });

  it('keep mirrored links inside the mirror and leave the rest alone', () => {
    const html =
      '<a href="/">h</a><a href="/?page=2">p</a><a href="/events/3">e</a><form action="/map"></form><a href="/report">r</a><link href="/assets/site.css"/><a href="/mapping">x</a>';
    assert.equal(
      rebaseLinks(html, '/mirrors/o.test'),
      '<a href="/mirrors/o.test/">h</a><a href="/mirrors/o.test/?page=2">p</a><a href="/mirrors/o.test/events/3">e</a><form action="/mirrors/o.test/map"></form><a href="/report">r</a><link href="/assets/site.css"/><a href="/mapping">x</a>',
    );
  });
});
