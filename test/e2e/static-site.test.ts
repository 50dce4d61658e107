/**
 * A static copy opened straight from the disk (file://) in real Chromium: the stylesheet
 * applies, a reader goes from the chronology to an event, the map, the data page, an earlier
 * version of a corrected event, the next page and the Russian pages, and no link on the way
 * points at a missing file. `caravan verify` accepts the same folder.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type DemoCopy, exportDemoCopy } from '../../src/cli/export-site/testing.ts';
import { verifyAction } from '../../src/cli/verify/action.ts';
import { browserSkipReason, launchBrowser, loadedWidth, screenshotDir } from './browser.ts';

const skip = browserSkipReason();

let copy: DemoCopy;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let shots: string;
/**
 * Every file the browser asked for on the way. Checked against the disk rather than through
 * failed requests: a click that leaves a page before its image loads aborts the request, which
 * says nothing about the file (a loaded CI machine did that once).
 */
const requested = new Set<string>();

const fileUrl = (file: string) => pathToFileURL(join(copy.dir, file)).href;
const path = () => decodeURIComponent(new URL(page.url()).pathname).slice(copy.dir.length + 1);

before(async () => {
  if (skip) return;
  copy = await exportDemoCopy();
  browser = await launchBrowser();
  shots = await screenshotDir();
  context = await browser.newContext({ locale: 'en-US' });
  page = await context.newPage();
  page.on('request', (r) => requested.add(r.url()));
});

after(async () => {
  if (skip) return;
  await browser?.close();
  await copy?.close();
});

test('the chronology opens from file:// with its stylesheet and the static-copy banner', { skip }, async () => {
  await page.goto(fileUrl('index.html'));
  const banner = page.locator('aside.static-copy');
  assert.match((await banner.textContent()) ?? '', /Static copy of http:\/\/localhost/);
  // The .notice rule of site.css: a 4px amber rule on the left.
  assert.equal(await banner.evaluate((el) => getComputedStyle(el).borderLeftWidth), '4px');
  assert.equal(await page.locator('header.site').evaluate((el) => getComputedStyle(el).display), 'flex');
  await page.screenshot({ path: join(shots, 'static-01-chronology.png'), fullPage: true });
});

test('an event link lands on the event page', { skip }, async () => {
  await page.goto(fileUrl('index.html'));
  const first = page.locator('ol.events p.summary a').first();
  const summary = (await first.textContent())?.trim() ?? '';
  await first.click();
  assert.match(path(), /^events\/\d+\.html$/);
  assert.equal((await page.textContent('article.event h1'))?.trim(), summary);
  await page.screenshot({ path: join(shots, 'static-02-event.png'), fullPage: true });
});

test('the map and data links work, and the map leads to events', { skip }, async () => {
  await page.goto(fileUrl('index.html'));
  await page.click('header.site nav a:has-text("Map")');
  assert.equal(path(), 'map.html');
  assert.ok((await page.locator('svg a').count()) > 0, 'the map has its marks');
  await page.screenshot({ path: join(shots, 'static-03-map.png'), fullPage: true });
  await page.locator('main a[href^="events/"]').first().click();
  assert.match(path(), /^events\/\d+\.html$/);
  await page.click('header.site nav a:has-text("Data")');
  assert.equal(path(), 'data.html');
  for (const file of ['events.csv', 'events.geojson', 'feed.atom', 'feed.json']) {
    assert.equal(await page.locator(`main a[href="${file}"]`).count(), 1, `the data page links ${file}`);
  }
});

test('a corrected event links its earlier version, which links back', { skip }, async () => {
  await page.goto(fileUrl(`events/${copy.correctedId}.html`));
  await page.click(`#history a[href="${copy.correctedId}/v/1.html"]`);
  assert.equal(path(), `events/${copy.correctedId}/v/1.html`);
  assert.match((await page.textContent('main')) ?? '', /earlier version/i);
  await page.screenshot({ path: join(shots, 'static-04-earlier-version.png'), fullPage: true });
  await page.click(`main a[href="../../${copy.correctedId}.html"] >> nth=0`);
  assert.equal(path(), `events/${copy.correctedId}.html`);
});

test('the next page, the Russian pages and the log page are reachable', { skip }, async () => {
  await page.goto(fileUrl('index.html'));
  await page.click('nav.pager a[rel="next"]');
  assert.equal(path(), 'index.page-2.html');
  await page.click('nav.langs a[lang="ru"]');
  assert.equal(path(), 'index.lang-ru.page-2.html');
  await page.locator('ol.events p.summary a').first().click();
  assert.match(path(), /^events\/\d+\.lang-ru\.html$/);
  assert.equal(await page.getAttribute('html', 'lang'), 'ru');
  await page.click('aside.static-copy a[href$="log.lang-ru.html"]');
  assert.equal(path(), 'log.lang-ru.html');
  assert.equal((await page.textContent('#verifier-key'))?.trim(), copy.verifierKey);
  await page.screenshot({ path: join(shots, 'static-05-log-ru.png'), fullPage: true });
});

test('a published photo shows from the copy', { skip }, async () => {
  await page.goto(fileUrl(`events/${copy.photoEventId}.html`));
  const img = page.locator(`img[src="../media/${copy.photoSha256}"]`);
  await img.scrollIntoViewIfNeeded();
  assert.equal(await loadedWidth(img), 80);
  await page.screenshot({ path: join(shots, 'static-06-photo.png'), fullPage: true });
});

test('no page on the way asked for a missing file', { skip }, () => {
  const files = [...requested].filter((url) => url.startsWith('file:'));
  // The stylesheet and the photo were asked for, so the list holds what the pages loaded.
  assert.ok(files.includes(fileUrl('assets/site.css')), 'the stylesheet was asked for');
  assert.ok(files.includes(fileUrl(`media/${copy.photoSha256}`)), 'the photo was asked for');
  const missing = files.filter((url) => !existsSync(fileURLToPath(url.replace(/[?#].*$/, ''))));
  assert.deepEqual(missing, []);
});

test('caravan verify accepts the folder the browser read', { skip }, async () => {
  const lines: string[] = [];
  const code = await verifyAction({
    target: copy.dir,
    key: copy.verifierKey,
    env: { CARAVAN_STATE: join(copy.workDir, 'state') },
    out: (l) => lines.push(l),
    err: (l) => lines.push(l),
  });
  assert.equal(code, 0, lines.join('\n'));
});
