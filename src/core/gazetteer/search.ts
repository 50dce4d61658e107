/**
 * Place resolution for free text: a reporter's "near the akimat in Shymkent", an editor's
 * "alma-ata", a relay's "в Жанаозене". Everything is compared on one folded Latin key, so
 * script, case, diacritics and the competing transliterations of Kazakh names stop mattering.
 * Pure: the index is built from PLACES on first use and kept for the life of the process.
 */
import type { Place, PlaceKind } from '../place.ts';
import { CITY_REGION_IDS, GENERIC_LANDMARK_TERMS, GEONAMES_TOWNS, PLACES } from './places.ts';
import { WORD_NAMES } from './word-names.ts';

export interface PlaceCandidate {
  place: Place;
  /** 0..1; only comparable between candidates of one call. */
  score: number;
  /** The gazetteer name, variant or generic term that matched. */
  matched: string;
}

export interface ResolveOptions {
  /** ISO date; units not valid on it are left out. */
  date?: string;
  limit?: number;
  kinds?: PlaceKind[];
}

/** The date the chronicle's units are drawn for. */
export const DEFAULT_DATE = '2022-01-05';

// Kazakh letters fold onto their nearest Russian-Latin reading (қ→k, ң→n, ө→o) because
// writers in a hurry type Жанаозен for Жаңаөзен; the digraphs are then folded once more below.
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a',
  ә: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  і: 'i',
  к: 'k',
  қ: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'n',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ұ: 'u',
  ү: 'u',
  ф: 'f',
  х: 'kh',
  һ: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};
// Latin letters whose English reading is a digraph; stripping their marks would lose it.
const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  ž: 'zh',
  š: 'sh',
  č: 'ch',
  ş: 'sh',
  ç: 'ch',
  ı: 'i',
  ß: 'ss',
};

/**
 * A comparison key, not a display form. Folds: zh/dzh/dj→j (Zhanaozen = Janaozen), ch→sh
 * (Chimkent = Shymkent, Kapchagay = Kapshagay), kh→h, gh→g, q→k, ye→e, y→i, doubled
 * letters single, and everything that is not a letter or digit removed.
 */
export function normalizeName(s: string): string {
  let out = '';
  for (const ch of s.toLowerCase()) out += CYRILLIC[ch] ?? LATIN_SPECIAL[ch] ?? ch;
  return out
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .replace(/shch/g, 'sh')
    .replace(/dzh|dj|zh/g, 'j')
    .replace(/kh/g, 'h')
    .replace(/gh/g, 'g')
    .replace(/ch/g, 'sh')
    .replace(/q/g, 'k')
    .replace(/ye/g, 'e')
    .replace(/y/g, 'i')
    .replace(/(.)\1+/gu, '$1');
}

interface Entry {
  place: Place;
  name: string;
  primary: boolean;
  /** A bare word like "akimat": counts only when the landmark's city is named too. */
  generic: boolean;
  /** How a whole report may name it (see guardTownEntries). */
  inText: 'free' | 'spelled' | 'capitalised' | 'never';
  /** A GeoNames town's: it ranks below a hand-written place of the same name. */
  minor: boolean;
}

interface Index {
  byId: Map<string, Place>;
  byKey: Map<string, Entry[]>;
  /** Keys of names ending in -a, without it: Russian declines Караганда to Караганде. */
  byStem: Map<string, Entry[]>;
  /** Sorted, for prefix lookups. */
  keys: string[];
  /** Keys by length, so near misses are only sought among keys of about the same length. */
  byLength: Map<number, string[]>;
  /** The same, of keys a whole report may name one letter off (see guardTownEntries). */
  byLengthInText: Map<number, string[]>;
  countries: Map<string, Place>;
  /** The towns from GeoNames: a hand-written place named by the same words outranks them. */
  fromGeoNames: ReadonlySet<Place>;
  maxTokens: number;
}

let memo: Index | undefined;

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/**
 * Oblique-case forms of Russian multi-word names that a prefix cannot reach because the
 * ending changes inside the phrase ("в Алматинской области", "на площади Республики").
 */
