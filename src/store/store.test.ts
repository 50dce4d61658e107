/**
 * The store against a real database: PGlite in memory, or a schema of its own on the server
 * named by DATABASE_URL. Each test runs inside a transaction that is rolled back at its end, so
 * tests do not see each other's rows.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ConflictError, NotFoundError } from '../core/errors.ts';
import type { EventData } from '../core/event.ts';
import { receiptCodeFromBytes } from '../core/report.ts';
import { sampleEventData } from '../core/testing.ts';
import type { Db, Queryable } from './db.ts';
import {
  createEvent,
  getEventRow,
  getPublishedEvent,
  listPublications,
  listRevisions,
  publishEvent,
  queryPublished,
  reviseEvent,
  streamPublished,
  unpublishEvent,
} from './events.ts';
import { loadMigrations, migrate } from './migrate.ts';
import { type NewReport, claimReport, getReport, insertReport, linkReport, markDuplicate, rejectReport } from './reports.ts';
import { openTestDb } from './testing.ts';
import { insertUser } from './users.ts';

let db: Db;
before(async () => {
  db = await openTestDb();
});
after(() => db?.close());

class Rollback extends Error {}

/** Runs `fn` in a transaction that is always rolled back. */
async function isolated(fn: (tx: Queryable) => Promise<void>): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      await fn(tx);
      throw new Rollback();
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
}

async function count(q: Queryable, table: string): Promise<number> {
  const [row] = await q.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return row!.n;
}

function newReport(overrides: Partial<NewReport> = {}): NewReport {
  return {
    input: { what: 'Shots near the akimat', howKnown: 'heard' },
    channel: 'web',
    receiptCode: receiptCodeFromBytes(randomBytes(8)),
    ...overrides,
  };
}

/** An event at a place and local time: `at` is a UTC instant. */
function eventAt(at: string, place: 'almaty' | 'zhanaozen' | 'aktau', extra: Partial<EventData> = {}): EventData {
  const places = {
    almaty: {
      placeId: 'kz-almaty-republic-square',
      name: 'Almaty - Republic Square',
      admin1: 'Almaty',
      lat: 43.238,
      lon: 76.945,
      zone: 'Asia/Almaty',
    },
    zhanaozen: { placeId: 'kz-zhanaozen', name: 'Zhanaozen', admin1: 'Mangystau', lat: 43.34, lon: 52.86, zone: 'Asia/Aqtau' },
    aktau: { placeId: 'kz-aktau', name: 'Aktau', admin1: 'Mangystau', lat: 43.65, lon: 51.17, zone: 'Asia/Aqtau' },
  } as const;
  const p = places[place];
  return sampleEventData({
    summary: { en: `${place} at ${at}` },
    time: { start: at, precision: 'minute', timeZone: p.zone },
    location: { placeId: p.placeId, name: p.name, admin1: p.admin1, country: 'KAZ', lat: p.lat, lon: p.lon, geoPrecision: 1 },
    ...extra,
  });
}

async function publishNew(q: Queryable, data: EventData, at = new Date('2022-01-06T00:00:00Z')): Promise<number> {
  const id = await createEvent(q, null, data, 'first account');
  await publishEvent(q, id, null, at);
  return id;
}

describe('migrations', () => {
  it('apply once: a second run applies nothing', async () => {
    const all = (await loadMigrations()).map((m) => m.version);
    assert.ok(all.length >= 1 && all[0] === 1);
    assert.deepEqual(await migrate(db), []);
    const rows = await db.query<{ version: number }>('select version from schema_migrations order by version');
    assert.deepEqual(
      rows.map((r) => r.version),
      all,
    );
  });
});

