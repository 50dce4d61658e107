import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { findUserByName } from '../../../store/users.ts';
import { type TestApp, TEST_PASSWORD, loginAs, openTestApp } from '../../testing.ts';

const BASE = 'http://localhost';

async function loginStatus(t: TestApp, username: string, password: string): Promise<number> {
  const res = await t.app.request(`${BASE}/editor/login`, {
    method: 'POST',
    body: new URLSearchParams({ username, password }),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: BASE, host: 'localhost' },
  });
  return res.status;
}

/** Whether a browser's session still opens the workspace. */
const isLoggedIn = async (b: { get(path: string): Promise<Response> }) => (await b.get('/editor')).status === 200;

describe('changing passwords', () => {
  let t: TestApp;

  before(async () => {
    t = await openTestApp();
  });
  after(() => t.close());

  it('lets an editor change their own password, which ends their other sessions only', async () => {
    const here = await loginAs(t, 'editor');
    const elsewhere = await loginAs(t, 'editor');
    const page = await (await here.get('/editor/password')).text();
    assert.match(page, /name="_csrf"/);
    assert.match(page, /autocomplete="current-password"/);

    const wrong = await here.post('/editor/password', {
      current: 'not my password',
      password: 'a brand new secret',
      repeat: 'a brand new secret',
    });
    assert.equal(wrong.status, 422);
    assert.match(await wrong.text(), /is not your current password/);
    const mismatch = await here.post('/editor/password', {
      current: TEST_PASSWORD,
      password: 'a brand new secret',
      repeat: 'a brand new secreT',
    });
    assert.equal(mismatch.status, 422);
    assert.match(await mismatch.text(), /does not match the new password/);
    const weak = await here.post('/editor/password', { current: TEST_PASSWORD, password: 'short', repeat: 'short' });
    assert.equal(weak.status, 422);
    assert.match(await weak.text(), /must be at least 10 characters/);
    assert.match(page, /not a common password, a repetition or a keyboard sequence; not containing the username/, 'the form says the rule');
    for (const [password, why] of [
      [' '.repeat(10), /repeats itself/],
      ['password12', /is a common password/],
      ['editor-and-proud', /must not contain the username/],
    ] as const) {
      const res = await here.post('/editor/password', { current: TEST_PASSWORD, password, repeat: password });
      assert.equal(res.status, 422, password);
      assert.match(await res.text(), why);
    }
    assert.equal(await loginStatus(t, 'editor', TEST_PASSWORD), 303, 'nothing changed yet');

    const done = await here.post('/editor/password', {
      current: TEST_PASSWORD,
      password: 'a brand new secret',
      repeat: 'a brand new secret',
    });
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), '/editor/password?done=1');
    assert.match(await (await here.get('/editor/password?done=1')).text(), /Your password is changed/);
    assert.ok(await isLoggedIn(here), 'the session that changed it stays');
    assert.ok(!(await isLoggedIn(elsewhere)), 'the other session has ended');
    assert.equal(await loginStatus(t, 'editor', TEST_PASSWORD), 401);
    assert.equal(await loginStatus(t, 'editor', 'a brand new secret'), 303);
  });

  it('refuses a change without the form’s CSRF token', async () => {
    const b = await loginAs(t, 'editor2');
    const res = await t.app.request(`${BASE}/editor/password`, {
      method: 'POST',
      body: new URLSearchParams({ current: TEST_PASSWORD, password: 'forged new secret', repeat: 'forged new secret' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: BASE, host: 'localhost', cookie: b.cookie },
    });
    assert.equal(res.status, 403);
    assert.equal(await loginStatus(t, 'editor2', TEST_PASSWORD), 303);
  });

  it('lets an admin set a new password for another account, ending that account’s sessions', async () => {
    const admin = await loginAs(t, 'admin');
    const victim = await loginAs(t, 'editor2');
    const id = (await findUserByName(t.db, 'editor2'))!.id;
    assert.match(await (await admin.get('/editor/users')).text(), new RegExp(`action="/editor/users/${id}/password"`));

    const weak = await admin.post(`/editor/users/${id}/password`, { password: 'short' });
    assert.equal(weak.status, 422);
    assert.match(await weak.text(), /must be at least 10 characters/);
    for (const [password, why] of [
      [' '.repeat(10), /repeats itself/],
      ['password12', /is a common password/],
      ['Editor2 reset today', /must not contain the username/],
    ] as const) {
      const res = await admin.post(`/editor/users/${id}/password`, { password });
      assert.equal(res.status, 422, password);
      const html = await res.text();
      assert.match(html, why);
      assert.match(
        html,
        /id="password-rule"[^>]*>\s*Password: At least 10 characters; not a common password/,
        'the reset form says the rule',
      );
    }
    assert.ok(await isLoggedIn(victim));

    const done = await admin.post(`/editor/users/${id}/password`, { password: 'given over signal' });
    assert.equal(done.status, 303);
    assert.match(await (await admin.get(done.headers.get('location')!)).text(), /New password set for editor2/);
    assert.ok(!(await isLoggedIn(victim)), 'their session has ended');
    assert.ok(await isLoggedIn(admin));
    assert.equal(await loginStatus(t, 'editor2', TEST_PASSWORD), 401);
    assert.equal(await loginStatus(t, 'editor2', 'given over signal'), 303);
  });

  it('does not let an editor reset anyone’s password', async () => {
    const admin = await loginAs(t, 'admin');
    await admin.post('/editor/users', { username: 'aliya', password: TEST_PASSWORD, role: 'editor' });
    const aliya = await loginAs(t, 'aliya');
    const adminId = (await findUserByName(t.db, 'admin'))!.id;
    const res = await aliya.post(`/editor/users/${adminId}/password`, { password: 'taken over now' });
    assert.equal(res.status, 403);
    assert.equal(await loginStatus(t, 'admin', TEST_PASSWORD), 303);
  });
});
