import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sampleEventData } from '../../../core/testing.ts';
import { getEventRow, getRevision } from '../../../store/events.ts';
import { publishSampleEvent } from '../../../store/testing.ts';
import { type Browser, type TestApp, loginAs, openTestApp } from '../../testing.ts';
import { scrapeForm } from './form-scraper.ts';

describe('event page for editors', () => {
  let t: TestApp;
  let editor: Browser;
  let id: number;

  before(async () => {
    t = await openTestApp();
    editor = await loginAs(t, 'editor');
    id = await publishSampleEvent(t.db, sampleEventData({ fatalities: { wording: 'dozens', max: 40 } }));
  });
  after(() => t.close());

  it('shows the reported fatalities and the conservative ACLED figure', async () => {
    const html = await (await editor.get(`/editor/events/${id}`)).text();
    assert.match(html, /≤40 \(dozens\)/);
    assert.match(html, /<strong id="acled-fatalities">ACLED figure \(most conservative reading\): 12<\/strong>/);
    assert.match(html, /Published: the public page shows revision 1, the latest/);
    assert.doesNotMatch(html, /Publish revision/, 'nothing new to publish');
  });

  it('changes only the status, under the verification rules', async () => {
    const page = await (await editor.get(`/editor/events/${id}`)).text();
    const form = scrapeForm(page, `/editor/events/${id}/status`);
    assert.equal(form.status, 'unverified');
    const refused = await editor.post(`/editor/events/${id}/status`, { ...form, status: 'disputed', status_reason: '' });
    assert.equal(refused.status, 422);
    assert.match(await refused.text(), /disputed needs a note on what is disputed/);
    assert.equal((await getEventRow(t.db, id)).latest_revision, 1);

    const res = await editor.post(`/editor/events/${id}/status`, {
      ...form,
      status: 'disputed',
      status_reason: 'Officials say no one was hurt',
    });
    assert.equal(res.status, 303);
    const rev = await getRevision(t.db, id, 2);
    assert.equal(rev.data.status, 'disputed');
    assert.equal(rev.data.statusReason, 'Officials say no one was hurt');
    assert.equal(rev.reason, 'status unverified → disputed');

    const stale = await editor.post(`/editor/events/${id}/status`, { ...form, status: 'retracted', status_reason: 'Fake' });
    assert.equal(stale.status, 409, 'the form was for revision 1');
  });

  it('says a newer revision is not yet public, and offers to publish it with a note for readers', async () => {
    const html = await (await editor.get(`/editor/events/${id}`)).text();
    assert.match(html, /Published revision 1; revision 2 is newer and not yet public/);
    const form = scrapeForm(html, `/editor/events/${id}/publish`);
    assert.equal(form.revision, '2');
    assert.ok('public_note' in form, 'a correction can say what changed');
    const list = await (await editor.get('/editor/events')).text();
    assert.match(list, /revision 1 \(revision 2 not yet\)/);
    assert.match(list, /disputed/);
  });

  it('speaks Russian when asked', async () => {
    const html = await (await editor.get(`/editor/events/${id}?lang=ru`)).text();
    assert.match(html, /Событие №\d+/);
    assert.match(html, /История правок/);
    assert.match(html, /Число для ACLED/);
  });
});
