/** Strict-Transport-Security follows the public URL: a browser that once came over https keeps to it. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openTestDb } from '../store/testing.ts';
import type { Db } from '../store/db.ts';
import { createApp } from './app.tsx';
import { loadConfig } from '../app/config.ts';
import { contextFor } from '../app/context.ts';

let db: Db;
before(async () => {
  db = await openTestDb();
});
after(() => db.close());

const appFor = (origin: string) =>
  createApp(contextFor(loadConfig({ CARAVAN_DATA: '/nonexistent-test-data', CARAVAN_ORIGIN: origin }), db));

test('over an https public URL every answer carries HSTS of at least 180 days, errors and feeds included', async () => {
  const app = appFor('https://chronicle.example.org');
  for (const path of ['/', '/feed.atom', '/events.csv', '/log/checkpoint', '/no-such-page', '/events/999999']) {
    const res = await app.request(`http://localhost${path}`);
    const hsts = res.headers.get('strict-transport-security') ?? '';
    const maxAge = Number(/^max-age=(\d+)$/.exec(hsts)?.[1] ?? 0);
    assert.ok(maxAge >= 180 * 24 * 3600, `${path} (${res.status}): ${hsts || 'no HSTS'}`);
    await res.body?.cancel();
  }
});

test('over a plain http public URL no HSTS is sent (it would pin a browser to an https that is not there)', async () => {
  const res = await appFor('http://localhost:8080').request('http://localhost/');
  assert.equal(res.headers.get('strict-transport-security'), null);
  await res.body?.cancel();
});
