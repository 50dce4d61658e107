import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../store/db.ts';
import { claimDueRelayItems, insertRelayItem, markRelayItemFailed, retryFailedRelayItem } from '../../store/relay.ts';
import { openTestDb } from '../../store/testing.ts';
import { relayStatusLines } from './action.ts';

describe('caravan relay status', () => {
  let db: Db;
  const now = new Date('2026-01-07T12:00:00Z');
  before(async () => {
    db = await openTestDb();
  });
  after(() => db.close());

  it('says when relaying is off and nothing is held', async () => {
    assert.deepEqual(await relayStatusLines(db, { relayFor: [] }, now), [
      'relaying is off (CARAVAN_RELAY_FOR is empty)',
      '0 waiting, 0 failed',
    ]);
  });

  it('lists failed reports first, with the origin’s answer, then waiting ones, never the report', async () => {
    const envelope = new TextEncoder().encode('{"what":"secret text of the report"}');
    const base = { originUrl: 'https://kz.example.org', envelope, createdAt: new Date('2026-01-07T09:00:00Z') };
    await insertRelayItem(db, { ...base, idempotencyKey: 'device:waiting000000000000000', receiptCode: 'AAAA-AAAA-AAAA' });
    const { item: refused } = await insertRelayItem(db, {
      ...base,
      idempotencyKey: 'device:refused000000000000000',
      receiptCode: 'BBBB-BBBB-BBBB',
    });
    await claimDueRelayItems(db, now, new Date('2026-01-07T12:05:00Z'), 10);
    await markRelayItemFailed(db, refused.id, now, 'origin refused the report with 422: invalid_input what: is required');

    const lines = await relayStatusLines(db, { relayFor: ['https://kz.example.org'] }, now);
    assert.equal(lines[0], 'relaying for https://kz.example.org');
    assert.equal(lines[1], '1 waiting, 1 failed');
    assert.match(lines[2]!, /BBBB-BBBB-BBBB.*1 attempts\tFAILED 2026-01-07T12:00:00.000Z\torigin refused the report with 422/);
    assert.match(lines[3]!, /AAAA-AAAA-AAAA.*1 attempts\tnext attempt 2026-01-07T12:05:00.000Z$/);
    assert.ok(!lines.join('\n').includes('secret text'), 'the report itself is not shown');
    assert.ok(!lines.join('\n').includes('device:'), 'nor the key that would let someone replay it');
  });

  it('puts a failed report back in line on retry, and only a failed one', async () => {
    const [failed] = await db.query<{ id: number }>('select id from relay_outbox where failed_at is not null');
    assert.equal(await retryFailedRelayItem(db, failed!.id, now), true);
    assert.equal(await retryFailedRelayItem(db, failed!.id, now), false);
    const lines = await relayStatusLines(db, { relayFor: ['https://kz.example.org'] }, now);
    assert.equal(lines[1], '2 waiting, 0 failed');
    assert.match(lines.find((l) => l.includes('BBBB-BBBB-BBBB'))!, /due now/);
  });
});
