/**
 * Who may do what in the workspace: every route refuses anonymous visitors, admin-only routes
 * refuse editors, and no state-changing request passes without the session's CSRF token from
 * our own origin. Each refusal is checked against the database: nothing may have changed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sampleEventData } from '../../../core/testing.ts';
import { publishSampleEvent } from '../../../store/testing.ts';
import { insertReport } from '../../../store/reports.ts';
import { insertSource } from '../../../store/sources.ts';
import { type Browser, type TestApp, anonymous, loginAs, openTestApp } from '../../testing.ts';

const BASE = 'http://localhost';

describe('editor access control', () => {
  let t: TestApp;
  let editor: Browser;
  let admin: Browser;
  let eventId: number;
  let reportId: number;

  const pages = () => [
    '/editor',
    `/editor/reports/${reportId}`,
    '/editor/events',
    '/editor/events/new',
    `/editor/events/new?report=${reportId}`,
    `/editor/events/${eventId}`,
    `/editor/events/${eventId}/edit`,
    '/editor/sources',
  ];
  const adminPages = () => ['/editor/users'];

  /** Every state-changing route with a form that would change something if it were let through. */
  const actions = (): Array<[string, Record<string, string>]> => [
    [`/editor/reports/${reportId}/claim`, {}],
    [`/editor/reports/${reportId}/release`, {}],
    [`/editor/reports/${reportId}/duplicate`, { of: String(reportId + 1) }],
    [`/editor/reports/${reportId}/reject`, { note: 'no' }],
    [`/editor/reports/${reportId}/link`, { event_id: String(eventId) }],
    ['/editor/events/new', { summary_en: 'x' }],
    [`/editor/events/${eventId}/edit`, { summary_en: 'x', reason: 'y', base_revision: '1' }],
    [`/editor/events/${eventId}/publish`, {}],
    [`/editor/events/${eventId}/unpublish`, { reason: 'gone' }],
    [`/editor/events/${eventId}/status`, { status: 'disputed', status_reason: 'x', base_revision: '1' }],
    ['/editor/sources', { kind: 'witness', name: 'W' }],
    ['/editor/users', { username: 'newbie', password: 'long enough password', role: 'admin' }],
    ['/editor/users/3/disable', {}],
    [`/editor/reports/${reportId}/reveal`, {}],
  ];
  const adminActions = () => new Set(['/editor/users', '/editor/users/3/disable', `/editor/reports/${reportId}/reveal`]);

  /** Everything a refused request could have touched. */
  async function snapshot(): Promise<string> {
    const parts = await Promise.all([
      t.db.query('select id, state, claimed_by, event_id, duplicate_of, state_note from reports order by id'),
      t.db.query('select count(*)::int as n from report_actions'),
      t.db.query('select id, latest_revision, published_revision from events order by id'),
      t.db.query('select count(*)::int as n from publications'),
      t.db.query('select count(*)::int as n from sources'),
      t.db.query('select username, role, disabled_at from users order by id'),
      t.db.query('select count(*)::int as n from sessions'),
    ]);
    return JSON.stringify(parts);
  }

  before(async () => {
    t = await openTestApp();
    eventId = await publishSampleEvent(t.db, sampleEventData());
    const r = await insertReport(t.db, {
      input: { what: 'Shots near the airport', howKnown: 'heard', contact: 'x' },
      channel: 'web',
      receiptCode: 'ACCS-0000-0001',
      contactSealed: t.ctx.sealer.seal('@witness on Signal'),
    });
    reportId = r.report.id;
    await insertReport(t.db, { input: { what: 'Same shots', howKnown: 'heard' }, channel: 'web', receiptCode: 'ACCS-0000-0002' });
    await insertSource(t.db, { kind: 'outlet', name: 'Example News' });
    editor = await loginAs(t, 'editor');
    admin = await loginAs(t, 'admin');
  });
  after(() => t.close());

  it('sends anonymous visitors of every page to the login form', async () => {
    for (const path of [...pages(), ...adminPages()]) {
      const res = await anonymous(t).get(path);
      assert.equal(res.status, 303, path);
      assert.match(res.headers.get('location') ?? '', /^\/editor\/login/, path);
    }
  });

  it('refuses every anonymous POST with 403 and changes nothing', async () => {
    const before = await snapshot();
    for (const [path, form] of [...actions(), ['/editor/logout', {}] as [string, Record<string, string>]]) {
      const res = await anonymous(t).post(path, form);
      assert.equal(res.status, 403, path);
      assert.match(await res.text(), /log in first/, path);
    }
    assert.equal(await snapshot(), before);
  });

  it('lets an editor open every workspace page but not the admin pages', async () => {
    for (const path of pages()) assert.equal((await editor.get(path)).status, 200, path);
    for (const path of adminPages()) {
      const res = await editor.get(path);
      assert.equal(res.status, 403, path);
      assert.match(await res.text(), /needs the admin role/);
    }
  });

  it('lets an admin open every page', async () => {
    for (const path of [...pages(), ...adminPages()]) assert.equal((await admin.get(path)).status, 200, path);
  });

  it('marks editor pages private and uncacheable', async () => {
    const res = await editor.get('/editor');
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.match(await res.text(), /<meta name="robots" content="noindex, nofollow"\/>/);
  });

  it('refuses admin-only actions to an editor, even with a valid token', async () => {
    const before = await snapshot();
    for (const [path, form] of actions().filter(([p]) => adminActions().has(p))) {
      const res = await editor.post(path, form);
      assert.equal(res.status, 403, path);
    }
    const force = await editor.post(`/editor/reports/${reportId}/claim`, { force: '1' });
    assert.equal(force.status, 403);
    assert.equal(await snapshot(), before);
  });

  it('refuses every POST without the CSRF token, or with a wrong one, and changes nothing', async () => {
    const before = await snapshot();
    for (const browser of [editor, admin]) {
      for (const [path, form] of [...actions(), ['/editor/logout', {}] as [string, Record<string, string>]]) {
        for (const token of [undefined, 'wrong-token-of-the-right-length-x', '']) {
          const body = new URLSearchParams(form);
          if (token !== undefined) body.set('_csrf', token);
          const res = await t.app.request(BASE + path, {
            method: 'POST',
            body,
            headers: { 'content-type': 'application/x-www-form-urlencoded', origin: BASE, host: 'localhost', cookie: browser.cookie },
          });
          assert.equal(res.status, 403, `${path} with token ${token}`);
          assert.match(await res.text(), /security token/, path);
        }
      }
    }
    assert.equal(await snapshot(), before);
  });

  it('refuses a POST from another origin even with the right token', async () => {
    const before = await snapshot();
    for (const [path, form] of actions()) {
      const res = await t.app.request(BASE + path, {
        method: 'POST',
        body: new URLSearchParams({ ...form, _csrf: admin.csrf }),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'https://evil.example',
          host: 'localhost',
          cookie: admin.cookie,
        },
      });
      assert.equal(res.status, 403, path);
      assert.match(await res.text(), /came from another site/, path);
    }
    assert.equal(await snapshot(), before);
  });

  it('accepts “Origin: null” only when the browser vouches for a same-origin request', async () => {
    // Chromium sends Origin: null for our own forms under the site's no-referrer policy.
    const post = (headers: Record<string, string>) =>
      t.app.request(`${BASE}/editor/sources`, {
        method: 'POST',
        body: new URLSearchParams({ kind: 'witness', name: 'From a real browser', _csrf: editor.csrf }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', host: 'localhost', cookie: editor.cookie, ...headers },
      });
    const before = await snapshot();
    assert.equal((await post({ origin: 'null' })).status, 403);
    assert.equal((await post({ origin: 'null', 'sec-fetch-site': 'cross-site' })).status, 403);
    assert.equal((await post({ 'sec-fetch-site': 'same-site' })).status, 403);
    assert.equal((await post({ origin: BASE, 'sec-fetch-site': 'cross-site' })).status, 403);
    assert.equal(await snapshot(), before);
    assert.equal((await post({ origin: 'null', 'sec-fetch-site': 'same-origin' })).status, 303);
  });

  it('asks browsers to send our origin with workspace forms', async () => {
    for (const res of [await anonymous(t).get('/editor/login'), await editor.get('/editor')]) {
      assert.match(await res.text(), /<meta name="referrer" content="same-origin"\/>/);
    }
  });

  it('does not accept a token sent as JSON instead of a form', async () => {
    const before = await snapshot();
    const res = await t.app.request(`${BASE}/editor/reports/${reportId}/claim`, {
      method: 'POST',
      body: JSON.stringify({ _csrf: editor.csrf }),
      headers: { 'content-type': 'application/json', origin: BASE, host: 'localhost', cookie: editor.cookie },
    });
    assert.equal(res.status, 403);
    assert.equal(await snapshot(), before);
  });

  it('answers 404 for unknown ids and 400 for malformed ones, not 500', async () => {
    assert.equal((await editor.get('/editor/reports/99999')).status, 404);
    assert.equal((await editor.get('/editor/events/99999')).status, 404);
    assert.equal((await editor.get('/editor/events/99999/edit')).status, 404);
    assert.equal((await editor.get('/editor/reports/abc')).status, 400);
    assert.equal((await editor.post('/editor/reports/99999/claim', {})).status, 404);
  });
});
