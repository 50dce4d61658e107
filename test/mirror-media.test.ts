/**
 * A mirror copies the media its verified entries name, from the origin's /media/, and stores a
 * file only when its bytes hash to what the signed record says. An origin whose media cannot be
 * fetched, or that serves altered bytes, leaves the file missing without failing the log sync,
 * and a later sync fetches it.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { sampleEventData } from '../src/core/testing.ts';
import { copyMirrorMedia } from '../src/app/mirror/media-sync.ts';
import type { FetchLike } from '../src/app/mirror/sources.ts';
import { mirrorStatusLines } from '../src/app/mirror/status.ts';
import type { MirrorDeps } from '../src/app/mirror/sources.ts';
import { addMirror, syncMirror } from '../src/app/mirror/sync.ts';
import { createApp } from '../src/http/app.tsx';
import { loadConfig } from '../src/app/config.ts';
import { contextFor } from '../src/app/context.ts';
import { type TestApp, openTestApp } from '../src/http/testing.ts';
import type { Db } from '../src/store/db.ts';
import { insertMedia } from '../src/store/media.ts';
import {
  MediaHashMismatchError,
  getMirrorMedia,
  listMirrorMediaHashes,
  missingMirrorMedia,
  putMirrorMedia,
} from '../src/store/mirror-media.ts';
import { insertReport } from '../src/store/reports.ts';
import { openTestDb, publishSampleEvent } from '../src/store/testing.ts';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('a mirror copying the media of a chronicle', () => {
  let tmp: string;
  let origin: TestApp;
  let db: Db;
  let mirrorApp: ReturnType<typeof createApp>;
  let photo: Buffer;
  let hash: string;
  let eventId: number;
  let originOrigin: string;
  /** How the origin's media answers: as stored, altered in transit, or not at all. */
  let mediaMode: 'honest' | 'tampered' | 'down' = 'down';

  const toOrigin: FetchLike = async (url, init) => {
    const path = new URL(url).pathname;
    if (path.startsWith('/media/')) {
      if (mediaMode === 'down') throw new TypeError('fetch failed: connection refused');
      const res = await origin.app.request(url, { headers: init.headers });
      if (mediaMode === 'honest' || !res.ok) return res;
      const bytes = new Uint8Array(await res.arrayBuffer());
      const at = bytes.length - 3;
      bytes[at] = (bytes[at] ?? 0) ^ 0x01;
      return new Response(bytes, { status: 200, headers: { 'content-type': 'image/jpeg' } });
    }
    return origin.app.request(url, { headers: init.headers });
  };
  const deps = (): MirrorDeps => ({ db, now: () => new Date(), fetch: toOrigin, attempts: 1, retryDelayMs: 1 });
  const mirrorGet = (path: string) => mirrorApp.request(`http://localhost${path}`);

  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'caravan-mirror-media-'));
    origin = await openTestApp({ config: loadConfig({ CARAVAN_DATA: join(tmp, 'origin'), CARAVAN_ORIGIN: 'http://origin.test' }) });
    photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c33' } })
      .jpeg()
      .toBuffer();
    hash = sha256(photo);
    await mkdir(join(tmp, 'origin', 'media'), { recursive: true });
    await writeFile(join(tmp, 'origin', 'media', 'photo.jpg'), photo);
    const { report } = await insertReport(origin.db, {
      input: { what: 'Smoke over the akimat', howKnown: 'saw' },
      channel: 'web',
      receiptCode: 'MDIA-0000-0001',
    });
    await insertMedia(origin.db, {
      report_id: report.id,
      sha256: '1'.repeat(64),
      stripped_sha256: hash,
      mime: 'image/jpeg',
      bytes: photo.length,
      width: 40,
      height: 30,
      duration_ms: null,
      stored_path: 'media/photo.jpg',
      evidence_path: null,
    });
    eventId = await publishSampleEvent(
      origin.db,
      sampleEventData({
        media: [{ sha256: hash, mime: 'image/jpeg', bytes: photo.length, width: 40, height: 30, caption: 'Smoke over the akimat' }],
      }),
    );
    db = await openTestDb();
    mirrorApp = createApp(contextFor(loadConfig({ CARAVAN_DATA: join(tmp, 'mirror'), CARAVAN_ORIGIN: 'http://mirror.test' }), db));
    originOrigin = (await addMirror(deps(), 'http://origin.test')).origin;
  });

  after(async () => {
    await origin?.close();
    await db?.close();
    await rm(tmp, { recursive: true, force: true });
  });

  it('syncs the log even when the origin’s media cannot be fetched, and reports the file missing', async () => {
    mediaMode = 'down';
    const outcome = await syncMirror(deps(), originOrigin);
    assert.equal(outcome.status, 'updated');
    assert.deepEqual(await missingMirrorMedia(db, originOrigin), [hash]);
    const { lines } = await mirrorStatusLines(db);
    assert.ok(
      lines.some((l) => /media: 0 copied, 1 missing/.test(l)),
      lines.join('\n'),
    );
    assert.equal((await mirrorGet(`/mirrors/${encodeURIComponent(originOrigin)}/media/${hash}`)).status, 404);
  });

  it('refuses altered bytes: nothing stored, still missing', async () => {
    mediaMode = 'tampered';
    assert.equal((await syncMirror(deps(), originOrigin)).status, 'unchanged');
    assert.deepEqual(await listMirrorMediaHashes(db, originOrigin), []);
    assert.deepEqual(await missingMirrorMedia(db, originOrigin), [hash]);
    assert.equal((await mirrorGet(`/mirrors/${encodeURIComponent(originOrigin)}/media/${hash}`)).status, 404);
  });

  it('refuses a file larger than the bound without storing it', async () => {
    mediaMode = 'honest';
    const result = await copyMirrorMedia({ db, fetch: toOrigin, maxBytes: 100 }, originOrigin);
    assert.equal(result.fetched, 0);
    assert.equal(result.missing, 1);
    assert.match(result.problems.join('\n'), /larger than 100 bytes/);
    assert.deepEqual(await listMirrorMediaHashes(db, originOrigin), []);
  });

  it('fetches the file on a later sync and serves exactly the origin’s bytes', async () => {
    mediaMode = 'honest';
    assert.equal((await syncMirror(deps(), originOrigin)).status, 'unchanged');
    assert.deepEqual(await missingMirrorMedia(db, originOrigin), []);
    const stored = await getMirrorMedia(db, originOrigin, hash);
    assert.equal(stored?.mime, 'image/jpeg');
    const res = await mirrorGet(`/mirrors/${encodeURIComponent(originOrigin)}/media/${hash}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/jpeg');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), photo);
    const { lines } = await mirrorStatusLines(db);
    assert.ok(
      lines.some((l) => /media: 1 copied, 0 missing/.test(l)),
      lines.join('\n'),
    );
  });

  it('shows the media on the mirror’s event page from the mirror’s own copy', async () => {
    const html = await (await mirrorGet(`/mirrors/${encodeURIComponent(originOrigin)}/events/${eventId}`)).text();
    assert.ok(
      html.includes(
        `<img src="/mirrors/${encodeURIComponent(originOrigin)}/media/${hash}" alt="Smoke over the akimat" width="40" height="30"`,
      ),
      html,
    );
    assert.ok(html.includes(hash));
  });

  it('copies the media of entries verified by a later, incremental sync', async () => {
    const second = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#3c3' } })
      .png()
      .toBuffer();
    const secondHash = sha256(second);
    await writeFile(join(tmp, 'origin', 'media', 'second.png'), second);
    const [report] = await origin.db.query<{ id: number }>('select id from reports limit 1');
    await insertMedia(origin.db, {
      report_id: report!.id,
      sha256: '2'.repeat(64),
      stripped_sha256: secondHash,
      mime: 'image/png',
      bytes: second.length,
      width: 30,
      height: 20,
      duration_ms: null,
      stored_path: 'media/second.png',
      evidence_path: null,
    });
    await publishSampleEvent(origin.db, sampleEventData({ media: [{ sha256: secondHash, mime: 'image/png', bytes: second.length }] }));
    assert.equal((await syncMirror(deps(), originOrigin)).status, 'updated');
    assert.deepEqual(await listMirrorMediaHashes(db, originOrigin), [hash, secondHash].sort());
    assert.deepEqual(await missingMirrorMedia(db, originOrigin), []);
    const res = await mirrorGet(`/mirrors/${encodeURIComponent(originOrigin)}/media/${secondHash}`);
    assert.equal(res.headers.get('content-type'), 'image/png');
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), second);
  });

  it('never stores bytes under a hash they do not have', async () => {
    const other = new Uint8Array([1, 2, 3]);
    const before = await listMirrorMediaHashes(db, originOrigin);
    await assert.rejects(
      putMirrorMedia(db, originOrigin, { sha256: 'e'.repeat(64), mime: 'image/jpeg', data: other }),
      MediaHashMismatchError,
    );
    assert.deepEqual(await listMirrorMediaHashes(db, originOrigin), before);
    assert.ok(!before.includes('e'.repeat(64)));
  });
});
