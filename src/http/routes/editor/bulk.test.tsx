/**
 * Acting on many reports from the queue: all of them or none, with the same permissions as one
 * at a time, and claims that lapse so no report is stuck with an editor who went away.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { getReport, insertReport } from '../../../store/reports.ts';
import { type Browser, type TestApp, loginAs, openTestApp } from '../../testing.ts';

describe('bulk actions in the queue', () => {
  let t: TestApp;
  let editor: Browser;
  let editor2: Browser;
  let admin: Browser;
  const ids: number[] = [];

  before(async () => {
    t = await openTestApp();
    for (let i = 0; i < 8; i++) {
      const { report } = await insertReport(t.db, {
        input: { what: `Flood report ${i}: the same rumour again`, howKnown: 'heard' },
        channel: 'sms',
        receiptCode: `BULK-0000-000${i}`,
      });
      ids.push(report.id);
    }
    editor = await loginAs(t, 'editor');
    editor2 = await loginAs(t, 'editor2');
    admin = await loginAs(t, 'admin');
  });
  after(() => t.close());

  const states = async (list: number[]) => Promise.all(list.map(async (id) => (await getReport(t.db, id)).state));

  it('rejects the selected reports with one reason and says so on the queue it came back to', async () => {
    const chosen = ids.slice(0, 3).map(String);
    const res = await editor.post('/editor/bulk', {
      report: chosen,
      action: 'reject',
      note: 'spam: the same rumour',
      return_to: '/editor?channel=sms',
    });
    assert.equal(res.status, 303);
    const to = res.headers.get('location') ?? '';
    assert.match(to, /^\/editor\?channel=sms&done=reject&n=3$/);
    assert.deepEqual(await states(ids.slice(0, 3)), ['rejected', 'rejected', 'rejected']);
    assert.equal((await getReport(t.db, ids[0]!)).state_note, 'spam: the same rumour');
    const page = await (await editor.get(to)).text();
    assert.match(page, /Reports rejected: 3\./);
    assert.doesNotMatch(page, new RegExp(`href="/editor/reports/${ids[0]}"`), 'rejected reports leave the queue');
  });

  it('names what is missing and changes nothing', async () => {
    for (const [form, field] of [
      [{ report: [String(ids[3])], action: 'reject', note: '' }, /note: is required/],
      [{ action: 'claim' }, /tick at least one report/],
      [{ report: [String(ids[3])], action: 'duplicate', of: String(ids[3]) }, /cannot duplicate itself/],
      [{ report: [String(ids[3])], action: 'explode' }, /action: must be one of/],
    ] as const) {
      const res = await editor.post('/editor/bulk', form as Record<string, string | string[]>);
      assert.equal(res.status, 422, JSON.stringify(form));
      assert.match(await res.text(), field);
    }
    assert.equal((await getReport(t.db, ids[3]!)).state, 'new');
  });

  it('acts on all of them or none: one report claimed by someone else stops the whole selection', async () => {
    assert.equal((await editor2.post(`/editor/reports/${ids[5]}/claim`, {})).status, 303);
    const res = await editor.post('/editor/bulk', { report: [String(ids[4]), String(ids[5])], action: 'claim' });
    assert.equal(res.status, 409);
    assert.match(await res.text(), new RegExp(`report #${ids[5]}: report is claimed by editor2; nothing was changed`));
    assert.equal((await getReport(t.db, ids[4]!)).state, 'new', 'the other report was not claimed either');

    const marked = await admin.post('/editor/bulk', { report: [String(ids[4]), String(ids[5])], action: 'duplicate', of: String(ids[3]) });
    assert.equal(marked.status, 303, 'an admin may act on any open report');
    assert.deepEqual(await states([ids[4]!, ids[5]!]), ['duplicate', 'duplicate']);
    assert.equal((await getReport(t.db, ids[5]!)).duplicate_of, ids[3]);
  });

  it('lets another editor take a report whose claim has lapsed, and not before', async () => {
    assert.equal((await editor2.post(`/editor/reports/${ids[6]}/claim`, {})).status, 303);
    assert.equal((await editor.post(`/editor/reports/${ids[6]}/claim`, {})).status, 409, 'a fresh claim holds');
    await t.db.query(`update reports set claimed_at = now() - interval '5 hours' where id = $1`, [ids[6]]);
    const queue = await (await editor.get('/editor')).text();
    assert.match(queue, /editor2<span class="meta"> \(claim lapsed: anyone may take it\)/);
    assert.equal((await editor.post(`/editor/reports/${ids[6]}/claim`, {})).status, 303, 'four hours on, it lapsed');
    assert.equal((await getReport(t.db, ids[6]!)).claimed_by_name, 'editor');
  });
});