function russianCaseForms(name: string): string[] {
  const out: string[] = [];
  if (/ая область$/i.test(name)) out.push(name.replace(/ая область$/i, 'ой области'));
  if (/ий район$/i.test(name)) out.push(name.replace(/ий район$/i, 'ом районе'), name.replace(/ий район$/i, 'ого района'));
  if (/ая площадь/i.test(name)) out.push(name.replace(/ая площадь/i, 'ой площади'));
  const first = /^(\p{L}+)(\s.+)$/u.exec(name);
  if (first && /\p{Script=Cyrillic}/u.test(name)) {
    const [, w = '', rest = ''] = first;
    if (/ь$/.test(w)) out.push(`${w.slice(0, -1)}и${rest}`);
    else if (/ия$/.test(w)) out.push(`${w.slice(0, -1)}и${rest}`);
    else if (/[бвгджзклмнпрстфхцчшщ]$/i.test(w)) out.push(`${w}а${rest}`, `${w}е${rest}`);
  }
  return out;
}

/** How reporters shorten the words in landmark names: "Republic sq", "пл. Республики", "пр. Абая". */
const ABBREVIATIONS: ReadonlyArray<[RegExp, string]> = [
  [/\bsquare\b/i, 'sq'],
  [/\bstreet\b/i, 'st'],
  [/\bavenue\b/i, 'ave'],
  [/(?<!\p{L})площад[ьи](?!\p{L})/iu, 'пл'],
  [/(?<!\p{L})улиц[аыеу](?!\p{L})/iu, 'ул'],
  [/(?<!\p{L})проспект[аеу]?(?!\p{L})/iu, 'пр'],
  [/(?<!\p{L})көшесі(?!\p{L})/iu, 'көш'],
  [/(?<!\p{L})даңғылы(?!\p{L})/iu, 'даң'],
];

function shortForms(name: string): string[] {
  return ABBREVIATIONS.filter(([word]) => word.test(name)).map(([word, short]) => name.replace(word, short));
}

/** Russian declension rules must not touch Kazakh names, which decline by suffix. */
function isNotKazakh(s: string): boolean {
  return !/[әғқңөұүһі]/i.test(s);
}

function tokenCount(s: string): number {
  return s.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean).length;
}

function index(): Index {
  if (memo) return memo;
  const byId = new Map<string, Place>();
  const byKey = new Map<string, Entry[]>();
  const byStem = new Map<string, Entry[]>();
  const countries = new Map<string, Place>();
  let maxTokens = 1;
  // `shown` is the gazetteer's own spelling when `form` is a derived case form.
  const add = (place: Place, form: string, primary: boolean, generic: boolean, shown = form): void => {
    const key = normalizeName(form);
    if (!key) return;
    const entry: Entry = { place, name: shown, primary, generic, inText: 'free', minor: false };
    const list = byKey.get(key);
    // One entry per place and key: the first (primary names come first) is the best.
    if (list?.some((e) => e.place === place)) return;
    push(byKey, key, entry);
    if (key.length >= 5 && key.endsWith('a')) push(byStem, key.slice(0, -1), entry);
    maxTokens = Math.max(maxTokens, tokenCount(form));
  };
  for (const place of PLACES) {
    byId.set(place.id, place);
    if (place.kind === 'country') countries.set(place.country, place);
    const names = [place.names.en, place.names.ru, place.names.kk];
    for (const n of names) add(place, n, true, false);
    for (const v of place.variants) add(place, v, false, false);
    for (const n of [place.names.ru, ...place.variants.filter(isNotKazakh)])
      for (const f of russianCaseForms(n)) add(place, f, false, false, n);
    if (place.kind === 'landmark')
      for (const n of [...names, ...place.variants]) for (const f of shortForms(n)) add(place, f, false, false, n);
    for (const g of GENERIC_LANDMARK_TERMS[place.id] ?? []) {
      add(place, g, false, true);
      if (isNotKazakh(g)) for (const f of russianCaseForms(g)) add(place, f, false, true, g);
    }
  }
  guardTownEntries(byKey);
  const keys = [...byKey.keys()].sort();
  const byLength = new Map<number, string[]>();
  const byLengthInText = new Map<number, string[]>();
  for (const k of keys) {
    push(byLength, k.length, k);
    if (byKey.get(k)?.some((e) => e.inText === 'free')) push(byLengthInText, k.length, k);
  }
  const fromGeoNames = new Set<Place>(GEONAMES_TOWNS);
  memo = { byId, byKey, byStem, keys, byLength, byLengthInText, countries, fromGeoNames, maxTokens: Math.min(maxTokens, 6) };
  return memo;
}

