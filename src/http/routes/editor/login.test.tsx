import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_PASSWORD, type TestApp, anonymous, loginAs, openTestApp } from '../../testing.ts';

const BASE = 'http://localhost';
const form = (fields: Record<string, string>, headers: Record<string, string> = {}) => ({
  method: 'POST',
  body: new URLSearchParams(fields),
  headers: { 'content-type': 'application/x-www-form-urlencoded', origin: BASE, host: 'localhost', ...headers },
});

describe('editor login', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp();
  });
  after(() => t.close());

  it('shows a labelled login form', async () => {
    const res = await anonymous(t).get('/editor/login');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<label for="username">/);
    assert.match(html, /<input type="password" id="password" name="password"/);
    assert.match(html, /noindex/);
  });

  it('logs in with the right password and sets a strict, HttpOnly session cookie', async () => {
    const res = await t.app.request(`${BASE}/editor/login`, form({ username: 'editor', password: TEST_PASSWORD }));
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/editor');
    const cookie = res.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^caravan_session=[A-Za-z0-9_-]{20,};/);
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Strict/i);
    assert.match(cookie, /Path=\//);
    // The test origin is plain http: a Secure cookie would never come back.
    assert.doesNotMatch(cookie, /Secure/);
    const home = await t.app.request(`${BASE}/editor`, { headers: { cookie: cookie.split(';')[0]! } });
    assert.equal(home.status, 200);
    assert.match(await home.text(), /Signed in as editor/);
  });

  it('marks the cookie Secure and host-only when the chronicle is served over https', async () => {
    const secure = await openTestApp();
    try {
      secure.ctx.config.secureCookies = true;
      const res = await secure.app.request('https://chronicle.example/editor/login', {
        ...form({ username: 'admin', password: TEST_PASSWORD }, { origin: 'https://chronicle.example', host: 'chronicle.example' }),
      });
      assert.equal(res.status, 303);
      const cookie = res.headers.get('set-cookie') ?? '';
      assert.match(cookie, /^__Host-caravan_session=/);
      assert.match(cookie, /Secure/);
      assert.match(cookie, /HttpOnly/i);
    } finally {
      await secure.close();
    }
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const wrongPassword = await t.app.request(`${BASE}/editor/login`, form({ username: 'editor', password: 'not the password' }));
    const unknownUser = await t.app.request(`${BASE}/editor/login`, form({ username: 'nobody', password: TEST_PASSWORD }));
    for (const res of [wrongPassword, unknownUser]) {
      assert.equal(res.status, 401);
      assert.equal(res.headers.get('set-cookie'), null);
      const html = await res.text();
      assert.match(html, /Wrong username or password\./);
      assert.doesNotMatch(html, /unknown user|no such user|wrong password\b/i);
    }
  });

  it('answers a username holding a NUL as a wrong login, not a server error', async () => {
    // Before, the NUL reached PostgreSQL in the user lookup and the answer was 500.
    const res = await t.app.request(`${BASE}/editor/login`, form({ username: 'edi\u0000tor', password: TEST_PASSWORD }));
    assert.equal(res.status, 401);
    assert.match(await res.text(), /Wrong username or password\./);
  });

  it('asks for both fields when one is empty', async () => {
    const res = await t.app.request(`${BASE}/editor/login`, form({ username: 'editor', password: '' }));
    assert.equal(res.status, 422);
    assert.match(await res.text(), /Enter your username and password/);
  });

  it('refuses a disabled account', async () => {
    await t.db.query(`update users set disabled_at = now() where username = 'editor2'`);
    const res = await t.app.request(`${BASE}/editor/login`, form({ username: 'editor2', password: TEST_PASSWORD }));
    assert.equal(res.status, 401);
    await t.db.query(`update users set disabled_at = null where username = 'editor2'`);
  });

  it('refuses a login posted from another site', async () => {
    const res = await t.app.request(
      `${BASE}/editor/login`,
      form({ username: 'editor', password: TEST_PASSWORD }, { origin: 'https://evil.example' }),
    );
    assert.equal(res.status, 403);
    assert.equal(res.headers.get('set-cookie'), null);
  });

  it('returns to the page that asked for a login, but never to another site', async () => {
    const asked = await anonymous(t).get('/editor/events?page=2');
    assert.equal(asked.status, 303);
    assert.equal(asked.headers.get('location'), '/editor/login?next=%2Feditor%2Fevents%3Fpage%3D2');
    const back = await t.app.request(
      `${BASE}/editor/login`,
      form({ username: 'editor', password: TEST_PASSWORD, next: '/editor/events?page=2' }),
    );
    assert.equal(back.headers.get('location'), '/editor/events?page=2');
    const away = await t.app.request(
      `${BASE}/editor/login`,
      form({ username: 'editor', password: TEST_PASSWORD, next: '//evil.example/x' }),
    );
    assert.equal(away.headers.get('location'), '/editor');
  });

  it('logs out with the CSRF token and the session stops working', async () => {
    const editor = await loginAs(t, 'editor');
    const res = await editor.post('/editor/logout', {});
    assert.equal(res.status, 303);
    assert.match(res.headers.get('set-cookie') ?? '', /caravan_session=;/);
    const after = await editor.get('/editor');
    assert.equal(after.status, 303);
    assert.match(after.headers.get('location') ?? '', /^\/editor\/login/);
  });

  it('does not log out without the CSRF token', async () => {
    const editor = await loginAs(t, 'editor');
    const res = await t.app.request(`${BASE}/editor/logout`, form({}, { cookie: editor.cookie }));
    assert.equal(res.status, 403);
    assert.equal((await editor.get('/editor')).status, 200);
  });
});
