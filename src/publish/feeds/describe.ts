/**
 * How one public event reads in a feed entry, in either interface language: the title, and the
 * facts a subscriber needs without opening the page (local time, place, type, status,
 * fatalities). Atom and JSON Feed render the same facts, so they cannot drift apart.
 */
import { describeFatalities } from '../../core/fatalities.ts';
import { getPlace, placeName } from '../../core/gazetteer/search.ts';
import type { PublicEvent } from '../../core/public-event.ts';
import { readLocalTime } from '../../core/time.ts';
import { type Lang, translator } from '../i18n.ts';

const t = translator({
  en: {
    when: 'When',
    where: 'Where',
    type: 'Type',
    status: 'Status',
    fatalities: 'Fatalities',
    sources: 'Sources',
    privateSources: '{n} non-public source(s)',
    localTime: 'local time',
    about: 'about ',
    night: 'night',
    morning: 'morning',
    afternoon: 'afternoon',
    evening: 'evening',
    unknown: 'not reported',
    retractedTitle: 'Retracted: {title}',
    withdrawnTitle: 'Event {id} withdrawn',
    withdrawnText: 'The editors took event {id} off the chronicle on {at}. Its earlier versions are no longer shown.',
    statusunverified: 'unverified',
    statuscorroborated: 'corroborated',
    statusverified: 'verified',
    statusdisputed: 'disputed',
    statusretracted: 'retracted',
  },
  ru: {
    when: 'Когда',
    where: 'Где',
    type: 'Тип',
    status: 'Статус',
    fatalities: 'Погибшие',
    sources: 'Источники',
    privateSources: 'закрытых источников: {n}',
    localTime: 'местное время',
    about: 'около ',
    night: 'ночь',
    morning: 'утро',
    afternoon: 'день',
    evening: 'вечер',
    unknown: 'нет данных',
    retractedTitle: 'Отозвано: {title}',
    withdrawnTitle: 'Событие {id} снято',
    withdrawnText: 'Редакция сняла событие {id} с хроники {at}. Его прежние редакции больше не показываются.',
    statusunverified: 'не проверено',
    statuscorroborated: 'подтверждено независимыми источниками',
    statusverified: 'проверено',
    statusdisputed: 'оспаривается',
    statusretracted: 'отозвано',
  },
});

/** ACLED's event types stay the coding labels in data files; feeds read them in the reader's language. */
const EVENT_TYPE_RU: Record<PublicEvent['eventType'], string> = {
  Battles: 'Столкновения',
  'Explosions/Remote violence': 'Взрывы и дистанционное насилие',
  'Violence against civilians': 'Насилие против мирных жителей',
  Protests: 'Протесты',
  Riots: 'Беспорядки',
  'Strategic developments': 'Стратегические события',
};

export function eventTypeLabel(ev: PublicEvent, lang: Lang): string {
  const type = lang === 'ru' ? EVENT_TYPE_RU[ev.eventType] : ev.eventType;
  return `${type} — ${ev.subEventType}`;
}

export function statusLabel(status: PublicEvent['status'], lang: Lang): string {
  return t(lang, `status${status}`);
}

/** The event's permanent address; the same for every revision, so it doubles as the feed id. */
export function permalink(origin: string, id: number): string {
  return `${origin}/events/${id}`;
}

/** The event's page in the feed's language: a Russian feed links to the Russian page. */
export function pageUrl(origin: string, id: number, lang: Lang): string {
  return lang === 'en' ? permalink(origin, id) : `${permalink(origin, id)}?lang=${lang}`;
}

/**
 * An event taken off the chronicle. Its feed entry is replaced by a notice under the same id, so
 * a reader that showed it learns it was withdrawn; the notice repeats none of its content,
 * which may have been withdrawn because it endangered someone.
 */
export interface Withdrawal {
  id: number;
  withdrawnAt: string;
  firstPublishedAt: string;
}

export type FeedItem = PublicEvent | Withdrawal;

export function isWithdrawal(item: FeedItem): item is Withdrawal {
  return 'withdrawnAt' in item;
}

