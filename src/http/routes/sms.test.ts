import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../app.tsx';
import { loadConfig } from '../../app/config.ts';
import { type TestApp, loginAs, openTestApp } from '../testing.ts';
import { SMSSYNC_PATH, SMS_GATEWAY_PATH } from './sms.ts';

const SMSSYNC_SECRET = 'fixture-secret';
const GATEWAY_SECRET = 'gateway-signing-key-1';
const NOW = new Date('2022-01-05T08:05:00Z');
const FIXTURES = new URL('../../channels/fixtures/', import.meta.url);
const fixture = (path: string) => readFileSync(new URL(path, FIXTURES), 'utf8');

let t: TestApp;
before(async () => {
  const config = {
    ...loadConfig({ CARAVAN_DATA: '/nonexistent-test-data', CARAVAN_ORIGIN: 'http://localhost' }),
    smssyncSecret: SMSSYNC_SECRET,
    smsGatewaySecret: GATEWAY_SECRET,
  };
  t = await openTestApp({ config, now: () => NOW });
});
after(() => t.close());

const count = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from reports'))[0]!.n;

function postSmsSync(body: string) {
  return t.app.request(`http://localhost${SMSSYNC_PATH}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
}

function sign(body: string, timestamp: string, secret = GATEWAY_SECRET): string {
  return createHmac('sha256', secret)
    .update(body + timestamp)
    .digest('hex');
}

function postGateway(body: string, opts: { timestamp?: string; signature?: string } = {}) {
  const timestamp = opts.timestamp ?? String(Math.floor(NOW.getTime() / 1000));
  return t.app.request(`http://localhost${SMS_GATEWAY_PATH}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'x-timestamp': timestamp, 'x-signature': opts.signature ?? sign(body, timestamp) },
  });
}

describe('SMSSync endpoint', () => {
  it('stores an SMS as a report and answers the way SMSSync expects', async () => {
    const before = await count();
    const res = await postSmsSync(fixture('smssync/valid/keypad-milliseconds.form'));
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { payload: { success: true, error: null } });
    assert.equal(await count(), before + 1);
    const [row] = await t.db.query<Record<string, unknown>>("select * from reports where channel = 'sms' order by id desc limit 1");
    assert.equal(row!.what, 'ALMATY 05.01 14:00 shooting near Republic Square');
    assert.equal(row!.claimed_where, 'ALMATY');
    assert.equal(row!.claimed_when, '05.01 14:00');
    assert.equal(row!.place_id, 'kz-almaty');
    assert.equal((row!.sent_at as Date).toISOString(), '2022-01-05T08:00:00.000Z');
    assert.equal((row!.received_at as Date).toISOString(), NOW.toISOString());
    assert.equal(row!.external_id, 'smssync:2b4c6d8e-0f1a-4b3c-9d5e-7f8091a2b3c4');
    assert.match(String(row!.sender_hash), /^[0-9a-f]{64}$/);
    assert.equal(t.ctx.sealer.open(String(row!.contact_sealed)), '+77011234567');
  });

  it('keeps one report when the same SMS arrives 300 times, under one id or many', async () => {
    const body = fixture('smssync/valid/cyrillic-seconds.form');
    const before = await count();
    for (let batch = 0; batch < 15; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => {
          // Half the deliveries come back under a new message_id, as after a reinstall of the app.
          const replay = i % 2 === 0 ? body : body.replace(/message_id=[^&]+/, `message_id=retry-${batch}-${i}`);
          return Promise.resolve(postSmsSync(replay)).then((r) => r.json());
        }),
      );
      for (const a of answers) assert.deepEqual(a, { payload: { success: true, error: null } });
    }
    assert.equal(await count(), before + 1);
  });

  it('refuses a wrong or missing secret with SMSSync’s error payload and stores nothing', async () => {
    const before = await count();
    const good = fixture('smssync/valid/keypad-milliseconds.form');
    for (const body of [good.replace('secret=fixture-secret', 'secret=guess'), good.replace(/&secret=[^&]+/, '')]) {
      const res = await postSmsSync(body.replace('shooting', 'other'));
      assert.equal(res.status, 403);
      const answer = (await res.json()) as { payload: { success: boolean; error: string } };
      assert.equal(answer.payload.success, false);
      assert.match(answer.payload.error, /secret/);
    }
    assert.equal(await count(), before);
  });

  for (const name of ['blank-message.form', 'no-from.form', 'timestamp-in-1970.form', 'words-for-timestamp.form']) {
    it(`refuses invalid/${name} with SMSSync’s failure reply and 200, naming the field, and stores nothing`, async () => {
      const before = await count();
      const body = fixture(`smssync/invalid/${name}`);
      const res = await postSmsSync(body.includes('secret=') ? body : `${body}&secret=${SMSSYNC_SECRET}`);
      assert.equal(res.status, 200);
      const answer = (await res.json()) as { payload: { success: boolean; error: string } };
      assert.equal(answer.payload.success, false);
      assert.match(answer.payload.error, /^(from|message|sent_timestamp):/);
      assert.equal(await count(), before);
    });
  }
});

