import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listRelayItems } from '../../store/relay.ts';
import { receiptCodeForDeviceKey } from '../../app/intake/accept.ts';
import { forwardDueReports } from '../../app/relay/relay.ts';
import type { Db } from '../../store/db.ts';
import { openTestDb } from '../../store/testing.ts';
import { createApp } from '../app.tsx';
import { loadConfig } from '../../app/config.ts';
import { type AppContext, contextFor } from '../../app/context.ts';
import type { TestApp } from '../testing.ts';

const ORIGIN = 'http://origin.test';
const KEY = 'device:relayTestKey0000000000';

/** A node without editor accounts: these tests need none, and hashing their passwords is slow. */
function nodeOn(db: Db, env: Record<string, string>, overrides: Partial<AppContext> = {}): TestApp {
  const ctx = contextFor(loadConfig({ CARAVAN_DATA: '/nonexistent-test-data', CARAVAN_ORIGIN: 'http://localhost', ...env }), db, overrides);
  return { app: createApp(ctx), ctx, db, close: async () => undefined };
}

const clock = { at: new Date('2026-01-06T10:00:00Z') };
let db: Db;
let relay: TestApp;
let origin: TestApp;
before(async () => {
  // Relay and origin share one database (a relay keeps only relay_outbox, an origin only
  // reports): opening a database is the slow part of these tests.
  db = await openTestDb();
  relay = nodeOn(db, { CARAVAN_RELAY_FOR: `${ORIGIN},https://other.example.org/kz` }, { now: () => new Date(clock.at) });
  origin = nodeOn(db, {});
});
after(() => db.close());

