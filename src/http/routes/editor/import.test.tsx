import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { encodeArmoredReport } from '../../../core/armor.ts';
import { type TestApp, anonymous, loginAs, openTestApp } from '../../testing.ts';
import { receiptCodeForDeviceKey } from '../../../app/intake/accept.ts';

let t: TestApp;
before(async () => {
  t = await openTestApp();
});
after(() => t.close());

const block = encodeArmoredReport({
  deviceId: 'cGFzdGVkLWJ5LWFuLWVkaXRvcg',
  what: 'Shots near the TV tower',
  where: 'Almaty',
  howKnown: 'heard',
});
const code = receiptCodeForDeviceKey('device:cGFzdGVkLWJ5LWFuLWVkaXRvcg');
const count = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from reports'))[0]!.n;

test('an editor pastes a forwarded block and gets the report with the reporter’s receipt code', async () => {
  const editor = await loginAs(t, 'editor');
  const form = await editor.get('/editor/import');
  assert.equal(form.status, 200);
  assert.match(await form.text(), /name="armored"/);

  const forwarded = `From: +7 700 …\n${block
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n')}`;
  const res = await editor.post('/editor/import', { armored: forwarded });
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, new RegExp(`Imported as report #\\d+, receipt code ${code}`));
  const again = await editor.post('/editor/import', { armored: block });
  assert.match(await again.text(), new RegExp(`Already received as report #\\d+, receipt code ${code}`));
  assert.equal((await t.db.query('select 1 from reports where receipt_code = $1', [code])).length, 1);
});

test('a damaged block is named and nothing is stored', async () => {
  const editor = await loginAs(t, 'editor');
  const before = await count();
  const damaged = block.replace(/(\n[A-Za-z0-9+/]{10})[A-Za-z0-9+/]/, (_, a: string) => `${a}${a.endsWith('Q') ? 'R' : 'Q'}`);
  const res = await editor.post('/editor/import', { armored: damaged });
  assert.equal(res.status, 422);
  assert.match(await res.text(), /damaged/);
  const none = await editor.post('/editor/import', { armored: 'hello there' });
  assert.equal(none.status, 422);
  assert.match(await none.text(), /no -----BEGIN CARAVAN REPORT----- block found/);
  assert.equal(await count(), before);
});

test('the import page is for editors only', async () => {
  const res = await anonymous(t).get('/editor/import');
  assert.notEqual(res.status, 200);
});
