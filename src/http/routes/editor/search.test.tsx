import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Browser, type TestApp, loginAs, openTestApp } from '../../testing.ts';

describe('editors searching reports', () => {
  let t: TestApp;
  let editor: Browser;
  const ids = new Map<string, number>();

  async function send(key: string, what: string) {
    const res = await t.app.request('http://localhost/api/v1/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ what, howKnown: 'saw' }),
    });
    assert.equal(res.status, 201);
    const { receiptCode } = (await res.json()) as { receiptCode: string };
    const [row] = await t.db.query<{ id: number }>('select id from reports where receipt_code = $1', [receiptCode]);
    ids.set(key, row!.id);
  }

  const results = (html: string) => [...html.matchAll(/<li><p class="meta"><a href="\/editor\/reports\/(\d+)">/g)].map((m) => Number(m[1]));

  before(async () => {
    t = await openTestApp();
    editor = await loginAs(t, 'editor');
    await send('kk', 'Жаңаөзенде адамдар алаңға жиналды');
    await send('ru', 'В Жанаозене снова собрались люди на площади');
    await send('en', 'Crowds gathered again in Zhanaozen, near the akimat');
    await send('almaty', 'В Алматы горит акимат, Республика алаңы жабық');
    for (let i = 0; i < 60; i++) await send(`shots${i}`, `Strelba ${i}: shots near Republic Square`);
  });
  after(() => t.close());

  it('finds a word written in the other script, and marks it', async () => {
    const html = await (await editor.get('/editor/search?q=Janaozen')).text();
    assert.deepEqual(results(html).sort(), [ids.get('kk'), ids.get('ru'), ids.get('en')].sort());
    assert.match(html, /<mark>Жаңаөзенде<\/mark>/);
    assert.match(html, /<mark>Жанаозене<\/mark>/);
    assert.match(html, /<mark>Zhanaozen<\/mark>/);
    const cyrillic = await (await editor.get(`/editor/search?q=${encodeURIComponent('жаңаөзен')}`)).text();
    assert.deepEqual(results(cyrillic).sort(), results(html).sort(), 'Cyrillic finds the same reports');
  });

  it('matches beginnings of words and needs every word', async () => {
    const prefix = await (await editor.get(`/editor/search?q=${encodeURIComponent('жиналд')}`)).text();
    assert.deepEqual(results(prefix), [ids.get('kk')]);
    const both = await (await editor.get('/editor/search?q=akimat+Almaty')).text();
    assert.deepEqual(results(both), [ids.get('almaty')]);
  });

  it('keeps quoted words together', async () => {
    const phrase = await (await editor.get(`/editor/search?q=${encodeURIComponent('"Республика алаңы"')}`)).text();
    assert.deepEqual(results(phrase), [ids.get('almaty')]);
    const apart = await (await editor.get(`/editor/search?q=${encodeURIComponent('"алаңы Республика"')}`)).text();
    assert.deepEqual(results(apart), []);
    assert.match(apart, /No report matches/);
  });

  it('pages through every match', async () => {
    const first = await (await editor.get('/editor/search?q=shots')).text();
    assert.match(first, /60 reports match; 1–50 shown/);
    assert.equal(results(first).length, 50);
    assert.match(first, /href="\/editor\/search\?q=shots&amp;page=2" rel="next"/);
    const second = await (await editor.get('/editor/search?q=shots&page=2')).text();
    assert.equal(results(second).length, 10);
    assert.equal(new Set([...results(first), ...results(second)]).size, 60);
    assert.equal((await editor.get('/editor/search?q=shots&page=0')).status, 422);
  });

  it('is for editors only', async () => {
    const res = await t.app.request('http://localhost/editor/search?q=Janaozen');
    assert.notEqual(res.status, 200);
    assert.doesNotMatch(await res.text(), /Жаңаөзенде/);
  });
});
