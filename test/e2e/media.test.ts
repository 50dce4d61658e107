/**
 * A photo through real Chromium: a reporter without JavaScript attaches a phone photo with GPS
 * data and asks to keep the original; an editor sees the stripped copy, its hash and the link to
 * the original, and the copy the browser loads has no GPS data left.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
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
  dataDir = await mkdtemp(join(tmpdir(), 'caravan-e2e-media-'));
  server.ctx.config.dataDir = dataDir;
  browser = await launchBrowser();
  shots = await screenshotDir();
  await createUserAccount(server.ctx, { username: 'dana', password: 'a long enough password', role: 'editor' });
});

after(async () => {
  if (skip) return;
  await browser?.close();
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

test('a photo sent without JavaScript reaches the editor without its GPS data', { skip }, async () => {
  const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#2a6f97' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'CaravanTestPhone' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 13/1 1930/100', GPSMapDatum: 'WGS-84' },
    })
    .toBuffer();
  const file = join(dataDir, '..', `IMG_${process.pid}.jpg`);
  await writeFile(file, photo);

  const reporter = await (await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' })).newPage();
  await reporter.goto(`${server.url}/report`);
  await reporter.fill('#f-what', 'Armoured vehicles on Abay Avenue, photo attached');
  await reporter.check('#f-howKnown-saw');
  await reporter.setInputFiles('#f-media', file);
  await reporter.check('#f-keepOriginal');
  await reporter.click('form#report-form button[type="submit"]');
  await rm(file);
  assert.match((await reporter.textContent('h1')) ?? '', /Report received/);

  const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await page.goto(`${server.url}/editor/login`);
  await page.fill('input[name="username"]', 'dana');
  await page.fill('input[name="password"]', 'a long enough password');
  await page.click('main form button[type="submit"]');
  await page.waitForURL(`${server.url}/editor`);
  await page.click('main tr:has-text("Armoured vehicles") a >> nth=0');
  const main = (await page.textContent('main')) ?? '';
  assert.ok(main.includes(createHash('sha256').update(photo).digest('hex')), 'the hash of the photo as sent is shown');
  assert.match(main, /320×240/);
  assert.match(main, /Download the original/);
  const loaded = await loadedWidth(page.locator('.media-list img'));
  assert.equal(loaded, 320, 'the thumbnail loads under the page’s Content-Security-Policy');
  await page.screenshot({ path: join(shots, '10-report-with-photo.png'), fullPage: true });

  const src = await page.locator('.media-list img').getAttribute('src');
  const copy = Buffer.from(await (await page.request.get(`${server.url}${src}`)).body());
  assert.equal((await sharp(copy).metadata()).exif, undefined);
  assert.equal(copy.includes('WGS-84'), false);
});
