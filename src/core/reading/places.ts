/**
 * Where the event a report describes happened, and which places it only mentions. The
 * gazetteer finds every name in the whole text, declined or not (`placeMentions`); this reads
 * the words around each: "в Алматы", "Алматыда" and "at the akimat" place an event, "troops
 * from Russia", "East Kazakhstan time" and "across Kazakhstan" do not. A place field the
 * reporter filled in outweighs the text. The most specific place of the winning chain comes
 * first (the square, then its city), so a map can place the event as closely as it was told.
 */
import { DEFAULT_DATE, type PlaceMention, getPlace, placeMentions, resolvePlace } from '../gazetteer/search.ts';
import { CITY_REGION_IDS } from '../gazetteer/places.ts';
import type { Place } from '../place.ts';
import { type Evidence, confidence, spanEvidence } from './evidence.ts';

export type PlaceRole = 'event' | 'mentioned';

export interface PlaceSuggestion {
  place: Place;
  role: PlaceRole;
  /** Why it has that role, in a few words for the editor. */
  why: string;
  confidence: number;
  evidence: Evidence[];
}

type ReportPlaceFields = { what: string; where?: string | null | undefined };

/** Words before a name that put the event there. */
const AT_BEFORE = /(?:^|[^\p{L}])(?:в|во|на|у|возле|около|под|близ|рядом с|in|at|near|outside|around|inside|across from)\s+$/iu;
/** Words before a name that make it where someone or something came from. */
const FROM_BEFORE = /(?:^|[^\p{L}])(?:из|от|со|from|of)\s+$/iu;
/** Kazakh locative and dative endings (Алматыда, Ақтауда, алаңға), in either script. */
const KAZAKH_AT_ENDING = /(?:да|де|та|те|нда|нде|ға|ге|қа|ке|га|ка|da|de|ta|te|nda|nde|ga|ge|ka|ke)$/iu;
/** Kazakh ablative endings (Мәскеуден, Ресейден): where from. */
const KAZAKH_FROM_ENDING = /(?:дан|ден|тан|тен|нан|нен|dan|den|tan|ten|nan|nen)$/iu;
/** A zone named after a place is a clock, not a place: "East Kazakhstan time", "по времени Астаны". */
const TIME_AFTER = /^[\s,]*(?:time|уақыты|уакыты|уақытымен|уакытымен|уақыт|уакыт)(?![\p{L}])/iu;
const TIME_BEFORE = /(?:времени|время)\s+$/iu;
/** A year other than the report's: "like Zhanaozen in 2011", "Жанаозен-2011". */
const OTHER_YEAR_AFTER = /^[\s,-]*(?:in |в |жылы |)?(?:19|20)(?!22)\d\d(?!\d)/iu;
/** "across Kazakhstan", "по всему Казахстану", "бүкіл Қазақстан": the whole country, no one place. */
const NATIONWIDE_BEFORE = /(?:across|all over|throughout|nationwide in|по всему|по всей|во всем|во всём|бүкіл|букил)\s+$/iu;

interface Weighed {
  mention: PlaceMention;
  weight: number;
  why: string;
}

/** How strongly one mention says "it happened here", and why. */
function weigh(text: string, m: PlaceMention): Weighed {
  const before = text.slice(Math.max(0, m.start - 24), m.start);
  const after = text.slice(m.end, m.end + 24);
  const named = text.slice(m.start, m.end);
  const place = m.place;
  let weight = m.score;
  let why = 'named';
  if (TIME_AFTER.test(after) || TIME_BEFORE.test(before)) return { mention: m, weight: -1, why: 'a time zone' };
  if (OTHER_YEAR_AFTER.test(after)) return { mention: m, weight: -1, why: 'another year' };
  if (place.kind === 'country' && place.country === 'KAZ') return { mention: m, weight: -1, why: 'the whole country' };
  if (NATIONWIDE_BEFORE.test(before)) return { mention: m, weight: -1, why: 'nationwide' };
  const fromHere = FROM_BEFORE.test(before) || (m.strength === 'inflected' && KAZAKH_FROM_ENDING.test(named));
  const atHere = AT_BEFORE.test(before) || (m.strength === 'inflected' && KAZAKH_AT_ENDING.test(named));
  if (fromHere) {
    weight -= 0.35;
    why = 'where from';
  } else if (atHere) {
    weight += 0.3;
    why = 'where it happened';
  }
  if (m.strength === 'fuzzy') weight -= 0.2;
  // A town's name opening a sentence may be the word it shares its name with ("Алға, Қазақстан!").
  const opensSentence = /(?:^|[.!?\n]\s*)$/u.test(before);
  if (place.kind === 'town' && !atHere && !fromHere && opensSentence && !/\s/u.test(named)) weight -= 0.3;
  if (place.country !== 'KAZ') {
    weight -= 0.6;
    why = fromHere ? 'where from' : 'abroad';
  }
  if (place.kind === 'landmark') weight += 0.15;
  else if (place.kind !== 'region') weight += 0.1;
  return { mention: m, weight, why };
}

