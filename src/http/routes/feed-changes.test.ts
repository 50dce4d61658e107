/**
 * How the feeds change over time, read by an independent Atom parser (@rowanmanning/feed-parser)
 * as a feed reader would: `updated` never goes back, a withdrawn event's entry is replaced by a
 * notice under the same id, and the Russian feed links to Russian pages.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parseFeed } from '@rowanmanning/feed-parser';
import { sampleEventData } from '../../core/testing.ts';
import { assertWellFormedXml } from '../../publish/feeds/testing.ts';
import { publishEvent, reviseEvent, unpublishEvent } from '../../store/events.ts';
import { publishSampleEvent } from '../../store/testing.ts';
import { type TestApp, anonymous, openTestApp } from '../testing.ts';

let t: TestApp;
before(async () => {
  t = await openTestApp();
});
after(() => t.close());

async function atom(path: string) {
  const res = await anonymous(t).get(path);
  assert.equal(res.status, 200);
  const xml = await res.text();
  assertWellFormedXml(xml);
  return { xml, feed: parseFeed(xml) };
}

async function jsonFeed(path: string) {
  const res = await anonymous(t).get(path);
  assert.equal(res.status, 200);
  return (await res.json()) as {
    items: Array<{
      id: string;
      url: string;
      title: string;
      content_text: string;
      date_modified: string;
      _caravan: Record<string, unknown>;
    }>;
  };
}

test("a withdrawn event's entry becomes a notice under the same id, and updated moves forward", async () => {
  const kept = await publishSampleEvent(
    t.db,
    sampleEventData({ summary: { en: 'KEPT crowd on the square' } }),
    new Date('2022-01-05T00:00:00Z'),
  );
  const gone = await publishSampleEvent(
    t.db,
    sampleEventData({ summary: { en: 'GONE names a bystander' } }),
    new Date('2022-01-06T00:00:00Z'),
  );
  const before_ = (await atom('/feed.atom')).feed;
  assert.equal(before_.updated?.toISOString(), '2022-01-06T00:00:00.000Z');
  const goneId = `http://localhost/events/${gone}`;
  assert.ok(before_.items.some((i) => i.id === goneId));

  await t.db.transaction((tx) => unpublishEvent(tx, gone, null, new Date('2022-01-06T02:00:00Z'), 'names a bystander'));
  const { xml, feed } = await atom('/feed.atom');
  assert.ok(feed.updated! >= before_.updated!, `updated went from ${before_.updated?.toISOString()} to ${feed.updated?.toISOString()}`);
  assert.equal(feed.updated?.toISOString(), '2022-01-06T02:00:00.000Z');
  const notice = feed.items.find((i) => i.id === goneId);
  assert.ok(notice, 'the entry is still there, as a notice');
  assert.equal(notice.title, `Event ${gone} withdrawn`);
  assert.equal(notice.updated?.toISOString(), '2022-01-06T02:00:00.000Z');
  assert.match(notice.content ?? '', /took event \d+ off the chronicle/);
  assert.doesNotMatch(xml, /GONE names a bystander/, 'the notice repeats nothing of what was withdrawn');
  assert.deepEqual(feed.items.map((i) => i.id).slice(0, 2), [goneId, `http://localhost/events/${kept}`], 'newest change first');

  const json = await jsonFeed('/feed.json');
  const item = json.items.find((i) => i.id === goneId)!;
  assert.equal(item.title, `Event ${gone} withdrawn`);
  assert.equal(item.date_modified, '2022-01-06T02:00:00.000Z');
  assert.equal(item._caravan.withdrawn, true);
  assert.doesNotMatch(JSON.stringify(json), /GONE names a bystander/);

  // Published again, it is an event entry again.
  await t.db.transaction((tx) => publishEvent(tx, gone, null, new Date('2022-01-06T03:00:00Z')));
  const back = (await atom('/feed.atom')).feed.items.find((i) => i.id === goneId)!;
  assert.equal(back.title, 'GONE names a bystander');
});

test("a filtered feed's updated does not go back when its newest entry leaves the filter", async () => {
  await publishSampleEvent(
    t.db,
    sampleEventData({ summary: { en: 'Older dispute' }, status: 'disputed', statusReason: 'Two counts' }),
    new Date('2022-01-06T12:00:00Z'),
  );
  const id = await publishSampleEvent(
    t.db,
    sampleEventData({ summary: { en: 'Disputed toll' }, status: 'disputed', statusReason: 'Figures differ' }),
    new Date('2022-01-07T00:00:00Z'),
  );
  const before_ = (await atom('/feed.atom?status=disputed')).feed;
  assert.equal(before_.updated?.toISOString(), '2022-01-07T00:00:00.000Z');
  await reviseEvent(
    t.db,
    id,
    null,
    sampleEventData({ summary: { en: 'Disputed toll' }, status: 'verified', statusReason: 'Morgue list' }),
    'verified',
    1,
  );
  await t.db.transaction((tx) => publishEvent(tx, id, null, new Date('2022-01-07T05:00:00Z')));
  const after_ = (await atom('/feed.atom?status=disputed')).feed;
  assert.ok(after_.updated! >= before_.updated!, `updated went from ${before_.updated?.toISOString()} to ${after_.updated?.toISOString()}`);
});

test('Russian feed entries link to the Russian page; ids stay the same in every language', async () => {
  const id = await publishSampleEvent(
    t.db,
    sampleEventData({ summary: { en: 'Shots at the akimat', ru: 'Выстрелы у акимата' } }),
    new Date('2022-01-08T00:00:00Z'),
  );
  const ru = (await atom('/feed.atom?lang=ru')).feed.items.find((i) => i.id === `http://localhost/events/${id}`)!;
  assert.equal(ru.url, `http://localhost/events/${id}?lang=ru`);
  const en = (await atom('/feed.atom')).feed.items.find((i) => i.id === `http://localhost/events/${id}`)!;
  assert.equal(en.url, `http://localhost/events/${id}`);
  const json = (await jsonFeed('/feed.json?lang=ru')).items.find((i) => i.id === `http://localhost/events/${id}`)!;
  assert.equal(json.url, `http://localhost/events/${id}?lang=ru`);
  const page = await anonymous(t).get(`/events/${id}?lang=ru`);
  assert.match(await page.text(), /Выстрелы у акимата/, 'the link shows the Russian page');
});
