/**
 * The editors' desk over HTTP: reports read on arrival from any channel show their suggestions
 * in the queue and on their page, reports of one place and time are proposed as one incident,
 * the queue narrows to hearsay or a region, "New event from report" comes prefilled and marked
 * as suggested, and what the editor kept or changed is counted on the admin's accuracy page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { localDate } from '../../../core/time.ts';
import { getReport } from '../../../store/reports.ts';
import { type Browser, type TestApp, loginAs, openTestApp } from '../../testing.ts';
import { scrapeForm } from './form-scraper.ts';

describe("the editors' desk", () => {
  let t: TestApp;
  let editor: Browser;
  let admin: Browser;
  let editor2: Browser;
  const id: Record<string, number> = {};

  async function send(name: string, body: Record<string, string>) {
    const res = await t.app.request('http://localhost/api/v1/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ howKnown: 'other', ...body }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    const { receiptCode } = (await res.json()) as { receiptCode: string };
    const [row] = await t.db.query<{ id: number }>('select id from reports where receipt_code = $1', [receiptCode]);
    id[name] = row!.id;
  }

  before(async () => {
    t = await openTestApp();
    await send('ru', { what: 'В Жанаозене люди собрались на площади у акимата, митинг против цен на газ' });
    await send('kk', { what: 'Жаңаөзенде адамдар әкімдік алдындағы алаңға жиналды, газ бағасына наразылық митингі' });
    await send('almaty', { what: 'Almatyda Respublika alanynda adamdar jinaldy, polisiya keldi, I saw it myself' });
    await send('rumour', { what: 'Говорят, в Актобе стреляли у акимата, не подтверждено, сам не видел' });
    // Written on the phone at 10:00 in Atyrau, delivered much later: "this morning" is that morning.
    await send('offline', {
      what: 'Сегодня утром в Атырау около 300 человек вышли на площадь перед акиматом',
      writtenAt: '2022-01-05T10:00:00+05:00',
    });
    await send('inc1', { what: 'В Таразе у акимата собрались около тысячи человек, мирный митинг против цен на газ' });
    await send('inc2', { what: 'About a thousand people gathered outside the akimat in Taraz, a peaceful rally against fuel prices' });
    editor = await loginAs(t, 'editor');
    editor2 = await loginAs(t, 'editor2');
    admin = await loginAs(t, 'admin');
  });
  after(() => t.close());

  it('reads every report on arrival and stores what the queue filters and groups by', async () => {
    const ru = await getReport(t.db, id.ru!);
    assert.equal(ru.lang, 'ru');
    assert.equal(ru.event_settlement, 'kz-zhanaozen');
    assert.equal(ru.event_type, 'Protests');
    assert.equal(ru.hedged, false);
    assert.equal((await getReport(t.db, id.rumour!)).hedged, true);
    const offline = await getReport(t.db, id.offline!);
    assert.equal(offline.written_at?.toISOString(), '2022-01-05T05:00:00.000Z', 'the time it was written is kept');
    assert.equal(localDate(offline.event_start!, 'Asia/Atyrau'), '2022-01-05', 'the morning it was written, not the day it arrived');
  });

  it('proposes reports of one place and time as one incident, across languages, and not others', async () => {
    const html = await (await editor.get('/editor')).text();
    // A row starts with its report's own link; the badges link to others.
    const row = (n: number) => new RegExp(`<td><a href="/editor/reports/${n}">#${n}</a>(?:(?!</tr>)[\\s\\S])*</tr>`).exec(html)?.[0] ?? '';
    assert.match(row(id.kk!), new RegExp(`same place and time as[\\s\\S]*#${id.ru}`));
    assert.match(row(id.ru!), new RegExp(`same place and time as[\\s\\S]*#${id.kk}`));
    assert.doesNotMatch(row(id.almaty!), /same place and time/);
    assert.match(row(id.ru!), /Zhanaozen/);
    assert.match(row(id.rumour!), /hearsay/);
  });

  it('flags reports that carry the same photo, whatever they say', async () => {
    const photo = 'ab'.repeat(32);
    for (const [report, name] of [
      [id.almaty, 'photo.jpg'],
      [id.rumour, 'IMG_0042.jpg'],
    ] as const) {
      await t.db.query(`insert into report_media_refs (report_id, name, kind, sha256) values ($1, $2, 'photo', $3)`, [report, name, photo]);
    }
    const html = await (await editor.get('/editor')).text();
    assert.match(html, new RegExp(`same photo or video as <a href="/editor/reports/${id.almaty}">#${id.almaty}</a>`));
    const page = await (await editor.get(`/editor/reports/${id.almaty}`)).text();
    assert.match(page, new RegExp(`Same photo or video[\\s\\S]*#${id.rumour}`));
  });

  it('narrows the queue to hearsay, to a region, and names a bad filter', async () => {
    const ids = (html: string) => [...html.matchAll(/<td><a href="\/editor\/reports\/(\d+)">#/g)].map((m) => Number(m[1]));
    const hearsay = await (await editor.get('/editor?hedged=yes')).text();
    assert.deepEqual(ids(hearsay), [id.rumour]);
    const mangystau = await (await editor.get('/editor?region=kz-mangystau')).text();
    assert.deepEqual(ids(mangystau), [id.ru, id.kk]);
    assert.match(mangystau, /Reports 1–2 of 2 open/);
    const none = await (await editor.get('/editor?hedged=no&region=kz-aktobe')).text();
    assert.deepEqual(ids(none), []);
    const bad = await editor.get('/editor?region=atlantis');
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /region must be one of/);
    assert.equal((await editor.get('/editor?hedged=maybe')).status, 400);
  });

  it('shows the suggestions on the report page with the words they came from', async () => {
    const html = await (await editor.get(`/editor/reports/${id.rumour}`)).text();
    assert.match(html, /Suggested by the desk/);
    assert.match(html, /Aktobe/);
    assert.match(html, /Hearsay or unconfirmed[\s\S]*<q>Говорят<\/q>/);
  });

  it('prefills a new event from the report, marks it suggested, and counts what the editor kept', async () => {
    const html = await (await editor.get(`/editor/events/new?report=${id.ru}`)).text();
    const form = scrapeForm(html, '/editor/events/new');
    assert.match(form.place_id ?? '', /^kz-zhanaozen/);
    assert.equal(form.time_zone, 'Asia/Aqtau', 'Zhanaozen keeps western time');
    assert.ok(form.date, 'a date is suggested');
    assert.equal(form.sub_event_type, 'Peaceful protest');
    assert.equal((html.match(/Suggested by the desk/g) ?? []).length, 3, 'place, time and type; no fatalities were reported');

    // The editor checks the place, keeps the time and changes the type.
    const changed = { ...form, confirm_place: '1', sub_event_type: 'Protest with intervention' };
    const again = await editor.post('/editor/events/new', { ...changed, intent: 'find_place' });
    const shown = await again.text();
    assert.match(shown, /Checked by you/);
    assert.match(shown, /Changed by you; the desk suggested Peaceful protest/);

    const res = await editor.post('/editor/events/new', {
      ...changed,
      actor1_name: 'Protesters (Kazakhstan)',
      actor1_type: '6',
      intent: 'save',
    });
    assert.equal(res.status, 303, await res.clone().text());

    assert.equal((await editor.get('/editor/accuracy')).status, 403, 'admins only');
    const page = await (await admin.get('/editor/accuracy')).text();
    const cell = (field: string, outcome: string) =>
      new RegExp(`<tr data-field="${field}">[\\s\\S]*?data-outcome="${outcome}">(\\d+)<`).exec(page)?.[1];
    assert.equal(cell('place', 'accepted'), '1');
    assert.equal(cell('time', 'accepted'), '1');
    assert.equal(cell('type', 'corrected'), '1');
    assert.equal(cell('fatalities', 'accepted'), '0');
    assert.match(page, /Peaceful protest[\s\S]*Protest with intervention/);
  });

  it('creates one event from a whole incident, linking every report of it, or none', async () => {
    const page = await (await editor.get(`/editor/reports/${id.inc1}`)).text();
    const href = new RegExp(`href="(/editor/events/new\\?report=${id.inc1}&amp;incident=${id.inc2})"`).exec(page)?.[1];
    assert.ok(href, 'the report page offers the incident');
    assert.match(page, /Create an event from this incident \(2 reports\)/);
    const html = await (await editor.get(href.replaceAll('&amp;', '&'))).text();
    const form = scrapeForm(html, '/editor/events/new');
    assert.equal(form.also_reports, String(id.inc2));
    assert.deepEqual([form.src_reportId_0, form.src_reportId_1], [String(id.inc1), String(id.inc2)], 'both reports are its sources');
    assert.match(form.place_id ?? '', /^kz-taraz/);
    const coded = { ...form, actor1_name: 'Protesters (Kazakhstan)', actor1_type: '6', intent: 'save' };

    assert.equal((await editor2.post(`/editor/reports/${id.inc2}/claim`, {})).status, 303);
    const refused = await editor.post('/editor/events/new', coded);
    assert.equal(refused.status, 409);
    assert.match(await refused.text(), new RegExp(`report #${id.inc2} of the incident: report is claimed by editor2; nothing was saved`));
    assert.equal((await getReport(t.db, id.inc1!)).state, 'new', 'the first report was not linked either');

    assert.equal((await editor2.post(`/editor/reports/${id.inc2}/release`, {})).status, 303);
    const res = await editor.post('/editor/events/new', coded);
    assert.equal(res.status, 303, await res.clone().text());
    const eventId = Number(/(\d+)$/.exec(res.headers.get('location') ?? '')?.[1]);
    for (const r of [id.inc1!, id.inc2!]) {
      const row = await getReport(t.db, r);
      assert.equal(row.state, 'linked');
      assert.equal(row.event_id, eventId);
    }
  });

  it('warns before publishing an event dated after the report it was coded from', async () => {
    const form = scrapeForm(await (await editor.get(`/editor/events/new?report=${id.offline}`)).text(), '/editor/events/new');
    const res = await editor.post('/editor/events/new', {
      ...form,
      date: '2022-01-06',
      clock: '',
      part_of_day: '',
      precision: 'day',
      actor1_name: 'Protesters (Kazakhstan)',
      actor1_type: '6',
      intent: 'save',
    });
    assert.equal(res.status, 303, await res.clone().text());
    const page = await (await editor.get(res.headers.get('location')!)).text();
    assert.match(page, new RegExp(`data-warning="after_report">The event’s time is after report #${id.offline}`));
    assert.match(page, /name="confirm_first"/, 'and its first publication asks to be confirmed');
  });
});