describe('SMS Gateway for Android endpoint', () => {
  const received = fixture('sms-gateway/valid/received.json');

  it('stores a signed sms:received event once, however often it is delivered', async () => {
    const before = await count();
    const first = await postGateway(received);
    assert.equal(first.status, 200);
    assert.equal(((await first.json()) as { stored: boolean }).stored, true);
    for (let i = 0; i < 299; i++) {
      const res = await postGateway(received, { timestamp: String(Math.floor(NOW.getTime() / 1000) - (i % 200)) });
      assert.equal(res.status, 200);
    }
    assert.equal(await count(), before + 1);
    const [row] = await t.db.query<Record<string, unknown>>(
      `select * from reports where external_id = 'sms-gateway:Ey6ECgOkVVFjz3CL48B8C'`,
    );
    assert.equal((row!.sent_at as Date).toISOString(), '2022-01-05T08:00:11.000Z');
    assert.equal(row!.claimed_where, 'ALMATY');
  });

  it('refuses a bad signature, a missing one and a stale timestamp, storing nothing', async () => {
    const before = await count();
    const body = received.replace('Ey6ECgOkVVFjz3CL48B8C', 'Fresh0000000000000001').replace('shooting', 'forged');
    const now = String(Math.floor(NOW.getTime() / 1000));
    const stale = String(Math.floor(NOW.getTime() / 1000) - 301);
    const cases = [
      { signature: sign(body, now, 'not-the-key-at-all') },
      { signature: sign(body.replace('forged', 'other'), now) },
      { signature: 'zz' },
      { signature: '' },
      { timestamp: stale, signature: sign(body, stale) },
      { timestamp: String(Number(now) + 3600), signature: sign(body, String(Number(now) + 3600)) },
    ];
    for (const opts of cases) {
      const res = await postGateway(body, opts);
      assert.equal(res.status, 401, JSON.stringify(opts));
      const answer = (await res.json()) as { error: { code: string; message: string } };
      assert.equal(answer.error.code, 'bad_signature');
    }
    assert.equal(await count(), before);
    assert.equal((await postGateway(body)).status, 200);
    assert.equal(await count(), before + 1);
  });

  it('acknowledges other events without storing anything', async () => {
    const before = await count();
    const res = await postGateway(fixture('sms-gateway/valid/ping.json'));
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { ok: true, stored: false, event: 'system:ping' });
    assert.equal(await count(), before);
  });

  for (const [name, status] of [
    ['array.json', 422],
    ['message-not-text.json', 422],
    ['no-id.json', 422],
    ['received-without-payload.json', 422],
    ['time-without-offset.json', 422],
  ] as const) {
    it(`refuses invalid/${name} with ${status}, naming the field`, async () => {
      const before = await count();
      const res = await postGateway(fixture(`sms-gateway/invalid/${name}`));
      assert.equal(res.status, status);
      const answer = (await res.json()) as { error: { problems: Array<{ field: string }> } };
      assert.ok(answer.error.problems.length > 0);
      assert.equal(await count(), before);
    });
  }

  it('answers 400 to a signed body that is not JSON', async () => {
    const res = await postGateway('{"event": ');
    assert.equal(res.status, 400);
  });
});