function post(t: TestApp, path: string, body: string, headers: Record<string, string> = {}) {
  return t.app.request(`http://localhost${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
}

async function outboxCount(t: TestApp): Promise<number> {
  return (await listRelayItems(t.db)).length;
}

describe('POST /api/v1/relay/<origin host>/reports', () => {
  it('holds the report and answers 202 with the receipt code the origin will confirm', async () => {
    const body = '{ "what": "Crowd at the square",  "howKnown": "saw" }';
    const res = await post(relay, '/api/v1/relay/origin.test/reports', body, { 'idempotency-key': KEY });
    assert.equal(res.status, 202);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await res.json(), {
      receiptCode: receiptCodeForDeviceKey(KEY),
      relayedTo: ORIGIN,
      statusUrl: `${ORIGIN}/report/status`,
    });
    const rows = await relay.db.query<{ envelope: Uint8Array; idempotency_key: string }>(
      'select envelope, idempotency_key from relay_outbox',
    );
    assert.equal(rows.length, 1);
    assert.equal(new TextDecoder().decode(rows[0]!.envelope), body, 'the envelope is kept byte for byte');
    assert.equal(rows[0]!.idempotency_key, KEY);
  });

  it('answers the same key again with the same receipt and holds one copy', async () => {
    const res = await post(relay, '/api/v1/relay/origin.test/reports', '{"what":"Crowd at the square","howKnown":"saw"}', {
      'idempotency-key': `"${KEY}"`,
    });
    assert.equal(res.status, 202);
    assert.equal(((await res.json()) as { receiptCode: string }).receiptCode, receiptCodeForDeviceKey(KEY));
    assert.equal(await outboxCount(relay), 1);
  });

  it('refuses a different report under a key already held', async () => {
    const res = await post(relay, '/api/v1/relay/origin.test/reports', '{"what":"Something else"}', { 'idempotency-key': KEY });
    assert.equal(res.status, 409);
    assert.equal(await outboxCount(relay), 1);
  });

  it('chooses a device key when the sender gave none', async () => {
    const res = await post(relay, '/api/v1/relay/other.example.org/reports', JSON.stringify({ what: 'No key given' }));
    assert.equal(res.status, 202);
    const { receiptCode, relayedTo } = (await res.json()) as { receiptCode: string; relayedTo: string };
    assert.equal(relayedTo, 'https://other.example.org/kz');
    const [row] = await relay.db.query<{ idempotency_key: string }>('select idempotency_key from relay_outbox where origin_url = $1', [
      relayedTo,
    ]);
    assert.match(row!.idempotency_key, /^device:[A-Za-z0-9_-]{22}$/);
    assert.equal(receiptCode, receiptCodeForDeviceKey(row!.idempotency_key));
  });

  it('takes the key from the body as the origin would', async () => {
    const key = 'device:inTheBody000000000000000';
    const res = await post(relay, '/api/v1/relay/origin.test/reports', JSON.stringify({ what: 'Key in body', idempotencyKey: key }));
    assert.equal(res.status, 202);
    assert.equal(((await res.json()) as { receiptCode: string }).receiptCode, receiptCodeForDeviceKey(key));
  });

  it('refuses an origin it does not relay for, naming it', async () => {
    const before = await outboxCount(relay);
    const res = await post(relay, '/api/v1/relay/evil.example.com/reports', JSON.stringify({ what: 'x' }));
    assert.equal(res.status, 403);
    assert.match(((await res.json()) as { error: { message: string } }).error.message, /does not relay for evil\.example\.com/);
    assert.equal(await outboxCount(relay), before);
  });

  it('checks the report the way the origin will and stores nothing bad', async () => {
    const before = await outboxCount(relay);
    const cases: Array<[string, Record<string, string>, number, RegExp]> = [
      ['{"howKnown":"saw"}', {}, 422, /what/],
      ['{"what":"x","colour":"red"}', {}, 422, /colour/],
      ['{"what":"\\ud800"}', {}, 422, /lone surrogate/],
      ['{"what":"x","contactAge":"not age"}', {}, 422, /contactAge/],
      ['{"what":"x"}', { 'idempotency-key': 'a-uuid-like-key-1234' }, 422, /device key/],
      [
        '{"what":"x","idempotencyKey":"device:AAAAAAAAAAAAAAAAAAAAAA"}',
        { 'idempotency-key': 'device:BBBBBBBBBBBBBBBBBBBBBB' },
        422,
        /differs/,
      ],
      ['{"what":', {}, 400, /not valid JSON/],
      ['what=x', { 'content-type': 'application/x-www-form-urlencoded' }, 400, /application\/json/],
    ];
    for (const [body, headers, status, message] of cases) {
      const res = await post(relay, '/api/v1/relay/origin.test/reports', body, headers);
      assert.equal(res.status, status, body);
      assert.match(JSON.stringify(await res.json()), message, body);
    }
    const big = JSON.stringify({ what: 'x'.repeat(70 * 1024) });
    assert.equal((await post(relay, '/api/v1/relay/origin.test/reports', big)).status, 413);
    assert.equal(await outboxCount(relay), before);
  });

  it('relays nothing when CARAVAN_RELAY_FOR is empty', async () => {
    const configured = relay.ctx.config.relayFor;
    relay.ctx.config.relayFor = [];
    try {
      const res = await post(relay, '/api/v1/relay/origin.test/reports', JSON.stringify({ what: 'x' }));
      assert.equal(res.status, 403);
      assert.match(((await res.json()) as { error: { message: string } }).error.message, /relays for no chronicle/);
    } finally {
      relay.ctx.config.relayFor = configured;
    }
  });
});

describe('a relay and an origin', () => {
  before(() => relay.db.query('delete from relay_outbox'));

  it('still yields one report at the origin when its confirmation is lost a hundred times', async () => {
    const key = 'device:lostAck0000000000000000';
    const sent = await post(
      relay,
      '/api/v1/relay/origin.test/reports',
      JSON.stringify({ what: 'Troops at the airport', howKnown: 'saw' }),
      {
        'idempotency-key': key,
      },
    );
    const { receiptCode } = (await sent.json()) as { receiptCode: string };
    let attempts = 0;
    const answers: number[] = [];
    // The origin stores and answers every time; the answer is lost on its way back 99 times.
    const lossyLink = async (url: string, init: RequestInit) => {
      attempts++;
      const res = await origin.app.request(url, init);
      answers.push(res.status);
      if (attempts < 100) throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
      return res;
    };
    for (let i = 0; i < 100; i++) {
      await forwardDueReports(relay.ctx, { fetch: lossyLink });
      clock.at = new Date(clock.at.getTime() + relay.ctx.config.relayMaxDelay * 1000);
    }
    assert.equal(attempts, 100);
    assert.deepEqual([answers[0], new Set(answers.slice(1))], [201, new Set([200])]);
    const rows = await origin.db.query<{ channel: string; receipt_code: string }>('select channel, receipt_code from reports');
    assert.deepEqual(rows, [{ channel: 'relay', receipt_code: receiptCode }]);
    assert.equal(await outboxCount(relay), 0, "the relay's copy is gone");

    const status = await post(origin, '/api/v1/reports/status', JSON.stringify({ code: receiptCode }));
    assert.equal(status.status, 200);
    assert.equal(((await status.json()) as { state: string }).state, 'new');
  });

  it('labels a report sent without the relay header as the API channel', async () => {
    const res = await post(origin, '/api/v1/reports', JSON.stringify({ what: 'Direct' }), {
      'idempotency-key': 'device:direct00000000000000000',
    });
    assert.equal(res.status, 201);
    const [row] = await origin.db.query<{ channel: string }>("select channel from reports where what = 'Direct'");
    assert.equal(row!.channel, 'api');
  });
});
