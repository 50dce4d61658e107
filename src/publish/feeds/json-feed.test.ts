import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toPublicEvent } from '../../core/public-event.ts';
import { sampleEventData } from '../../core/testing.ts';
import { type JsonFeedItem, renderJsonFeed } from './json-feed.ts';

const ORIGIN = 'https://chronicle.example.org';
const info = (lang: 'en' | 'ru') => ({
  origin: ORIGIN,
  title: 'Kazakhstan, January 2022',
  selfUrl: `${ORIGIN}/feed.json`,
  htmlUrl: `${ORIGIN}/`,
  lang,
  updated: '2022-01-01T00:00:00.000Z',
});

const ev = toPublicEvent(
  5,
  3,
  sampleEventData({ tags: ['fuel prices'], fatalities: { wording: 'at least 8' } }),
  '2022-01-06T10:00:00.000Z',
  '2022-01-05T12:00:00.000Z',
);

test('the JSON Feed has the fields version 1.1 requires and survives a JSON round trip', () => {
  const feed = JSON.parse(JSON.stringify(renderJsonFeed(info('en'), [ev])));
  assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
  assert.equal(feed.title, 'Kazakhstan, January 2022');
  assert.equal(feed.home_page_url, `${ORIGIN}/`);
  assert.equal(feed.feed_url, `${ORIGIN}/feed.json`);
  assert.equal(feed.items.length, 1);
  const item = feed.items[0];
  assert.equal(item.id, `${ORIGIN}/events/5`);
  assert.equal(item.url, `${ORIGIN}/events/5`);
  assert.equal(item.title, 'Crowd gathers on Republic Square demanding lower fuel prices');
  assert.equal(item.date_published, '2022-01-05T12:00:00.000Z');
  assert.equal(item.date_modified, '2022-01-06T10:00:00.000Z');
  assert.deepEqual(item.tags, ['Protests', 'Peaceful protest', 'unverified', 'fuel prices']);
  assert.match(item.content_text, /When: 2022-01-05 10:00 \(local time, UTC\+06:00\)/);
  assert.match(item.content_text, /Fatalities: at least 8/);
  assert.equal(item.external_url, 'https://example.org/news/1');
});

test('the _caravan extension carries coordinates, status and the conservative fatality count', () => {
  const item = renderJsonFeed(info('en'), [ev]).items[0] as JsonFeedItem;
  assert.equal(item._caravan.lat, 43.238);
  assert.equal(item._caravan.lon, 76.945);
  assert.equal(item._caravan.status, 'unverified');
  assert.equal(item._caravan.fatalities, 8);
  assert.equal(item._caravan.revision, 3);
  assert.equal(item._caravan.about, `${ORIGIN}/data#json-feed`);
});

test('the Russian feed has Russian titles, and says so per item when only English exists', () => {
  const englishOnly = toPublicEvent(
    6,
    1,
    sampleEventData({ summary: { en: 'Only English' } }),
    '2022-01-06T10:00:00.000Z',
    '2022-01-06T10:00:00.000Z',
  );
  const feed = renderJsonFeed(info('ru'), [ev, englishOnly]);
  assert.equal(feed.language, 'ru');
  assert.equal(feed.items[0]!.title, 'На площади Республики собрались люди с требованием снизить цены на топливо');
  assert.match(feed.items[0]!.content_text, /Когда: 2022-01-05 10:00 \(местное время/);
  assert.equal(feed.items[1]!.title, 'Only English');
  assert.equal(feed.items[1]!.language, 'en');
});

test('published photos and videos become attachments addressed by hash; events without media have none', () => {
  const sha = 'c'.repeat(64);
  const withMedia = toPublicEvent(
    6,
    1,
    sampleEventData({ media: [{ sha256: sha, mime: 'image/jpeg', bytes: 2048, caption: 'Smoke' }] }),
    ev.publishedAt,
    ev.firstPublishedAt,
  );
  const [item, plain] = renderJsonFeed(info('en'), [withMedia, ev]).items as JsonFeedItem[];
  assert.deepEqual(item?.attachments, [{ url: `${ORIGIN}/media/${sha}`, mime_type: 'image/jpeg', size_in_bytes: 2048, title: 'Smoke' }]);
  assert.equal(plain?.attachments, undefined);
});
