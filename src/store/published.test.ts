/**
 * The tallies behind the chronology's count and pager and the map must agree with the events
 * themselves after every kind of change an editor makes: publish, correction (a new revision
 * that moves the event to another day, place or status), retraction, unpublish.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { EventLocation } from '../core/event.ts';
import type { EventFilter } from '../core/filter.ts';
import { sampleEventData } from '../core/testing.ts';
import type { Db } from './db.ts';
import { createEvent, getEventRow, getRevision, publishEvent, queryPublished, reviseEvent, unpublishEvent } from './events.ts';
import { countPublishedByDay, publishedPoints } from './published.ts';
import { openTestDb } from './testing.ts';

const ALMATY: EventLocation = { placeId: 'kz-almaty', name: 'Almaty', country: 'KAZ', lat: 43.238, lon: 76.946, geoPrecision: 1 };
const ZHANAOZEN: EventLocation = { placeId: 'kz-zhanaozen', name: 'Zhanaozen', country: 'KAZ', lat: 43.34, lon: 52.86, geoPrecision: 1 };
const MOSCOW: EventLocation = { name: 'Moscow', country: 'RUS', lat: 55.76, lon: 37.62, geoPrecision: 1 };

let db: Db;
before(async () => {
  db = await openTestDb();
});
after(() => db.close());

const at = (day: number) => new Date(Date.UTC(2022, 0, 20, 0, day));

function data(day: number, location: EventLocation, status: 'unverified' | 'verified' | 'retracted' = 'unverified') {
  return sampleEventData({
    time: { start: `2022-01-${String(day).padStart(2, '0')}T06:00:00.000Z`, precision: 'minute', timeZone: 'Asia/Almaty' },
    location,
    status,
    ...(status === 'unverified' ? {} : { statusReason: 'checked' }),
  });
}

/** What the events table says, counted the slow way. */
async function counted(f: EventFilter): Promise<number> {
  const { total } = await queryPublished(db, f, { limit: 1, offset: 0 });
  const where: string[] = ['published_revision is not null'];
  const params: unknown[] = [];
  if (f.region) where.push(`pub_region = $${params.push(f.region)}`);
  if (f.status) where.push(`pub_status = $${params.push(f.status)}`);
  if (f.from) where.push(`pub_local_date >= $${params.push(f.from)}::date`);
  const [row] = await db.query<{ n: number }>(`select count(*)::int as n from events where ${where.join(' and ')}`, params);
  assert.equal(total, row!.n, `count for ${JSON.stringify(f)}`);
  return total;
}

async function pointsAt(lon: number): Promise<number> {
  return (await publishedPoints(db, {})).filter((p) => p.lon === lon).reduce((n, p) => n + p.count, 0);
}

async function correct(id: number, next: ReturnType<typeof data>, when: Date) {
  await db.transaction(async (tx) => {
    const ev = await getEventRow(tx, id);
    await reviseEvent(tx, id, null, next, 'correction', ev.latest_revision);
    await publishEvent(tx, id, null, when, 'corrected');
  });
}

