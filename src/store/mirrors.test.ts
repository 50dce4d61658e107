import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { toPublicEvent } from '../core/public-event.ts';
import { sampleEventData } from '../core/testing.ts';
import { encodeLogEntry } from '../log/entry.ts';
import type { Db } from './db.ts';
import { encodeEntryBundle } from '../log/tiles.ts';
import { migrate } from './migrate.ts';
import {
  type MirrorEntry,
  appendMirrorEntries,
  commitMirrorSync,
  finishMirrorSync,
  getMirrorEvent,
  getMirrorTile,
  insertMirror,
  queryMirrorEvents,
  removeMirror,
  shownColumnsOf,
  streamMirrorEvents,
} from './mirrors.ts';
import { openTestDb } from './testing.ts';

const ORIGIN = 'origin.test';

describe("a mirror's data files", () => {
  let db: Db;
  let entries: MirrorEntry[];
  before(async () => {
    db = await openTestDb();
    await insertMirror(db, { origin: ORIGIN, logUrl: 'http://origin.test/log/', verifierKey: 'unused', now: new Date() });
    // Seven events over three days, two of them at the same instant: batches of two must cut
    // through both a day and a tie without losing or repeating one.
    const starts = [
      '2022-01-02T10:00:00+06:00',
      '2022-01-02T10:00:00+06:00',
      '2022-01-02T12:00:00+06:00',
      '2022-01-03T09:00:00+06:00',
      '2022-01-04T08:00:00+06:00',
      '2022-01-04T08:00:00+06:00',
      '2022-01-05T07:00:00+06:00',
    ];
    entries = starts.map((start, i) => {
      const data = sampleEventData({ summary: { en: `Mirrored ${i + 1}` }, time: { start, precision: 'minute', timeZone: 'Asia/Almaty' } });
      const record = toPublicEvent(i + 1, 1, data, '2022-01-06T00:00:00.000Z', '2022-01-06T00:00:00.000Z');
      const at = '2022-01-06T00:00:00.000Z';
      return {
        idx: i,
        data: encodeLogEntry({ v: 1, type: 'publish', event: i + 1, revision: 1, at, record }),
        type: 'publish',
        eventId: i + 1,
        revision: 1,
        at,
        shown: shownColumnsOf(record),
      };
    });
    const tiles = new Map([
      ['tile/0/000.p/7', new Uint8Array(7 * 32).fill(9)],
      ['tile/entries/000.p/7', encodeEntryBundle(entries.map((e) => e.data))],
    ]);
    await db.transaction((tx) =>
      commitMirrorSync(tx, { origin: ORIGIN, checkpoint: 'cp', size: 7, root: 'r', entries, tilePaths: [], tiles, now: new Date() }),
    );
  });
  after(() => db.close());

  it('streams every event once, in date order, across batches', async () => {
    const seen: string[] = [];
    for await (const ev of streamMirrorEvents(db, ORIGIN, {}, 2)) seen.push(ev.summary.en ?? '');
    assert.deepEqual(seen, ['Mirrored 1', 'Mirrored 2', 'Mirrored 3', 'Mirrored 4', 'Mirrored 5', 'Mirrored 6', 'Mirrored 7']);
  });

  it("applies the same filter as the mirror's pages", async () => {
    const seen: number[] = [];
    for await (const ev of streamMirrorEvents(db, ORIGIN, { from: '2022-01-04' }, 1)) seen.push(ev.id);
    assert.deepEqual(seen, [5, 6, 7]);
  });

  it('serves entry bundles from the entries, each byte as verified, and nothing beyond them', async () => {
    const bundle = (n: number) => Buffer.from(encodeEntryBundle(entries.slice(0, n).map((e) => e.data)));
    assert.deepEqual(Buffer.from((await getMirrorTile(db, ORIGIN, 'tile/entries/000.p/7'))!), bundle(7));
    assert.deepEqual(Buffer.from((await getMirrorTile(db, ORIGIN, 'tile/entries/000.p/3'))!), bundle(3));
    for (const path of ['tile/entries/000', 'tile/entries/000.p/8', 'tile/entries/001.p/1', 'tile/entries/000.p/07'])
      assert.equal(await getMirrorTile(db, ORIGIN, path), undefined, path);
    assert.deepEqual([...(await getMirrorTile(db, ORIGIN, 'tile/0/000.p/7'))!], new Array(7 * 32).fill(9));
    const [kept] = await db.query<{ n: number }>(
      "select count(*)::int as n from mirror_tiles where origin = $1 and path like 'tile/entries/%'",
      [ORIGIN],
    );
    assert.equal(kept!.n, 0, 'entry bundles are not stored twice');
  });
});

