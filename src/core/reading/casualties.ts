/**
 * How many were killed and injured, as the report tells it: "8 killed", "более 200 человек
 * погибли", "убиты двое", "ондаған адам қаза тапты", "100-ден астам адам жараланды", "видел 3
 * тела", "жертв нет". A count belongs to a casualty word only when it stands next to it, with
 * nothing between but the people it counts ("трое полицейских погибли", "8 police and national
 * guard servicemen killed", "dozens of "attackers" were killed") or an auxiliary ("were", "было");
 * so "200 people gathered", "2000 протестующих", "5 января", "14:30", phone numbers and house
 * numbers are not casualties. A count before the word is preferred ("8 погибших"), then one after
 * it ("погибли 8 человек"); each count serves one word. Counts joined by "и"/"and" are added up:
 * "2 полицейских и 5 протестующих погибли" is 7. Officials' words for killing ("ликвидированы",
 * "eliminated", "жойылды") count as killed, but only a count of people ("уничтожены 30 машин" is
 * no casualty).
 *
 * With no count, one named victim is 1: a singular noun with, in Russian, a singular verb
 * ("водитель погиб", "погиб мой брат"), in English a singular auxiliary or a headline ("a police
 * officer was killed", "Soldier killed in Almaty"), or the object of a killing ("застрелили
 * водителя"). Pronouns ("он погиб") and "человек"/"адам", which also follow numerals, are not
 * read. Plural people with no count ("погибли люди", "people were killed", "адамдар қаза тапты")
 * read as "several", 3; a bare noun ("есть погибшие") keeps no figure.
 *
 * The range: "at least", "более", "кемінде", "-ден астам" give a minimum; "up to", "до",
 * "почти", "-ге жуық" a maximum; "8-10", "8 or 10", "от 8 до 10" both; "about", "около",
 * "шамамен" keep the figure as both, the wording telling the rest. Vague words take their count from `conservativeFatalities`
 * (ACLED's tens 10, dozens 12, hundreds 100, several 3) and, for words it does not know, from
 * `VAGUE_WORDS` below. None were: "жертв нет", "ни погибших, ни раненых нет", "погибших и
 * раненых нет", "қаза тапқан да, жараланған да жоқ", "қаза таппады". The ACLED figure is always
 * `conservativeFatalities` of the reading. When a report gives several figures for one side, the
 * first with a count is taken (a figure before one read from the words) and the others are
 * listed as evidence.
 */
import { conservativeFatalities } from '../fatalities.ts';
import { type Evidence, confidence, spanEvidence } from './evidence.ts';
import { foldLetters } from './letters.ts';
import {
  type Side,
  type HeadKind,
  HEADS,
  VAGUE_WORDS,
  KAZAKH_VAGUE,
  OTHER_NUMBERS,
  KAZAKH_NUMBERS,
  AT_LEAST_BEFORE,
  AT_MOST_BEFORE,
  ABOUT_BEFORE,
  RANGE_BEFORE,
  ABLATIVE,
  DATIVE,
  MORE_THAN_AFTER,
  NEARLY_AFTER,
  ABOUT_AFTER,
  isNotACount,
  ADDRESS_BEFORE,
  PEOPLE,
  KAZAKH_PEOPLE,
  CONNECTOR,
  QUOTES,
  ONE_PERSON,
  MANY_PEOPLE,
  ONE_VERB,
  MANY_VERB,
  KILLED_ACTIVE,
  DETERMINER,
  PLACE_AFTER,
  ONE_AUX,
  MANY_AUX,
  FILLER,
  TOLL_VERB,
  DENIAL_ZERO,
  DENIAL,
  DENIAL_AFTER,
  ALSO,
  DASHES,
} from './casualty-words.ts';

export interface CountReading {
  min?: number;
  max?: number;
  /** The words as written: "десятки погибших", "at least 8 dead". */
  wording: string;
  evidence: Evidence[];
}

export interface CasualtySuggestion {
  killed?: CountReading & { acled: number };
  injured?: CountReading;
  confidence: number;
}

interface Unit {
  kind: 'count' | 'word' | 'punct' | 'other';
  start: number;
  end: number;
  word: string;
  min?: number;
  max?: number;
  vague?: boolean;
  /** A Kazakh numeral or vague word: a count only for Kazakh words. */
  kazakh?: boolean;
  /** After a capitalised word: perhaps a house number ("Абая 150"). */
  addressLike?: boolean;
  claimed?: boolean;
  /** The counts a sum was made of ("2 полицейских и 5 протестующих"). */
  parts?: Unit[];
}

