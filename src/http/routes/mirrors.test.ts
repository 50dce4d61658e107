/** Mirror pages addressed with an origin no checkpoint can hold. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { generateSignerKey } from '../../log/note.ts';
import { insertMirror } from '../../store/mirrors.ts';
import { type TestApp, openTestApp } from '../testing.ts';

let t: TestApp;
before(async () => {
  t = await openTestApp();
  const key = generateSignerKey('origin.test');
  await insertMirror(t.db, { origin: 'origin.test', logUrl: 'http://origin.test/log/', verifierKey: key.verifierKey, now: new Date() });
});
after(() => t.close());

test('an origin holding a NUL names no mirror: 404 on every mirror page, not a server error', async () => {
  // Before, the NUL reached PostgreSQL in the mirror lookup and every one of these answered 500.
  assert.equal((await t.app.request('http://localhost/mirrors/origin.test/')).status, 200);
  for (const page of ['/', '/map', '/feed.atom', '/events.csv', '/events/1', `/media/${'a'.repeat(64)}`]) {
    const res = await t.app.request(`http://localhost/mirrors/origin.test%00${page}`);
    assert.equal(res.status, 404, page);
  }
});
