/**
 * The queue never hides reports: with more open reports than fit on a page, following its
 * links reaches every one exactly once, oldest or newest first, and the page says how many.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Browser, type TestApp, loginAs, openTestApp } from '../../testing.ts';

const OPEN = 523;

describe('report queue', () => {
  let t: TestApp;
  let editor: Browser;

  before(async () => {
    t = await openTestApp();
    // Reports received in bursts: many share a second, so the order must break ties by id.
    await t.db.query(
      `insert into reports (receipt_code, channel, received_at, what, how_known)
       select 'Q-' || g, 'web', timestamptz '2022-01-05 06:00:00+00' + (g / 7) * interval '1 second', 'Report number ' || g, 'saw'
       from generate_series(1, ${OPEN + 40}) as g`,
    );
    // Handled reports are not in the queue.
    await t.db.query(`update reports set state = 'rejected' where id % 14 = 0`);
    editor = await loginAs(t, 'editor');
  });
  after(() => t.close());

  async function walk(start: string): Promise<{ ids: number[]; pages: string[]; statuses: string[] }> {
    const ids: number[] = [];
    const pages: string[] = [];
    const statuses: string[] = [];
    let path: string | undefined = start;
    while (path) {
      const res = await editor.get(path);
      assert.equal(res.status, 200, path);
      const html = await res.text();
      pages.push(html);
      ids.push(...[...html.matchAll(/<a href="\/editor\/reports\/(\d+)">/g)].map((m) => Number(m[1])));
      statuses.push(/<p class="count" role="status">([^<]*)<\/p>/.exec(html)?.[1] ?? '');
      path = /<a href="([^"]+)" rel="next">/.exec(html)?.[1]?.replaceAll('&amp;', '&');
      assert.ok(pages.length < 10, 'the pager ends');
    }
    return { ids, pages, statuses };
  }

  async function openIds(order: 'asc' | 'desc'): Promise<number[]> {
    const rows = await t.db.query<{ id: number }>(
      `select id from reports where state in ('new', 'claimed') order by received_at ${order}, id ${order}`,
    );
    return rows.map((r) => r.id);
  }

  it('pages through every open report, oldest first, saying how many there are', async () => {
    const expected = await openIds('asc');
    assert.ok(expected.length > 500);
    const { ids, pages, statuses } = await walk('/editor');
    assert.deepEqual(ids, expected);
    assert.equal(pages.length, Math.ceil(expected.length / 200));
    assert.deepEqual(statuses, [
      `Reports 1–200 of ${expected.length} open.`,
      `Reports 201–400 of ${expected.length} open.`,
      `Reports 401–${expected.length} of ${expected.length} open.`,
    ]);
  });

  it('pages through them newest first too, and back again', async () => {
    const expected = await openIds('desc');
    const { ids, pages } = await walk('/editor?order=newest');
    assert.deepEqual(ids, expected);
    const last = pages.at(-1)!;
    const previous = /<a href="([^"]+)" rel="prev">/.exec(last)?.[1]?.replaceAll('&amp;', '&');
    assert.ok(previous, 'the last page links back');
    const back = await (await editor.get(previous)).text();
    const backIds = [...back.matchAll(/<a href="\/editor\/reports\/(\d+)">/g)].map((m) => Number(m[1]));
    assert.deepEqual(backIds, expected.slice(200, 400));
    assert.match(back, /Reports 201–400 of/);
  });

  it('refuses a pager position that names no report or an unknown order, with a 400', async () => {
    for (const path of ['/editor?after=999999', '/editor?order=sideways', '/editor?after=1&before=2', '/editor?after=x']) {
      const res = await editor.get(path);
      assert.equal(res.status, 400, path);
    }
  });

  it('narrows to a language and a channel, counts what that leaves, and keeps the filter while paging', async () => {
    // Half of the reports read as Kazakh and came by SMS.
    await t.db.query(
      `update reports set lang = case when id % 2 = 0 then 'kk' else 'ru' end, channel = case when id % 2 = 0 then 'sms' else 'web' end`,
    );
    const expected = (
      await t.db.query<{ id: number }>(
        `select id from reports where state in ('new', 'claimed') and lang = 'kk' and channel = 'sms' order by received_at, id`,
      )
    ).map((r) => r.id);
    assert.ok(expected.length > 200, 'more than a page');
    const { ids, statuses, pages } = await walk('/editor?language=kk&channel=sms');
    assert.deepEqual(ids, expected, 'every Kazakh SMS once, in order');
    assert.match(statuses[0]!, new RegExp(`of ${expected.length} open`));
    assert.match(pages[0]!, /<option value="kk" selected="">Kazakh<\/option>/);
    assert.equal((await editor.get('/editor?language=xx')).status, 400);
    assert.equal((await editor.get('/editor?channel=fax')).status, 400);
  });
});
