import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { openApiDocument } from '../../publish/openapi.ts';
import { loadConfig } from '../../app/config.ts';
import type { IntakeBudget } from '../../app/limits/intake-limits.ts';
import { type TestApp, loginAs, openTestApp } from '../testing.ts';

const BASE = 'http://localhost';
const HOUR = 3600_000;

/** The bindings @hono/node-server passes with a request from that address. */
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address, remotePort: 40000, remoteFamily: 'IPv4' } } });

const report = (what = 'Soldiers at the akimat, shooting heard since noon') => ({
  what,
  when: 'today 12:00',
  where: 'Almaty',
  howKnown: 'saw',
});

let clock = new Date('2026-01-05T10:00:00Z');
let t: TestApp;

async function openWith(budget: Partial<IntakeBudget>): Promise<TestApp> {
  const config = loadConfig({ CARAVAN_DATA: '/nonexistent-test-data', CARAVAN_ORIGIN: 'http://localhost' });
  config.intakeBudget = { ...config.intakeBudget, ...budget };
  return openTestApp({ config, now: () => clock });
}

/** Posts a report as a client on a socket does, with Content-Length (app.request alone sends none). */
function postJson(address: string, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  const length = String(Buffer.byteLength(text));
  return t.app.request(
    `${BASE}/api/v1/reports`,
    { method: 'POST', body: text, headers: { 'content-type': 'application/json', 'content-length': length, ...headers } },
    from(address),
  );
}

