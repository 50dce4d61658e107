import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listRelayItems } from '../../store/relay.ts';
import { acceptRelayedReport, forwardDueReports, judgeOriginAnswer, retryDelayMs, startRelayForwarder } from './relay.ts';
import { receiptCodeForDeviceKey } from '../intake/accept.ts';
import { type TestApp, openTestApp } from '../../http/testing.ts';

const ORIGIN = 'http://origin.test';
const KEY = 'device:AAAAAAAAAAAAAAAAAAAAAA';

const HOUR = 3_600_000;

describe('retryDelayMs', () => {
  const config = { relayInterval: 10, relayMaxDelay: 3600 };
  it('doubles from the interval, with jitter in the upper half of each step', () => {
    assert.deepEqual(
      [1, 2, 3, 4].map((n) => retryDelayMs(n, config, () => 1)),
      [10_000, 20_000, 40_000, 80_000],
    );
    assert.deepEqual(
      [1, 2, 3, 4].map((n) => retryDelayMs(n, config, () => 0)),
      [5_000, 10_000, 20_000, 40_000],
    );
    const drawn = Array.from({ length: 200 }, () => retryDelayMs(3, config));
    assert.ok(drawn.every((d) => d >= 20_000 && d <= 40_000));
    assert.ok(new Set(drawn).size > 100, 'jitter spreads the retries');
  });

  it('never waits longer than the cap (an hour by default), however many attempts failed', () => {
    assert.equal(
      retryDelayMs(9, config, () => 1),
      2_560_000,
    );
    assert.equal(
      retryDelayMs(10, config, () => 1),
      HOUR,
    );
    assert.equal(
      retryDelayMs(10_000, config, () => 1),
      HOUR,
    );
    assert.equal(
      retryDelayMs(10_000, config, () => 0),
      HOUR / 2,
    );
    assert.equal(
      retryDelayMs(10, { relayInterval: 0.1, relayMaxDelay: 1 }, () => 1),
      1000,
    );
  });
});

describe('judgeOriginAnswer', () => {
  const code = 'AAAA-BBBB-CCCC';
  it('counts a report as delivered only when the origin confirms the promised code', () => {
    assert.deepEqual(judgeOriginAnswer(201, { receiptCode: code }, code), { kind: 'delivered' });
    assert.deepEqual(judgeOriginAnswer(200, { receiptCode: code }, code), { kind: 'delivered' });
    assert.equal(judgeOriginAnswer(201, { receiptCode: 'ZZZZ-ZZZZ-ZZZZ' }, code).kind, 'refused');
    assert.equal(judgeOriginAnswer(200, undefined, code).kind, 'refused');
  });

  it('retries what may pass (timeouts, rate limits, server errors) and keeps refusals', () => {
    for (const status of [408, 429, 500, 502, 503]) assert.equal(judgeOriginAnswer(status, undefined, code).kind, 'retry', String(status));
    for (const status of [301, 400, 403, 404, 409, 413, 422])
      assert.equal(judgeOriginAnswer(status, undefined, code).kind, 'refused', String(status));
    const refused = judgeOriginAnswer(422, { error: { code: 'invalid_input', message: 'what: is required' } }, code);
    assert.deepEqual(refused, { kind: 'refused', error: 'origin refused the report with 422: invalid_input what: is required' });
  });

  it('honours Retry-After in seconds', () => {
    assert.deepEqual(judgeOriginAnswer(429, undefined, code, '120'), {
      kind: 'retry',
      error: 'origin answered 429',
      retryAfterMs: 120_000,
    });
    assert.equal(judgeOriginAnswer(503, undefined, code, 'Wed, 21 Oct 2015 07:28:00 GMT').kind, 'retry');
  });
});

/** A relay whose clock the test moves, and a script of answers from the origin. */
async function openRelay(): Promise<{ relay: TestApp; clock: { at: Date }; send(report: object, key?: string): Promise<string> }> {
  const clock = { at: new Date('2026-01-06T10:00:00Z') };
  const relay = await openTestApp({ now: () => new Date(clock.at) });
  relay.ctx.config.relayFor = [ORIGIN];
  relay.ctx.config.relayInterval = 10;
  return {
    relay,
    clock,
    async send(report, key) {
      const bytes = new TextEncoder().encode(JSON.stringify(report));
      const receipt = await acceptRelayedReport(relay.ctx, 'origin.test', bytes, report, key);
      return receipt.receiptCode;
    },
  };
}

