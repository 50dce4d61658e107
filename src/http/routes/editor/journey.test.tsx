/**
 * The whole triage journey over HTTP, as two editors would live it: a report comes in, one
 * editor claims and codes it, the other is kept out, the event is edited, corroborated,
 * published and unpublished, and a stale save is refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { getEventRow, getPublishedEvent, getRevision } from '../../../store/events.ts';
import { getReport, insertReport } from '../../../store/reports.ts';
import { type Browser, type TestApp, anonymous, loginAs, openTestApp } from '../../testing.ts';
import { scrapeForm } from './form-scraper.ts';

describe('triage journey', () => {
  let t: TestApp;
  let editor: Browser;
  let editor2: Browser;
  let reportId: number;
  let otherReportId: number;
  let eventId: number;

  before(async () => {
    t = await openTestApp();
    const { report } = await insertReport(t.db, {
      input: {
        what: 'Police fire stun grenades at the crowd near the akimat in Almaty\nHundreds of people, some injured.',
        when: 'around 10 in the morning, 5 January',
        where: 'Almaty, near the akimat',
        howKnown: 'saw',
      },
      channel: 'web',
      receiptCode: 'JRNY-0000-0001',
      placeId: 'kz-almaty-akimat',
      receivedAt: new Date('2022-01-05T05:10:00Z'),
    });
    reportId = report.id;
    const other = await insertReport(t.db, {
      input: { what: 'Crowd at the akimat', howKnown: 'heard' },
      channel: 'sms',
      receiptCode: 'JRNY-0000-0002',
    });
    otherReportId = other.report.id;
    editor = await loginAs(t, 'editor');
    editor2 = await loginAs(t, 'editor2');
  });
  after(() => t.close());

  it('shows the new report in the queue with its first line and place', async () => {
    const html = await (await editor.get('/editor')).text();
    assert.match(html, new RegExp(`href="/editor/reports/${reportId}"`));
    assert.match(html, /Police fire stun grenades at the crowd near the akimat in Almaty/);
    assert.doesNotMatch(html, /Hundreds of people/);
    assert.match(html, /Almaty/);
    assert.match(html, /2022-01-05 05:10 UTC<span class="meta"> \(11:10 Almaty\)/, 'UTC, and the chronicle’s own clock beside it');
  });

  it('lets one editor claim the report and keeps the other out', async () => {
    const claim = await editor.post(`/editor/reports/${reportId}/claim`, {});
    assert.equal(claim.status, 303);
    assert.equal(claim.headers.get('location'), `/editor/reports/${reportId}`);

    const page = await (await editor2.get(`/editor/reports/${reportId}`)).text();
    assert.match(page, /Claimed by editor/);

    for (const [path, form] of [
      [`/editor/reports/${reportId}/claim`, {}],
      [`/editor/reports/${reportId}/reject`, { note: 'looks like a rumour' }],
      [`/editor/reports/${reportId}/duplicate`, { of: String(otherReportId) }],
      [`/editor/reports/${reportId}/release`, {}],
    ] as const) {
      const res = await editor2.post(path, form);
      assert.equal(res.status, 409, path);
      assert.match(await res.text(), /claimed by editor|only the editor who claimed/, path);
    }
    const stored = await getReport(t.db, reportId);
    assert.equal(stored.state, 'claimed');
    assert.equal(stored.claimed_by_name, 'editor');
  });

  it('refuses to create an event from the report for the other editor', async () => {
    const form = scrapeForm(await (await editor2.get(`/editor/events/new?report=${reportId}`)).text(), '/editor/events/new');
    const res = await editor2.post('/editor/events/new', { ...form, ...codedFields() });
    assert.equal(res.status, 409);
    assert.match(await res.text(), /claimed by editor/);
    const [count] = await t.db.query<{ n: number }>('select count(*)::int as n from events');
    assert.equal(count!.n, 0, 'the event insert was rolled back with the refused link');
  });

  it('creates an event from the report, prefilled, and links the report', async () => {
    const html = await (await editor.get(`/editor/events/new?report=${reportId}`)).text();
    const form = scrapeForm(html, '/editor/events/new');
    assert.equal(form.summary_en, 'Police fire stun grenades at the crowd near the akimat in Almaty');
    assert.equal(form.from_report, String(reportId));
    assert.equal(form.src_kind_0, 'report');
    assert.equal(form.src_reportId_0, String(reportId));
    assert.equal(form.place_id, 'kz-almaty-akimat');
    assert.equal(form.time_zone, 'Asia/Almaty');
    // The desk read the time from the reporter's own words, and marks it as suggested.
    assert.equal(form.date, '2022-01-05');
    assert.equal(form.clock, '10:00');
    assert.equal(form.precision, 'hour');
    assert.equal(form.sub_event_type, 'Protest with intervention', 'stun grenades at a crowd');
    assert.match(html, /Suggested by the desk<\/strong> from the report’s words: <q>around 10 in the morning, 5 January<\/q>/);
    assert.match(html, /around 10 in the morning, 5 January/);

    const res = await editor.post('/editor/events/new', { ...form, ...codedFields() });
    assert.equal(res.status, 303, await res.clone().text());
    const m = /^\/editor\/events\/(\d+)$/.exec(res.headers.get('location') ?? '');
    assert.ok(m);
    eventId = Number(m[1]);

    const report = await getReport(t.db, reportId);
    assert.equal(report.state, 'linked');
    assert.equal(report.event_id, eventId);
    const rev = await getRevision(t.db, eventId, 1);
    assert.equal(rev.data.time.start, '2022-01-05T04:00:00.000Z', '10:00 in Almaty was 04:00 UTC');
    assert.equal(rev.data.location.admin1, 'Almaty');
    assert.equal(rev.data.eventType, 'Protests');
    assert.deepEqual(rev.data.sources, [{ kind: 'report', reportId: String(reportId) }]);
  });

  it('records an edit with its reason as revision 2 and shows what changed', async () => {
    const form = scrapeForm(await (await editor.get(`/editor/events/${eventId}/edit`)).text(), `/editor/events/${eventId}/edit`);
    assert.equal(form.base_revision, '1');
    assert.equal(form.clock, '10:00');

    const noReason = await editor.post(`/editor/events/${eventId}/edit`, { ...form, summary_en: 'Police disperse crowd at Almaty akimat' });
    assert.equal(noReason.status, 422);
    assert.match(await noReason.text(), /say why you are making this change/);

    const res = await editor.post(`/editor/events/${eventId}/edit`, {
      ...form,
      summary_en: 'Police disperse crowd at Almaty akimat',
      reason: 'Shorter summary',
    });
    assert.equal(res.status, 303);
    assert.equal((await getEventRow(t.db, eventId)).latest_revision, 2);

    const page = await (await editor.get(`/editor/events/${eventId}`)).text();
    assert.match(page, /Revision 2/);
    assert.match(page, /Reason: Shorter summary/);
    assert.match(
      page,
      /<th scope="row">summary.en<\/th><td><del>Police fire stun grenades at the crowd near the akimat in Almaty<\/del><\/td><td><ins>Police disperse crowd at Almaty akimat<\/ins>/,
    );
    const rev2 = /<section id="rev-2">[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
    assert.equal(rev2.match(/<th scope="row">/g)?.length, 1, 'only the summary changed, whatever order the stored keys come back in');
  });

  it('searches the gazetteer without saving, offering the matches as radio buttons', async () => {
    const form = scrapeForm(await (await editor.get(`/editor/events/${eventId}/edit`)).text(), `/editor/events/${eventId}/edit`);
    const res = await editor.post(`/editor/events/${eventId}/edit`, { ...form, place_query: 'akimat', intent: 'find_place', reason: 'x' });
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Not saved yet/);
    assert.match(html, /<input type="radio" name="place_id" id="place-\d" value="kz-shymkent-akimat"/);
    assert.match(
      html,
      /<input type="radio" name="place_id" id="place-\d" value="kz-almaty-akimat" checked=""/,
      'the current place stays chosen',
    );
    assert.equal((await getEventRow(t.db, eventId)).latest_revision, 2);
  });

  it('refuses “corroborated” with one source, naming the rule, and keeps the input', async () => {
    const form = scrapeForm(await (await editor.get(`/editor/events/${eventId}/edit`)).text(), `/editor/events/${eventId}/edit`);
    const res = await editor.post(`/editor/events/${eventId}/edit`, {
      ...form,
      status: 'corroborated',
      reason: 'Second look',
      notes: 'kept',
    });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /corroborated needs at least two independent sources \(has 1\)/);
    const again = scrapeForm(html, `/editor/events/${eventId}/edit`);
    assert.equal(again.status, 'corroborated');
    assert.equal(again.notes, 'kept');
    assert.equal(again.reason, 'Second look');
    assert.equal((await getEventRow(t.db, eventId)).latest_revision, 2);
  });

  it('accepts “corroborated” once an independent second source is added', async () => {
    const form = scrapeForm(await (await editor.get(`/editor/events/${eventId}/edit`)).text(), `/editor/events/${eventId}/edit`);
    const res = await editor.post(`/editor/events/${eventId}/edit`, {
      ...form,
      status: 'corroborated',
      add_link_url: 'https://example.org/almaty-akimat',
      add_link_outlet: 'Example News',
      add_link_title: 'Stun grenades at the akimat',
      reason: 'Confirmed by Example News',
    });
    assert.equal(res.status, 303, await res.clone().text());
    const rev = await getRevision(t.db, eventId, 3);
    assert.equal(rev.data.status, 'corroborated');
    assert.equal(rev.data.sources.length, 2);
  });

  it('publishes the latest revision to the public permalink', async () => {
    const page = await (await editor.get(`/editor/events/${eventId}`)).text();
    assert.match(page, /Draft: revision 3 has never been published/);
    const publish = scrapeForm(page, `/editor/events/${eventId}/publish`);
    assert.equal(publish.revision, '3');
    assert.equal(publish.confirm_first, undefined, 'the first publication asks to be confirmed');
    const unconfirmed = await editor.post(`/editor/events/${eventId}/publish`, publish);
    assert.equal(unconfirmed.status, 422);
    assert.match(await unconfirmed.text(), /tick the box to confirm this first publication/);
    assert.equal(await getPublishedEvent(t.db, eventId), undefined, 'nothing was published');
    const res = await editor.post(`/editor/events/${eventId}/publish`, { ...publish, confirm_first: '1' });
    assert.equal(res.status, 303);
    const published = await getPublishedEvent(t.db, eventId);
    assert.equal(published?.revision, 3);
    assert.equal(published?.status, 'corroborated');
    assert.equal(published?.privateSourceCount, 1);
    assert.equal((await anonymous(t).get(`/events/${eventId}`)).status, 200, 'the public page shows it');
    const after = await (await editor.get(`/editor/events/${eventId}`)).text();
    assert.match(after, /Published: the public page shows revision 3, the latest/);
    assert.match(after, new RegExp(`href="/events/${eventId}"`));

    const twice = await editor.post(`/editor/events/${eventId}/publish`, publish);
    assert.equal(twice.status, 409);
  });

  it('refuses a save based on a revision someone else has replaced', async () => {
    const mine = scrapeForm(await (await editor.get(`/editor/events/${eventId}/edit`)).text(), `/editor/events/${eventId}/edit`);
    const theirs = scrapeForm(await (await editor2.get(`/editor/events/${eventId}/edit`)).text(), `/editor/events/${eventId}/edit`);
    const first = await editor2.post(`/editor/events/${eventId}/edit`, {
      ...theirs,
      fatalities_wording: 'none reported',
      reason: 'Added fatalities',
    });
    assert.equal(first.status, 303);
    const stale = await editor.post(`/editor/events/${eventId}/edit`, { ...mine, tags: 'akimat', reason: 'Tagging' });
    assert.equal(stale.status, 409);
    const html = await stale.text();
    assert.match(html, /someone else saved revision 4/);
    assert.equal(scrapeForm(html, `/editor/events/${eventId}/edit`).tags, 'akimat', 'the editor’s input is kept');
    const latest = await getRevision(t.db, eventId, 4);
    assert.deepEqual(latest.data.tags, []);
    assert.equal((await getEventRow(t.db, eventId)).latest_revision, 4);
  });

  it('refuses to publish when a newer revision appeared after the page was opened', async () => {
    const res = await editor.post(`/editor/events/${eventId}/publish`, { revision: '3' });
    assert.equal(res.status, 409);
    assert.equal((await getPublishedEvent(t.db, eventId))?.revision, 3);
  });

  it('unpublishes only with a reason', async () => {
    const bare = await editor.post(`/editor/events/${eventId}/unpublish`, { reason: '  ' });
    assert.equal(bare.status, 422);
    assert.ok(await getPublishedEvent(t.db, eventId));
    const res = await editor.post(`/editor/events/${eventId}/unpublish`, { reason: 'Witness withdrew the account' });
    assert.equal(res.status, 303);
    assert.equal(await getPublishedEvent(t.db, eventId), undefined);
    const gone = await anonymous(t).get(`/events/${eventId}`);
    assert.equal(gone.status, 410, 'a citation of the withdrawn event says it is gone, not that it never was');
    assert.match(await gone.text(), /withdrawn|Gone/i);
    const page = await (await editor.get(`/editor/events/${eventId}`)).text();
    assert.match(page, /Witness withdrew the account/);
    assert.match(page, /Not public/);
  });

  it('lists the event with its status and publication state', async () => {
    const html = await (await editor.get('/editor/events')).text();
    assert.match(html, new RegExp(`href="/editor/events/${eventId}"`));
    assert.match(html, /corroborated/);
    assert.match(html, /draft/);
  });
});

/** What the editor codes by hand on top of the prefilled form. */
function codedFields(): Record<string, string> {
  return {
    date: '2022-01-05',
    clock: '10:00',
    precision: 'hour',
    sub_event_type: 'Protest with intervention',
    actor1_name: 'Protesters (Kazakhstan)',
    actor1_type: '6',
    actor2_name: 'Police Forces of Kazakhstan (2019-)',
    actor2_type: '1',
    intent: 'save',
  };
}
