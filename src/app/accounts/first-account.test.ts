import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestDb } from '../../store/testing.ts';
import { countUsers, listUsers } from '../../store/users.ts';
import { createApp } from '../../http/app.tsx';
import { loadConfig } from '../config.ts';
import { type AppContext, contextFor } from '../context.ts';
import { openFirstAccountSetup } from './first-account.ts';
import type { Db } from '../../store/db.ts';

const BASE = 'http://localhost';
const form = (fields: Record<string, string>) => ({
  method: 'POST',
  body: new URLSearchParams(fields),
  headers: { 'content-type': 'application/x-www-form-urlencoded', origin: BASE, host: 'localhost' },
});

describe('the first admin account from the one-time address serve prints', () => {
  let db: Db;
  let ctx: AppContext;
  before(async () => {
    db = await openTestDb();
    ctx = contextFor(loadConfig({ CARAVAN_DATA: '/nonexistent-test-data', CARAVAN_ORIGIN: 'http://localhost' }), db);
  });
  after(() => db.close());

  it('creates one admin, logs them in, and is dead afterwards, even for two browsers at once', async () => {
    const token = await openFirstAccountSetup(ctx);
    assert.ok(token && token.length >= 32);
    const app = createApp(ctx);
    const page = await app.request(`${BASE}/editor/setup/${token}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Create the first admin account/);
    // One character changed: the wrong last character must differ from the real one.
    const wrong = `${token.slice(0, -1)}${token.endsWith('x') ? 'y' : 'x'}`;
    assert.equal((await app.request(`${BASE}/editor/setup/${wrong}`)).status, 404);

    const weak = await app.request(`${BASE}/editor/setup/${token}`, form({ username: 'aigerim', password: 'short' }));
    assert.equal(weak.status, 422);
    assert.match(await weak.text(), /password/);
    for (const [password, why] of [
      [' '.repeat(10), /repeats itself/],
      ['password12', /is a common password/],
      ['aigerim the admin', /must not contain the username/],
    ] as const) {
      const res = await app.request(`${BASE}/editor/setup/${token}`, form({ username: 'aigerim', password }));
      assert.equal(res.status, 422, password);
      const html = await res.text();
      assert.match(html, why);
      assert.match(
        html,
        /not a common password, a repetition or a keyboard sequence; not containing the username/,
        'the form says the rule',
      );
    }
    assert.equal(await countUsers(db), 0);

    const [a, b] = await Promise.all([
      app.request(`${BASE}/editor/setup/${token}`, form({ username: 'aigerim', password: 'a long enough passphrase' })),
      app.request(`${BASE}/editor/setup/${token}`, form({ username: 'mallory', password: 'a long enough passphrase' })),
    ]);
    const statuses = [a.status, b.status].sort();
    assert.equal(statuses[0], 303, 'one browser creates the account');
    assert.ok(statuses[1] === 403 || statuses[1] === 404, `the other is refused, got ${statuses[1]}`);
    const users = await listUsers(db);
    assert.equal(users.length, 1);
    assert.equal(users[0]!.role, 'admin');
    const winner = a.status === 303 ? a : b;
    const cookie = /(caravan_session=[^;]+)/.exec(winner.headers.get('set-cookie') ?? '')?.[1];
    assert.ok(cookie, 'the new admin is logged in');
    assert.equal((await app.request(`${BASE}/editor`, { headers: { cookie } })).status, 200);

    assert.equal((await app.request(`${BASE}/editor/setup/${token}`)).status, 404);
    assert.equal(await openFirstAccountSetup(ctx), undefined, 'no address once an account exists');
  });
});