const TOKEN = /\n|\d+|\p{L}+(?:['’]\p{L}+)?|[^\s\p{L}\p{N}]/gu;

interface Token {
  t: string;
  start: number;
  end: number;
  digits: boolean;
}

function tokensOf(folded: string): Token[] {
  return [...folded.matchAll(TOKEN)].map((m) => ({ t: m[0], start: m.index, end: m.index + m[0].length, digits: /^\d/u.test(m[0]) }));
}

/** The count a number word or vague word stands for, if it is one. */
function wordCount(w: string, prev: string | undefined): { value: number; kazakh: boolean; vague: boolean } | undefined {
  if (w === 'one' && prev === 'no') return undefined;
  const other = OTHER_NUMBERS.get(w);
  if (other !== undefined) return { value: other, kazakh: false, vague: false };
  const kazakh = KAZAKH_NUMBERS.get(w);
  if (kazakh !== undefined) return { value: kazakh, kazakh: true, vague: false };
  const known = conservativeFatalities({ wording: w === 'few' && prev === 'a' ? 'a few' : w });
  if (known > 0) return { value: known, kazakh: false, vague: true };
  const vague = VAGUE_WORDS.get(w);
  if (vague !== undefined) return { value: vague, kazakh: KAZAKH_VAGUE.has(w), vague: true };
  return undefined;
}

/** Tokens grouped into counts (with their qualifiers), words and punctuation. */
function unitsOf(text: string, folded: string): Unit[] {
  const tokens = tokensOf(folded);
  const units: Unit[] = [];
  const gap = (a: Token, b: Token) => folded.slice(a.end, b.start);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const prev = tokens[i - 1];
    let unit: Unit | undefined;
    let last = i;
    if (tok.digits) {
      // A run of numbers: "2 000" and "4,000" are one, "8 701 123 45 67" is a phone, "05.01.2022" a date.
      for (;;) {
        const [sep, group] = [tokens[last + 1], tokens[last + 2]];
        if (sep?.digits && /^[ \u00a0]+$/u.test(gap(tokens[last]!, sep))) last++;
        else if (sep && /^[,.]$/u.test(sep.t) && group?.digits && group.t.length === 3 && !gap(tokens[last]!, sep) && !gap(sep, group)) {
          last += 2;
        } else break;
      }
      const run = tokens.slice(i, last + 1).filter((r) => r.digits);
      const grouped = run.length === 1 || (run[0]!.t.length <= 3 && run.slice(1).every((r) => r.t.length === 3));
      const digits = run.map((r) => r.t).join('');
      const before = prev?.t;
      const next = tokens[last + 1];
      const afterNext = tokens[last + 2];
      const joinedToNumber =
        (before && /^[+#№]$/u.test(before)) ||
        (before && /^[:./]$/u.test(before) && tokens[i - 2]?.digits && !gap(tokens[i - 2]!, prev!) && !gap(prev!, tok)) ||
        (next && /^[:./]$/u.test(next.t) && gap(tokens[last]!, next) === '' && afterNext?.digits);
      unit = { kind: 'count', start: tok.start, end: run.at(-1)!.end, word: digits, min: Number(digits), max: Number(digits) };
      if (!grouped || digits.length > 7 || joinedToNumber || (prev && ADDRESS_BEFORE.test(prev.t))) unit.kind = 'other';
      else {
        const n = Number(digits);
        const glued = next && gap(tokens[last]!, next) === '' ? next : undefined;
        const suffix = glued?.t === '-' && tokens[last + 2] && gap(next!, tokens[last + 2]!) === '' ? tokens[last + 2] : glued;
        if (suffix && !suffix.digits && /^\p{L}/u.test(suffix.t)) {
          const k = tokens.indexOf(suffix);
          const word = tokens[k + 1]?.t ?? '';
          if (ABLATIVE.test(suffix.t) && MORE_THAN_AFTER.test(word)) Object.assign(unit, { max: undefined, end: tokens[k + 1]!.end });
          else if (DATIVE.test(suffix.t) && NEARLY_AFTER.test(word)) Object.assign(unit, { min: undefined, end: tokens[k + 1]!.end });
          else unit.kind = 'other';
          last = unit.kind === 'other' ? last : k + 1;
        } else if (next && /^[-–—]$/u.test(next.t) && afterNext?.digits && tokens[last + 3]?.t === next.t && tokens[last + 4]?.digits) {
          // "123-45-67", "05-01-2022": a phone number or a date.
          while (tokens[last + 1]?.t === next.t && tokens[last + 2]?.digits) last += 2;
          unit.kind = 'other';
        } else if (
          next &&
          afterNext?.digits &&
          ((/^[-–—]$/u.test(next.t) && !tokens[last + 3]?.t.startsWith(':')) ||
            /^(?:to|или|or)$/u.test(next.t) ||
            (/^(?:до|and|и)$/u.test(next.t) && RANGE_BEFORE.test(folded.slice(0, tok.start))))
        ) {
          // "8-10", "8 or 10", "от 8 до 10"; "5-6 января" is a date.
          Object.assign(unit, { max: Number(afterNext.t), end: afterNext.end });
          last += 2;
          if (isNotACount(tokens[last + 1])) unit.kind = 'other';
        } else if (isNotACount(next)) unit.kind = 'other';
        else if (next?.t === '+' || (next?.t === 'or' && tokens[last + 2]?.t === 'more')) {
          Object.assign(unit, { max: undefined, end: next.t === '+' ? next.end : tokens[last + 2]!.end });
          last += next.t === '+' ? 1 : 2;
        } else if (next && ABOUT_AFTER.test(next.t)) {
          unit.end = next.end;
          last += 1;
        }
        if (unit.kind === 'count' && unit.max === n && unit.min === n) qualify(unit, folded, n);
        else if (unit.kind === 'count' && unit.max !== undefined && unit.min !== undefined) widenToRangeStart(unit, folded);
        if (
          prev &&
          /^\p{Lu}/u.test(text.slice(prev.start, prev.end)) &&
          !/[.!?\n]\s*$/u.test(folded.slice(0, prev.start)) &&
          prev.start > 0
        ) {
          unit.addressLike = true;
        }
      }
    } else if (/^\p{L}/u.test(tok.t)) {
      const counted = wordCount(tok.t, prev?.t);
      if (counted) {
        let value = counted.value;
        // "twenty-five", "двадцать пять", "жиырма бес"
        const table = counted.kazakh ? KAZAKH_NUMBERS : OTHER_NUMBERS;
        const nextWord = tokens[i + 1]?.t === '-' ? tokens[i + 2] : tokens[i + 1];
        const unitValue = nextWord ? table.get(nextWord.t) : undefined;
        if (!counted.vague && value >= 10 && value < 100 && value % 10 === 0 && unitValue !== undefined && unitValue < 10) {
          value += unitValue;
          last = tokens.indexOf(nextWord!);
        }
        const start = prev?.t === 'a' && (tok.t === 'dozen' || tok.t === 'few' || tok.t === 'hundred') ? prev.start : tok.start;
        unit = { kind: 'count', start, end: tokens[last]!.end, word: tok.t, min: value, kazakh: counted.kazakh };
        if (counted.vague) unit.vague = true;
        else {
          unit.max = value;
          qualify(unit, folded, value);
        }
      } else unit = { kind: 'word', start: tok.start, end: tok.end, word: tok.t };
    } else unit = { kind: 'punct', start: tok.start, end: tok.end, word: tok.t };
    // A qualifier read into a count takes the place of the words it was made of.
    while (units.length > 0 && units.at(-1)!.start >= unit.start) units.pop();
    units.push(unit);
    i = last;
  }
  return units;
}

/** Reads "at least", "up to", "about" before a single figure into its range and its span. */
function qualify(unit: Unit, folded: string, n: number): void {
  const before = folded.slice(Math.max(0, unit.start - 30), unit.start);
  const m = AT_LEAST_BEFORE.exec(before) ?? AT_MOST_BEFORE.exec(before) ?? ABOUT_BEFORE.exec(before);
  if (!m) return;
  if (AT_LEAST_BEFORE.test(before)) unit.max = undefined;
  else if (AT_MOST_BEFORE.test(before)) unit.min = undefined;
  else unit.min = unit.max = n;
  unit.start -= before.length - m.index;
}

function widenToRangeStart(unit: Unit, folded: string): void {
  const before = folded.slice(Math.max(0, unit.start - 12), unit.start);
  const m = RANGE_BEFORE.exec(before);
  if (m) unit.start -= before.length - m.index;
}

interface Found {
  head: HeadKind;
  first: number;
  last: number;
}

function headsIn(folded: string, units: readonly Unit[]): Found[] {
  const spans: Array<{ head: HeadKind; start: number; end: number }> = [];
  for (const h of HEADS) for (const m of folded.matchAll(h.pattern)) spans.push({ head: h, start: m.index, end: m.index + m[0].length });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const found: Found[] = [];
  let reached = -1;
  for (const s of spans) {
    if (s.start < reached) continue;
    const first = units.findIndex((u) => u.end > s.start);
    let last = first;
    while (units[last + 1] && units[last + 1]!.start < s.end) last++;
    if (first >= 0 && units[first]!.kind === 'word') found.push({ head: s.head, first, last });
    reached = s.end;
  }
  return found;
}

interface Denial {
  /** `zero`: none were ("жертв нет"); `denied`: this one was not ("not killed"). */
  kind: 'zero' | 'denied';
  /** The units from the denial to the word, for the wording. */
  first: number;
  last: number;
}

/** "no casualties", "жертв нет", "никто не погиб", "қаза тапқан да, жараланған да жоқ"; or only "not killed". */
function denialOf(units: readonly Unit[], f: Found, headUnits: ReadonlySet<number>): Denial | undefined {
  let denied: Denial | undefined;
  for (let j = f.first - 1, seen = 0; j >= 0 && seen < 3; j--) {
    const u = units[j]!;
    if (u.kind === 'count' && u.min === 1 && wordAt(units, j - 1) === 'ни') return { kind: 'zero', first: j - 1, last: f.last };
    if (u.kind !== 'word') break;
    if (DENIAL_ZERO.test(u.word)) return { kind: 'zero', first: j, last: f.last };
    if (DENIAL.test(u.word)) denied = { kind: 'denied', first: j, last: f.last };
    seen++;
  }
  // "погибших и раненых нет", "қаза тапқан да, жараланған да жоқ": the denial closes a list of heads.
  const listed = units[f.last + 1]?.kind === 'word' && (CONNECTOR.test(units[f.last + 1]!.word) || ALSO.test(units[f.last + 1]!.word));
  for (let j = f.last + 1; j < units.length && j <= f.last + (listed ? 8 : 2); j++) {
    const u = units[j]!;
    if (u.kind === 'punct' && listed && u.word === ',') continue;
    if (u.kind !== 'word') break;
    if (DENIAL_AFTER.test(u.word)) return { kind: 'zero', first: denied?.first ?? f.first, last: j };
    if (u.word === 'емес') return { kind: 'denied', first: f.first, last: j };
    if (listed && !(headUnits.has(j) || CONNECTOR.test(u.word) || ALSO.test(u.word) || PEOPLE.test(u.word))) break;
  }
  return denied;
}

const wordAt = (units: readonly Unit[], j: number): string => (units[j]?.kind === 'word' ? units[j]!.word : '');

/** A count and, before it, others joined to it: "2 полицейских и 5 протестующих" is 7. */
function withEarlierCounts(units: readonly Unit[], j: number, count: Unit): Unit {
  let k = j - 1;
  if (!(units[k]?.kind === 'word' && CONNECTOR.test(units[k]!.word) && PEOPLE.test(units[k - 1]?.word ?? ''))) return count;
  for (k -= 1; k >= 0 && units[k]!.kind === 'word' && PEOPLE.test(units[k]!.word); k--);
  const earlier = units[k];
  if (earlier?.kind !== 'count' || earlier.claimed || earlier.vague !== count.vague) return count;
  const sum = (a?: number, b?: number) => (a === undefined || b === undefined ? undefined : a + b);
  return { ...count, start: earlier.start, min: sum(earlier.min, count.min), max: sum(earlier.max, count.max), parts: [earlier, count] };
}

function countBefore(units: readonly Unit[], f: Found): Unit | undefined {
  let steps = 0;
  let people = false;
  let kazakhPeople = false;
  let adjective = false;
  for (let j = f.first - 1; j >= 0 && steps <= 6; j--) {
    const u = units[j]!;
    if (u.kind === 'punct') {
      if (DASHES.has(u.word) || QUOTES.has(u.word)) continue;
      return undefined;
    }
    if (u.kind === 'count') {
      if (u.claimed || (u.kazakh && !f.head.kazakh && !kazakhPeople) || (f.head.needsPeople && !people)) return undefined;
      return withEarlierCounts(units, j, u);
    }
    if (u.kind === 'other') return undefined;
    if (PEOPLE.test(u.word)) {
      people = true;
      kazakhPeople ||= KAZAKH_PEOPLE.test(u.word);
    } else if (people && CONNECTOR.test(u.word) && PEOPLE.test(units[j - 1]?.word ?? '')) {
      adjective = false; // "police and national guard servicemen": one more group of people
    } else if (FILLER.test(u.word)) {
      // an auxiliary between the people and the word
    } else if (people && !adjective) adjective = true;
    else return undefined;
    steps++;
  }
  return undefined;
}

function countAfter(units: readonly Unit[], f: Found, headStarts: ReadonlySet<number>): Unit | undefined {
  let steps = 0;
  for (let j = f.last + 1; j < units.length && steps <= 3; j++) {
    const u = units[j]!;
    if (u.kind === 'punct') {
      if (DASHES.has(u.word)) continue;
      return undefined;
    }
    if (u.kind === 'count') {
      if (u.claimed || (u.kazakh && !f.head.kazakh)) return undefined;
      if (f.head.needsPeople && ![1, 2].some((d) => PEOPLE.test(wordAt(units, j + d)))) return undefined;
      // "есть погибшие 8 раненых": the 8 is the next word's.
      for (let k = j + 1; k < units.length && k <= j + 3; k++) {
        if (headStarts.has(k)) return undefined;
        if (units[k]!.kind !== 'word' || !(PEOPLE.test(units[k]!.word) || FILLER.test(units[k]!.word))) break;
      }
      return u;
    }
    if (u.kind === 'other' || !(FILLER.test(u.word) || TOLL_VERB.test(u.word) || PEOPLE.test(u.word))) return undefined;
    steps++;
  }
  return undefined;
}

/** The units of one named victim with no count (see the top of the file), if the words say one person. */
function oneVictim(units: readonly Unit[], f: Found): { first: number; last: number } | undefined {
  const verb = units
    .slice(f.first, f.last + 1)
    .map((u) => u.word)
    .join(' ');
  if (MANY_VERB.test(verb)) return undefined;
  // "брат и друг", "інім, ағам": more than one
  const joined = (j: number) => CONNECTOR.test(wordAt(units, j)) || (units[j]?.word === ',' && ONE_PERSON.test(wordAt(units, j - 1)));
  let j = f.first - 1;
  let aux = false;
  while (ONE_AUX.test(wordAt(units, j)) || MANY_AUX.test(wordAt(units, j))) {
    if (MANY_AUX.test(wordAt(units, j))) return undefined;
    aux = true;
    j--;
  }
  const russian = /[а-я]/u.test(verb) && !f.head.kazakh;
  const passive = /^(?:killed|murdered|shot dead)$/u.test(verb); // "a man killed ..." is the killer
  const headline =
    passive && (units[f.last + 1] === undefined || units[f.last + 1]!.kind === 'punct' || PLACE_AFTER.test(wordAt(units, f.last + 1)));
  // "водитель такси погиб"
  if (russian && ONE_VERB.test(verb) && !ONE_PERSON.test(wordAt(units, j)) && ONE_PERSON.test(wordAt(units, j - 1))) j--;
  if (ONE_PERSON.test(wordAt(units, j)) && (russian ? ONE_VERB.test(verb) || aux : aux || headline || !passive)) {
    let first = j;
    if (DETERMINER.test(wordAt(units, j - 1))) first = j - 1;
    else if (units[j - 1]?.kind === 'word' && DETERMINER.test(wordAt(units, j - 2))) first = j - 2; // "a police officer"
    if (!joined(first - 1) && units[first - 1]?.kind !== 'count') return { first, last: f.last };
  }
  let k = f.last + 1;
  if (DETERMINER.test(wordAt(units, k))) k++;
  const after = wordAt(units, k);
  const object = KILLED_ACTIVE.test(verb) && !aux && ONE_PERSON.test(after);
  const inverted = russian && ONE_VERB.test(verb) && ONE_PERSON.test(after);
  if ((object || inverted) && !joined(k + 1)) return { first: f.first, last: k };
  return undefined;
}

/** The units of people killed or hurt with no count and a plural noun: "погибли люди", "people were killed". */
function manyVictims(units: readonly Unit[], f: Found): { first: number; last: number } | undefined {
  let j = f.first - 1;
  while (FILLER.test(wordAt(units, j))) j--;
  if (MANY_PEOPLE.test(wordAt(units, j)) && units[j - 1]?.kind !== 'count') return { first: j, last: f.last };
  if (MANY_PEOPLE.test(wordAt(units, f.last + 1))) return { first: f.first, last: f.last + 1 };
  return undefined;
}

interface SideReading {
  reading: CountReading;
  strength: number;
  counted: boolean;
  zero: boolean;
  /** Read from the words, not a figure: one named victim, or "several". */
  inferred?: boolean;
}

function readingOf(text: string, units: readonly Unit[], f: Found, count: Unit | undefined, zero: boolean): SideReading {
  const from = Math.min(units[f.first]!.start, count?.start ?? Number.POSITIVE_INFINITY);
  const to = Math.max(units[f.last]!.end, count?.end ?? 0);
  const reading: CountReading = { wording: text.slice(from, to), evidence: [spanEvidence(text, from, to)] };
  let strength = 0.35;
  if (zero) {
    reading.min = reading.max = 0;
    strength = 0.75;
  } else if (count) {
    if (count.vague) reading.min = count.min;
    else {
      if (count.min !== undefined) reading.min = count.min;
      if (count.max !== undefined) reading.max = count.max;
    }
    strength = count.vague ? 0.65 : count.min === count.max ? 0.85 : 0.8;
  }
  return { reading, strength, counted: count !== undefined, zero };
}

/** Who was killed and injured as the report tells it, or nothing when it tells of neither. */
export function readCasualties(text: string): CasualtySuggestion | undefined {
  const folded = foldLetters(text);
  const units = unitsOf(text, folded);
  const found = headsIn(folded, units);
  if (found.length === 0) return undefined;
  const headStarts = new Set(found.map((f) => f.first));
  const headUnits = new Set(found.flatMap((f) => Array.from({ length: f.last - f.first + 1 }, (_, i) => f.first + i)));
  const bySide: Record<Side, SideReading[]> = { killed: [], injured: [] };

  for (const f of found) {
    const denial = f.head.none ? { kind: 'zero' as const, first: f.first, last: f.last } : denialOf(units, f, headUnits);
    if (denial?.kind === 'denied') continue;
    if (denial?.kind === 'zero') {
      bySide[f.head.side].push(readingOf(text, units, { ...f, first: denial.first, last: denial.last }, undefined, true));
      continue;
    }
    if (f.head.zeroOnly) continue;
    const before = countBefore(units, f);
    const after = before && !before.addressLike ? undefined : countAfter(units, f, headStarts);
    const count = after ?? before;
    if (count) for (const c of [count, ...(count.parts ?? [])]) c.claimed = true;
    // One named victim reads as 1; people with no count as "several", 3 as in `conservativeFatalities`.
    const one = count ? undefined : oneVictim(units, f);
    const many = count || one ? undefined : manyVictims(units, f);
    if (one || many) {
      const read = readingOf(text, units, { ...f, ...(one ?? many)! }, undefined, false);
      read.reading.min = one ? 1 : 3;
      if (one) read.reading.max = 1;
      bySide[f.head.side].push({ ...read, strength: one ? 0.7 : 0.5, counted: true, inferred: true });
      continue;
    }
    if (!count && !f.head.bare) continue;
    const read = readingOf(text, units, f, count, false);
    if (count === before && before?.addressLike) read.strength -= 0.25;
    bySide[f.head.side].push(read);
  }

  const pick = (side: Side): { reading: CountReading; strength: number } | undefined => {
    const all = bySide[side];
    const best = all.find((r) => r.counted && !r.inferred) ?? all.find((r) => r.counted) ?? all.find((r) => r.zero) ?? all[0];
    if (!best) return undefined;
    const others = all.filter((r) => r !== best);
    const disagree = others.some((r) => r.counted && (r.reading.min !== best.reading.min || r.reading.max !== best.reading.max));
    const evidence = [...best.reading.evidence, ...others.flatMap((r) => r.reading.evidence)];
    return { reading: { ...best.reading, evidence }, strength: best.strength - (disagree ? 0.15 : 0) };
  };
  const killed = pick('killed');
  const injured = pick('injured');
  if (!killed && !injured) return undefined;
  const out: CasualtySuggestion = { confidence: confidence(Math.max(killed?.strength ?? 0, injured?.strength ?? 0)) };
  if (killed) out.killed = { ...killed.reading, acled: conservativeFatalities(killed.reading) };
  if (injured) out.injured = injured.reading;
  return out;
}