describe('transactions', () => {
  it('leave nothing behind when rolled back', async () => {
    const before = { events: await count(db, 'events'), reports: await count(db, 'reports') };
    await assert.rejects(
      db.transaction(async (tx) => {
        await createEvent(tx, null, sampleEventData(), 'draft');
        await insertReport(tx, newReport());
        assert.equal(await count(tx, 'events'), before.events + 1, 'visible inside the transaction');
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.deepEqual({ events: await count(db, 'events'), reports: await count(db, 'reports') }, before);
  });

  it('commit when the function resolves', async () => {
    const key = `commit-${randomBytes(4).toString('hex')}`;
    const id = await db.transaction(async (tx) => (await insertReport(tx, newReport({ idempotencyKey: key }))).report.id);
    assert.equal((await getReport(db, id)).id, id);
  });
});

describe('reports', () => {
  it('are stored once per idempotency key', () =>
    isolated(async (tx) => {
      const first = await insertReport(tx, newReport({ idempotencyKey: 'abc' }));
      const retry = await insertReport(tx, newReport({ idempotencyKey: 'abc', input: { what: 'resent', howKnown: 'saw' } }));
      assert.equal(first.created, true);
      assert.equal(retry.created, false);
      assert.equal(retry.report.id, first.report.id);
      assert.equal(retry.report.what, 'Shots near the akimat', 'the first report is kept as received');
      assert.equal(retry.report.receipt_code, first.report.receipt_code, 'the reporter keeps the first receipt');
      const other = await insertReport(tx, newReport({ idempotencyKey: 'def' }));
      assert.notEqual(other.report.id, first.report.id);
    }));

  it('draw a taken receipt code again without aborting the transaction they are in', () =>
    isolated(async (tx) => {
      const taken = (await insertReport(tx, newReport({ idempotencyKey: 'first-of-two' }))).report.receipt_code;
      const fresh = receiptCodeFromBytes(randomBytes(8));
      const draws = [taken, taken, fresh];
      const again = await insertReport(tx, newReport({ receiptCode: () => draws.shift()!, idempotencyKey: 'second-of-two' }));
      assert.deepEqual([again.created, again.report.receipt_code, draws.length], [true, fresh, 0], 'drawn until free');
      const keyless = await insertReport(
        tx,
        newReport({
          receiptCode: (() => {
            const d = [taken, fresh, receiptCodeFromBytes(randomBytes(8))];
            return () => d.shift()!;
          })(),
        }),
      );
      assert.equal(keyless.created, true, 'a report without a key is drawn again too');
      await assert.rejects(
        insertReport(tx, newReport({ receiptCode: taken })),
        ConflictError,
        "a fixed code (a device's) cannot be drawn again",
      );
      await assert.rejects(insertReport(tx, newReport({ receiptCode: () => taken })), /no free receipt code in 5 draws/);
      // Still usable: nothing above was an error inside PostgreSQL.
      assert.equal(
        (await tx.query<{ n: number }>('select count(*)::int as n from reports where idempotency_key like $1', ['%-of-two']))[0]!.n,
        2,
      );
    }));

  it('without a key are all stored', () =>
    isolated(async (tx) => {
      const a = await insertReport(tx, newReport());
      const b = await insertReport(tx, newReport());
      assert.ok(a.created && b.created);
      assert.notEqual(a.report.id, b.report.id);
      assert.equal(a.report.state, 'new');
    }));

  it('can be claimed by one editor at a time', () =>
    isolated(async (tx) => {
      const aigul = await insertUser(tx, 'aigul', 'x', 'editor');
      const timur = await insertUser(tx, 'timur', 'x', 'editor');
      const { report } = await insertReport(tx, newReport());
      const claimed = await claimReport(tx, report.id, aigul.id);
      assert.equal(claimed.state, 'claimed');
      assert.equal(claimed.claimed_by, aigul.id);
      await claimReport(tx, report.id, aigul.id);
      await assert.rejects(claimReport(tx, report.id, timur.id), (err) => err instanceof ConflictError && /aigul/.test(err.message));
      await assert.rejects(rejectReport(tx, report.id, timur.id, 'spam'), ConflictError);
      const taken = await claimReport(tx, report.id, timur.id, true);
      assert.equal(taken.claimed_by, timur.id, 'an admin may take a claim over');
    }));

  it('are settled once, by the editor holding the claim', () =>
    isolated(async (tx) => {
      const aigul = await insertUser(tx, 'aigul', 'x', 'editor');
      const timur = await insertUser(tx, 'timur', 'x', 'editor');
      const { report } = await insertReport(tx, newReport());
      const { report: other } = await insertReport(tx, newReport());
      const eventId = await createEvent(tx, aigul.id, sampleEventData(), 'from a report');

      await claimReport(tx, report.id, aigul.id);
      await assert.rejects(linkReport(tx, report.id, eventId, timur.id), ConflictError);
      const linked = await linkReport(tx, report.id, eventId, aigul.id);
      assert.equal(linked.state, 'linked');
      assert.equal(linked.event_id, eventId);
      await assert.rejects(rejectReport(tx, report.id, aigul.id, 'changed my mind'), /already linked/);
      await assert.rejects(claimReport(tx, report.id, timur.id), /already linked/);

      // An unclaimed report may be settled by anyone, and then belongs to them.
      await assert.rejects(markDuplicate(tx, other.id, other.id, timur.id), ConflictError);
      await assert.rejects(linkReport(tx, other.id, 999_999, timur.id), NotFoundError);
      await assert.rejects(markDuplicate(tx, other.id, 999_999, timur.id), NotFoundError);
      const dup = await markDuplicate(tx, other.id, report.id, timur.id);
      assert.deepEqual([dup.state, dup.duplicate_of, dup.claimed_by], ['duplicate', report.id, timur.id]);
      await assert.rejects(claimReport(tx, 999_999, timur.id), NotFoundError);
    }));
});

describe('event revisions', () => {
  it('refuse a save based on a stale revision', () =>
    isolated(async (tx) => {
      const id = await createEvent(tx, null, sampleEventData(), 'draft');
      assert.equal(await reviseEvent(tx, id, null, sampleEventData({ notes: 'first edit' }), 'first edit', 1), 2);
      await assert.rejects(
        reviseEvent(tx, id, null, sampleEventData({ notes: 'lost edit' }), 'second editor', 1),
        (err) => err instanceof ConflictError && /someone else/.test(err.message),
      );
      const revisions = await listRevisions(tx, id);
      assert.deepEqual(
        revisions.map((r) => [r.revision, r.reason, r.data.notes]),
        [
          [1, 'draft', sampleEventData().notes],
          [2, 'first edit', 'first edit'],
        ],
      );
      assert.equal((await getEventRow(tx, id)).latest_revision, 2);
      await assert.rejects(reviseEvent(tx, 999_999, null, sampleEventData(), 'x', 1), NotFoundError);
    }));
});

describe('publishing', () => {
  it('shows the published revision only, and keeps every publication in order', () =>
    isolated(async (tx) => {
      const t1 = new Date('2022-01-06T10:00:00Z');
      const t2 = new Date('2022-01-07T10:00:00Z');
      const t3 = new Date('2022-01-08T10:00:00Z');
      const t4 = new Date('2022-01-09T10:00:00Z');
      const id = await createEvent(tx, null, sampleEventData(), 'draft');
      assert.equal(await getPublishedEvent(tx, id), undefined, 'a draft is not public');

      await publishEvent(tx, id, null, t1);
      const v1 = await getPublishedEvent(tx, id);
      assert.equal(v1?.revision, 1);
      assert.equal(v1?.firstPublishedAt, t1.toISOString());
      assert.equal(v1?.localDate, '2022-01-05');

      await reviseEvent(tx, id, null, sampleEventData({ summary: { en: 'Corrected summary' } }), 'correction', 1);
      const stillV1 = await getPublishedEvent(tx, id);
      assert.equal(stillV1?.summary.en, sampleEventData().summary.en, 'an unpublished revision stays private');

      await publishEvent(tx, id, null, t2, 'corrected the crowd size');
      const v2 = await getPublishedEvent(tx, id);
      assert.deepEqual(
        [v2?.revision, v2?.summary.en, v2?.publishedAt, v2?.firstPublishedAt],
        [2, 'Corrected summary', t2.toISOString(), t1.toISOString()],
      );

      await unpublishEvent(tx, id, null, t3, 'published by mistake');
      assert.equal(await getPublishedEvent(tx, id), undefined);
      assert.equal(
        (await queryPublished(tx, {}, { limit: 10, offset: 0 })).events.some((e) => e.id === id),
        false,
      );
      await assert.rejects(unpublishEvent(tx, id, null, t3, 'again'), ConflictError);

      const history = await listPublications(tx, id);
      assert.deepEqual(
        history.map((h) => [h.action, h.revision, h.reason, h.at.toISOString(), h.record?.summary.en ?? null]),
        [
          // Revision reasons are internal: a publication without a public note shows none.
          ['publish', 1, null, t1.toISOString(), sampleEventData().summary.en],
          ['publish', 2, 'corrected the crowd size', t2.toISOString(), 'Corrected summary'],
          ['unpublish', 2, 'published by mistake', t3.toISOString(), null],
        ],
      );

      await publishEvent(tx, id, null, t4);
      assert.equal((await getPublishedEvent(tx, id))?.firstPublishedAt, t1.toISOString(), 'first publication is remembered');
      const revs = await listRevisions(tx, id);
      assert.deepEqual(
        revs.map((r) => r.published_at?.toISOString() ?? null),
        [t1.toISOString(), t4.toISOString()],
      );
    }));

  it('refuses to publish an event that does not exist', () =>
    isolated(async (tx) => {
      await assert.rejects(publishEvent(tx, 999_999, null, new Date()), NotFoundError);
      await assert.rejects(unpublishEvent(tx, 999_999, null, new Date(), 'x'), NotFoundError);
    }));
});

describe('queryPublished', () => {
  /** Publishes a small chronology and returns the ids by name. */
  async function seed(tx: Queryable) {
    const ids = {
      // 10:00 in Almaty on 5 January.
      almatyMorning: await publishNew(tx, eventAt('2022-01-05T04:00:00.000Z', 'almaty')),
      // 02:30 in Almaty on 5 January, though still 4 January in UTC.
      almatyNight: await publishNew(
        tx,
        eventAt('2022-01-04T20:30:00.000Z', 'almaty', { eventType: 'Riots', subEventType: 'Violent demonstration' }),
      ),
      // 11:00 in Zhanaozen on 2 January.
      zhanaozen: await publishNew(
        tx,
        eventAt('2022-01-02T06:00:00.000Z', 'zhanaozen', { status: 'verified', statusReason: 'filmed by two witnesses' }),
      ),
      // 15:00 in Aktau on 4 January.
      aktau: await publishNew(tx, eventAt('2022-01-04T10:00:00.000Z', 'aktau', { eventType: 'Riots', subEventType: 'Mob violence' })),
    };
    // A draft and a withdrawn event never show.
    await createEvent(tx, null, eventAt('2022-01-05T05:00:00.000Z', 'almaty'), 'draft');
    const withdrawn = await publishNew(tx, eventAt('2022-01-05T06:00:00.000Z', 'almaty'));
    await unpublishEvent(tx, withdrawn, null, new Date('2022-01-07T00:00:00Z'), 'duplicate');
    return ids;
  }

  const all = { limit: 100, offset: 0 };

  it('lists the newest local day first and each day in time order', () =>
    isolated(async (tx) => {
      const ids = await seed(tx);
      const { events, total } = await queryPublished(tx, {}, all);
      assert.equal(total, 4);
      assert.deepEqual(
        events.map((e) => e.id),
        [ids.almatyNight, ids.almatyMorning, ids.aktau, ids.zhanaozen],
      );
      assert.deepEqual(
        events.map((e) => e.localDate),
        ['2022-01-05', '2022-01-05', '2022-01-04', '2022-01-02'],
      );
    }));

  it('pages through the same order and counts every match', () =>
    isolated(async (tx) => {
      const ids = await seed(tx);
      const page = await queryPublished(tx, {}, { limit: 2, offset: 1 });
      assert.equal(page.total, 4);
      assert.deepEqual(
        page.events.map((e) => e.id),
        [ids.almatyMorning, ids.aktau],
      );
    }));

  it('filters by local date, region, type, status and area', () =>
    isolated(async (tx) => {
      const ids = await seed(tx);
      const idsOf = async (f: Parameters<typeof queryPublished>[1]) => {
        const r = await queryPublished(tx, f, all);
        assert.equal(r.total, r.events.length);
        return r.events.map((e) => e.id);
      };
      assert.deepEqual(await idsOf({ from: '2022-01-05' }), [ids.almatyNight, ids.almatyMorning], 'by the local date, not UTC');
      assert.deepEqual(await idsOf({ to: '2022-01-04' }), [ids.aktau, ids.zhanaozen]);
      assert.deepEqual(await idsOf({ from: '2022-01-03', to: '2022-01-04' }), [ids.aktau]);
      assert.deepEqual(await idsOf({ region: 'kz-mangystau' }), [ids.aktau, ids.zhanaozen]);
      assert.deepEqual(await idsOf({ region: 'kz-almaty' }), [ids.almatyNight, ids.almatyMorning]);
      assert.deepEqual(await idsOf({ eventType: 'Riots' }), [ids.almatyNight, ids.aktau]);
      assert.deepEqual(await idsOf({ status: 'verified' }), [ids.zhanaozen]);
      assert.deepEqual(await idsOf({ bbox: [76.8, 43.1, 77.1, 43.4] }), [ids.almatyNight, ids.almatyMorning]);
      assert.deepEqual(await idsOf({ bbox: [52, 43, 53, 44] }), [ids.zhanaozen]);
      assert.deepEqual(await idsOf({ region: 'kz-mangystau', eventType: 'Riots', to: '2022-01-04' }), [ids.aktau]);
      assert.deepEqual(await idsOf({ from: '2022-02-01' }), []);
    }));
});

describe('streamPublished', () => {
  it('yields every event in date order across batch boundaries', () =>
    isolated(async (tx) => {
      // Ten events over four local days, with equal start times so the id has to break ties.
      const starts = [
        ['2022-01-07T03:00:00.000Z', 'almaty'],
        ['2022-01-04T20:30:00.000Z', 'almaty'],
        ['2022-01-05T04:00:00.000Z', 'almaty'],
        ['2022-01-05T04:00:00.000Z', 'zhanaozen'],
        ['2022-01-05T04:00:00.000Z', 'aktau'],
        ['2022-01-02T06:00:00.000Z', 'zhanaozen'],
        ['2022-01-02T06:00:00.000Z', 'zhanaozen'],
        ['2022-01-07T01:00:00.000Z', 'aktau'],
        ['2022-01-04T10:00:00.000Z', 'aktau'],
        ['2022-01-02T19:30:00.000Z', 'almaty'],
      ] as const;
      const ids: number[] = [];
      for (const [start, place] of starts) ids.push(await publishNew(tx, eventAt(start, place)));

      const streamed: Array<{ id: number; localDate: string; start: string }> = [];
      for await (const e of streamPublished(tx, {}, 3)) streamed.push({ id: e.id, localDate: e.localDate, start: e.time.start });

      assert.equal(streamed.length, 10);
      assert.equal(new Set(streamed.map((e) => e.id)).size, 10, 'no event twice');
      assert.deepEqual(new Set(streamed.map((e) => e.id)), new Set(ids));
      const sorted = [...streamed].sort((a, b) => a.localDate.localeCompare(b.localDate) || a.start.localeCompare(b.start) || a.id - b.id);
      assert.deepEqual(streamed, sorted);
      assert.equal(streamed[0]!.localDate, '2022-01-02');
      assert.equal(streamed.at(-1)!.localDate, '2022-01-07');

      const filtered: number[] = [];
      for await (const e of streamPublished(tx, { region: 'kz-mangystau' }, 2)) filtered.push(e.id);
      assert.deepEqual(filtered, [ids[5], ids[6], ids[8], ids[3], ids[4], ids[7]]);

      const batchOfExactSize: number[] = [];
      for await (const e of streamPublished(tx, {}, 5)) batchOfExactSize.push(e.id);
      assert.equal(batchOfExactSize.length, 10);
    }));
});
