/**
 * The editors' desk in real Chromium, at the size of a bad hour: 300 reports arrive (the same
 * crowd told in Russian and Kazakh, re-sent copies, rumours, statements), an editor sees them read
 * and grouped in the queue, codes an event from one with the fields the desk suggested, and finds
 * the oldest report by a word typed in the other script; then the same pages on a 360 px phone.
 * Screenshots go to test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createUserAccount } from '../../src/app/accounts/accounts.ts';
import { acceptReport } from '../../src/app/intake/accept.ts';
import { type RunningServer, browserSkipReason, launchBrowser, screenshotDir, startServer } from './browser.ts';

const skip = browserSkipReason();

const FIRST = 'Жаңаөзенде бүгін таңертең адамдар алаңға жиналды, газ бағасының екі есе өскеніне наразы';
const RU = 'В Актау у акимата области собрались около двух тысяч человек, митинг против цен на газ';
const KK = 'Ақтауда облыс әкімдігінің алдында екі мыңға жуық адам жиналды, газ бағасына қарсы митинг';

/** Reports of the kind that arrive in a bad hour, each different, from several towns. */
function burst(n: number): string[] {
  const towns = ['Шымкенте', 'Таразе', 'Актобе', 'Кызылорде', 'Уральске', 'Атырау', 'Талдыкоргане', 'Караганде'];
  const what = ['люди стоят на площади', 'полиция перекрыла улицы', 'слышны выстрелы', 'магазины закрыты', 'интернета нет'];
  return Array.from({ length: n }, (_, i) => `Сообщение ${i + 1}: в ${towns[i % towns.length]} ${what[i % what.length]}, квартал ${i}`);
}

let server: RunningServer;
let browser: Browser;
let shots: string;
const ids: Record<string, number> = {};

async function send(what: string): Promise<number> {
  const receipt = await acceptReport(server.ctx, { what, howKnown: 'other' }, { channel: 'api' });
  const [row] = await server.ctx.db.query<{ id: number }>('select id from reports where receipt_code = $1', [receipt.receiptCode]);
  return row!.id;
}

before(async () => {
  if (skip) return;
  server = await startServer();
  browser = await launchBrowser();
  shots = await screenshotDir();
  await createUserAccount(server.ctx, { username: 'dana', password: 'a long enough password', role: 'editor' });
  ids.first = await send(FIRST);
  ids.ru = await send(RU);
  ids.kk = await send(KK);
  ids.copy = await send(`${RU.toUpperCase()}!!! 😡`);
  for (const what of burst(296)) await send(what);
});

after(async () => {
  if (skip) return;
  await browser?.close();
  await server?.close();
});

async function logIn(page: Page) {
  await page.goto(`${server.url}/editor/login`);
  await page.fill('input[name="username"]', 'dana');
  await page.fill('input[name="password"]', 'a long enough password');
  await page.click('main form button[type="submit"]');
  await page.waitForURL(`${server.url}/editor`);
}

/** The widest thing on the page, in CSS pixels: more than the viewport means sideways scrolling. */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test('300 reports are read and grouped; an event is coded from the suggestions; search crosses scripts', { skip }, async () => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await logIn(page);
  assert.match((await page.textContent('p.count')) ?? '', /Reports 1–200 of 300 open/);
  const row = (id: number) => page.locator(`main tr:has(td > a[href="/editor/reports/${id}"])`);
  assert.match((await row(ids.kk!).textContent()) ?? '', new RegExp(`same place and time as #${ids.ru}`), 'Kazakh and Russian, one crowd');
  assert.match((await row(ids.copy!).textContent()) ?? '', new RegExp(`same text as #${ids.ru}`), 'a re-sent copy');
  assert.match((await row(ids.ru!).textContent()) ?? '', /Aktau.*Protests/);
  await page.screenshot({ path: join(shots, 'desk-01-queue.png') });

  await row(ids.ru!).locator(`a[href="/editor/reports/${ids.ru}"]`).click();
  const suggestions = (await page.textContent('section.suggestions')) ?? '';
  assert.match(suggestions, /Aktau/);
  assert.match(suggestions, /Protests — Peaceful protest/);
  await page.click('button:has-text("Claim this report")');
  await page.click('a:has-text("Create an event from this report")');
  assert.match(await page.inputValue('input[name="place_id"]'), /^kz-aktau/);
  assert.equal(await page.inputValue('select[name="sub_event_type"]'), 'Peaceful protest');
  assert.equal(await page.inputValue('input[name="time_zone"]'), 'Asia/Aqtau');
  assert.ok(await page.inputValue('input[name="date"]'), 'a date is suggested');
  assert.equal(await page.locator('.suggested.suggested').count(), 3, 'place, time and type are marked as suggested');
  await page.check('input[name="confirm_place"]');
  await page.fill('input[name="actor1_name"]', 'Protesters (Kazakhstan)');
  await page.selectOption('select[name="actor1_type"]', '6');
  await page.screenshot({ path: join(shots, 'desk-02-prefilled-event.png'), fullPage: true });
  await page.click('button[name="intent"][value="save"] >> nth=-1');
  await page.waitForURL(/\/editor\/events\/\d+$/); // the event was saved

  await page.goto(`${server.url}/editor/search`);
  await page.fill('input[name="q"]', 'Zhanaozen');
  await page.click('form.search button[type="submit"]');
  // count() does not wait: wait for the results page before counting on it.
  await page.waitForURL(/\/editor\/search\?q=Zhanaozen/);
  const found = page.locator(`main a[href="/editor/reports/${ids.first}"]`);
  assert.equal(await found.count(), 1, 'a word typed in Latin finds the oldest report, written in Kazakh Cyrillic');
  await page.screenshot({ path: join(shots, 'desk-03-search.png') });
  await context.close();
});

test('keys move through the queue and claim, and a notice says when new reports came in', { skip }, async () => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.clock.install();
  await logIn(page);
  assert.equal(await page.locator('#queue-keys').isVisible(), true, 'the island shows its keys');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  const second = await page.locator('main tbody tr.current input[name="report"]').getAttribute('value');
  await page.keyboard.press('c');
  await page.waitForURL(/done=claim&n=1/);
  assert.match((await page.textContent('main')) ?? '', /Reports claimed: 1\./);
  const [row] = await server.ctx.db.query<{ claimed_by: number | null }>('select claimed_by from reports where id = $1', [Number(second)]);
  assert.ok(row?.claimed_by, 'the report the keys were on is claimed');

  assert.equal(await page.locator('#queue-news').isVisible(), false);
  await send('Атырауда әкімдік алдында жаңа топ жиналды, шамамен 200 адам');
  await page.clock.fastForward('00:31');
  await page.waitForSelector('#queue-news:visible');
  assert.match((await page.textContent('#queue-news')) ?? '', /New reports since this page was loaded: 1\./);
  await context.close();
});

test('the same desk fits a 360 px phone', { skip }, async () => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 740 }, isMobile: true });
  const page = await context.newPage();
  await logIn(page);
  for (const path of ['/editor', `/editor/reports/${ids.kk}`, `/editor/events/new?report=${ids.kk}`, '/editor/search?q=Zhanaozen']) {
    await page.goto(`${server.url}${path}`);
    assert.ok((await pageWidth(page)) <= 360, `${path} is ${await pageWidth(page)} px wide`);
  }
  await page.goto(`${server.url}/editor`);
  await page.screenshot({ path: join(shots, 'desk-04-queue-360.png') });
  await context.close();
});