/** The ids of the units a place lies in, nearest first. */
function ancestorsOf(place: Place): string[] {
  const out: string[] = [];
  let p: Place | undefined = place;
  for (let i = 0; p?.parent && i < 8; i++) {
    out.push(p.parent);
    p = getPlace(p.parent);
  }
  return out;
}

/** The city or town a place is in, or the place itself if it is one. */
export function settlementOf(place: Place): string | undefined {
  for (const p of [place, ...ancestorsOf(place).map(getPlace)]) {
    if (p && (p.kind === 'city' || p.kind === 'town' || CITY_REGION_IDS.includes(p.id))) return p.id;
  }
  return undefined;
}

/**
 * The places of a report, the event's first (most specific first), then those only mentioned,
 * each once with every span that named it.
 */
export function readPlaces(r: ReportPlaceFields, date: string = DEFAULT_DATE): PlaceSuggestion[] {
  const where = r.where?.trim() ?? '';
  // The place field is read with the text, so "the akimat" finds its city in either.
  const text = where ? `${r.what}\n${where}` : r.what;
  const inWhere = (m: PlaceMention) => m.start > r.what.length;
  const weighed = placeMentions(text, date).map((m) => (inWhere(m) ? { mention: m, weight: m.score, why: 'named' } : weigh(text, m)));
  const given = where ? resolvePlace(where, { date, limit: 1 })[0] : undefined;

  const byPlace = new Map<string, { place: Place; best: Weighed | undefined; spans: Evidence[] }>();
  for (const w of weighed) {
    const entry = byPlace.get(w.mention.place.id) ?? { place: w.mention.place, best: undefined, spans: [] };
    const { start, end } = w.mention;
    const shift = r.what.length + 1;
    entry.spans.push(inWhere(w.mention) ? spanEvidence(where, start - shift, end - shift, 'where') : spanEvidence(text, start, end));
    if (!entry.best || w.weight > entry.best.weight) entry.best = w;
    byPlace.set(w.mention.place.id, entry);
  }

  // The place the event happened: the reporter's own field if it names one, else the strongest
  // mention; then the most specific place of that chain the text names (the akimat of that city).
  let anchor: Place | undefined = given && given.score >= 0.6 ? given.place : undefined;
  if (!anchor) {
    let best = 0.75;
    for (const e of byPlace.values()) {
      if (e.best!.weight >= best + 0.001 || (!anchor && e.best!.weight >= best)) [anchor, best] = [e.place, e.best!.weight];
    }
  }
  const chain = new Set<string>();
  if (anchor) {
    chain.add(anchor.id);
    for (const id of ancestorsOf(anchor)) chain.add(id);
    // Places in the same city or inside the anchor that the text names, unless only mentioned.
    const city = settlementOf(anchor);
    for (const e of byPlace.values()) {
      if (e.best!.weight < 0.5) continue;
      if (ancestorsOf(e.place).includes(anchor.id) || (city && settlementOf(e.place) === city)) {
        chain.add(e.place.id);
        for (const id of ancestorsOf(e.place)) chain.add(id);
      }
    }
  }

  const out: PlaceSuggestion[] = [];
  if (given && chain.has(given.place.id) && !byPlace.has(given.place.id)) {
    out.push({
      place: given.place,
      role: 'event',
      why: 'the place the reporter gave',
      confidence: confidence(given.score),
      evidence: [{ from: 'where', quote: where }],
    });
  }
  for (const e of byPlace.values()) {
    const inChain = chain.has(e.place.id) && e.place.kind !== 'country';
    const fromGiven = given?.place.id === e.place.id;
    out.push({
      place: e.place,
      role: inChain ? 'event' : 'mentioned',
      why: fromGiven ? 'the place the reporter gave' : inChain && e.best!.weight < 0.75 ? 'contains where it happened' : e.best!.why,
      confidence: confidence(inChain ? Math.max(e.best!.weight, fromGiven ? 0.9 : 0) - 0.1 : 1 - Math.max(0, e.best!.weight) / 2),
      evidence: fromGiven && !e.spans.some((s) => s.from === 'where') ? [{ from: 'where', quote: where }, ...e.spans] : e.spans,
    });
  }
  const depth = (p: Place) => ancestorsOf(p).length;
  return out.sort((a, b) => {
    if (a.role !== b.role) return a.role === 'event' ? -1 : 1;
    if (a.role === 'event') return depth(b.place) - depth(a.place) || (a.evidence[0]?.start ?? -1) - (b.evidence[0]?.start ?? -1);
    return (a.evidence[0]?.start ?? 0) - (b.evidence[0]?.start ?? 0);
  });
}

/** The place a report's event happened, most specific first: the first of readPlaces' event places. */
export function eventPlaceOf(places: readonly PlaceSuggestion[]): PlaceSuggestion | undefined {
  return places.find((p) => p.role === 'event');
}
