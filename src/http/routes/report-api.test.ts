import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sampleEventData } from '../../core/testing.ts';
import { findReportByReceipt, linkReport } from '../../store/reports.ts';
import { publishSampleEvent } from '../../store/testing.ts';
import { type TestApp, openTestApp } from '../testing.ts';

let t: TestApp;

before(async () => {
  t = await openTestApp();
});
after(() => t.close());

const count = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from reports'))[0]!.n;

function postJson(path: string, body: unknown, headers: Record<string, string> = {}) {
  return t.app.request(`http://localhost${path}`, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });
}

interface ErrorBody {
  error: { code: string; message: string; problems?: Array<{ field: string; message: string }> };
}

test('a JSON report gets a receipt, and the receipt a status', async () => {
  const before = await count();
  const res = await postJson('/api/v1/reports', {
    what: 'Armoured vehicles on Al-Farabi avenue',
    when: 'today 09:00',
    where: 'Almaty',
    howKnown: 'saw',
  });
  assert.equal(res.status, 201);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  const body = (await res.json()) as { receiptCode: string; state: string; statusUrl: string };
  assert.match(body.receiptCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  assert.equal(body.state, 'new');
  assert.equal(body.statusUrl, 'http://localhost/report/status');
  assert.equal(await count(), before + 1);
  assert.equal((await findReportByReceipt(t.db, body.receiptCode))!.channel, 'api');

  const status = await postJson('/api/v1/reports/status', { code: body.receiptCode.toLowerCase() });
  assert.equal(status.status, 200);
  const s = (await status.json()) as Record<string, unknown>;
  assert.equal(s.state, 'new');
  assert.match(String(s.receivedAt), /^\d{4}-\d{2}-\d{2}$/);
  assert.deepEqual(Object.keys(s).sort(), ['receivedAt', 'state'], 'nothing of the report itself');
});

test('the same Idempotency-Key stores one report and answers 200 with the same receipt', async () => {
  const before = await count();
  const report = { what: 'Checkpoint on the Kapchagay road' };
  const first = await postJson('/api/v1/reports', report, { 'idempotency-key': '"3f2a1c9e-7b1d-4c55-9a77-0e6f4d2b8c10"' });
  const second = await postJson('/api/v1/reports', report, { 'idempotency-key': '3f2a1c9e-7b1d-4c55-9a77-0e6f4d2b8c10' });
  const third = await postJson('/api/v1/reports', { ...report, idempotencyKey: '3f2a1c9e-7b1d-4c55-9a77-0e6f4d2b8c10' });
  assert.equal(first.status, 201);
  assert.equal(second.status, 200);
  assert.equal(third.status, 200);
  const code = ((await first.json()) as { receiptCode: string }).receiptCode;
  assert.equal(((await second.json()) as { receiptCode: string }).receiptCode, code);
  assert.equal(((await third.json()) as { receiptCode: string }).receiptCode, code);
  assert.equal(await count(), before + 1);

  const other = await postJson(
    '/api/v1/reports',
    { what: 'Something else' },
    { 'idempotency-key': '3f2a1c9e-7b1d-4c55-9a77-0e6f4d2b8c10' },
  );
  assert.equal(other.status, 409);
  assert.doesNotMatch(await other.text(), new RegExp(code), 'a reused key with other content reveals no receipt');
  assert.equal(await count(), before + 1);
});

test('the contact is sealed, not stored in clear', async () => {
  const res = await postJson('/api/v1/reports', { what: 'Detentions at the bus station', contact: 'wire: @not_my_name' });
  const { receiptCode } = (await res.json()) as { receiptCode: string };
  const row = (await findReportByReceipt(t.db, receiptCode))!;
  const raw = JSON.stringify(await t.db.query('select * from reports where id = $1', [row.id]));
  assert.doesNotMatch(raw, /not_my_name/);
  assert.equal(t.ctx.sealer.open(row.contact_sealed!), 'wire: @not_my_name');
});

test('malformed JSON and wrong content types are 400 and name the problem', async () => {
  const before = await count();
  const bad = await postJson('/api/v1/reports', '{"what": "unterminated');
  assert.equal(bad.status, 400);
  assert.equal(((await bad.json()) as ErrorBody).error.code, 'malformed_json');

  const form = await t.app.request('http://localhost/api/v1/reports', {
    method: 'POST',
    body: 'what=hello',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(form.status, 400);
  assert.match(((await form.json()) as ErrorBody).error.message, /Content-Type must be application\/json/);
  assert.equal(await count(), before);
});

test('validation errors are 422 naming each field; nothing is stored', async () => {
  const before = await count();
  const missing = await postJson('/api/v1/reports', { when: 'yesterday', colour: 'red' });
  assert.equal(missing.status, 422);
  const body = (await missing.json()) as ErrorBody;
  assert.equal(body.error.code, 'invalid_input');
  assert.deepEqual(body.error.problems!.map((p) => p.field).sort(), ['colour', 'what']);

  const array = await postJson('/api/v1/reports', [{ what: 'in an array' }]);
  assert.equal(array.status, 422);
  assert.equal(((await array.json()) as ErrorBody).error.problems![0]!.field, 'report');

  const key = await postJson('/api/v1/reports', { what: 'x' }, { 'idempotency-key': 'x'.repeat(20_000) });
  assert.equal(key.status, 422);
  assert.equal(((await key.json()) as ErrorBody).error.problems![0]!.field, 'idempotencyKey');
  assert.equal(await count(), before);
});

test('a body over 64 KiB is 413, whether Content-Length says so or not', async () => {
  const before = await count();
  const big = JSON.stringify({ what: 'a'.repeat(70 * 1024) });
  const declared = await postJson('/api/v1/reports', big, { 'content-length': String(Buffer.byteLength(big)) });
  assert.equal(declared.status, 413);
  assert.equal(((await declared.json()) as ErrorBody).error.code, 'too_large');
  const undeclared = await postJson('/api/v1/reports', big);
  assert.equal(undeclared.status, 413);
  // A Content-Length that understates the body does not let the extra bytes through.
  const lying = await postJson('/api/v1/reports', big, { 'content-length': '20' });
  assert.equal(lying.status, 413);
  assert.equal(await count(), before);
});

test('status: code in the body only; malformed is 422, unknown is 404, published events are linked', async () => {
  const viaGet = await t.app.request('http://localhost/api/v1/reports/status?code=0000-0000-0000');
  assert.equal(viaGet.status, 405);
  assert.equal(viaGet.headers.get('allow'), 'POST');

  const malformed = await postJson('/api/v1/reports/status', { code: 'hello' });
  assert.equal(malformed.status, 422);
  assert.equal(((await malformed.json()) as ErrorBody).error.problems![0]!.field, 'code');

  const unknown = await postJson('/api/v1/reports/status', { code: '0000-0000-0000' });
  assert.equal(unknown.status, 404);
  assert.deepEqual(await unknown.json(), { error: { code: 'not_found', message: 'no report with this code' } });

  const { receiptCode } = (await (await postJson('/api/v1/reports', { what: 'Fire at the akimat', where: 'Almaty' })).json()) as {
    receiptCode: string;
  };
  const row = (await findReportByReceipt(t.db, receiptCode))!;
  const editorId = (await t.db.query<{ id: number }>(`select id from users where username = 'editor'`))[0]!.id;
  const eventId = await publishSampleEvent(t.db, sampleEventData());
  await linkReport(t.db, row.id, eventId, editorId);
  const linked = (await (await postJson('/api/v1/reports/status', { code: receiptCode })).json()) as Record<string, unknown>;
  assert.equal(linked.state, 'linked');
  assert.equal(linked.eventUrl, `http://localhost/events/${eventId}`);
});
