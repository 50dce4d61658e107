import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { ConflictError, ValidationError } from '../../core/errors.ts';
import { sampleEventData } from '../../core/testing.ts';
import type { Db } from '../../store/db.ts';
import { createEvent, publishEvent, unpublishEvent } from '../../store/events.ts';
import { claimReport, findReportByReceipt, linkReport, markDuplicate, rejectReport } from '../../store/reports.ts';
import { openTestDb } from '../../store/testing.ts';
import { loadConfig } from '../config.ts';
import { type AppContext, contextFor } from '../context.ts';
import { acceptReport, lookupReceipt } from './accept.ts';

let db: Db;
let ctx: AppContext;
let editorId: number;

before(async () => {
  db = await openTestDb();
  ctx = contextFor(loadConfig({ CARAVAN_DATA: '/nonexistent-test-data' }), db, { now: () => new Date('2022-01-05T09:30:00Z') });
  const rows = await db.query<{ id: number }>(
    `insert into users (username, password_hash, role) values ('ed', 'x', 'editor') returning id`,
  );
  editorId = rows[0]!.id;
});
after(() => db.close());

const count = async () => (await db.query<{ n: number }>('select count(*)::int as n from reports'))[0]!.n;

test('a report is stored once with its place resolved and its contact sealed', async () => {
  const before = await count();
  const r = await acceptReport(
    ctx,
    {
      what: 'Police fired at the crowd',
      when: 'today 14:00',
      where: 'Almaty, Republic Square',
      howKnown: 'saw',
      contact: 'signal +7 700 000 0000',
    },
    { channel: 'web' },
  );
  assert.equal(r.created, true);
  assert.equal(r.state, 'new');
  assert.match(r.receiptCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  assert.equal(await count(), before + 1);
  const row = (await findReportByReceipt(db, r.receiptCode))!;
  assert.equal(row.what, 'Police fired at the crowd');
  assert.equal(row.channel, 'web');
  assert.equal(row.place_id, 'kz-almaty-republic-square');
  assert.equal(row.received_at.toISOString(), '2022-01-05T09:30:00.000Z');
  assert.ok(row.contact_sealed);
  assert.ok(!row.contact_sealed.includes('+7 700'), 'contact must not be stored in clear');
  assert.equal(ctx.sealer.open(row.contact_sealed), 'signal +7 700 000 0000');
});

test('a vague place is left for the editors instead of guessed', async () => {
  const r = await acceptReport(ctx, { what: 'Shots heard', where: 'somewhere in the west' }, { channel: 'api' });
  const row = (await findReportByReceipt(db, r.receiptCode))!;
  assert.equal(row.place_id, null);
  assert.equal(row.how_known, 'other');
  assert.equal(row.contact_sealed, null);
});

test('the same idempotency key twice stores one report and returns the same receipt', async () => {
  const before = await count();
  const input = { what: 'Crowd at the akimat', where: 'Shymkent' };
  const a = await acceptReport(ctx, input, { channel: 'api', idempotencyKey: 'key-aaaaaaaaaaaa' });
  const b = await acceptReport(ctx, input, { channel: 'api', idempotencyKey: 'key-aaaaaaaaaaaa' });
  assert.equal(a.created, true);
  assert.equal(b.created, false);
  assert.equal(b.receiptCode, a.receiptCode);
  assert.equal(await count(), before + 1);
  // A key in the body counts the same as one given by the channel.
  const c = await acceptReport(ctx, { ...input, idempotencyKey: 'key-aaaaaaaaaaaa' }, { channel: 'api' });
  assert.equal(c.receiptCode, a.receiptCode);
  assert.equal(await count(), before + 1);
});

test('a reused key with a different report is refused, so the key alone never reveals a receipt', async () => {
  await acceptReport(ctx, { what: 'First text', contact: 'me@example.org' }, { channel: 'api', idempotencyKey: 'key-bbbbbbbbbbbb' });
  const before = await count();
  await assert.rejects(acceptReport(ctx, { what: 'Other text' }, { channel: 'api', idempotencyKey: 'key-bbbbbbbbbbbb' }), ConflictError);
  await assert.rejects(
    acceptReport(ctx, { what: 'First text', contact: 'someone@else.org' }, { channel: 'api', idempotencyKey: 'key-bbbbbbbbbbbb' }),
    ConflictError,
  );
  assert.equal(await count(), before);
});

test('keys are scoped to their channel', async () => {
  const a = await acceptReport(ctx, { what: 'Same words' }, { channel: 'api', idempotencyKey: 'key-cccccccccccc' });
  const b = await acceptReport(ctx, { what: 'Same words' }, { channel: 'web', idempotencyKey: 'key-cccccccccccc' });
  assert.notEqual(a.receiptCode, b.receiptCode);
  assert.equal(b.created, true);
});

test('bad input names every field and stores nothing', async () => {
  const before = await count();
  await assert.rejects(
    acceptReport(ctx, { when: 'today', howKnown: 'guess', extra: 1 }, { channel: 'api', idempotencyKey: 'short' }),
    (err: unknown) => {
      assert.ok(err instanceof ValidationError);
      const fields = err.problems.map((p) => p.field).sort();
      assert.deepEqual(fields, ['extra', 'howKnown', 'idempotencyKey', 'what']);
      return true;
    },
  );
  await assert.rejects(
    acceptReport(ctx, { what: 'x', idempotencyKey: 'key-dddddddddddd' }, { channel: 'api', idempotencyKey: 'key-eeeeeeeeeeee' }),
    ValidationError,
  );
  await assert.rejects(acceptReport(ctx, [{ what: 'x' }], { channel: 'api' }), ValidationError);
  await assert.rejects(acceptReport(ctx, { what: 'nul\u0000byte' }, { channel: 'api' }), ValidationError);
  assert.equal(await count(), before);
});

test('a receipt code collision draws a new code', async () => {
  const fixed = new Uint8Array(8).fill(7);
  const first = await acceptReport({ ...ctx, randomBytes: () => fixed }, { what: 'One' }, { channel: 'api' });
  let calls = 0;
  const flaky = { ...ctx, randomBytes: (n: number) => (++calls === 1 ? fixed : randomBytes(n)) };
  const second = await acceptReport(flaky, { what: 'Two' }, { channel: 'api' });
  assert.equal(calls, 2);
  assert.notEqual(second.receiptCode, first.receiptCode);
  assert.equal((await findReportByReceipt(db, second.receiptCode))!.what, 'Two');
});

test('a receipt shows the state and the day, and links only a published event', async () => {
  const r = await acceptReport(ctx, { what: 'Tear gas near the airport', where: 'Almaty airport' }, { channel: 'web' });
  const row = (await findReportByReceipt(db, r.receiptCode))!;
  assert.deepEqual(await lookupReceipt(ctx, r.receiptCode), { state: 'new', receivedOn: '2022-01-05' });
  await claimReport(db, row.id, editorId);
  assert.equal((await lookupReceipt(ctx, r.receiptCode))!.state, 'claimed');

  const draft = await createEvent(db, editorId, sampleEventData(), 'draft');
  await linkReport(db, row.id, draft, editorId);
  assert.deepEqual(await lookupReceipt(ctx, r.receiptCode), { state: 'linked', receivedOn: '2022-01-05' });
  await publishEvent(db, draft, editorId, new Date('2022-01-06T00:00:00Z'));
  assert.deepEqual(await lookupReceipt(ctx, r.receiptCode), { state: 'linked', receivedOn: '2022-01-05', publishedEventId: draft });
  await unpublishEvent(db, draft, editorId, new Date('2022-01-07T00:00:00Z'), 'wrong place');
  assert.equal((await lookupReceipt(ctx, r.receiptCode))!.publishedEventId, undefined);

  assert.equal(await lookupReceipt(ctx, '0000-0000-0000'), undefined);
});

test('duplicates and rejections read as such', async () => {
  const a = await acceptReport(ctx, { what: 'Original' }, { channel: 'web' });
  const b = await acceptReport(ctx, { what: 'Copy' }, { channel: 'web' });
  const c = await acceptReport(ctx, { what: 'Nonsense' }, { channel: 'web' });
  const rowA = (await findReportByReceipt(db, a.receiptCode))!;
  const rowB = (await findReportByReceipt(db, b.receiptCode))!;
  const rowC = (await findReportByReceipt(db, c.receiptCode))!;
  await markDuplicate(db, rowB.id, rowA.id, editorId);
  await rejectReport(db, rowC.id, editorId, 'a private note');
  assert.deepEqual(await lookupReceipt(ctx, b.receiptCode), { state: 'duplicate', receivedOn: '2022-01-05' });
  assert.deepEqual(await lookupReceipt(ctx, c.receiptCode), { state: 'rejected', receivedOn: '2022-01-05' });
});
