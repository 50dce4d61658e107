/**
 * The whole journey in real Chromium: a reporter with JavaScript off sends a report and gets a
 * receipt; an editor logs in, claims it, creates and publishes an event from it; a reader finds
 * that event in the chronology, on the map and in the Atom feed. Screenshots go to
 * test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { createUserAccount } from '../../src/app/accounts/accounts.ts';
import { type RunningServer, browserSkipReason, launchBrowser, screenshotDir, startServer } from './browser.ts';

const skip = browserSkipReason();
const WHAT = 'Crowd of several thousand on Republic Square, police fire stun grenades at the akimat';

let server: RunningServer;
let browser: Browser;
let shots: string;

before(async () => {
  if (skip) return;
  server = await startServer();
  browser = await launchBrowser();
  shots = await screenshotDir();
  await createUserAccount(server.ctx, { username: 'aigerim', password: 'a long enough password', role: 'editor' });
});

after(async () => {
  if (skip) return;
  await browser?.close();
  await server?.close();
});

let receipt = '';
let eventId = 0;

test('a reporter without JavaScript sends a report and gets a receipt', { skip }, async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${server.url}/report`);
  await page.fill('textarea[name="what"]', WHAT);
  await page.fill('input[name="when"]', '5 January, about 15:00');
  await page.fill('input[name="where"]', 'Republic Square, Almaty');
  await page.check('input[name="howKnown"][value="saw"]');
  await page.screenshot({ path: join(shots, '01-report-form.png'), fullPage: true });
  await page.click('form#report-form button[type="submit"]');
  receipt = (await page.textContent('.receipt'))?.trim() ?? '';
  assert.match(receipt, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await page.screenshot({ path: join(shots, '02-receipt.png'), fullPage: true });

  await page.goto(`${server.url}/report/status`);
  await page.fill('input[name="code"]', receipt.toLowerCase());
  await page.click('main form button[type="submit"]');
  assert.match((await page.textContent('main')) ?? '', /received/i);
  assert.ok(!((await page.textContent('main')) ?? '').includes('stun grenades'), 'the status page does not echo the report');
  await context.close();
});

test('an editor claims the report, creates an event from it and publishes it', { skip }, async () => {
  assert.ok(receipt, 'the report was sent');
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${server.url}/editor`);
  assert.match(page.url(), /\/editor\/login/, 'the workspace asks for a login first');
  await page.fill('input[name="username"]', 'aigerim');
  await page.fill('input[name="password"]', 'a long enough password');
  await page.click('main form button[type="submit"]');
  await page.waitForURL(`${server.url}/editor`);
  await page.screenshot({ path: join(shots, '03-triage-queue.png'), fullPage: true });

  await page.click(`main tr:has-text("Crowd of several thousand") a >> nth=0`);
  await page.click('button:has-text("Claim this report")');
  assert.match((await page.textContent('main')) ?? '', /claimed/i);
  await page.click('a:has-text("Create an event from this report")');

  // Prefilled from the report: summary and the place the gazetteer resolved.
  assert.ok((await page.inputValue('input[name="summary_en"]')).startsWith('Crowd of several thousand'));
  await page.fill('input[name="summary_en"]', 'Protesters gather on Republic Square; police use stun grenades');
  await page.fill('input[name="summary_ru"]', 'Протестующие собрались на площади Республики; полиция применила светошумовые гранаты');
  await page.selectOption('select[name="precision"]', 'hour');
  await page.fill('input[name="date"]', '2022-01-05');
  await page.fill('input[name="clock"]', '15:00');
  await page.selectOption('select[name="sub_event_type"]', 'Protest with intervention');
  await page.fill('input[name="actor1_name"]', 'Protesters (Kazakhstan)');
  await page.selectOption('select[name="actor1_type"]', '6');
  await page.fill('input[name="actor2_name"]', 'Police Forces of Kazakhstan (2019-)');
  await page.selectOption('select[name="actor2_type"]', '1');
  const reason = page.locator('textarea[name="reason"]');
  if ((await reason.count()) > 0) await reason.fill('From a witness report');
  await page.screenshot({ path: join(shots, '04-event-form.png'), fullPage: true });
  await page.click('button[name="intent"][value="save"] >> nth=-1');

  const match = /\/editor\/events\/(\d+)/.exec(page.url());
  assert.ok(match, `the save leads to the event's page, not ${page.url()}`);
  eventId = Number(match[1]);
  await page.check('input[name="confirm_first"]');
  await page.click('button:has-text("Publish revision 1")');
  assert.match((await page.textContent('#publication-state')) ?? '', /Published: the public page shows revision 1/);
  await page.screenshot({ path: join(shots, '05-event-published.png'), fullPage: true });
  await context.close();
});

test('a reader finds the event in the chronology, on the map and in the Atom feed', { skip }, async () => {
  assert.ok(eventId > 0, 'the event was published');
  const context = await browser.newContext({ locale: 'ru-RU' });
  const page = await context.newPage();
  await page.goto(`${server.url}/?lang=en`);
  const link = page.locator(`a[href="/events/${eventId}"]`).first();
  assert.match((await link.textContent()) ?? '', /Republic Square/);
  assert.match((await page.textContent('main')) ?? '', /15:00/, 'the local time in Almaty (UTC+6) is shown');
  await page.screenshot({ path: join(shots, '06-chronology.png'), fullPage: true });

  await link.click();
  await page.waitForURL(`${server.url}/events/${eventId}`);
  const permalink = (await page.textContent('main')) ?? '';
  assert.match(permalink, /Protest with intervention/);
  assert.ok(!permalink.includes(WHAT), 'the report itself stays private');
  await page.screenshot({ path: join(shots, '07-permalink.png'), fullPage: true });

  await page.goto(`${server.url}/map`);
  const mark = page.locator(`svg a[href="/events/${eventId}"]`);
  assert.equal(await mark.count(), 1, 'the event is a link on the map');
  await page.screenshot({ path: join(shots, '08-map.png'), fullPage: true });

  await page.goto(`${server.url}/?lang=ru`);
  assert.match((await page.textContent('main')) ?? '', /площади Республики/);
  await page.screenshot({ path: join(shots, '09-chronology-ru.png'), fullPage: true });

  const feed = await (await fetch(`${server.url}/feed.atom`)).text();
  assert.match(feed, /Protesters gather on Republic Square/);
  assert.match(feed, new RegExp(`/events/${eventId}`));
  await context.close();
});
