import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { type TestApp, TEST_PASSWORD, openTestApp } from '../../testing.ts';

const BASE = 'http://localhost';
const MINUTE = 60_000;

const from = (address: string) => ({ incoming: { socket: { remoteAddress: address, remotePort: 40000, remoteFamily: 'IPv4' } } });

let clock = new Date('2026-01-05T10:00:00Z');
let sleeps: number[] = [];
let t: TestApp;

before(async () => {
  t = await openTestApp({ now: () => clock });
  t.ctx.limits.sleep = async (ms) => {
    sleeps.push(ms);
  };
});
after(() => t.close());
beforeEach(() => {
  // Each test in a period of its own, far from the last one's counts.
  clock = new Date(clock.getTime() + 3 * 3600_000);
  sleeps = [];
});

function login(address: string, username: string, password: string, cookie = '') {
  return t.app.request(
    `${BASE}/editor/login`,
    {
      method: 'POST',
      body: new URLSearchParams({ username, password }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: BASE, host: 'localhost', ...(cookie ? { cookie } : {}) },
    },
    from(address),
  );
}

const deviceCookie = (res: Response) => /(caravan_device=[^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';

describe('login throttling', () => {
  test('slows a client down after a few wrong passwords, then refuses it with 429 until the lock expires', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await login('198.51.100.50', i % 2 ? 'editor' : 'admin', `guess number ${i}`)).status);
    assert.deepEqual(statuses, Array(10).fill(401));
    assert.deepEqual(sleeps, [1000, 2000, 4000, 8000, 8000, 8000, 8000], 'three free tries, then each answer later');

    const refused = await login('198.51.100.50', 'editor', TEST_PASSWORD);
    assert.equal(refused.status, 429, 'even the right password is not checked while the client is locked');
    assert.equal(Number(refused.headers.get('retry-after')), 15 * 60);
    assert.match(await refused.text(), /Too many failed attempts from this connection\. Try again in 15 minutes/);

    const elsewhere = await login('203.0.113.51', 'editor', TEST_PASSWORD);
    assert.equal(elsewhere.status, 303, 'another client is not held by this one');

    clock = new Date(clock.getTime() + 15 * MINUTE);
    sleeps = [];
    const later = await login('198.51.100.50', 'editor', TEST_PASSWORD);
    assert.equal(later.status, 303, 'the lock expires and the right password works again');
    assert.deepEqual(sleeps, []);
  });

  test('forgets a few wrong passwords after the window', async () => {
    for (let i = 0; i < 3; i++) await login('198.51.100.52', 'editor', `typo ${i}`);
    clock = new Date(clock.getTime() + 16 * MINUTE);
    await login('198.51.100.52', 'editor', 'one more typo');
    assert.deepEqual(sleeps, [], 'the count started over');
  });

  test('refuses unknown browsers for an account guessed from many clients, but never its owner’s browser', async () => {
    const owner = await login('192.0.2.10', 'editor2', TEST_PASSWORD);
    assert.equal(owner.status, 303);
    const cookie = deviceCookie(owner);
    assert.ok(cookie, 'a login marks the browser as known for the account');

    for (let i = 0; i < 20; i++) assert.equal((await login(`203.0.113.${100 + i}`, 'editor2', `guess ${i}`)).status, 401);
    const fresh = await login('198.51.100.60', 'editor2', TEST_PASSWORD);
    assert.equal(fresh.status, 429);
    assert.match(await fresh.text(), /Too many failed attempts for this account/);

    // The guesser keeps at it, from ever new clients, past the lock's end; the owner's browser gets in throughout.
    for (let minute = 0; minute < 40; minute += 10) {
      clock = new Date(clock.getTime() + 10 * MINUTE);
      for (let i = 0; i < 22; i++) await login(`198.51.${minute}.${i}`, 'editor2', `guess ${minute} ${i}`);
      sleeps = [];
      const res = await login('192.0.2.10', 'editor2', TEST_PASSWORD, cookie);
      assert.equal(res.status, 303, `the owner is let in after ${minute + 10} minutes of guessing`);
      assert.deepEqual(sleeps, [], 'and not slowed down');
    }
  });

  test('lets the owner in from a new browser once the guessing stops and the lock expires', async () => {
    for (let i = 0; i < 20; i++) await login(`203.0.113.${150 + i}`, 'admin', `guess ${i}`);
    assert.equal((await login('198.51.100.70', 'admin', TEST_PASSWORD)).status, 429);
    clock = new Date(clock.getTime() + 15 * MINUTE);
    assert.equal((await login('198.51.100.70', 'admin', TEST_PASSWORD)).status, 303);
  });

  test('does not let a cookie made for one account pass for another', async () => {
    const owner = await login('192.0.2.11', 'editor', TEST_PASSWORD);
    const forged = deviceCookie(owner).replace('caravan_device=editor.', 'caravan_device=admin.');
    for (let i = 0; i < 20; i++) await login(`203.0.113.${200 + i}`, 'admin', `guess ${i}`);
    assert.equal((await login('192.0.2.11', 'admin', TEST_PASSWORD, forged)).status, 429);
  });

  test('sends the known-device cookie to the workspace only, Secure over https', async () => {
    const plain = (await login('192.0.2.12', 'editor', TEST_PASSWORD)).headers.get('set-cookie') ?? '';
    assert.match(plain, /caravan_device=editor\.[A-Za-z0-9_-]{43}; Max-Age=\d+; Path=\/editor; HttpOnly; SameSite=Strict/);
    t.ctx.config.secureCookies = true;
    try {
      const secure = (await login('192.0.2.12', 'editor', TEST_PASSWORD)).headers.get('set-cookie') ?? '';
      assert.match(secure, /__Secure-caravan_device=editor\.[^;]+; Max-Age=\d+; Path=\/editor; HttpOnly; Secure; SameSite=Strict/);
    } finally {
      t.ctx.config.secureCookies = false;
    }
  });
});