describe('published tallies', () => {
  it('follow publish, correction, retraction and unpublish', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) {
      ids.push(
        await db.transaction(async (tx) => {
          const id = await createEvent(tx, null, data(2 + (i % 4), i % 3 === 0 ? ZHANAOZEN : ALMATY), 'new');
          await publishEvent(tx, id, null, at(i));
          return id;
        }),
      );
    }
    // A draft that never goes public counts nowhere.
    await createEvent(db, null, data(3, ALMATY), 'draft');
    assert.equal(await counted({}), 12);
    assert.equal(await counted({ region: 'kz-mangystau' }), 4);
    assert.equal(await pointsAt(ZHANAOZEN.lon), 4);

    // A correction that moves an event from Zhanaozen to Moscow and to another day.
    await correct(ids[0]!, data(9, MOSCOW), at(20));
    assert.equal(await counted({}), 12);
    assert.equal(await counted({ region: 'kz-mangystau' }), 3);
    assert.equal(await counted({ from: '2022-01-09' }), 1);
    assert.equal(await pointsAt(ZHANAOZEN.lon), 3);
    assert.equal(await pointsAt(MOSCOW.lon), 1);

    // A correction that changes nothing the tallies hold leaves them as they were.
    const rev = await getRevision(db, ids[1]!, 1);
    await correct(ids[1]!, { ...rev.data, notes: 'a better wording' }, at(21));
    assert.equal(await counted({}), 12);

    // A retraction stays public, under its new status.
    await correct(ids[3]!, data(2 + (3 % 4), ZHANAOZEN, 'retracted'), at(22));
    assert.equal(await counted({ status: 'retracted' }), 1);
    assert.equal(await counted({ status: 'unverified' }), 11);
    assert.equal(await counted({}), 12);

    // Unpublishing takes the event out of every tally; publishing again brings it back once.
    await db.transaction((tx) => unpublishEvent(tx, ids[2]!, null, at(23), 'withdrawn'));
    await db.transaction((tx) => unpublishEvent(tx, ids[0]!, null, at(24), 'withdrawn'));
    assert.equal(await counted({}), 10);
    assert.equal(await pointsAt(MOSCOW.lon), 0);
    assert.equal(
      (await publishedPoints(db, {})).reduce((n, p) => n + p.count, 0),
      10,
    );
    await db.transaction((tx) => publishEvent(tx, ids[2]!, null, at(25)));
    assert.equal(await counted({}), 11);
    assert.equal(await counted({ region: 'kz-almaty' }), 8);
    // The map's two tallies (by place alone, and by day and type too) agree.
    const sum = (ps: Array<{ count: number }>) => ps.reduce((n, p) => n + p.count, 0);
    assert.equal(sum(await publishedPoints(db, {})), 11);
    assert.equal(sum(await publishedPoints(db, { from: '2022-01-01' })), 11);
    assert.equal(sum(await publishedPoints(db, { eventType: 'Protests', region: 'kz-almaty' })), await counted({ region: 'kz-almaty' }));
  });

  it('a rolled-back publication leaves the counts as they were', async () => {
    const before = await counted({});
    await assert.rejects(
      db.transaction(async (tx) => {
        const id = await createEvent(tx, null, data(5, ALMATY), 'new');
        await publishEvent(tx, id, null, at(30));
        throw new Error('editor cancelled');
      }),
    );
    assert.equal(await counted({}), before);
  });

  it('pages reached by day hold the same events as an offset over the whole order', async () => {
    const counts = await countPublishedByDay(db, {});
    assert.equal(
      counts.days.reduce((n, d) => n + d.count, 0),
      counts.total,
    );
    const all = (await queryPublished(db, {}, { limit: 1000, offset: 0 })).events.map((e) => e.id);
    for (const size of [1, 2, 3, 5]) {
      for (let offset = 0; offset < all.length + 2; offset += size) {
        const page = await queryPublished(db, {}, { limit: size, offset });
        assert.deepEqual(
          page.events.map((e) => e.id),
          all.slice(offset, offset + size),
          `page of ${size} at ${offset}`,
        );
      }
    }
    // A filter pages by day rather than by hour; the pages are the same slices.
    const almaty = (await queryPublished(db, { region: 'kz-almaty' }, { limit: 1000, offset: 0 })).events.map((e) => e.id);
    assert.ok(almaty.length > 3);
    for (let offset = 0; offset < almaty.length + 2; offset += 2) {
      const page = await queryPublished(db, { region: 'kz-almaty' }, { limit: 2, offset });
      assert.deepEqual(
        page.events.map((e) => e.id),
        almaty.slice(offset, offset + 2),
        `Almaty page at ${offset}`,
      );
    }
  });
});
