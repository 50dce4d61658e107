/**
 * Two processes on loopback: a chronicle (a child process with its own store) and a mirror
 * (this process). The mirror syncs, syncs again incrementally, survives an interrupted sync,
 * keeps serving when the origin is killed, refuses a replayed older checkpoint, and refuses a
 * forked history with an alarm and both checkpoints kept.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { mirrorStatusLines } from '../src/app/mirror/status.ts';
import type { FetchLike } from '../src/app/mirror/sources.ts';
import type { MirrorDeps } from '../src/app/mirror/sources.ts';
import { addMirror, syncMirror } from '../src/app/mirror/sync.ts';
import { createApp } from '../src/http/app.tsx';
import { loadConfig } from '../src/app/config.ts';
import { contextFor } from '../src/app/context.ts';
import type { Db } from '../src/store/db.ts';
import { countStaged, getMirror, listMirrorAlarms } from '../src/store/mirrors.ts';
import { openTestDb } from '../src/store/testing.ts';
import { ROOT, type OriginProcess, startOrigin } from './fixtures/origin-process.ts';

const HOST = 'origin.test';
/** The log's origin: a new log is named after its tlog-tiles prefix. */
const ORIGIN = `${HOST}/log`;
const BASE = `/mirrors/${encodeURIComponent(ORIGIN)}`;

