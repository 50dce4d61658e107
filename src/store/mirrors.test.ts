import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { toPublicEvent } from '../core/public-event.ts';
import { sampleEventData } from '../core/testing.ts';
import { encodeLogEntry } from '../log/entry.ts';
import type { Db } from './db.ts';
import { encodeEntryBundle } from '../log/tiles.ts';
import { type MirrorEntry, commitMirrorSync, getMirrorTile, insertMirror, regionOfRecord, streamMirrorEvents } from './mirrors.ts';
import { openTestDb } from './testing.ts';

const ORIGIN = 'origin.test';

describe('a mirror\'s data files', () => {
  let db: Db;
  let entries: MirrorEntry[];
  before(async () => {
    db = await openTestDb();
    await insertMirror(db, { origin: ORIGIN, logUrl: 'http://origin.test/log/', verifierKey: 'unused', now: new Date() });
    // Seven events over three days, two of them at the same instant: batches of two must cut
    // through both a day and a tie without losing or repeating one.
    const starts = ['2022-01-02T10:00:00+06:00', '2022-01-02T10:00:00+06:00', '2022-01-02T12:00:00+06:00', '2022-01-03T09:00:00+06:00', '2022-01-04T08:00:00+06:00', '2022-01-04T08:00:00+06:00', '2022-01-05T07:00:00+06:00'];
    entries = starts.map((start, i) => {
      const data = sampleEventData({ summary: { en: `Mirrored ${i + 1}` }, time: { start, precision: 'minute', timeZone: 'Asia/Almaty' } });
      const record = toPublicEvent(i + 1, 1, data, '2022-01-06T00:00:00.000Z', '2022-01-06T00:00:00.000Z');
      const at = '2022-01-06T00:00:00.000Z';
      return { idx: i, data: encodeLogEntry({ v: 1, type: 'publish', event: i + 1, revision: 1, at, record }), type: 'publish', eventId: i + 1, revision: 1, at, region: regionOfRecord(record) };
    });
    const tiles = new Map([['tile/0/000.p/7', new Uint8Array(7 * 32).fill(9)], ['tile/entries/000.p/7', encodeEntryBundle(entries.map((e) => e.data))]]);
    await db.transaction((tx) => commitMirrorSync(tx, { origin: ORIGIN, checkpoint: 'cp', size: 7, root: 'r', entries, tilePaths: [], tiles, now: new Date() }));
  });
  after(() => db.close());

  it('streams every event once, in date order, across batches', async () => {
    const seen: string[] = [];
    for await (const ev of streamMirrorEvents(db, ORIGIN, {}, 2)) seen.push(ev.summary.en ?? '');
    assert.deepEqual(seen, ['Mirrored 1', 'Mirrored 2', 'Mirrored 3', 'Mirrored 4', 'Mirrored 5', 'Mirrored 6', 'Mirrored 7']);
  });

  it('applies the same filter as the mirror\'s pages', async () => {
    const seen: number[] = [];
    for await (const ev of streamMirrorEvents(db, ORIGIN, { from: '2022-01-04' }, 1)) seen.push(ev.id);
    assert.deepEqual(seen, [5, 6, 7]);
  });

  it('serves entry bundles from the entries, each byte as verified, and nothing beyond them', async () => {
    const bundle = (n: number) => Buffer.from(encodeEntryBundle(entries.slice(0, n).map((e) => e.data)));
    assert.deepEqual(Buffer.from((await getMirrorTile(db, ORIGIN, 'tile/entries/000.p/7'))!), bundle(7));
    assert.deepEqual(Buffer.from((await getMirrorTile(db, ORIGIN, 'tile/entries/000.p/3'))!), bundle(3));
    for (const path of ['tile/entries/000', 'tile/entries/000.p/8', 'tile/entries/001.p/1', 'tile/entries/000.p/07']) assert.equal(await getMirrorTile(db, ORIGIN, path), undefined, path);
    assert.deepEqual([...(await getMirrorTile(db, ORIGIN, 'tile/0/000.p/7'))!], new Array(7 * 32).fill(9));
    const [kept] = await db.query<{ n: number }>("select count(*)::int as n from mirror_tiles where origin = $1 and path like 'tile/entries/%'", [ORIGIN]);
    assert.equal(kept!.n, 0, 'entry bundles are not stored twice');
  });
});