/** When the item last changed: its publication or its withdrawal. */
export function itemUpdated(item: FeedItem): string {
  return isWithdrawal(item) ? item.withdrawnAt : item.publishedAt;
}

/** Events and withdrawals together, most recent change first, at most `limit`. */
export function newestItems(events: readonly PublicEvent[], withdrawals: readonly Withdrawal[], limit: number): FeedItem[] {
  return [...events, ...withdrawals]
    .sort((a, b) => (itemUpdated(a) < itemUpdated(b) ? 1 : itemUpdated(a) > itemUpdated(b) ? -1 : b.id - a.id))
    .slice(0, limit);
}

export function withdrawalTitle(w: Withdrawal, lang: Lang): string {
  return t(lang, 'withdrawnTitle', { id: w.id });
}

export function withdrawalText(w: Withdrawal, lang: Lang): string {
  return t(lang, 'withdrawnText', { id: w.id, at: `${w.withdrawnAt.slice(0, 16).replace('T', ' ')} UTC` });
}

/** The summary in the language asked for, English when there is no translation. */
export function summaryIn(ev: PublicEvent, lang: Lang): string {
  return (lang === 'ru' ? ev.summary.ru : undefined) ?? ev.summary.en;
}

export function entryTitle(ev: PublicEvent, lang: Lang): string {
  const title = summaryIn(ev, lang);
  // A retraction is a correction: a reader who only sees titles must not miss it.
  return ev.status === 'retracted' ? t(lang, 'retractedTitle', { title }) : title;
}

export function placeLabel(ev: PublicEvent, lang: Lang): string {
  const place = ev.location.placeId ? getPlace(ev.location.placeId) : undefined;
  const name = place && lang === 'ru' ? placeName(place, 'ru') : ev.location.name;
  return ev.location.admin1 && !name.includes(ev.location.admin1) ? `${name}, ${ev.location.admin1}` : name;
}

/** "2022-01-05 10:00 (local time, UTC+06:00)", with the precision the editors gave. */
export function localTimeLabel(ev: PublicEvent, lang: Lang): string {
  const r = readLocalTime(ev.time);
  const about = r.approximate ? t(lang, 'about') : '';
  let s = r.date;
  if (r.clock) s += ` ${about}${r.clock}${r.endClock && !r.endDate ? `–${r.endClock}` : ''}`;
  else if (r.partOfDay) s += `, ${about}${t(lang, r.partOfDay)}`;
  if (r.endDate) s += ` – ${r.endDate}${r.endClock ? ` ${r.endClock}` : ''}`;
  if (r.precision === 'month') s = r.date.slice(0, 7);
  if (r.clock || r.partOfDay) s += ` (${t(lang, 'localTime')}, UTC${r.offset})`;
  return s;
}

export interface Fact {
  label: string;
  value: string;
}

/** The facts shown under the title, in order. */
export function entryFacts(ev: PublicEvent, lang: Lang): Fact[] {
  const facts: Fact[] = [
    { label: t(lang, 'when'), value: localTimeLabel(ev, lang) },
    { label: t(lang, 'where'), value: placeLabel(ev, lang) },
    { label: t(lang, 'type'), value: eventTypeLabel(ev, lang) },
    { label: t(lang, 'status'), value: statusLabel(ev.status, lang) + (ev.statusReason ? ` — ${ev.statusReason}` : '') },
    { label: t(lang, 'fatalities'), value: describeFatalities(ev.fatalities) ?? t(lang, 'unknown') },
  ];
  const outlets = ev.sources.map((s) => s.outlet ?? s.title ?? s.url);
  if (ev.privateSourceCount > 0) outlets.push(t(lang, 'privateSources', { n: ev.privateSourceCount }));
  if (outlets.length > 0) facts.push({ label: t(lang, 'sources'), value: outlets.join('; ') });
  return facts;
}

/** The facts as plain text, one per line, for JSON Feed's content_text. */
export function entryText(ev: PublicEvent, lang: Lang): string {
  const lines = [summaryIn(ev, lang), '', ...entryFacts(ev, lang).map((f) => `${f.label}: ${f.value}`)];
  if (ev.notes) lines.push('', ev.notes);
  return lines.join('\n');
}
