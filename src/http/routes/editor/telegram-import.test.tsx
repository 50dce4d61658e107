import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { type Browser, type TestApp, loginAs, openTestApp } from '../../testing.ts';

const FIXTURES = new URL('../../../channels/fixtures/telegram/', import.meta.url);
const file = (path: string, type = 'application/octet-stream') => {
  const bytes = readFileSync(new URL(path, FIXTURES));
  return new File([bytes], path.split('/').pop()!, { type });
};

let t: TestApp;
let editor: Browser;
before(async () => {
  t = await openTestApp();
  editor = await loginAs(t, 'editor');
});
after(() => t.close());

const count = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from reports'))[0]!.n;

function upload(who: { cookie: string; csrf: string }, parts: { result?: File; media?: File[]; utc_offset?: string; csrf?: string }) {
  const form = new FormData();
  form.set('_csrf', parts.csrf ?? who.csrf);
  if (parts.result) form.set('result', parts.result);
  for (const m of parts.media ?? []) form.append('media', m);
  if (parts.utc_offset) form.set('utc_offset', parts.utc_offset);
  return t.app.request('http://localhost/editor/import/telegram', {
    method: 'POST',
    body: form,
    headers: { origin: 'http://localhost', host: 'localhost', ...(who.cookie ? { cookie: who.cookie } : {}) },
  });
}

describe('/editor/import/telegram', () => {
  it('shows an upload form to editors', async () => {
    const res = await editor.get('/editor/import/telegram');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /enctype="multipart\/form-data"/);
    assert.match(html, /name="result"/);
    assert.match(html, /name="_csrf"/);
  });

  it('refuses an upload without a session or without the CSRF token, storing nothing', async () => {
    const result = file('valid/new-format-channel/result.json', 'application/json');
    assert.equal((await upload({ cookie: '', csrf: '' }, { result })).status, 403);
    assert.equal((await upload(editor, { result, csrf: 'wrong' })).status, 403);
    assert.equal(await count(), 0);
  });

  it('imports result.json with its photos, and adds nothing the second time', async () => {
    const parts = {
      result: file('valid/new-format-channel/result.json', 'application/json'),
      media: [file('valid/new-format-channel/photos/photo_1@05-01-2022_14-00-00.jpg', 'image/jpeg')],
    };
    const first = await upload(editor, parts);
    assert.equal(first.status, 200);
    assert.match(await first.text(), /Imported Almaty Witness Feed: 6 new reports, 0 already imported/);
    assert.equal(await count(), 6);
    const [photo] = await t.db.query<{ sha256: string | null }>(`select sha256 from report_media_refs where kind = 'photo'`);
    assert.equal(photo!.sha256, '6f8ad2178e1a7db54ba93f74b265d9501c93af3cd81e85b4249191e665dda60c');
    const second = await upload(editor, parts);
    assert.match(await second.text(), /0 new reports, 6 already imported/);
    assert.equal(await count(), 6);
  });

  it('names the problem in a malformed export and stores nothing', async () => {
    for (const [path, offset, message] of [
      ['invalid/not-json/result.json', undefined, /is not valid JSON/],
      ['valid/old-format-group/result.json', undefined, /UTC offset/],
      ['valid/old-format-group/result.json', '6 hours', /must look like \+06:00/],
    ] as const) {
      const res = await upload(editor, { result: file(path), ...(offset ? { utc_offset: offset } : {}) });
      assert.equal(res.status, 422, path);
      assert.match(await res.text(), message);
    }
    const missing = await upload(editor, {});
    assert.equal(missing.status, 422);
    assert.equal(await count(), 6);
  });
});
