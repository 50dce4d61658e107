import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '../store/db.ts';
import { queryPublished } from '../store/events.ts';
import { listReports } from '../store/reports.ts';
import { openTestDb } from '../store/testing.ts';
import { DEMO_EVENTS, DEMO_REPORTS } from './kazakhstan-2022.ts';
import { loadDemoIfEmpty, resetAndLoadDemo } from './load.ts';

let db: Db;
before(async () => {
  db = await openTestDb();
});
after(() => db.close());

test('an empty store gets the demo chronicle, published, with a triage queue', async () => {
  const loaded = await loadDemoIfEmpty(db, new Date());
  assert.deepEqual(loaded, { events: DEMO_EVENTS.length, reports: DEMO_REPORTS.length });
  const { total, events } = await queryPublished(db, {}, { limit: 500, offset: 0 });
  assert.equal(total, DEMO_EVENTS.length);
  assert.ok(events.every((e) => e.localDate >= '2022-01-01' && e.localDate <= '2022-01-11'));
  assert.ok(new Set(events.map((e) => e.location.placeId)).size >= 10);
  const queue = await listReports(db, { states: ['new'] });
  assert.equal(queue.length, DEMO_REPORTS.filter((r) => r.state === 'new').length);
});

test('corrections are published revisions, the latest one public', async () => {
  const corrected = DEMO_EVENTS.filter((e) => (e.corrections?.length ?? 0) > 0);
  assert.ok(corrected.length > 0);
  const rows = await db.query<{ n: number }>(`select count(*)::int as n from events where published_revision > 1`);
  assert.equal(rows[0]!.n, corrected.length);
  const { events } = await queryPublished(db, { status: 'retracted' }, { limit: 50, offset: 0 });
  assert.ok(events.length >= 1, 'the retracted rumour stays public, marked retracted');
});

test('a second start does not load the demo twice; --reset reloads it', async () => {
  assert.equal(await loadDemoIfEmpty(db, new Date()), undefined);
  const again = await resetAndLoadDemo(db, '/nonexistent-test-data', new Date());
  assert.equal(again.events, DEMO_EVENTS.length);
  const { total } = await queryPublished(db, {}, { limit: 1, offset: 0 });
  assert.equal(total, DEMO_EVENTS.length);
});
