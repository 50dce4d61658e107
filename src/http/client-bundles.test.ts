import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { type TestApp, anonymous, openTestApp } from './testing.ts';

let t: TestApp;
before(async () => {
  t = await openTestApp();
});
after(() => t.close());

test('the report page’s scripts, service worker and manifest are served, and small', async () => {
  const page = await (await anonymous(t).get('/report')).text();
  assert.match(page, /<link rel="manifest" href="\/report.webmanifest"\/>/);
  const island = await anonymous(t).get('/assets/report.js');
  assert.equal(island.status, 200);
  assert.match(island.headers.get('content-type') ?? '', /javascript/);
  const js = await island.text();
  // The age code is a separate chunk, loaded only for private fields.
  const chunks = [...js.matchAll(/"\.\/(chunk-[A-Za-z0-9]+\.js)"/g)].map((m) => m[1]!);
  assert.ok(chunks.length > 0, 'the island loads age lazily');
  assert.ok(gzipSync(js).length < 5 * 1024, `report.js is ${gzipSync(js).length} bytes gzipped`);
  for (const c of chunks) assert.equal((await anonymous(t).get(`/assets/${c}`)).status, 200);

  const sw = await anonymous(t).get('/sw.js');
  assert.equal(sw.status, 200);
  assert.equal(sw.headers.get('cache-control'), 'no-cache');
  const swText = await sw.text();
  for (const path of ['/report', '/assets/site.css', '/assets/report.js', '/report.webmanifest', ...chunks.map((c) => `/assets/${c}`)]) {
    assert.ok(swText.includes(`"${path}"`), `the service worker keeps ${path}`);
  }
  const manifest = (await (await anonymous(t).get('/report.webmanifest')).json()) as { start_url: string; icons: Array<{ src: string }> };
  assert.equal(manifest.start_url, '/report');
  assert.equal((await anonymous(t).get(manifest.icons[0]!.src)).status, 200);
  assert.equal((await anonymous(t).get('/assets/nope.js')).status, 404);
});