function answer(status: number, body?: unknown, headers: Record<string, string> = {}) {
  return async () =>
    new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

describe('the forwarder', () => {
  let r: Awaited<ReturnType<typeof openRelay>>;
  before(async () => {
    r = await openRelay();
  });
  after(() => r.relay.close());

  it('sends the envelope unchanged with its key, then deletes it once the origin confirms the code', async () => {
    const report = { what: 'Shots near the akimat', howKnown: 'saw' };
    const code = await r.send(report, KEY);
    assert.equal(code, receiptCodeForDeviceKey(KEY));
    const seen: Array<{ url: string; headers: Headers; body: string }> = [];
    const summary = await forwardDueReports(r.relay.ctx, {
      fetch: async (url, init) => {
        seen.push({ url, headers: new Headers(init.headers), body: new TextDecoder().decode(init.body as Uint8Array) });
        return answer(201, { receiptCode: code, state: 'new' })();
      },
    });
    assert.deepEqual(summary, { delivered: 1, retrying: 0, refused: 0 });
    assert.equal(seen.length, 1);
    assert.equal(seen[0]!.url, `${ORIGIN}/api/v1/reports`);
    assert.equal(seen[0]!.headers.get('idempotency-key'), KEY);
    assert.equal(seen[0]!.headers.get('x-caravan-relay'), '1');
    assert.equal(seen[0]!.body, JSON.stringify(report));
    assert.deepEqual(await listRelayItems(r.relay.db), []);
  });

  it('keeps a report while the origin is down, retries after a growing delay, and delivers it later', async () => {
    await r.send({ what: 'Internet cut in Almaty' }, 'device:BBBBBBBBBBBBBBBBBBBBBB');
    const down = async (): Promise<Response> => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    };
    const start = r.clock.at.getTime();
    assert.deepEqual(await forwardDueReports(r.relay.ctx, { fetch: down, random: () => 1 }), { delivered: 0, retrying: 1, refused: 0 });
    let [item] = await listRelayItems(r.relay.db);
    assert.equal(item!.attempts, 1);
    assert.equal(item!.next_attempt_at.getTime(), start + 10_000);
    assert.match(item!.last_error!, /ECONNREFUSED/);

    // Not due yet: nothing is sent.
    let calls = 0;
    const count = async () => {
      calls++;
      return down();
    };
    await forwardDueReports(r.relay.ctx, { fetch: count });
    assert.equal(calls, 0);

    r.clock.at = new Date(start + 10_000);
    await forwardDueReports(r.relay.ctx, { fetch: count, random: () => 1 });
    [item] = await listRelayItems(r.relay.db);
    assert.equal(calls, 1);
    assert.equal(item!.attempts, 2);
    assert.equal(item!.next_attempt_at.getTime(), start + 10_000 + 20_000);

    r.clock.at = new Date(start + 30_000);
    await forwardDueReports(r.relay.ctx, { fetch: answer(503, { error: { code: 'not_stored', message: 'try again' } }), random: () => 1 });
    [item] = await listRelayItems(r.relay.db);
    assert.equal(item!.attempts, 3);
    assert.match(item!.last_error!, /^origin answered 503: not_stored/);

    r.clock.at = new Date(start + 30_000 + 40_000);
    const summary = await forwardDueReports(r.relay.ctx, { fetch: answer(200, { receiptCode: item!.receipt_code }) });
    assert.equal(summary.delivered, 1);
    assert.deepEqual(await listRelayItems(r.relay.db), []);
  });

  it('keeps a refused report as failed, shows why, and does not send it again', async () => {
    await r.send({ what: 'A refused report' }, 'device:CCCCCCCCCCCCCCCCCCCCCC');
    await forwardDueReports(r.relay.ctx, { fetch: answer(422, { error: { code: 'invalid_input', message: 'what: too long' } }) });
    const [item] = await listRelayItems(r.relay.db);
    assert.ok(item!.failed_at, 'marked failed');
    assert.match(item!.last_error!, /422: invalid_input what: too long/);
    r.clock.at = new Date(r.clock.at.getTime() + 10 * HOUR);
    let calls = 0;
    await forwardDueReports(r.relay.ctx, {
      fetch: async () => {
        calls++;
        return answer(201, { receiptCode: item!.receipt_code })();
      },
    });
    assert.equal(calls, 0);
    assert.equal((await listRelayItems(r.relay.db)).length, 1);
    await r.relay.db.query('delete from relay_outbox');
  });

  it('waits as long as a 429 asks, within the cap', async () => {
    await r.send({ what: 'Rate limited' }, 'device:DDDDDDDDDDDDDDDDDDDDDD');
    const now = r.clock.at.getTime();
    await forwardDueReports(r.relay.ctx, { fetch: answer(429, undefined, { 'retry-after': '600' }), random: () => 1 });
    const [item] = await listRelayItems(r.relay.db);
    assert.equal(item!.next_attempt_at.getTime(), now + 600_000);
    await r.relay.db.query('delete from relay_outbox');
  });

  it('gives an attempt up after the timeout and tries again later', async () => {
    await r.send({ what: 'Slow origin' }, 'device:EEEEEEEEEEEEEEEEEEEEEE');
    const hang = (_url: string, init: RequestInit) =>
      new Promise<Response>((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)));
    assert.equal((await forwardDueReports(r.relay.ctx, { fetch: hang, timeoutMs: 50 })).retrying, 1);
    const [item] = await listRelayItems(r.relay.db);
    assert.match(item!.last_error!, /no answer within 0.05 s/);
    assert.equal(item!.failed_at, null);
    await r.relay.db.query('delete from relay_outbox');
  });

  it('stops cleanly: an attempt under way is aborted and recorded before stop() resolves', async () => {
    await r.send({ what: 'Shutdown' }, 'device:FFFFFFFFFFFFFFFFFFFFFF');
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => (started = resolve));
    const forwarder = startRelayForwarder(r.relay.ctx, {
      fetch: (_url, init) =>
        new Promise<Response>((_, reject) => {
          started();
          init.signal!.addEventListener('abort', () => reject(init.signal!.reason));
        }),
    });
    await inFlight;
    await forwarder.stop();
    const [item] = await listRelayItems(r.relay.db);
    assert.equal(item!.attempts, 1);
    assert.ok(item!.last_error, 'the aborted attempt is recorded');
    assert.ok(item!.next_attempt_at.getTime() > r.clock.at.getTime(), 'and retried later, not dropped');
  });
});
