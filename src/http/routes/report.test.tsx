import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sampleEventData } from '../../core/testing.ts';
import { createEvent } from '../../store/events.ts';
import { findReportByReceipt, linkReport, rejectReport } from '../../store/reports.ts';
import { publishSampleEvent } from '../../store/testing.ts';
import { type TestApp, anonymous, openTestApp } from '../testing.ts';

let t: TestApp;
let editorId: number;

before(async () => {
  t = await openTestApp();
  editorId = (await t.db.query<{ id: number }>(`select id from users where username = 'editor'`))[0]!.id;
});
after(() => t.close());

const count = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from reports'))[0]!.n;
const post = (path: string, form: Record<string, string>) => anonymous(t).post(path, form);
const receiptOf = (html: string) => /id="receipt-code">([0-9A-Z-]{14})</.exec(html)?.[1];

async function freshKey(): Promise<string> {
  const html = await (await anonymous(t).get('/report')).text();
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(key, 'the form carries an idempotency key');
  return key;
}

test('the form needs no script, labels every control and is small', async () => {
  const res = await anonymous(t).get('/report');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  const html = await res.text();
  // The only script is the offline island, a module that enhances a form which posts without it.
  assert.deepEqual(
    [...html.matchAll(/<script[^>]*>/gi)].map((m) => m[0]),
    ['<script type="module" src="/assets/report.js">'],
  );
  assert.match(html, /<form method="post" action="\/report"/);
  for (const name of ['what', 'when', 'where', 'howKnown', 'contact', 'idempotencyKey']) assert.match(html, new RegExp(`name="${name}"`));
  const ids = [...html.matchAll(/<(?:input|textarea)(?![^>]*type="hidden")[^>]*\sid="([^"]+)"/g)].map((m) => m[1]!);
  assert.equal(ids.length, 11, 'what, when, where, five radios, contact, media, keep the original');
  for (const id of ids) assert.match(html, new RegExp(`<label for="${id}">`), `control ${id} has a label`);
  assert.match(html, /We do not store IP addresses/);
  assert.match(html, /leave it empty if it could endanger you/i);
  assert.ok(Buffer.byteLength(html) < 6000, `form page is ${Buffer.byteLength(html)} bytes`);
  // A new key for every render, so two open forms are two reports.
  assert.notEqual(await freshKey(), await freshKey());
});

test('the form is in Russian when asked', async () => {
  const html = await (await anonymous(t).get('/report?lang=ru')).text();
  assert.match(html, /Что произошло\?/);
  assert.match(html, /name="lang" value="ru"/);
});

test('a submitted report is stored once, and its receipt code shows it as received', async () => {
  const before = await count();
  const res = await post('/report', {
    idempotencyKey: await freshKey(),
    lang: 'en',
    what: 'Soldiers at the akimat',
    when: '5 Jan, evening',
    where: 'Almaty, Republic Square',
    howKnown: 'saw',
    contact: 'telegram @witness_almaty',
  });
  assert.equal(res.status, 201);
  assert.equal(res.headers.get('location'), null, 'no redirect that would put the code in a URL');
  const html = await res.text();
  const code = receiptOf(html);
  assert.ok(code, 'the receipt page shows the code');
  assert.match(html, /Write this code down/);
  assert.equal(await count(), before + 1);

  const row = (await findReportByReceipt(t.db, code))!;
  assert.equal(row.what, 'Soldiers at the akimat');
  assert.equal(row.place_id, 'kz-almaty-republic-square');
  assert.ok(row.contact_sealed && !row.contact_sealed.includes('witness_almaty'), 'contact is not stored in clear');
  assert.equal(t.ctx.sealer.open(row.contact_sealed), 'telegram @witness_almaty');

  const status = await post('/report/status', { code: code.toLowerCase().replace(/-/g, ' ') });
  assert.equal(status.status, 200);
  const page = await status.text();
  assert.match(page, /Received; waiting for an editor/);
  assert.doesNotMatch(page, /Soldiers at the akimat|witness_almaty|Republic Square/, 'the status page echoes nothing of the report');
});

test('the same form sent twice stores one report and shows the same receipt', async () => {
  const form = { idempotencyKey: await freshKey(), what: 'Shots near the airport', where: 'Almaty airport' };
  const before = await count();
  const first = await post('/report', form);
  const second = await post('/report', form);
  assert.equal(first.status, 201);
  assert.equal(second.status, 200);
  const code = receiptOf(await first.text());
  assert.equal(receiptOf(await second.text()), code);
  assert.equal(await count(), before + 1);
});

test('a form edited after sending and sent again with its old key is not silently merged', async () => {
  const key = await freshKey();
  assert.equal((await post('/report', { idempotencyKey: key, what: 'First version' })).status, 201);
  const before = await count();
  const res = await post('/report', { idempotencyKey: key, what: 'Second version' });
  assert.equal(res.status, 409);
  const html = await res.text();
  assert.match(html, /already sent once with different text/);
  assert.match(html, />Second version</, 'the text is kept');
  assert.doesNotMatch(html, new RegExp(`value="${key}"`), 'a fresh key lets the next press store it');
  assert.equal(await count(), before);
});

