import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { sampleEventData } from '../core/testing.ts';
import { publishSampleEvent } from '../store/testing.ts';
import { type TestApp, openTestApp } from './testing.ts';

let t: TestApp;
before(async () => {
  t = await openTestApp();
  for (let i = 0; i < 20; i++) await publishSampleEvent(t.db, sampleEventData({ summary: { en: `Crowd number ${i} on Republic Square` } }));
});
after(() => t.close());

test('pages and data files travel gzipped to clients that accept it, and read the same', async () => {
  for (const path of ['/', '/events.csv', '/feed.atom']) {
    const plain = await t.app.request(`http://localhost${path}`);
    const plainBody = Buffer.from(await plain.arrayBuffer());
    const zipped = await t.app.request(`http://localhost${path}`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(zipped.headers.get('content-encoding'), 'gzip', `${path} is compressed`);
    const zippedBody = Buffer.from(await zipped.arrayBuffer());
    assert.ok(zippedBody.length < plainBody.length / 2, `${path}: ${zippedBody.length} bytes gzipped vs ${plainBody.length}`);
    assert.equal(gunzipSync(zippedBody).toString('utf8'), plainBody.toString('utf8'));
  }
});
