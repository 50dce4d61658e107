/**
 * Nasty inputs against the reporters' endpoints: each must get the 4xx it deserves (or be
 * stored when it is merely odd), never a 500, and a refused request must store nothing.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, openTestApp } from '../testing.ts';

let t: TestApp;
before(async () => {
  t = await openTestApp();
});
after(() => t.close());

const count = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from reports'))[0]!.n;

const JSON_CT = { 'content-type': 'application/json' };
const FORM_CT = { 'content-type': 'application/x-www-form-urlencoded' };

interface Case {
  name: string;
  path: string;
  body?: BodyInit;
  headers?: Record<string, string>;
  method?: string;
  status: number;
}

/** Deterministic junk bytes, so a failure can be replayed. */
function junk(n: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(n);
  let x = 0x2545f491;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const json = (v: unknown) => JSON.stringify(v);
const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

const API = '/api/v1/reports';
const cases: Case[] = [
  // JSON API
  { name: 'junk bytes as JSON', path: API, body: junk(2000), headers: JSON_CT, status: 400 },
  { name: 'invalid UTF-8 inside a JSON string', path: API, body: bytes('{"what":"', [0xc3, 0x28], '"}'), headers: JSON_CT, status: 400 },
  { name: 'a raw NUL byte inside a JSON string', path: API, body: bytes('{"what":"a', [0], 'b"}'), headers: JSON_CT, status: 400 },
  { name: 'an escaped NUL', path: API, body: json({ what: 'a\u0000b' }), headers: JSON_CT, status: 422 },
  { name: 'a lone surrogate', path: API, body: '{"what":"broken \\ud800 text"}', headers: JSON_CT, status: 422 },
  { name: 'a 10k-character what', path: API, body: json({ what: 'x'.repeat(10_000) }), headers: JSON_CT, status: 422 },
  { name: 'a 10k-character field name', path: API, body: json({ what: 'ok', ['k'.repeat(10_000)]: 1 }), headers: JSON_CT, status: 422 },
  { name: 'a nested object as what', path: API, body: json({ what: { text: 'hi' } }), headers: JSON_CT, status: 422 },
  { name: 'a number as what', path: API, body: json({ what: 42 }), headers: JSON_CT, status: 422 },
  { name: 'a list as howKnown', path: API, body: json({ what: 'ok', howKnown: ['saw'] }), headers: JSON_CT, status: 422 },
  { name: 'a number as contact', path: API, body: json({ what: 'ok', contact: 87771234567 }), headers: JSON_CT, status: 422 },
  { name: 'JSON null', path: API, body: 'null', headers: JSON_CT, status: 422 },
  { name: 'a JSON string', path: API, body: '"what"', headers: JSON_CT, status: 422 },
  { name: 'deeply nested arrays', path: API, body: '['.repeat(20_000) + ']'.repeat(20_000), headers: JSON_CT, status: 422 },
  { name: 'unterminated nesting', path: API, body: '{"a":'.repeat(10_000), headers: JSON_CT, status: 400 },
  { name: 'a __proto__ field', path: API, body: '{"what":"ok","__proto__":{"admin":true}}', headers: JSON_CT, status: 422 },
  { name: 'an empty body', path: API, body: '', headers: JSON_CT, status: 400 },
  { name: 'text/plain', path: API, body: json({ what: 'ok' }), headers: { 'content-type': 'text/plain' }, status: 400 },
  { name: 'no content type', path: API, body: new Uint8Array(bytes(json({ what: 'ok' }))), status: 400 },
  {
    name: 'JSON in latin1',
    path: API,
    body: json({ what: 'ok' }),
    headers: { 'content-type': 'application/json; charset=latin1' },
    status: 400,
  },
  {
    name: 'a 200 KB content type',
    path: API,
    body: json({ what: 'ok' }),
    headers: { 'content-type': `application/json${' '.repeat(200_000)}x` },
    status: 400,
  },
  {
    name: 'a control character in the key',
    path: API,
    body: json({ what: 'ok' }),
    headers: { ...JSON_CT, 'idempotency-key': 'abcdefgh\u0001ijk' },
    status: 422,
  },
  {
    name: 'Content-Length not a number',
    path: API,
    body: json({ what: 'ok' }),
    headers: { ...JSON_CT, 'content-length': 'lots' },
    status: 400,
  },
  {
    name: 'Content-Length of a gigabyte',
    path: API,
    body: json({ what: 'ok' }),
    headers: { ...JSON_CT, 'content-length': '1000000000' },
    status: 413,
  },
  { name: 'status with an object as code', path: `${API}/status`, body: json({ code: { $ne: null } }), headers: JSON_CT, status: 422 },
  { name: 'status with a 10k code', path: `${API}/status`, body: json({ code: '0'.repeat(10_000) }), headers: JSON_CT, status: 422 },
  // HTML form
  { name: 'percent-encoded NUL', path: '/report', body: 'what=a%00b', headers: FORM_CT, status: 422 },
  { name: 'a raw NUL byte in the form', path: '/report', body: bytes('what=a', [0], 'b'), headers: FORM_CT, status: 422 },
  { name: 'percent-encoded invalid UTF-8', path: '/report', body: 'what=%FF%FE', headers: FORM_CT, status: 400 },
  { name: 'an overlong UTF-8 sequence', path: '/report', body: 'what=%C0%AF', headers: FORM_CT, status: 400 },
  { name: 'an encoded surrogate', path: '/report', body: 'what=%ED%A0%80', headers: FORM_CT, status: 400 },
  { name: 'a bare percent sign', path: '/report', body: 'what=100%', headers: FORM_CT, status: 400 },
  { name: 'raw invalid UTF-8 in the form', path: '/report', body: bytes('what=', [0xff, 0xfe]), headers: FORM_CT, status: 400 },
  { name: 'junk bytes as a form', path: '/report', body: junk(3000), headers: FORM_CT, status: 400 },
  { name: 'a 10k-character where', path: '/report', body: `what=ok&where=${'w'.repeat(10_000)}`, headers: FORM_CT, status: 422 },
  { name: 'what sent twice', path: '/report', body: 'what=a&what=b', headers: FORM_CT, status: 422 },
  {
    name: 'a thousand fields',
    path: '/report',
    body: Array.from({ length: 1000 }, (_, i) => `f${i}=1`).join('&'),
    headers: FORM_CT,
    status: 400,
  },
  { name: 'an unknown field', path: '/report', body: 'what=ok&name=Ivan', headers: FORM_CT, status: 422 },
  { name: 'a __proto__ field in a form', path: '/report', body: 'what=ok&__proto__=x', headers: FORM_CT, status: 422 },
  { name: 'a bogus howKnown', path: '/report', body: 'what=ok&howKnown=telepathy', headers: FORM_CT, status: 422 },
  { name: 'JSON sent to the form', path: '/report', body: json({ what: 'ok' }), headers: JSON_CT, status: 400 },
  {
    name: 'multipart without a boundary',
    path: '/report',
    body: 'what=ok',
    headers: { 'content-type': 'multipart/form-data' },
    status: 400,
  },
  {
    name: 'multipart junk',
    path: '/report',
    body: junk(500),
    headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
    status: 400,
  },
  { name: 'a status code of junk', path: '/report/status', body: 'code=%22%3E%3Cscript%3E', headers: FORM_CT, status: 422 },
];

test('nasty inputs get a 4xx, never a 500, and store nothing', async () => {
  const failures: string[] = [];
  for (const c of cases) {
    const before = await count();
    let status: number;
    let text = '';
    try {
      const res = await t.app.request(`http://localhost${c.path}`, {
        method: c.method ?? 'POST',
        ...(c.body === undefined ? {} : { body: c.body }),
        headers: c.headers ?? {},
      });
      status = res.status;
      text = await res.text();
    } catch (err) {
      failures.push(`${c.name}: threw ${(err as Error).message}`);
      continue;
    }
    if (status !== c.status) failures.push(`${c.name}: expected ${c.status}, got ${status} ${text.slice(0, 200)}`);
    if ((await count()) !== before) failures.push(`${c.name}: stored a report`);
    if (/<script>/i.test(text)) failures.push(`${c.name}: echoed markup unescaped`);
  }
  assert.deepEqual(failures, []);
});

test('odd but harmless inputs are stored', async () => {
  const before = await count();
  const odd: Case[] = [
    { name: 'a byte-order mark', path: API, body: bytes([0xef, 0xbb, 0xbf], json({ what: 'with BOM' })), headers: JSON_CT, status: 201 },
    { name: 'emoji and right-to-left text', path: API, body: json({ what: '🔥 حريق 火事' }), headers: JSON_CT, status: 201 },
    { name: 'markup in the text', path: '/report', body: 'what=%3Cscript%3Ealert(1)%3C%2Fscript%3E', headers: FORM_CT, status: 201 },
    {
      name: 'a huge Accept-Language',
      path: '/report',
      body: 'what=ok',
      headers: { ...FORM_CT, 'accept-language': 'ru;q=0.5,'.repeat(5000) },
      status: 201,
    },
  ];
  for (const c of odd) {
    const res = await t.app.request(`http://localhost${c.path}`, { method: 'POST', body: c.body!, headers: c.headers! });
    const text = await res.text();
    assert.equal(res.status, c.status, `${c.name}: ${text.slice(0, 200)}`);
    assert.doesNotMatch(text, /<script>/i, `${c.name}: nothing echoed unescaped`);
  }
  assert.equal(await count(), before + odd.length);
});