/** Entries of a publish, as the sync decodes them. */
function publishEntry(idx: number, event: number, revision: number, summary: string, lon = 76.95, lat = 43.25): MirrorEntry {
  const data = sampleEventData({ summary: { en: summary }, location: { ...sampleEventData().location, lon, lat } });
  const at = new Date(Date.UTC(2022, 0, 6, 0, 0, idx)).toISOString();
  const record = toPublicEvent(event, revision, data, at, at);
  return {
    idx,
    data: encodeLogEntry({ v: 1, type: 'publish', event, revision, at, record }),
    type: 'publish',
    eventId: event,
    revision,
    at,
    shown: shownColumnsOf(record),
  };
}

function unpublishEntry(idx: number, event: number, revision: number): MirrorEntry {
  const at = new Date(Date.UTC(2022, 0, 6, 0, 0, idx)).toISOString();
  return { idx, data: encodeLogEntry({ v: 1, type: 'unpublish', event, revision, at }), type: 'unpublish', eventId: event, revision, at };
}

describe("a mirror's read model", () => {
  let db: Db;
  before(async () => {
    db = await openTestDb();
    await insertMirror(db, { origin: ORIGIN, logUrl: 'http://origin.test/log/', verifierKey: 'unused', now: new Date() });
  });
  after(() => db.close());
  const commit = (from: number, entries: MirrorEntry[]) =>
    db.transaction((tx) =>
      commitMirrorSync(tx, {
        origin: ORIGIN,
        checkpoint: 'cp',
        size: from + entries.length,
        root: 'r',
        entries,
        tilePaths: [],
        now: new Date(),
      }),
    );
  const summaries = async () =>
    (await queryMirrorEvents(db, ORIGIN, {}, { limit: 50, offset: 0 })).events.map((e) => `${e.id}:${e.revision}:${e.summary.en}`).sort();

  it('shows the last entry of each event, within one sync and across syncs', async () => {
    await commit(0, [
      publishEntry(0, 1, 1, 'first'),
      publishEntry(1, 2, 1, 'second'),
      publishEntry(2, 1, 2, 'first, corrected'),
      publishEntry(3, 3, 1, 'third'),
    ]);
    assert.deepEqual(await summaries(), ['1:2:first, corrected', '2:1:second', '3:1:third']);
    await commit(4, [unpublishEntry(4, 2, 1), publishEntry(5, 3, 2, 'third, corrected'), publishEntry(6, 4, 1, 'fourth')]);
    assert.deepEqual(await summaries(), ['1:2:first, corrected', '3:2:third, corrected', '4:1:fourth']);
    assert.equal(await getMirrorEvent(db, ORIGIN, 2), undefined, 'an unpublished event is gone');
    assert.equal((await getMirrorEvent(db, ORIGIN, 3))?.summary.en, 'third, corrected');
  });

  it('applies batches in the order they were handed on, even when the next comes before the last is stored', async () => {
    // A bundle hands on batches while it verifies, without waiting for the one before.
    await db.transaction(async (tx) => {
      const first = appendMirrorEntries(tx, ORIGIN, [publishEntry(7, 10, 1, 'tenth'), publishEntry(8, 11, 1, 'eleventh')]);
      const second = appendMirrorEntries(tx, ORIGIN, [unpublishEntry(9, 11, 1), publishEntry(10, 10, 2, 'tenth, corrected')]);
      await Promise.all([first, second]);
      await finishMirrorSync(tx, { origin: ORIGIN, checkpoint: 'cp', size: 11, root: 'r', tilePaths: [], now: new Date() });
    });
    assert.equal((await getMirrorEvent(db, ORIGIN, 10))?.summary.en, 'tenth, corrected');
    assert.equal(await getMirrorEvent(db, ORIGIN, 11), undefined, 'unpublished in the later batch');
  });

  it('filters by position from its columns', async () => {
    await commit(11, [publishEntry(11, 5, 1, 'in Zhanaozen', 52.8, 43.34)]);
    const west = await queryMirrorEvents(db, ORIGIN, { bbox: [50, 40, 55, 45] }, { limit: 50, offset: 0 });
    assert.deepEqual(
      west.events.map((e) => e.summary.en),
      ['in Zhanaozen'],
    );
    assert.equal(west.total, 1);
  });

  it('is forgotten with the mirror, entries and all', async () => {
    await removeMirror(db, ORIGIN);
    const [left] = await db.query<{ n: number }>(
      'select (select count(*) from mirror_entries) + (select count(*) from mirror_events) as n',
    );
    assert.equal(Number(left!.n), 0);
  });

  it('refuses a record it cannot file, saying what is missing', () => {
    const record = { ...toPublicEvent(1, 1, sampleEventData(), '2022-01-06T00:00:00Z', '2022-01-06T00:00:00Z'), localDate: '5 January' };
    assert.throws(() => shownColumnsOf(record), /no localDate/);
  });
});