/** Below this, a GeoNames town is a village whose name a report must spell out, with a capital. */
const SMALL_TOWN = 10_000;

/**
 * Hand-written places were each checked against the words they could be mistaken for; the
 * towns taken from GeoNames were not, so a whole report names them only on firmer evidence:
 * by their English, Russian or Kazakh name (GeoNames' other spellings and former names hold
 * surnames and Russian towns: Сергеев, Астрахан), spelled out (declined or not), never one
 * letter off ("Interior" is two from Inderbor), a small one only with a capital, and none
 * where the name is a word (WORD_NAMES), belongs to a hand-written place too (Aktau in
 * Karaganda Region is not what "в Актау" means), or to a more populous GeoNames town. The
 * place field still finds them all.
 */
function guardTownEntries(byKey: Map<string, Entry[]>): void {
  const population = new Map<Place, number>(GEONAMES_TOWNS.map((t) => [t, t.population]));
  const words = new Set(WORD_NAMES.map(normalizeName));
  for (const list of byKey.values()) {
    const towns = list.filter((e) => population.has(e.place));
    if (towns.length === 0) continue;
    const largest = Math.max(...towns.map((e) => population.get(e.place) ?? 0));
    const curated = towns.length < list.length;
    for (const e of towns) {
      const n = population.get(e.place) ?? 0;
      e.minor = true;
      e.inText = n < SMALL_TOWN ? 'capitalised' : 'spelled';
      const named = [e.place.names.en, e.place.names.ru, e.place.names.kk].includes(e.name);
      if (!named || curated || n < largest || words.has(normalizeName(e.name))) e.inText = 'never';
    }
  }
}

// Russian case endings and Kazakh case/locative suffixes, as they look after normalizeName
// (doubled letters collapse, so Жаңаөзеннен leaves "en"). A closed list, so that a word that
// merely starts like a town (оралман, "repatriate") does not become the town.
const SUFFIX =
  /^(a|e|i|u|ia|iu|om|oi|ei|em|ou|ami|ah|am|ga|ge|ka|ke|na|ne|da|de|ta|te|an|en|dan|den|tan|ten|nan|nen|nin|din|tin|si|nda|nde|ndan|nden|dagi|degi|tagi|tegi|ndagi|ndegi|men|ben|pen)$/;
const STEM_SUFFIX = /^(e|i|u|oi|ou|iu)$/;
/** The Kazakh suffixes alone: English and Latin-typed Russian words end in a, e, i and u too. */
const LATIN_KAZAKH_SUFFIX =
  /^(ga|ge|ka|ke|na|ne|da|de|ta|te|dan|den|tan|ten|nan|nen|nin|din|tin|nda|nde|ndan|nden|dagi|degi|tagi|tegi|ndagi|ndegi)$/;

/**
 * Letters one string has that the other lacks: a lower bound of the edit distance that costs
 * one pass, so most keys are ruled out before the quadratic comparison.
 */
const BAG = new Int16Array(128);
function bagDistance(a: string, b: string): number {
  // Characters outside ASCII share one slot: that can only lower the count, so it stays a bound.
  BAG.fill(0);
  for (let i = 0; i < a.length; i++) BAG[Math.min(a.charCodeAt(i), 127)]!++;
  for (let i = 0; i < b.length; i++) BAG[Math.min(b.charCodeAt(i), 127)]!--;
  let more = 0;
  let fewer = 0;
  for (const v of BAG) {
    if (v > 0) more += v;
    else fewer -= v;
  }
  return Math.max(more, fewer);
}

/** Optimal string alignment distance, giving up (returning max + 1) once it exceeds max. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max || bagDistance(a, b) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

type Strength = 'exact' | 'inflected' | 'prefix' | 'fuzzy';

interface Match {
  entry: Entry;
  score: number;
  strength: Strength;
  /** Token indices of the words that matched, end exclusive. */
  from: number;
  to: number;
  /** The same words as UTF-16 offsets in the text. */
  start: number;
  end: number;
  subsumed: boolean;
}

interface Token {
  start: number;
  end: number;
}

