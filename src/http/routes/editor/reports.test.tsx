import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sampleEventData } from '../../../core/testing.ts';
import { getReport, insertReport, listReportActions } from '../../../store/reports.ts';
import { publishSampleEvent } from '../../../store/testing.ts';
import { type Browser, type TestApp, loginAs, openTestApp } from '../../testing.ts';

describe('report triage', () => {
  let t: TestApp;
  let editor: Browser;
  let editor2: Browser;
  let admin: Browser;
  let n = 0;

  async function newReport(extra: { contact?: string } = {}): Promise<number> {
    n++;
    const { report } = await insertReport(t.db, {
      input: { what: `Report number ${n}\nsecond line`, where: 'Zhanaozen', howKnown: 'relayed' },
      channel: 'telegram',
      receiptCode: `RPTS-0000-${String(n).padStart(4, '0')}`,
      placeId: 'kz-zhanaozen',
      ...(extra.contact ? { contactSealed: t.ctx.sealer.seal(extra.contact) } : {}),
    });
    return report.id;
  }

  before(async () => {
    t = await openTestApp();
    editor = await loginAs(t, 'editor');
    editor2 = await loginAs(t, 'editor2');
    admin = await loginAs(t, 'admin');
  });
  after(() => t.close());

  it('shows the full report, what the gazetteer found, and the actions', async () => {
    const id = await newReport();
    const html = await (await editor.get(`/editor/reports/${id}`)).text();
    assert.match(html, /Report number \d+<br\/>second line/);
    assert.match(html, /Zhanaozen \(Mangystau/);
    assert.match(html, /relayed from someone/);
    assert.match(html, /Telegram/);
    assert.match(html, new RegExp(`href="/editor/events/new\\?report=${id}"`));
    assert.match(html, /Claim this report/);
  });

  it('reads the language of a report on arrival, whatever the channel, and says from what', async () => {
    const sent = await t.app.request('http://localhost/api/v1/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ what: 'Жанаозенде халык алаңга шыкты, коп адам', howKnown: 'saw' }),
    });
    assert.equal(sent.status, 201, await sent.clone().text());
    const { receiptCode } = (await sent.json()) as { receiptCode: string };
    const [row] = await t.db.query<{ id: number; lang: string }>('select id, lang from reports where receipt_code = $1', [receiptCode]);
    assert.equal(row?.lang, 'kk', 'Kazakh typed mostly with Russian letters');
    const html = await (await editor.get(`/editor/reports/${row!.id}`)).text();
    assert.match(html, /Language \(read by the desk\)<\/dt><dd>Kazakh \(from letter ң/);
    const ru = await (await editor.get(`/editor/reports/${row!.id}?lang=ru`)).text();
    assert.match(ru, /казахский/);
  });

  it('flags reports that say the same however they were typed, in the queue and on the report', async () => {
    const send = async (what: string) => {
      const res = await t.app.request('http://localhost/api/v1/reports', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ what, howKnown: 'heard' }),
      });
      assert.equal(res.status, 201);
      const { receiptCode } = (await res.json()) as { receiptCode: string };
      const [row] = await t.db.query<{ id: number }>('select id from reports where receipt_code = $1', [receiptCode]);
      return row!.id;
    };
    const first = await send('Ақтауда адамдар алаңға шықты!');
    const second = await send('Forwarded from Mangystau chat\nактауда адамдар аланга шыкты');
    const third = await send('Aktauda adamdar alanga shykty 🔥');
    const other = await send('Ақтауда адамдар үйге қайтты');
    const queue = await (await editor.get('/editor?order=newest')).text();
    const rowOf = (id: number) =>
      new RegExp(`href="/editor/reports/${id}">#${id}</a>[^<]*<span class="badge same-text">([\\s\\S]*?)</span>`).exec(queue)?.[1] ?? '';
    assert.match(rowOf(second), new RegExp(`#${first}<`));
    assert.match(rowOf(third), new RegExp(`#${first}</a>, <a href="/editor/reports/${second}">#${second}<`));
    assert.equal(rowOf(first), '', 'the first of them is not a duplicate of anything');
    assert.equal(rowOf(other), '', 'other words are another report');
    const page = await (await editor.get(`/editor/reports/${third}`)).text();
    assert.match(
      page,
      new RegExp(`Likely duplicate</dt><dd><span class="badge same-text">same text as <a href="/editor/reports/${first}">`),
    );
  });

  it('marks a report as a duplicate of another and records it', async () => {
    const original = await newReport();
    const copy = await newReport();
    const res = await editor.post(`/editor/reports/${copy}/duplicate`, { of: String(original) });
    assert.equal(res.status, 303);
    const stored = await getReport(t.db, copy);
    assert.equal(stored.state, 'duplicate');
    assert.equal(stored.duplicate_of, original);
    const page = await (await editor.get(`/editor/reports/${copy}`)).text();
    assert.match(page, new RegExp(`href="/editor/reports/${original}"`));
    assert.match(page, /This report is settled/);
    // A settled report cannot be settled again.
    const again = await editor.post(`/editor/reports/${copy}/reject`, { note: 'late' });
    assert.equal(again.status, 409);
    assert.match(await again.text(), /already duplicate/);
  });

  it('asks for a report number when marking a duplicate without one', async () => {
    const id = await newReport();
    const res = await editor.post(`/editor/reports/${id}/duplicate`, { of: 'yesterday' });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /enter the number of the report this one repeats/);
    assert.equal((await getReport(t.db, id)).state, 'new');
  });

  it('rejects a report only with a note, and keeps the note', async () => {
    const id = await newReport();
    const bare = await editor.post(`/editor/reports/${id}/reject`, { note: ' ' });
    assert.equal(bare.status, 422);
    assert.match(await bare.text(), /say why the report is rejected/);
    assert.equal((await getReport(t.db, id)).state, 'new');
    const res = await editor.post(`/editor/reports/${id}/reject`, { note: 'Video is from 2011' });
    assert.equal(res.status, 303);
    const stored = await getReport(t.db, id);
    assert.equal(stored.state, 'rejected');
    assert.equal(stored.state_note, 'Video is from 2011');
    const page = await (await editor.get(`/editor/reports/${id}`)).text();
    assert.match(page, /rejected \(Video is from 2011\)/);
  });

  it('links a report to an existing event, typed or picked from recent events', async () => {
    const eventId = await publishSampleEvent(t.db, sampleEventData());
    const typed = await newReport();
    const picked = await newReport();
    const page = await (await editor.get(`/editor/reports/${picked}`)).text();
    assert.match(page, new RegExp(`<option value="${eventId}">#${eventId} Crowd gathers`));
    assert.equal((await editor.post(`/editor/reports/${typed}/link`, { event_id: String(eventId) })).status, 303);
    assert.equal((await editor.post(`/editor/reports/${picked}/link`, { event_id: '', recent_event: String(eventId) })).status, 303);
    for (const id of [typed, picked]) {
      const r = await getReport(t.db, id);
      assert.equal(r.state, 'linked');
      assert.equal(r.event_id, eventId);
    }
    const missing = await newReport();
    assert.equal((await editor.post(`/editor/reports/${missing}/link`, { event_id: '424242' })).status, 404);
    assert.equal((await editor.post(`/editor/reports/${missing}/link`, {})).status, 422);
  });

  it('lets the claimant release a report, and lets an admin take one over', async () => {
    const id = await newReport();
    assert.equal((await editor.post(`/editor/reports/${id}/claim`, {})).status, 303);
    assert.equal((await editor.post(`/editor/reports/${id}/release`, {})).status, 303);
    assert.equal((await getReport(t.db, id)).state, 'new');

    assert.equal((await editor.post(`/editor/reports/${id}/claim`, {})).status, 303);
    const adminPage = await (await admin.get(`/editor/reports/${id}`)).text();
    assert.match(adminPage, /Take over from editor \(admin\)/);
    assert.equal((await admin.post(`/editor/reports/${id}/claim`, {})).status, 409, 'an admin must ask explicitly');
    assert.equal((await admin.post(`/editor/reports/${id}/claim`, { force: '1' })).status, 303);
    const stored = await getReport(t.db, id);
    assert.equal(stored.claimed_by_name, 'admin');
    const actions = (await listReportActions(t.db, id)).map((a) => `${a.username}:${a.action}`);
    assert.deepEqual(actions, ['editor:claim', 'editor:release', 'editor:claim', 'admin:claim']);
    assert.equal((await editor2.post(`/editor/reports/${id}/claim`, { force: '1' })).status, 403);
  });

  it('lets an admin reveal contact details once, and records it', async () => {
    const id = await newReport({ contact: 'Signal: +7 701 000 00 00' });
    const editorPage = await (await editor.get(`/editor/reports/${id}`)).text();
    assert.doesNotMatch(editorPage, /\+7 701/);
    assert.doesNotMatch(editorPage, /Reveal contact details/);
    assert.match(editorPage, /Only an admin can reveal them/);

    const refused = await editor.post(`/editor/reports/${id}/reveal`, {});
    assert.equal(refused.status, 403);
    assert.doesNotMatch(await refused.text(), /\+7 701/);
    assert.equal((await listReportActions(t.db, id)).length, 0);

    const adminPage = await (await admin.get(`/editor/reports/${id}`)).text();
    assert.doesNotMatch(adminPage, /\+7 701/, 'not shown before the explicit reveal');
    const res = await admin.post(`/editor/reports/${id}/reveal`, {});
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.match(await res.text(), /Signal: \+7 701 000 00 00/);
    const actions = await listReportActions(t.db, id);
    assert.deepEqual(
      actions.map((a) => [a.username, a.action]),
      [['admin', 'reveal_contact']],
    );
    const later = await (await admin.get(`/editor/reports/${id}`)).text();
    assert.doesNotMatch(later, /\+7 701/, 'a later visit does not show it again');
    assert.match(later, /revealed contact details/);
  });
});