describe('senders', () => {
  it('are grouped by a keyed hash and never stored in clear', async () => {
    await postGateway(fixture('sms-gateway/valid/received-sender-no-time.json'));
    const rows = await t.db.query<{ sender_hash: string; n: number }>(
      `select sender_hash, count(*)::int as n from reports where channel = 'sms' group by sender_hash order by n desc`,
    );
    // +77011234567 sent three different SMS (through both apps); the others one each.
    assert.deepEqual(
      rows.map((r) => r.n),
      [3, 1, 1],
    );
    const dump = await t.db.query<{ row: string }>(
      `select to_jsonb(r)::text as row from reports r
       union all select to_jsonb(s)::text from sources s
       union all select to_jsonb(a)::text from report_actions a
       union all select to_jsonb(m)::text from report_media_refs m`,
    );
    const text = dump.map((d) => d.row).join('\n');
    assert.ok(text.includes('sms'), 'the dump must contain the SMS reports');
    for (const number of ['77011234567', '77059876543', '77019998877', '701 123', '7011234567']) {
      assert.ok(!text.includes(number), `${number} appears in clear in the database`);
    }
  });
});

describe('the editor’s report page', () => {
  it('shows the sender’s other messages and the SMS time, never the number', async () => {
    const [row] = await t.db.query<{ id: number }>(`select id from reports where external_id like 'smssync:2b4c6d8e%'`);
    const editor = await loginAs(t, 'editor');
    const html = await (await editor.get(`/editor/reports/${row!.id}`)).text();
    assert.match(html, /2 other messages from this sender/);
    assert.match(html, /2022-01-05 08:00 UTC/);
    assert.match(html, /smssync:2b4c6d8e/);
    const [other] = await t.db.query<{ id: number }>(`select id from reports where external_id = 'sms-gateway:Ey6ECgOkVVFjz3CL48B8C'`);
    assert.match(html, new RegExp(`href="/editor/reports/${other!.id}"`));
    assert.ok(!html.includes('7011234567'), 'the number must not be on the page');
  });
});

describe('closed doors', () => {
  it('answer 404 "not configured" when no secret is set', async () => {
    // The same database, a server configured without the secrets.
    const closed = createApp({
      ...t.ctx,
      config: loadConfig({ CARAVAN_DATA: '/nonexistent-test-data', CARAVAN_ORIGIN: 'http://localhost' }),
    });
    const before = await count();
    const a = await closed.request(`http://localhost${SMSSYNC_PATH}`, {
      method: 'POST',
      body: fixture('smssync/valid/keypad-milliseconds.form').replace('shooting', 'closed door'),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(a.status, 404);
    assert.match(((await a.json()) as { payload: { error: string } }).payload.error, /not configured/);
    const body = fixture('sms-gateway/valid/received.json').replace('shooting', 'closed door');
    const timestamp = String(Math.floor(NOW.getTime() / 1000));
    const b = await closed.request(`http://localhost${SMS_GATEWAY_PATH}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'x-timestamp': timestamp, 'x-signature': sign(body, timestamp) },
    });
    assert.equal(b.status, 404);
    assert.equal(await count(), before);
  });
});

describe('poison messages', () => {
  // Before, a NUL in an id reached PostgreSQL and the answer was 503 for ever: the phone kept
  // resending and the message was never stored.
  it('stores an SMSSync message whose message_id holds a NUL, once, and answers success', async () => {
    const before = await count();
    const form = `from=%2B77770000001&message=Smoke%00over+the+akimat&message_id=a%00b&sent_timestamp=1641369611000&secret=${SMSSYNC_SECRET}`;
    for (let i = 0; i < 3; i++) {
      const res = await postSmsSync(form);
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { payload: { success: true, error: null } });
    }
    assert.equal(await count(), before + 1);
    const [row] = await t.db.query<{ what: string; external_id: string }>(
      `select what, external_id from reports where external_id like 'smssync:a%'`,
    );
    assert.deepEqual(row, { what: 'Smoke over the akimat', external_id: 'smssync:a b' });
  });

  it('stores a signed SMS Gateway event whose envelope id holds a NUL, and answers 200', async () => {
    const before = await count();
    const event = JSON.parse(fixture('sms-gateway/valid/received.json')) as { id: string; payload: Record<string, unknown> };
    event.id = 'e\u0000';
    event.payload.phoneNumber = '+77770000002';
    const body = JSON.stringify(event);
    assert.ok(body.includes('"e\\u0000"'));
    const res = await postGateway(body);
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { stored: boolean }).stored, true);
    assert.equal((await postGateway(body)).status, 200);
    assert.equal(await count(), before + 1);
    const [row] = await t.db.query<{ external_id: string }>(`select external_id from reports where external_id like 'sms-gateway:e%'`);
    assert.equal(row!.external_id, 'sms-gateway:e ');
  });
});