describe('a mirror following a chronicle in another process', () => {
  let tmp: string;
  let origin: OriginProcess;
  let db: Db;
  let deps: MirrorDeps;
  let app: ReturnType<typeof createApp>;
  let url: string;
  let firstCheckpoint: string;
  const fetched: string[] = [];
  const recordingFetch: FetchLike = (u, init) => {
    fetched.push(new URL(u).pathname);
    return fetch(u, init);
  };

  const page = async (path: string) => {
    const res = await app.request(`http://localhost${path}`);
    return { status: res.status, text: await res.text() };
  };

  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'caravan-mirror-'));
    origin = await startOrigin({ dataDir: join(tmp, 'origin'), origin: `http://${HOST}` });
    url = `http://127.0.0.1:${origin.port}`;
    db = await openTestDb();
    deps = { db, now: () => new Date(), fetch: recordingFetch, retryDelayMs: 10, attempts: 2 };
    app = createApp(contextFor(loadConfig({ CARAVAN_DATA: join(tmp, 'mirror'), CARAVAN_ORIGIN: 'http://mirror.test' }), db));
  });

  after(async () => {
    await origin?.kill();
    await db?.close();
    await rm(tmp, { recursive: true, force: true });
  });

  it('verifies the origin from the command line, trusting its key on first use', async () => {
    assert.equal(await origin.send('publish 3 alpha'), 'published 3 event 3');
    firstCheckpoint = await (await fetch(`${url}/log/checkpoint`)).text();
    const env = { ...process.env, CARAVAN_STATE: join(tmp, 'state') };
    const first = spawnSync(process.execPath, ['bin/caravan.js', 'verify', url], { cwd: ROOT, env, encoding: 'utf8' });
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /^verified origin\.test\/log: 3 entries, root \S+=\n$/);
    assert.match(first.stderr, /trusting its key on first use/);
    const known = JSON.parse(await readFile(join(tmp, 'state', 'known-origins.json'), 'utf8'));
    assert.equal(known[ORIGIN].size, 3);

    assert.equal(await origin.send('publish 2 alpha'), 'published 5 event 5');
    const second = spawnSync(process.execPath, ['bin/caravan.js', 'verify', url], { cwd: ROOT, env, encoding: 'utf8' });
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /verified origin\.test\/log: 5 entries, root \S+, consistent with the 3 seen on /);
    assert.equal(second.stderr, '');
  });

  it('syncs the whole log first, then serves it as a labelled mirror', async () => {
    const added = await addMirror(deps, url);
    assert.equal(added.origin, ORIGIN);
    assert.equal(added.discovered, true);
    const outcome = await syncMirror(deps, ORIGIN);
    assert.deepEqual({ status: outcome.status, size: outcome.status === 'updated' ? outcome.size : -1 }, { status: 'updated', size: 5 });

    const home = await page(`${BASE}/`);
    assert.equal(home.status, 200);
    assert.match(home.text, /Mirror<\/strong> of <a href="http:\/\/127\.0\.0\.1:\d+\/">origin\.test\/log<\/a>/);
    assert.match(home.text, /5 entries verified/);
    assert.equal(home.text.match(/Event alpha \d/g)?.length, 5);
    assert.match(home.text, new RegExp(`href="${BASE}/events/1"`), 'event links stay inside the mirror');
    assert.doesNotMatch(home.text, /href="\/events\//);

    const event = await page(`${BASE}/events/1`);
    assert.equal(event.status, 200);
    assert.match(event.text, /Event alpha 0/);
    assert.equal((await page(`/mirrors/${encodeURIComponent(ORIGIN)}/map`)).status, 200);
    const feed = await page(`${BASE}/feed.atom`);
    assert.match(feed.text, /<entry>/);
    assert.match(home.text, new RegExp(`href="${BASE}/feed\\.json"`), 'the JSON Feed link stays inside the mirror');
    const jsonFeed = JSON.parse((await page(`${BASE}/feed.json`)).text) as {
      version: string;
      title: string;
      items: Array<{ id: string; url: string }>;
    };
    assert.equal(jsonFeed.version, 'https://jsonfeed.org/version/1.1');
    assert.match(jsonFeed.title, /origin\.test\/log \(mirror\)/);
    assert.equal(jsonFeed.items.length, 5);
    assert.ok(
      jsonFeed.items.every((i) => i.url.startsWith(url)),
      "permalinks stay the original chronicle's",
    );
    const csv = await page(`${BASE}/events.csv`);
    assert.equal(csv.status, 200);
    assert.equal(csv.text.trim().split('\n').length, 1 + 5, 'a header and one row per mirrored event');
    const geo = JSON.parse((await page(`${BASE}/events.geojson`)).text) as { type: string; features: unknown[] };
    assert.deepEqual({ type: geo.type, features: geo.features.length }, { type: 'FeatureCollection', features: 5 });
    assert.match((await page('/mirrors')).text, /origin\.test\/log<\/a> — 5 entries verified/);
  });

  it('answers every reader path as the origin does, plus the banner', async () => {
    const fromOrigin = async (path: string) => (await fetch(`${url}${path}`)).text();
    /**
     * The page's main content, links taken back to the root, without the mirror's banner and the
     * origin's line about its own log (the banner says what the mirror verified instead).
     */
    const mainOf = (html: string) =>
      (/<main id="main">([\s\S]*)<\/main>/.exec(html)?.[1] ?? '')
        .replace(/<aside class="notice mirror-banner"[\s\S]*?<\/aside>/, '')
        .replace(/<p class="meta log-witnessed">[\s\S]*?<\/p>/, '')
        .replaceAll(`${BASE}/`, '/');
    for (const path of ['/', '/?page=1&status=unverified', '/map', '/map?type=Protests']) {
      const [own, copy] = await Promise.all([fromOrigin(path), page(`${BASE}${path}`)]);
      assert.equal(copy.status, 200, path);
      assert.equal(mainOf(copy.text), mainOf(own), `${path} differs on the mirror`);
    }
    const api = async (path: string) => {
      const [own, copy] = await Promise.all([fromOrigin(path), page(`${BASE}${path}`)]);
      return { own: JSON.parse(own) as Record<string, unknown>, copy: JSON.parse(copy.text) as Record<string, unknown> };
    };
    const list = await api('/api/v1/events?pageSize=2&page=2');
    assert.deepEqual({ ...list.copy, next: undefined }, { ...list.own, next: undefined });
    assert.equal(list.copy.next, `http://mirror.test${BASE}/api/v1/events?page=3&pageSize=2`, 'the next page stays on the mirror');
    const history = await api('/api/v1/events/1/history');
    assert.deepEqual(history.copy, history.own);
    const rows = (csv: string) => csv.trim().split('\n').slice(1);
    assert.deepEqual(
      rows((await page(`${BASE}/events.csv?status=unverified`)).text),
      rows(await fromOrigin('/events.csv?status=unverified')),
    );
    // Ids are permalinks on the chronicle's address: the one it calls itself, the one the mirror follows.
    const ids = (feed: string) => (JSON.parse(feed) as { items: Array<{ id: string }> }).items.map((i) => new URL(i.id).pathname);
    assert.deepEqual(ids((await page(`${BASE}/feed.json`)).text), ids(await fromOrigin('/feed.json')));
    const copied = await app.request(`http://localhost${BASE}/api/v1/events`);
    assert.equal(copied.headers.get('access-control-allow-origin'), '*', "a mirror's data is as open as the origin's");
    assert.ok(copied.headers.get('etag'), 'and as cacheable');
  });

  it('fetches only what is new on the next sync', async () => {
    assert.equal(await origin.send('append 260 beta'), 'appended 265');
    assert.equal((await syncMirror(deps, ORIGIN)).status, 'updated');
    assert.equal(await origin.send('publish 1 gamma'), 'published 266 event 6');
    fetched.length = 0;
    const outcome = await syncMirror(deps, ORIGIN);
    assert.equal(outcome.status, 'updated');
    assert.ok(fetched.includes('/log/tile/entries/001.p/10'), `fetched ${fetched.join(' ')}`);
    assert.ok(!fetched.includes('/log/tile/entries/000'), 'the full first bundle was already verified and kept');
    assert.equal((await getMirror(db, ORIGIN))?.size, 266);
    fetched.length = 0;
    assert.equal((await syncMirror(deps, ORIGIN)).status, 'unchanged');
    assert.deepEqual(fetched, ['/log/checkpoint']);
  });

  it('stores nothing from an interrupted sync and resumes without downloading again', async () => {
    assert.equal(await origin.send('publish 3 delta'), 'published 269 event 9');
    let requests = 0;
    const breaking: FetchLike = (u, init) => {
      requests++;
      if (requests > 2) return Promise.reject(new Error('connection reset (test)'));
      return recordingFetch(u, init);
    };
    fetched.length = 0;
    const cut = await syncMirror({ ...deps, fetch: breaking }, ORIGIN);
    assert.equal(cut.status, 'failed');
    assert.equal((await getMirror(db, ORIGIN))?.size, 266, 'nothing stored before verification');
    assert.equal((await page(`${BASE}/events/9`)).status, 404);
    const staged = fetched.filter((p) => p !== '/log/checkpoint');
    assert.equal(staged.length, 1);
    assert.equal(await countStaged(db, ORIGIN), 1);

    fetched.length = 0;
    const resumed = await syncMirror(deps, ORIGIN);
    assert.equal(resumed.status, 'updated');
    assert.ok(!fetched.includes(staged[0]!), `${staged[0]} was fetched again`);
    assert.equal(await countStaged(db, ORIGIN), 0);
    assert.match((await page(`${BASE}/events/9`)).text, /Event delta 2/);
  });

  it('refuses a replayed older checkpoint', async () => {
    const replaying: FetchLike = async (u, init) => (u.endsWith('/log/checkpoint') ? new Response(firstCheckpoint) : fetch(u, init));
    const outcome = await syncMirror({ ...deps, fetch: replaying }, ORIGIN);
    assert.equal(outcome.status, 'refused');
    assert.match(outcome.status === 'refused' ? outcome.message : '', /older checkpoint: size 3, but 269 entries were already verified/);
    assert.equal((await getMirror(db, ORIGIN))?.size, 269);

    // A correctly signed past is still a lie about the present: editors and readers are told.
    const alarms = await listMirrorAlarms(db, ORIGIN);
    assert.deepEqual(
      alarms.map((a) => a.kind),
      ['rollback'],
    );
    assert.equal(alarms[0]!.presented_checkpoint, firstCheckpoint);
    assert.match(alarms[0]!.verified_checkpoint, /^origin\.test\/log\n269\n/);
    const home = await page(`${BASE}/`);
    assert.match(home.text, /role="alert"><p><strong>ALARM: the origin rolled back its history/);
    const status = await mirrorStatusLines(db);
    assert.equal(status.alarms, 1);
    assert.ok(
      status.lines.some((l) => l.includes('ALARM (rollback')),
      status.lines.join('\n'),
    );
    await syncMirror({ ...deps, fetch: replaying }, ORIGIN);
    assert.equal((await listMirrorAlarms(db, ORIGIN)).length, 1, 'the same replay is one alarm');
  });

  it('keeps serving when the origin is gone', async () => {
    await origin.kill();
    const outcome = await syncMirror(deps, ORIGIN);
    assert.equal(outcome.status, 'failed');
    const home = await page(`${BASE}/`);
    assert.equal(home.status, 200);
    assert.match(home.text, /269 entries verified/);
    assert.match(home.text, /The last check did not succeed/);
    assert.equal((await page(`${BASE}/events/1`)).status, 200);
  });

  it('refuses a rewritten history, keeps both checkpoints and raises the alarm', async () => {
    // The same key, a different history: the origin's operator (or whoever seized the key) rewrote the log.
    const forkDir = join(tmp, 'fork');
    await mkdir(join(forkDir, 'keys'), { recursive: true });
    await copyFile(join(tmp, 'origin', 'keys', 'log.key'), join(forkDir, 'keys', 'log.key'));
    origin = await startOrigin({ dataDir: forkDir, origin: `http://${HOST}`, port: origin.port });
    assert.equal(await origin.send('append 280 rewritten'), 'appended 280');
    const before = await getMirror(db, ORIGIN);

    const outcome = await syncMirror(deps, ORIGIN);
    assert.equal(outcome.status, 'refused');
    assert.equal(outcome.status === 'refused' && outcome.reason, 'fork');
    const alarms = (await listMirrorAlarms(db, ORIGIN)).filter((a) => a.kind === 'fork');
    assert.equal(alarms.length, 1);
    assert.equal(alarms[0]!.verified_checkpoint, before?.checkpoint);
    assert.match(alarms[0]!.presented_checkpoint, /^origin\.test\/log\n280\n/);
    assert.equal((await getMirror(db, ORIGIN))?.size, 269, 'the verified copy is untouched');

    const home = await page(`${BASE}/`);
    assert.match(home.text, /role="alert"><p><strong>ALARM/);
    assert.doesNotMatch(home.text, /Event rewritten/);
    assert.match((await page(`${BASE}/events/2`)).text, /ALARM/);
    const status = await mirrorStatusLines(db);
    assert.equal(status.alarms, 2);
    assert.ok(
      status.lines.some((l) => l.includes('ALARM (fork')),
      status.lines.join('\n'),
    );

    // Polling again does not pile up copies of the same evidence.
    await syncMirror(deps, ORIGIN);
    assert.equal((await listMirrorAlarms(db, ORIGIN)).length, 2);
  });
});