/** Whether a refusal is what the OpenAPI document declares for POST /api/v1/reports (judged by Ajv). */
function declared(status: number, body: unknown): string[] {
  const doc = openApiDocument('http://localhost') as unknown as {
    paths: Record<string, { post: { responses: Record<string, unknown> } }>;
    components: { schemas: Record<string, unknown> };
  };
  if (!doc.paths['/api/v1/reports']!.post.responses[String(status)]) return [`${status} is not declared`];
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(doc.components.schemas.Error as object);
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const stored = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from reports'))[0]!.n;

describe('a flood from one client', () => {
  before(async () => {
    t = await openWith({ clientReports: 5 });
  });
  after(() => t.close());
  beforeEach(() => {
    clock = new Date(clock.getTime() + 2 * HOUR);
  });

  test('is refused after its budget with a 429 naming the limit, while another client gets through', async () => {
    const before = await stored();
    for (let i = 0; i < 5; i++) assert.equal((await postJson('198.51.100.7', report(`Flood report ${i}, nothing of it true`))).status, 201);
    const refused = await postJson('198.51.100.7', report());
    assert.equal(refused.status, 429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    assert.ok(retryAfter > 0 && retryAfter <= 3600, `Retry-After ${retryAfter}`);
    const body = (await refused.json()) as { error: { code: string; limit: string; message: string; retryAfter: number } };
    assert.equal(body.error.code, 'rate_limited');
    assert.equal(body.error.limit, 'client_reports');
    assert.deepEqual(declared(429, body), [], 'the refusal is the one the API document declares');
    assert.match(body.error.message, /5 reports .*nothing was stored.* again in \d+ seconds/);
    assert.equal(await stored(), before + 5);

    const other = await postJson('203.0.113.40', report('Tanks on Abay avenue heading west'));
    assert.equal(other.status, 201, 'a different client is not held by the flooder');
    assert.equal(await stored(), before + 6);
  });

  test('holds an IPv6 flooder who takes a new address in its /64 for every report', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 7; i++)
      statuses.push((await postJson(`2001:db8:4a:7::${i.toString(16)}`, report(`Flood report ${i}, nothing of it true`))).status);
    assert.deepEqual(statuses, [201, 201, 201, 201, 201, 429, 429]);
    assert.equal((await postJson('2001:db8:4a:8::1', report())).status, 201, 'the next /64 is another client');
  });

  test('on the report form is answered with a readable page in the reporter’s language', async () => {
    for (let i = 0; i < 5; i++) await postJson('198.51.100.8', report(`Flood report ${i}, nothing of it true`));
    const res = await t.app.request(
      `${BASE}/report`,
      {
        method: 'POST',
        body: new URLSearchParams({ ...report(), lang: 'ru' }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'ru' },
      },
      from('198.51.100.8'),
    );
    assert.equal(res.status, 429);
    assert.ok(Number(res.headers.get('retry-after')) > 0);
    const html = await res.text();
    assert.match(html, /<html lang="ru"/);
    assert.match(html, /Сейчас слишком много сообщений/);
    assert.match(html, /data-limit="client_reports"/);
    assert.match(html, /через \d+ мин\./);
  });

  test('gets a fresh budget in the next period', async () => {
    for (let i = 0; i < 5; i++) await postJson('198.51.100.9', report(`Flood report ${i}, nothing of it true`));
    assert.equal((await postJson('198.51.100.9', report())).status, 429);
    clock = new Date(clock.getTime() + HOUR);
    assert.equal((await postJson('198.51.100.9', report())).status, 201);
  });

  test('is counted for editors per period, without the address', async () => {
    for (let i = 0; i < 8; i++) await postJson('198.51.100.11', report(`Flood report ${i}, nothing of it true`));
    const editor = await loginAs(t, 'editor');
    const html = await (await editor.get('/editor/limits')).text();
    const period = new Date(Math.floor(clock.getTime() / HOUR) * HOUR).toISOString().slice(0, 16).replace('T', ' ');
    const row = new RegExp(`<tr><td>${period} UTC</td>(.*?)</tr>`).exec(html)?.[1];
    assert.ok(row, `a row for the period starting ${period}`);
    assert.match(row, /<td data-limit="client_reports">3<\/td>/, 'three refusals this period');
    assert.doesNotMatch(html, /198\.51\.100/);
    const rows = await t.db.query<{ limit_name: string; refusals: number }>(
      'select limit_name, refusals from limit_hits where period_start = $1',
      [new Date(Math.floor(clock.getTime() / HOUR) * HOUR)],
    );
    assert.deepEqual(
      rows.map((r) => [r.limit_name, r.refusals]),
      [['client_reports', 3]],
    );
  });

  test('does not touch the status check, which is no intake', async () => {
    for (let i = 0; i < 6; i++) await postJson('198.51.100.10', report(`Flood report ${i}, nothing of it true`));
    const res = await t.app.request(
      `${BASE}/api/v1/reports/status`,
      { method: 'POST', body: JSON.stringify({ code: '0000-0000-0000' }), headers: { 'content-type': 'application/json' } },
      from('198.51.100.10'),
    );
    assert.equal(res.status, 404);
    const form = await t.app.request(
      `${BASE}/report/status`,
      {
        method: 'POST',
        body: new URLSearchParams({ code: '0000-0000-0000' }),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      },
      from('198.51.100.10'),
    );
    assert.equal(form.status, 404);
  });
});

describe('the byte budget', () => {
  before(async () => {
    t = await openWith({ clientBytes: 8000, totalBytes: 20_000 });
  });
  after(() => t.close());
  beforeEach(() => {
    clock = new Date(clock.getTime() + 2 * HOUR);
  });

  const long = (n: number) => report(`A long account of what happened. ${'x'.repeat(n)}`);

  test('refuses a client once it has sent its bytes, and at once a body declared too large', async () => {
    const before = await stored();
    let accepted = 0;
    let res: Response;
    do {
      res = await postJson('198.51.100.20', long(1500));
      if (res.status === 201) accepted++;
    } while (res.status === 201 && accepted < 20);
    assert.equal(res.status, 429);
    assert.equal(((await res.json()) as { error: { limit: string } }).error.limit, 'client_bytes');
    assert.ok(accepted >= 4 && accepted <= 5, `${accepted} reports of about 1.6 kB fit in 8000 bytes`);
    assert.equal(await stored(), before + accepted);

    const big = await postJson('203.0.113.21', long(9000));
    assert.equal(big.status, 429, 'a body declared larger than the budget is not read');
    assert.equal(await stored(), before + accepted);
  });

  test('stops a body without Content-Length once it passes the budget, storing nothing', async () => {
    const before = await stored();
    const text = JSON.stringify(long(12_000));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const bytes = new TextEncoder().encode(text);
        for (let i = 0; i < bytes.length; i += 1000) controller.enqueue(bytes.slice(i, i + 1000));
        controller.close();
      },
    });
    const res = await t.app.request(
      `${BASE}/api/v1/reports`,
      { method: 'POST', body, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit,
      from('198.51.100.22'),
    );
    assert.equal(res.status, 429);
    assert.equal(((await res.json()) as { error: { limit: string } }).error.limit, 'client_bytes');
    assert.equal(await stored(), before);
  });

  test('holds all clients together to the overall budget', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await postJson(`203.0.113.${100 + i}`, long(3000))).status);
    const refused = statuses.indexOf(429);
    assert.ok(refused >= 5 && refused <= 7, `refused from the ${refused + 1}th client on: ${statuses.join(' ')}`);
    const res = await postJson('203.0.113.99', long(3000));
    assert.equal(((await res.json()) as { error: { limit: string } }).error.limit, 'total_bytes');
  });
});

