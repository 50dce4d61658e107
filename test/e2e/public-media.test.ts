/**
 * Publishing a report's photo through real Chromium with JavaScript off: an editor ticks the
 * photo on the event form and gives it a caption, and a reader sees the stripped copy on the
 * event page under the site's Content-Security-Policy, with its SHA-256.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { createUserAccount } from '../../src/app/accounts/accounts.ts';
import { type RunningServer, browserSkipReason, launchBrowser, loadedWidth, screenshotDir, startServer } from './browser.ts';

const skip = browserSkipReason();

let server: RunningServer;
let browser: Browser;
let shots: string;
let dataDir: string;

before(async () => {
  if (skip) return;
  server = await startServer();
  dataDir = await mkdtemp(join(tmpdir(), 'caravan-e2e-public-media-'));
  server.ctx.config.dataDir = dataDir;
  browser = await launchBrowser();
  shots = await screenshotDir();
  await createUserAccount(server.ctx, { username: 'marat', password: 'a long enough password', role: 'editor' });
});

after(async () => {
  if (skip) return;
  await browser?.close();
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

test('an editor publishes a report’s photo and a reader sees the stripped copy', { skip }, async () => {
  const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#97412a' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'CaravanTestPhone' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 13/1 1930/100', GPSMapDatum: 'WGS-84' },
    })
    .toBuffer();
  const form = new FormData();
  form.append('what', 'Smoke over the akimat, photo from the roof');
  form.append('howKnown', 'saw');
  form.append('media', new Blob([new Uint8Array(photo)]), 'IMG_2001.jpg');
  assert.equal((await fetch(`${server.url}/report`, { method: 'POST', body: form })).status, 201);

  const editorContext = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
  const page = await editorContext.newPage();
  await page.goto(`${server.url}/editor/login`);
  await page.fill('input[name="username"]', 'marat');
  await page.fill('input[name="password"]', 'a long enough password');
  await page.click('main form button[type="submit"]');
  await page.waitForURL(`${server.url}/editor`);
  await page.click('main tr:has-text("Smoke over the akimat") a >> nth=0');
  await page.click('button:has-text("Claim this report")');
  await page.click('a:has-text("Create an event from this report")');

  await page.fill('input[name="location_name"]', 'Almaty - Akimat');
  await page.fill('input[name="country"]', 'KAZ');
  await page.fill('input[name="lat"]', '43.238');
  await page.fill('input[name="lon"]', '76.945');
  await page.fill('input[name="time_zone"]', 'Asia/Almaty');
  await page.selectOption('select[name="precision"]', 'day');
  await page.fill('input[name="date"]', '2022-01-05');
  await page.selectOption('select[name="sub_event_type"]', 'Violent demonstration');
  await page.fill('input[name="actor1_name"]', 'Rioters (Kazakhstan)');
  await page.selectOption('select[name="actor1_type"]', '5');
  const preview = page.locator('#media img');
  assert.equal(await loadedWidth(preview), 320, 'the editor sees the stripped copy');
  await page.check('#media input[type="checkbox"]');
  await page.fill('#media input[type="text"]', 'Smoke over the akimat, 5 January');
  await page.screenshot({ path: join(shots, '20-event-form-media.png'), fullPage: true });
  await page.click('button[name="intent"][value="save"] >> nth=-1');
  const match = /\/editor\/events\/(\d+)$/.exec(page.url());
  assert.ok(match, `the save leads to the event's page, not ${page.url()}: ${await page.textContent('main')}`);
  await page.check('input[name="confirm_first"]');
  await page.click('button:has-text("Publish revision 1")');
  await page.waitForSelector('#publication-state:has-text("Published")');
  await editorContext.close();

  const reader = await (await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' })).newPage();
  await reader.goto(`${server.url}/events/${match[1]}`);
  const img = reader.locator('.event-media img');
  assert.equal(await img.getAttribute('alt'), 'Smoke over the akimat, 5 January');
  await img.scrollIntoViewIfNeeded();
  await reader.waitForFunction(() => (document.querySelector('.event-media img') as HTMLImageElement | null)?.complete === true);
  assert.equal(
    await img.evaluate((el: HTMLImageElement) => el.naturalWidth),
    320,
    'the photo loads under the site’s Content-Security-Policy',
  );
  const src = (await img.getAttribute('src')) ?? '';
  const copy = Buffer.from(await (await reader.request.get(`${server.url}${src}`)).body());
  const hash = createHash('sha256').update(copy).digest('hex');
  assert.equal(src, `/media/${hash}`, 'the address is the hash of what it serves');
  assert.ok(((await reader.textContent('.event-media')) ?? '').includes(hash), 'the page shows the SHA-256 a reader can check');
  assert.equal(copy.includes('WGS-84') || copy.includes('CaravanTestPhone'), false);
  await reader.screenshot({ path: join(shots, '21-event-with-photo.png'), fullPage: true });
});
