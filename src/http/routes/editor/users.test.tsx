import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { findUserByName } from '../../../store/users.ts';
import { type Browser, type TestApp, loginAs, openTestApp } from '../../testing.ts';
import { scrapeForm } from './form-scraper.ts';

describe('users and sources pages', () => {
  let t: TestApp;
  let admin: Browser;
  let editor: Browser;

  before(async () => {
    t = await openTestApp();
    admin = await loginAs(t, 'admin');
    editor = await loginAs(t, 'editor');
  });
  after(() => t.close());

  it('lists users with their roles for an admin', async () => {
    const html = await (await admin.get('/editor/users')).text();
    for (const name of ['admin', 'editor', 'editor2']) assert.match(html, new RegExp(`id="user-${name}"`));
    assert.match(html, /Disable editor2/);
    assert.doesNotMatch(html, /Disable admin/, 'an admin cannot disable themself from the page');
  });

  it('adds a user whose password then works, and explains bad input', async () => {
    const bad = await admin.post('/editor/users', { username: 'Bad Name', password: 'short', role: 'owner' });
    assert.equal(bad.status, 422);
    const html = await bad.text();
    assert.match(html, /lower-case letters, digits/);
    assert.match(html, /must be at least 10 characters/);
    assert.match(html, /must be one of editor, admin/);
    assert.equal(scrapeForm(html, '/editor/users').username, 'Bad Name');
    assert.doesNotMatch(html, /value="short"/, 'a password is never sent back');

    const ok = await admin.post('/editor/users', { username: 'aigerim', password: 'a long enough secret', role: 'editor' });
    assert.equal(ok.status, 303);
    const stored = await findUserByName(t.db, 'aigerim');
    assert.equal(stored?.role, 'editor');
    assert.doesNotMatch(stored!.password_hash, /a long enough secret/);
    assert.match(stored!.password_hash, /^scrypt\$/);

    const taken = await admin.post('/editor/users', { username: 'aigerim', password: 'another long secret', role: 'editor' });
    assert.equal(taken.status, 422);
    assert.match(await taken.text(), /is already taken/);
  });

  it('refuses a weak password for a new user, saying the rule on the form', async () => {
    const page = await (await admin.get('/editor/users')).text();
    assert.match(page, /not a common password, a repetition or a keyboard sequence; not containing the username/);
    const refused: Array<[string, RegExp]> = [
      [' '.repeat(10), /repeats itself/],
      ['password12', /is a common password/],
      ['dariga is my name', /must not contain the username/],
    ];
    for (const [password, why] of refused) {
      const res = await admin.post('/editor/users', { username: 'dariga', password, role: 'editor' });
      assert.equal(res.status, 422, password);
      assert.match(await res.text(), why);
    }
    assert.equal(await findUserByName(t.db, 'dariga'), undefined);
  });

  it('disables a user, which ends their session and their logins', async () => {
    const victim = await loginAs(t, 'editor2');
    const id = (await findUserByName(t.db, 'editor2'))!.id;
    assert.equal((await admin.post(`/editor/users/${id}/disable`, {})).status, 303);
    assert.ok((await findUserByName(t.db, 'editor2'))!.disabled_at);
    assert.equal((await victim.get('/editor')).status, 303, 'the open session ends');
    await assert.rejects(loginAs(t, 'editor2'), /login as editor2 failed: 401/);
    assert.match(await (await admin.get('/editor/users')).text(), /disabled since/);
  });

  it('does not let an admin disable their own account', async () => {
    const id = (await findUserByName(t.db, 'admin'))!.id;
    assert.equal((await admin.post(`/editor/users/${id}/disable`, {})).status, 409);
    assert.equal((await findUserByName(t.db, 'admin'))!.disabled_at, null);
  });

  it('keeps user management away from editors', async () => {
    assert.equal((await editor.get('/editor/users')).status, 403);
    assert.equal((await editor.post('/editor/users', { username: 'sneaky', password: 'a long enough secret', role: 'admin' })).status, 403);
    assert.equal(await findUserByName(t.db, 'sneaky'), undefined);
    assert.doesNotMatch(await (await editor.get('/editor')).text(), /href="\/editor\/users"/);
  });

  it('lets editors add and list private sources', async () => {
    const bad = await editor.post('/editor/sources', { kind: 'rumour', name: '' });
    assert.equal(bad.status, 422);
    const html = await bad.text();
    assert.match(html, /must be one of witness, relay, outlet/);
    assert.match(html, /is required/);
    const ok = await editor.post('/editor/sources', { kind: 'relay', name: 'Relay in Aktau', reliability: 'good so far', notes: '' });
    assert.equal(ok.status, 303);
    const list = await (await editor.get('/editor/sources')).text();
    assert.match(list, /Relay in Aktau/);
    assert.match(list, /good so far/);
    const form = await (await editor.get('/editor/events/new')).text();
    assert.match(form, /<option value="1">#1 Relay in Aktau \(relay\)<\/option>/, 'the event form offers it as a source');
  });
});
