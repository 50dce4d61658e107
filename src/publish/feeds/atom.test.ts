import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toPublicEvent } from '../../core/public-event.ts';
import { sampleEventData } from '../../core/testing.ts';
import { type FeedInfo, escapeXml, renderAtom } from './atom.ts';
import { assertWellFormedXml } from './testing.ts';

const ORIGIN = 'https://chronicle.example.org';

function info(lang: 'en' | 'ru' = 'en'): FeedInfo {
  return {
    origin: ORIGIN,
    title: 'Kazakhstan, January 2022',
    selfUrl: `${ORIGIN}/feed.atom`,
    htmlUrl: `${ORIGIN}/`,
    lang,
    updated: '2022-01-01T00:00:00.000Z',
  };
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function elements(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}(?: [^>]*)?>([\\s\\S]*?)</${name}>`, 'g'))].map((m) => m[1]!);
}

const tricky = toPublicEvent(
  17,
  2,
  sampleEventData({
    summary: { en: 'Police & "guards" fire at <crowd>\u0001 it\'s bad', ru: 'Полиция стреляет в толпу у акимата' },
    notes: 'Notes with <b>markup</b> & ampersands',
  }),
  '2022-01-06T10:00:00.000Z',
  '2022-01-05T12:00:00.000Z',
);

test('escapeXml escapes the five special characters and drops characters XML forbids', () => {
  assert.equal(
    escapeXml(`<a href="x">Tom & Jerry's</a>\u0001\u0008\u000b`),
    '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;',
  );
  assert.equal(escapeXml('tab\tand\nnewline kept'), 'tab\tand\nnewline kept');
  assert.equal(escapeXml('lone \ud800 surrogate, pair 😀 kept'), 'lone  surrogate, pair 😀 kept');
});

test('the Atom feed is well-formed XML even with markup, quotes and a control character in the text', () => {
  const xml = renderAtom(info(), [tricky]);
  assertWellFormedXml(xml);
  assert.ok(!xml.includes('\u0001'));
  const [title] = elements(xml, 'title').slice(1);
  assert.equal(unescapeXml(title!), 'Police & "guards" fire at <crowd> it\'s bad');
  // The HTML content is escaped once for XML: a reader unescapes it back to HTML that is itself escaped.
  const [content] = elements(xml, 'content');
  const html = unescapeXml(content!);
  assert.match(html, /Notes with &lt;b&gt;markup&lt;\/b&gt; &amp; ampersands/);
  assert.doesNotMatch(html, /<b>markup/);
});

test('the feed has the elements RFC 4287 requires and one entry per event with a GeoRSS point', () => {
  const other = toPublicEvent(
    18,
    1,
    sampleEventData({ status: 'retracted', statusReason: 'Video was from 2011' }),
    '2022-01-07T08:00:00.000Z',
    '2022-01-07T08:00:00.000Z',
  );
  const xml = renderAtom(info(), [other, tricky]);
  assertWellFormedXml(xml);
  assert.match(
    xml,
    /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xmlns:georss="http:\/\/www.georss.org\/georss"/,
  );
  const head = xml.slice(0, xml.indexOf('<entry>'));
  assert.match(head, /<id>https:\/\/chronicle.example.org\/feed.atom<\/id>/);
  assert.match(head, /<title>Kazakhstan, January 2022<\/title>/);
  assert.match(head, /<updated>2022-01-07T08:00:00.000Z<\/updated>/, 'feed updated = the newest entry');
  assert.match(head, /<author><name>[^<]+<\/name>/);
  assert.match(head, /<link rel="self" type="application\/atom\+xml" href="https:\/\/chronicle.example.org\/feed.atom"\/>/);
  const entries = elements(xml, 'entry');
  assert.equal(entries.length, 2);
  const e = entries[1]!;
  assert.match(e, /<id>https:\/\/chronicle.example.org\/events\/17<\/id>/, 'id is the permalink, stable across revisions');
  assert.match(e, /<updated>2022-01-06T10:00:00.000Z<\/updated>/);
  assert.match(e, /<published>2022-01-05T12:00:00.000Z<\/published>/);
  assert.match(e, /<link rel="alternate" type="text\/html" href="https:\/\/chronicle.example.org\/events\/17"\/>/);
  assert.match(e, /<georss:point>43.238 76.945<\/georss:point>/, 'latitude first, then longitude');
  const content = unescapeXml(elements(e, 'content')[0]!);
  assert.match(content, /2022-01-05 10:00 \(local time, UTC\+06:00\)/, 'local time in Almaty, not UTC');
  assert.match(content, /Protests — Peaceful protest/);
  assert.match(content, /unverified/);
  assert.match(content, /Fatalities<\/dt><dd>not reported/);
  assert.match(entries[0]!, /<title>Retracted: /, 'a retraction is visible in the title');
});

test('the Russian feed uses Russian summaries and labels', () => {
  const xml = renderAtom(info('ru'), [tricky]);
  assertWellFormedXml(xml);
  assert.match(xml, /xml:lang="ru"/);
  assert.match(elements(xml, 'entry')[0]!, /<title>Полиция стреляет в толпу у акимата<\/title>/);
  assert.match(xml, /местное время/);
  assert.match(xml, /Протесты/);
  assert.match(xml, /Площадь Республики/);
});

test('an empty feed is still valid and uses the given updated time', () => {
  const xml = renderAtom(info(), []);
  assertWellFormedXml(xml);
  assert.match(xml, /<updated>2022-01-01T00:00:00.000Z<\/updated>/);
  assert.equal(elements(xml, 'entry').length, 0);
});

test('the well-formedness check itself rejects broken XML', () => {
  assert.throws(() => assertWellFormedXml('<feed><title>a & b</title></feed>'));
  assert.throws(() => assertWellFormedXml('<feed><title>a</feed>'));
  assert.throws(() => assertWellFormedXml('<feed>\u0001</feed>'));
  assert.throws(() => assertWellFormedXml('<feed><a x=1/></feed>'));
});