describe('the disk’s reserve', () => {
  before(async () => {
    t = await openWith({ clientReports: 2 });
  });
  after(() => t.close());

  test('refuses reports with 507 while the disk is nearly full, without spending anyone’s budget', async () => {
    const before = await stored();
    let free = 900 * 2 ** 20;
    t.ctx.limits.freeBytes = async () => free;
    const json = await postJson('198.51.100.30', report());
    assert.equal(json.status, 507);
    const body = (await json.json()) as { error: { code: string; limit: string; message: string } };
    assert.deepEqual([body.error.code, body.error.limit], ['store_full', 'disk_reserve']);
    assert.deepEqual(declared(507, body), [], 'the refusal is the one the API document declares');
    assert.match(body.error.message, /disk is nearly full/);
    const form = await t.app.request(
      `${BASE}/report`,
      { method: 'POST', body: new URLSearchParams(report()), headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      from('198.51.100.30'),
    );
    assert.equal(form.status, 507);
    assert.match(await form.text(), /storage is nearly full/);
    assert.equal(await stored(), before);

    free = 1100 * 2 ** 20;
    assert.equal((await postJson('198.51.100.30', report())).status, 201);
    assert.equal(
      (await postJson('198.51.100.30', report('A second report, still within the budget'))).status,
      201,
      'the refused ones spent nothing',
    );
    const big = await postJson('198.51.100.31', report(`Long. ${'x'.repeat(30_000)}`), { 'content-length': String(200 * 2 ** 20) });
    assert.equal(big.status, 507, 'a body that would eat into the reserve is refused by its declared size');
  });
});

describe('the SMS doors', () => {
  before(async () => {
    const config = loadConfig({
      CARAVAN_DATA: '/nonexistent-test-data',
      CARAVAN_ORIGIN: 'http://localhost',
      CARAVAN_SMSSYNC_SECRET: 'a-long-gateway-secret',
    });
    config.intakeBudget = { ...config.intakeBudget, clientReports: 1, totalReports: 3 };
    t = await openTestApp({ config, now: () => clock });
  });
  after(() => t.close());

  const sms = (secret: string, i: number) =>
    t.app.request(
      `${BASE}/api/v1/sms/smssync`,
      {
        method: 'POST',
        body: new URLSearchParams({ secret, from: `+7701123456${i}`, message: `internet is down in district ${i}`, message_id: `id-${i}` }),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      },
      from('198.51.100.40'),
    );

  test('count against the overall budgets only, and only once the gateway proved its secret', async () => {
    clock = new Date(clock.getTime() + 2 * HOUR);
    for (let i = 0; i < 5; i++) assert.equal((await sms('not-the-secret', i)).status, 403);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await sms('a-long-gateway-secret', i)).status);
    assert.deepEqual(statuses, [200, 200, 200, 429], 'one phone relays many senders: no per-client budget, three in all');
    const refused = await sms('a-long-gateway-secret', 9);
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
    const body = (await refused.json()) as { payload: { success: boolean; error: string } };
    assert.equal(body.payload.success, false);
    assert.match(body.payload.error, /3 reports in this period/);
  });
});
