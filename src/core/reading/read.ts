/**
 * What the desk reads in a report, on arrival and again on demand: one function, so every
 * channel, `caravan suggest`, the demo and a re-read derive the same suggestions. Each reader
 * answers with its evidence and a confidence; this only puts them in order, because the place
 * decides the zone the time is read in, and the reference time decides which units the
 * gazetteer uses.
 */
import { DEFAULT_DATE } from '../gazetteer/search.ts';
import type { Place } from '../place.ts';
import { type TimePrecision, isPartOfDayOrFiner, localDate } from '../time.ts';
import { type CasualtySuggestion, readCasualties } from './casualties.ts';
import { type TypeSuggestion, readEventType } from './event-type.ts';
import { foldText, foldedWords } from './fold.ts';
import { type HearsaySuggestion, readHearsay } from './hearsay.ts';
import type { Comparable } from './incidents.ts';
import { type LanguageGuess, type ReportLang, detectLanguage } from './language.ts';
import { type PlaceSuggestion, eventPlaceOf, readPlaces, settlementOf } from './places.ts';
import { type TimeSuggestion, bestReference, readTime } from './time.ts';

/** The zone of a report whose place is not known: most of Kazakhstan, and every city the uprising reached first but the west. */
export const DEFAULT_ZONE = 'Asia/Almaty';

/** What is stored of a report's suggestions, so the queue can filter and group by them. */
export interface Reading {
  lang: ReportLang;
  /** The words folded (fold.ts): what duplicates and search compare. */
  textFold: string;
  hedged: boolean;
  eventPlaceId: string | null;
  /** The event place's city or town, or the place itself (a region) when none is named. */
  eventSettlement: string | null;
  eventStart: Date | null;
  eventEnd: Date | null;
  eventPrecision: TimePrecision | null;
  eventType: string | null;
}

type ReportText = { what: string; where?: string | null | undefined };

/** A report as the readers see it: what was written, and what the channel told us of when. */
export interface ReportToRead extends ReportText {
  when?: string | null | undefined;
  /** When the channel says it was sent (SMS, Telegram, a relay). */
  sentAt?: Date | string | null | undefined;
  /** When the reporter wrote it on their device (the offline page); delivery can lag a day. */
  writtenAt?: Date | string | null | undefined;
  /** When we received it: the reference of last resort. */
  receivedAt?: Date | string | null | undefined;
  /** SHA-256 of each photo or video. */
  mediaSha256?: readonly string[] | undefined;
}

export interface Suggestions {
  lang: LanguageGuess;
  /** The event's places first, most specific first; then those only mentioned. */
  places: PlaceSuggestion[];
  /** The event's window, when there is a reference time to read it against. */
  time?: TimeSuggestion | undefined;
  type?: TypeSuggestion | undefined;
  casualties?: CasualtySuggestion | undefined;
  hearsay: HearsaySuggestion;
}

/** The language of what the reporter wrote, the place they named included, with its evidence. */
export function languageOf(r: ReportText): LanguageGuess {
  return detectLanguage(r.where ? `${r.what}\n${r.where}` : r.what);
}

/** Every suggestion the desk makes for one report. */
export function suggest(r: ReportToRead): Suggestions {
  // readTime itself moves to a forwarded header's own time, read in the event place's zone.
  const reference = bestReference({ sentAt: r.sentAt, writtenAt: r.writtenAt, receivedAt: r.receivedAt });
  const date = reference ? localDate(reference.at, DEFAULT_ZONE) : DEFAULT_DATE;
  const places = readPlaces(r, date);
  const timeZone = eventPlaceOf(places)?.place.timeZone ?? DEFAULT_ZONE;
  return {
    lang: languageOf(r),
    places,
    time: reference ? readTime(r.what, { reference, timeZone, when: r.when ?? null }) : undefined,
    type: readEventType(r.what),
    casualties: readCasualties(r.what),
    hearsay: readHearsay(r.what),
  };
}

/** The event place, and the settlement incidents are grouped by: its city or town, or itself (a region). */
function eventPlaceAndSettlement(s: Suggestions): { place?: Place; settlement?: string } {
  const place = eventPlaceOf(s.places)?.place;
  return place ? { place, settlement: settlementOf(place) ?? place.id } : {};
}

/** What the duplicate and incident check compares of a report read (incidents.ts). */
export function comparableOf(r: ReportToRead, s: Suggestions): Comparable {
  const { place, settlement } = eventPlaceAndSettlement(s);
  return {
    words: foldedWords(r.what),
    media: r.mediaSha256 ?? [],
    settlement,
    landmark: place?.kind === 'landmark' ? place.id : undefined,
    window: s.time ? { start: Date.parse(s.time.start), end: Date.parse(s.time.end) } : undefined,
    narrow: s.time ? isPartOfDayOrFiner(s.time.precision) : undefined,
    eventType: s.type?.eventType,
  };
}

/** The columns of a report read: its language, folded words and the suggestions the queue uses. */
export function readReport(r: ReportToRead): Reading {
  const s = suggest(r);
  const { place, settlement } = eventPlaceAndSettlement(s);
  return {
    lang: s.lang.lang,
    textFold: foldText(r.what),
    hedged: s.hearsay.hedged,
    eventPlaceId: place?.id ?? null,
    eventSettlement: settlement ?? null,
    eventStart: s.time ? new Date(s.time.start) : null,
    eventEnd: s.time ? new Date(s.time.end) : null,
    eventPrecision: s.time?.precision ?? null,
    eventType: s.type?.eventType ?? null,
  };
}