function tokenize(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * How loosely a text is read. A place field is short and typed as a name: its last word may be
 * unfinished and any word may carry a typo. A whole report is full of ordinary words that lie
 * one letter from a town (человек and Shelek), so there only a capitalised word is forgiven a
 * typo, and nothing is completed.
 */
interface Looseness {
  prefix: boolean;
  fuzzy: 'any' | 'capitalised';
  /** Whether entries' inText rules apply. */
  guarded: boolean;
}
const PLACE_FIELD: Looseness = { prefix: true, fuzzy: 'any', guarded: false };
const WHOLE_TEXT: Looseness = { prefix: false, fuzzy: 'capitalised', guarded: true };

function collectMatches(text: string, ix: Index, loose: Looseness = PLACE_FIELD): Match[] {
  const tokens = tokenize(text);
  const matches: Match[] = [];
  // Reports repeat words; each distinct window is compared with the keys once.
  const nearCache = new Map<string, [string, number][]>();
  const add = (entries: Entry[] | undefined, strength: Strength, score: (e: Entry) => number, from: number, to: number) => {
    for (const entry of entries ?? []) {
      const spelled = strength === 'exact' || strength === 'inflected';
      if (entry.generic && !spelled) continue;
      const [start, end] = [tokens[from]!.start, tokens[to - 1]!.end];
      if (loose.guarded && entry.inText !== 'free') {
        if (entry.inText === 'never' || !spelled) continue;
        if (entry.inText === 'capitalised' && !/^\p{Lu}/u.test(text.slice(start, end))) continue;
      }
      const s = score(entry) - (entry.minor ? 0.03 : 0);
      matches.push({ entry, score: s, strength, from, to, start, end, subsumed: false });
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    for (let n = 1; n <= ix.maxTokens && i + n <= tokens.length; n++) {
      const raw = text.slice(tokens[i]!.start, tokens[i + n - 1]!.end);
      const key = normalizeName(raw);
      if (key.length < 2) continue;
      const exact = ix.byKey.get(key);
      add(exact, 'exact', (e) => (e.primary ? 0.9 : 0.88), i, i + n);
      if (/\p{Script=Cyrillic}/u.test(raw)) {
        for (let cut = 1; cut <= 5 && key.length - cut >= 4; cut++) {
          if (!SUFFIX.test(key.slice(-cut))) continue;
          add(ix.byKey.get(key.slice(0, -cut)), 'inflected', (e) => (e.primary ? 0.85 : 0.83), i, i + n);
        }
        for (let cut = 1; cut <= 2 && key.length - cut >= 4; cut++) {
          if (!STEM_SUFFIX.test(key.slice(-cut))) continue;
          add(ix.byStem.get(key.slice(0, -cut)), 'inflected', (e) => (e.primary ? 0.85 : 0.83), i, i + n);
        }
      } else if (n === 1) {
        // Kazakh in Latin letters declines the same way: Almatyda, Janaozende, Aktauga.
        for (let cut = 2; cut <= 5 && key.length - cut >= 4; cut++) {
          if (!LATIN_KAZAKH_SUFFIX.test(key.slice(-cut))) continue;
          add(ix.byKey.get(key.slice(0, -cut)), 'inflected', (e) => (e.primary ? 0.85 : 0.83), i, i + n);
        }
      }
      if (loose.prefix && key.length >= 4 && i + n === tokens.length) {
        // Someone typing: the text ends with the start of a longer name.
        let lo = 0;
        let hi = ix.keys.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (ix.keys[mid]! < key) lo = mid + 1;
          else hi = mid;
        }
        for (let k = lo; k < ix.keys.length && ix.keys[k]!.startsWith(key); k++) {
          const full = ix.keys[k]!;
          if (full === key) continue;
          add(ix.byKey.get(full), 'prefix', () => 0.55 + 0.3 * (key.length / full.length), i, i + n);
        }
      }
      const forgiven = loose.fuzzy === 'any' || (n === 1 && key.length >= 6 && /^\p{Lu}/u.test(raw));
      if (!exact && forgiven && n <= 3 && key.length >= 5) {
        let near = nearCache.get(key);
        if (!near) {
          near = [];
          const max = key.length >= 8 ? 2 : 1;
          for (let len = Math.max(5, key.length - max); len <= key.length + max; len++) {
            for (const full of (loose.guarded ? ix.byLengthInText : ix.byLength).get(len) ?? []) {
              const d = editDistance(key, full, max);
              if (d <= max) near.push([full, d]);
            }
          }
          nearCache.set(key, near);
        }
        for (const [full, d] of near) add(ix.byKey.get(full), 'fuzzy', () => 0.6 - 0.1 * d, i, i + n);
      }
    }
  }
  return matches;
}

function isStrong(m: Match): boolean {
  return m.strength !== 'prefix' && !m.subsumed && !m.entry.generic;
}

function ancestorIds(place: Place, ix: Index): string[] {
  const out: string[] = [];
  let id = place.parent;
  while (id && out.length < 8) {
    out.push(id);
    id = ix.byId.get(id)?.parent;
  }
  return out;
}

export function isValidOn(place: Place, date: string): boolean {
  const d = date.slice(0, 10);
  return (!place.validFrom || place.validFrom <= d) && (!place.validTo || d <= place.validTo);
}

function kindMatches(place: Place, kinds: readonly PlaceKind[] | undefined): boolean {
  if (!kinds || kinds.length === 0) return true;
  if (kinds.includes(place.kind)) return true;
  return kinds.includes('city') && CITY_REGION_IDS.includes(place.id);
}

const KIND_ORDER: Readonly<Record<PlaceKind, number>> = { country: 0, region: 1, city: 2, town: 3, district: 4, landmark: 5 };

/**
 * Ranked places named in `text`. Exact names beat Russian/Kazakh inflected forms, which beat
 * prefixes, which beat near misses; a place inside another place the text also names (a
 * square "in Almaty", a town "in Mangystau") gains, so the most specific consistent reading
 * comes first; a name swallowed by a longer one ("Shevchenko" in "Fort-Shevchenko") loses.
 */
export function resolvePlace(text: string, opts: ResolveOptions = {}): PlaceCandidate[] {
  const ix = index();
  const kept = rankedMatches(text, ix, PLACE_FIELD);
  const strong = kept.filter(isStrong);
  const namedApart = (id: string, m: Match) => strong.some((o) => o.entry.place.id === id && (o.to <= m.from || o.from >= m.to));

  const best = new Map<string, PlaceCandidate>();
  for (const m of kept) {
    const place = m.entry.place;
    const ancestors = ancestorIds(place, ix);
    if (m.entry.generic && !(place.parent && namedApart(place.parent, m))) continue;
    let score = m.score;
    if (ancestors.some((id) => namedApart(id, m))) score += 0.1;
    score = Math.min(1, Math.round(score * 1000) / 1000);
    const prev = best.get(place.id);
    if (!prev || score > prev.score) best.set(place.id, { place, score, matched: m.entry.name });
  }
  const { date, kinds, limit = 10 } = opts;
  return [...best.values()]
    .filter((c) => kindMatches(c.place, kinds) && (!date || isValidOn(c.place, date)))
    .sort((a, b) => b.score - a.score || KIND_ORDER[a.place.kind] - KIND_ORDER[b.place.kind] || a.place.id.localeCompare(b.place.id))
    .slice(0, Math.max(0, limit));
}

/** A place named somewhere in a report, with where. */
export interface PlaceMention {
  place: Place;
  /** UTF-16 offsets of the words that named it. */
  start: number;
  end: number;
  /** Spelled as in the gazetteer, declined, or one letter off in a capitalised word. */
  strength: 'exact' | 'inflected' | 'fuzzy';
  /** The gazetteer name, variant or generic term that matched. */
  matched: string;
  /** A bare word ("the akimat") standing for the landmark of a city named elsewhere in the text. */
  generic: boolean;
  /** 0..1, as resolvePlace scores; a place inside another the text names gains. */
  score: number;
}

/**
 * Every place a whole report names, in the order written, read strictly (see WHOLE_TEXT): the
 * same place may appear more than once. Which one is where the event happened is for the
 * reader of the report to decide (core/reading/places.ts); this only finds them.
 */
export function placeMentions(text: string, date: string = DEFAULT_DATE): PlaceMention[] {
  const ix = index();
  const strong = rankedMatches(text, ix, WHOLE_TEXT).filter((m) => !m.subsumed && m.strength !== 'prefix');
  const named = (id: string, m: Match) =>
    strong.some((o) => !o.entry.generic && o.entry.place.id === id && (o.to <= m.from || o.from >= m.to));
  const out: PlaceMention[] = [];
  for (const m of strong) {
    const place = m.entry.place;
    if (!isValidOn(place, date)) continue;
    // Small towns share their names with words (Есік "door", Алға "forward", Шу "noise"): in
    // running text a town's name is only one written with a capital.
    if (place.kind === 'town' && m.to - m.from === 1 && !/^\p{Lu}/u.test(text.slice(m.start, m.end))) continue;
    if (m.entry.generic && !(place.parent && named(place.parent, m))) continue;
    // Being in a region the text names counts; being in the country every place is in does not.
    const within = ancestorIds(place, ix).some((id) => ix.byId.get(id)?.kind !== 'country' && named(id, m));
    const score = m.score + (within ? 0.1 : 0);
    const strength = m.strength as PlaceMention['strength'];
    out.push({ place, start: m.start, end: m.end, strength, matched: m.entry.name, generic: m.entry.generic, score: Math.min(1, score) });
  }
  // One reading of each stretch of words: a near miss gives way to any name spelled out over the
  // same words, a GeoNames town to a hand-written place (Aqmol declined is Ақмола), and a place
  // named by a longer stretch needs no second mention inside it.
  const overlap = (a: PlaceMention, b: PlaceMention) => a.start < b.end && b.start < a.end;
  const longer = (a: PlaceMention, b: PlaceMention) => a.end - a.start > b.end - b.start;
  const written = (m: PlaceMention) => !ix.fromGeoNames.has(m.place);
  const kept = out.filter(
    (m) =>
      !out.some(
        (o) =>
          o !== m &&
          overlap(o, m) &&
          ((m.strength === 'fuzzy' && o.strength !== 'fuzzy') ||
            (!written(m) && written(o)) ||
            (o.place === m.place && (longer(o, m) || (!longer(m, o) && o.score > m.score)))),
      ),
  );
  kept.sort((a, b) => a.start - b.start || b.score - a.score);
  return kept.filter((m, i) => !kept.slice(0, i).some((o) => o.place === m.place && o.start === m.start && o.end === m.end));
}

/** The matches of a text, those swallowed by a longer name marked and near misses dropped. */
function rankedMatches(text: string, ix: Index, loose: Looseness): Match[] {
  const matches = collectMatches(text, ix, loose);
  for (const m of matches) {
    const swallowed = matches.some(
      (o) =>
        (o.strength === 'exact' || o.strength === 'inflected') &&
        !o.entry.generic &&
        o.entry.place !== m.entry.place &&
        o.from <= m.from &&
        o.to >= m.to &&
        o.to - o.from > m.to - m.from,
    );
    if (swallowed) {
      m.subsumed = true;
      m.score *= 0.8;
    }
  }
  // A prefix inside a longer name the text spells out in full is only noise.
  return matches.filter((m) => !(m.subsumed && m.strength === 'prefix'));
}

export function getPlace(id: string): Place | undefined {
  return index().byId.get(id);
}

export function placeName(place: Place, lang: 'en' | 'ru' | 'kk'): string {
  return place.names[lang];
}

/** The admin1 unit: a region, or the place itself for a region or city of republican significance. */
export function admin1Of(place: Place): Place | undefined {
  const ix = index();
  let p: Place | undefined = place;
  for (let depth = 0; p && depth < 8; depth++) {
    if (p.kind === 'region') return p;
    if (p.kind === 'country' || !p.parent) return undefined;
    p = ix.byId.get(p.parent);
  }
  return undefined;
}

/** The ids of a region and of every place in it: what "reports from this region" matches. */
export function placesIn(regionId: string): string[] {
  return [...index().byId.values()].filter((p) => admin1Of(p)?.id === regionId).map((p) => p.id);
}

export function countryOf(place: Place): Place | undefined {
  return index().countries.get(place.country);
}

/** Admin1 units of a country valid on `date` (the regions and cities of republican significance). */
export function regionsOf(countryIso3: string, date: string = DEFAULT_DATE): Place[] {
  const ix = index();
  const country = ix.countries.get(countryIso3);
  if (!country) return [];
  return PLACES.filter((p) => p.kind === 'region' && p.country === countryIso3 && p.parent === country.id && isValidOn(p, date));
}