test('a report without "what" comes back with the text kept and the problem next to the field', async () => {
  const before = await count();
  const key = await freshKey();
  const res = await post('/report', {
    idempotencyKey: key,
    what: '   ',
    when: 'today 14:00',
    where: 'Zhanaozen',
    contact: 'sms 123',
    howKnown: 'heard',
  });
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.match(html, /<div class="notice error" id="problems">[\s\S]*<a href="#f-what">What happened\? Say what happened\.<\/a>/);
  assert.match(html, /<p class="notice error" id="what-error">Say what happened\.<\/p>/);
  assert.match(html, /<textarea id="f-what"[^>]*aria-describedby="what-hint what-error"[^>]*aria-invalid="true"/);
  assert.match(html, /id="f-when"[^>]*value="today 14:00"/);
  assert.match(html, /id="f-where"[^>]*value="Zhanaozen"/);
  assert.match(html, /id="f-contact"[^>]*value="sms 123"/);
  assert.match(html, /id="f-howKnown-heard"[^>]*checked/);
  assert.match(html, new RegExp(`value="${key}"`), 'the same key, so a double submit of the fix stores one report');
  assert.equal(await count(), before);
});

test('problems are explained in Russian on the Russian form', async () => {
  const res = await post('/report', { lang: 'ru', what: 'x'.repeat(5001) });
  assert.equal(res.status, 422);
  assert.match(await res.text(), /Слишком длинно: не больше 5000 знаков \(сейчас 5001\)/);
});

test('an oversize body is refused with a clear page and nothing is stored', async () => {
  const before = await count();
  const body = new URLSearchParams({ what: 'a'.repeat(70 * 1024) }).toString();
  const res = await t.app.request('http://localhost/report', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(res.status, 413);
  assert.match(await res.text(), /The report is too long/);
  // Without a Content-Length the bytes are counted as they arrive.
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < 70; i++) controller.enqueue(new TextEncoder().encode(i === 0 ? `what=${'b'.repeat(1019)}` : 'b'.repeat(1024)));
      controller.close();
    },
  });
  const chunked = await t.app.request('http://localhost/report', {
    method: 'POST',
    body: stream,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    duplex: 'half',
  } as RequestInit);
  assert.equal(chunked.status, 413);
  assert.equal(await count(), before);
});

test('a multipart form is accepted too', async () => {
  const form = new FormData();
  form.set('what', 'Internet is down in Aktau');
  form.set('where', 'Aktau');
  const res = await t.app.request('http://localhost/report', { method: 'POST', body: form });
  assert.equal(res.status, 201);
  assert.ok(receiptOf(await res.text()));
});

test('the receipt comes in the language the form was shown in', async () => {
  const res = await post('/report', { lang: 'ru', what: 'Колонна техники на проспекте' });
  assert.equal(res.status, 201);
  assert.match(await res.text(), /Сообщение получено/);
});

test('checking a code: the form, a malformed code, an unknown code', async () => {
  const form = await anonymous(t).get('/report/status');
  assert.equal(form.status, 200);
  assert.match(await form.text(), /<label for="f-code">Receipt code<\/label>/);

  const bad = await post('/report/status', { code: 'not a code' });
  assert.equal(bad.status, 422);
  const badHtml = await bad.text();
  assert.match(badHtml, /id="f-code"[^>]*aria-describedby="code-hint code-error"/);
  assert.match(badHtml, /id="code-error">This is not a receipt code/);

  const unknown = await post('/report/status', { code: '0000-0000-0000' });
  assert.equal(unknown.status, 404);
  assert.match(await unknown.text(), /No report with this code/);
});

test("the status page shows neither the contact nor the editors' note", async () => {
  const code = receiptOf(await (await post('/report', { what: 'Looting on Abay avenue', contact: 'call 8 777 123' })).text())!;
  const row = (await findReportByReceipt(t.db, code))!;
  await rejectReport(t.db, row.id, editorId, 'looks like a known provocateur account');
  const html = await (await post('/report/status', { code })).text();
  assert.match(html, /Not used\./);
  assert.doesNotMatch(html, /provocateur|8 777 123|Looting/);
});

test('a report used in a published event links to the event; an unpublished one does not', async () => {
  const code = receiptOf(await (await post('/report', { what: 'Crowd on the square', where: 'Almaty' })).text())!;
  const row = (await findReportByReceipt(t.db, code))!;
  const eventId = await publishSampleEvent(t.db, sampleEventData());
  await linkReport(t.db, row.id, eventId, editorId);
  const html = await (await post('/report/status', { code })).text();
  assert.match(html, new RegExp(`Used in a published event: <a href="/events/${eventId}">`));

  const code2 = receiptOf(await (await post('/report', { what: 'Another crowd' })).text())!;
  const row2 = (await findReportByReceipt(t.db, code2))!;
  const draft = await createEvent(t.db, editorId, sampleEventData(), 'draft, never published');
  await linkReport(t.db, row2.id, draft, editorId);
  const html2 = await (await post('/report/status', { code: code2 })).text();
  assert.match(html2, /Used by the editors\./);
  assert.doesNotMatch(html2, /\/events\//);
});
