/**
 * Atom 1.0 (RFC 4287) with GeoRSS-Simple points, so feed readers show the events and map-aware
 * readers place them. Entries are identified by permalink: a revision updates the entry in a
 * reader instead of adding a new one.
 */
import type { PublicEvent } from '../../core/public-event.ts';
import type { Lang } from '../i18n.ts';
import { type MirrorAlarm, alarmText, alarmTitle } from '../mirror-alarm.ts';
import {
  type FeedItem,
  type Withdrawal,
  entryFacts,
  entryTitle,
  isWithdrawal,
  itemUpdated,
  pageUrl,
  permalink,
  summaryIn,
  withdrawalText,
  withdrawalTitle,
} from './describe.ts';
import { escapeHtml } from '../escape.ts';

export interface FeedInfo {
  origin: string;
  title: string;
  subtitle?: string;
  /** The feed's own URL, with its filter and language: also its id, since each filtered feed is a feed of its own. */
  selfUrl: string;
  /** The HTML page showing the same selection. */
  htmlUrl: string;
  lang: Lang;
  /**
   * When what the feed draws from last changed (the latest publish or unpublish anywhere): the
   * feed's `updated`, raised to its newest entry if that is later. An entry leaving the feed
   * therefore never moves `updated` back.
   */
  updated: string;
  /** A mirror's alarms: each comes first, before any event, so a subscriber reads it. */
  alarms?: readonly MirrorAlarm[];
}

/** A feed item's id for an alarm: the feed's own address, so it is unique to this mirror. */
export function alarmItemId(info: FeedInfo, a: MirrorAlarm): string {
  return `${info.selfUrl}#alarm-${a.id}`;
}

/**
 * Characters XML 1.0 forbids outright (C0 controls other than tab and newlines, lone
 * surrogates, U+FFFE/U+FFFF). They cannot be escaped, only dropped: one would make the whole
 * feed unreadable to a conforming parser.
 */
const XML_ILLEGAL =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text safe inside XML element content and attribute values (double- or single-quoted). */
export function escapeXml(value: string): string {
  return value
    .replace(XML_ILLEGAL, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const el = (name: string, text: string, attrs = '') => `<${name}${attrs}>${escapeXml(text)}</${name}>`;

/** The entry body as HTML, which Atom carries escaped (type="html"). */
function contentHtml(ev: PublicEvent, lang: Lang, origin: string): string {
  const h = escapeHtml;
  const facts = entryFacts(ev, lang)
    .map((f) => `<dt>${h(f.label)}</dt><dd>${h(f.value)}</dd>`)
    .join('');
  let html = `<p>${h(summaryIn(ev, lang))}</p><dl>${facts}</dl>`;
  if (ev.notes) html += `<p>${h(ev.notes)}</p>`;
  if (ev.sources.length > 0) {
    html += `<ul>${ev.sources.map((s) => `<li><a href="${h(s.url)}">${h(s.title ?? s.outlet ?? s.url)}</a></li>`).join('')}</ul>`;
  }
  const page = pageUrl(origin, ev.id, lang);
  html += `<p><a href="${h(page)}">${h(page)}</a></p>`;
  return html;
}

function withdrawnEntry(w: Withdrawal, info: FeedInfo): string {
  return [
    '<entry>',
    el('id', permalink(info.origin, w.id)),
    el('title', withdrawalTitle(w, info.lang)),
    el('updated', w.withdrawnAt),
    el('published', w.firstPublishedAt),
    `<link rel="alternate" type="text/html" href="${escapeXml(pageUrl(info.origin, w.id, info.lang))}"/>`,
    '<category term="withdrawn"/>',
    el('content', withdrawalText(w, info.lang), ' type="text"'),
    '</entry>',
  ].join('');
}

function alarmEntry(a: MirrorAlarm, info: FeedInfo): string {
  return [
    '<entry>',
    el('id', alarmItemId(info, a)),
    el('title', alarmTitle(a.kind, info.lang)),
    el('updated', a.detectedAt),
    el('published', a.detectedAt),
    `<link rel="alternate" type="text/html" href="${escapeXml(info.htmlUrl)}"/>`,
    `<category term="alarm"/><category term="${a.kind}"/>`,
    el('content', alarmText(a, info.lang), ' type="text"'),
    '</entry>',
  ].join('');
}

function entry(ev: PublicEvent, info: FeedInfo): string {
  const url = permalink(info.origin, ev.id);
  const categories = [ev.eventType, ev.subEventType, ev.status, ...ev.tags].map((term) => `<category term="${escapeXml(term)}"/>`).join('');
  return [
    '<entry>',
    el('id', url),
    el('title', entryTitle(ev, info.lang)),
    el('updated', ev.publishedAt),
    el('published', ev.firstPublishedAt),
    `<link rel="alternate" type="text/html" href="${escapeXml(pageUrl(info.origin, ev.id, info.lang))}"/>`,
    categories,
    el('content', contentHtml(ev, info.lang, info.origin), ' type="html"'),
    el('georss:point', `${ev.location.lat} ${ev.location.lon}`),
    '</entry>',
  ].join('');
}

/** The newest of the feed's own time and its entries' (ISO 8601 UTC strings compare in time order). */
export function feedUpdated(info: FeedInfo, items: readonly FeedItem[]): string {
  const times = [...items.map(itemUpdated), ...(info.alarms ?? []).map((a) => a.detectedAt)];
  // biome-ignore lint/complexity/useMathMinMax: these are ISO strings, compared as text
  return times.reduce((max, t) => (t > max ? t : max), info.updated);
}

/** The whole feed document; `items` most recent change first. */
export function renderAtom(info: FeedInfo, items: readonly FeedItem[]): string {
  const updated = feedUpdated(info, items);
  return [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:georss="http://www.georss.org/georss" xml:lang="${info.lang}">`,
    el('id', info.selfUrl),
    el('title', info.title),
    info.subtitle ? el('subtitle', info.subtitle) : '',
    el('updated', updated),
    `<author>${el('name', info.title)}<uri>${escapeXml(info.origin)}/</uri></author>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(info.selfUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(info.htmlUrl)}"/>`,
    el('generator', 'Caravan'),
    ...(info.alarms ?? []).map((a) => alarmEntry(a, info)),
    ...items.map((item) => (isWithdrawal(item) ? withdrawnEntry(item, info) : entry(item, info))),
    '</feed>\n',
  ].join('');
}