describe('a mirror stored by Caravan before records were read from entries (migration 13)', () => {
  it('keeps serving the same events, with their positions', async () => {
    const db = await openTestDb({ migrateTo: 12 });
    try {
      await db.query("insert into mirrors (origin, log_url, verifier_key, added_at) values ($1, 'http://origin.test/log/', 'k', now())", [
        ORIGIN,
      ]);
      const entries = [
        publishEntry(0, 1, 1, 'old first'),
        publishEntry(1, 1, 2, 'old first, corrected', 52.8, 43.34),
        publishEntry(2, 2, 1, 'old second'),
        unpublishEntry(3, 2, 1),
      ];
      for (const e of entries) {
        await db.query('insert into mirror_entries (origin, idx, data, type, event_id, revision, at) values ($1, $2, $3, $4, $5, $6, $7)', [
          ORIGIN,
          e.idx,
          Buffer.from(e.data),
          e.type,
          e.eventId,
          e.revision,
          e.at,
        ]);
      }
      // As Caravan 012 filled it: the last publish of event 1, its record as jsonb.
      await db.query(
        `insert into mirror_events (origin, event_id, revision, local_date, start_at, region, event_type, status, published_at, record)
         select origin, event_id, revision, (r->>'localDate')::date, (r->'time'->>'start')::timestamptz, null, r->>'eventType', r->>'status', (r->>'publishedAt')::timestamptz, r
         from (select origin, event_id, revision, convert_from(data, 'UTF8')::jsonb -> 'record' as r from mirror_entries where idx = 1) as e`,
      );
      await migrate(db);
      const all = await queryMirrorEvents(db, ORIGIN, {}, { limit: 50, offset: 0 });
      assert.deepEqual(
        all.events.map((e) => `${e.id}:${e.revision}:${e.summary.en}`),
        ['1:2:old first, corrected'],
      );
      const west = await queryMirrorEvents(db, ORIGIN, { bbox: [50, 40, 55, 45] }, { limit: 50, offset: 0 });
      assert.equal(west.total, 1, 'the position came from the old record');
    } finally {
      await db.close();
    }
  });
});
