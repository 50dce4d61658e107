/**
 * Finds the words of time (time-words.ts) in a report and groups those that stand together into
 * one told time: "вчера вечером около 11", "5 қаңтар кешке", "Jan 4 around 11 pm". An hour is a
 * clock by what stands beside it ("вечера", "pm", "ч", "сағат", "-де"), so "8 killed",
 * "в 200 метрах", "5-го микрорайона" and phone numbers stay numbers. Ranges are joined
 * ("10:00–12:00", "2 қаңтардан 5 қаңтарға дейін"), hedges widen what they stand by ("около",
 * "шамамен"), and "с", "since", "-нан бері" open a time up to the report. Offsets point at what
 * the reporter wrote: the fold keeps the length.
 */
import {
  AGO,
  applyHint,
  B,
  type Clock,
  DAY_RANGE,
  type DayWord,
  E,
  ENGLISH_MONTH,
  foldForTime,
  type Hint,
  ISO_DATE,
  KAZAKH_GENITIVE,
  MIDNIGHT,
  MONTH,
  MONTH_ALONE,
  MONTH_NUM,
  monthOf,
  NIGHT_OF,
  NOON,
  NOW,
  NUM_MONTH,
  NUMERIC_DATE,
  ORDINAL,
  PARTS,
  PHONE,
  RELATIVE_DAYS,
  type TimeGroup,
  type TimePiece,
  type TodWord,
  WEEKDAYS,
  words,
  YEAR,
  YEAR_AFTER,
  ZONES,
} from './time-words.ts';

/** Words a day/month written with a slash may follow; after other words "Абая 10/1" is an address. */
const SLASH_DATE_AFTER_WORD = /^(?:в|во|на|on|с|со|по|до|from|to|till|until|since|date|дата|числа|kuni|куни)$/u;
/** What may follow an ordinal that is a day ("7-го утром", "5го в 14:00", "the 5th."). */
const ORDINAL_FOLLOWED_BY =
  /^(?:\s*$|\s*[^\p{L}\s]|\s+(?:(?:утр|вечер|ноч|morning|evening|night|afternoon)\p{L}*|(?:днем|в|во|около|at|around|и)(?![\p{L}])))/u;
/** "5-го микрорайона", "3-го этажа": an ordinal of a noun, not a day. */
const GENITIVE_NEXT = /^\s+\p{L}*(?:[ая]|ого|его)(?![\p{L}])/u;
/** "Доброе утро", "good evening", "спокойной ночи": greetings, not times. */
const GREETING_BEFORE = /(?:добр\p{L}*|спокойн\p{L}*|good|кайырлы|[qk]a[iy]yrly)\s+$/u;
// What may stand beside a number and make it a clock.
const AMPM_AFTER = /^\s*([ap])\.?\s?m\.?(?![\p{L}])/u;
const RU_PART_AFTER = /^\s*(?:(час(?:а|ов)?)\s+)?(утра|дня|вечера|ночи)(?![\p{L}])/u;
const HOUR_WORD_AFTER =
  /^(\s*)(?:ч|час(?:а|ов)?|h|hrs?|o'?clock)\.?(?![\p{L}])(?:\s*(\d{2})(?:\s*(?:мин\p{L}*|m(?:in)?))?(?![\p{L}\p{N}]))?/u;
/** Kazakh case endings on an hour ("11-де", "10-нан", "12-ге"), the plural ones ("11-лерде") saying "about". */
const KZ_CASE_AFTER = new RegExp(
  '^-?(лер|лар|дер|дар|тер|тар|ler|lar|der|dar|ter|tar)?' +
    '(?:де|да|те|та|ден|дан|тен|тан|нен|нан|ге|га|ке|ка|не|на|de|da|te|ta|den|dan|ten|tan|nen|nan|ge|ga|ke|ka|ne|na)(?![\\p{L}])',
  'u',
);
const KZ_HINTS = '(кешки|тангы|тунги|туски|keshki|tang[yi]|tungi|tuski)';
const KZ_BEFORE = new RegExp(`(?:${KZ_HINTS}\\s+)?(?:сагат|саг\\.|sagh?at|sag\\.)\\s*$|${KZ_HINTS}\\s+$`, 'u');
const CUE_BEFORE = /(?<![\p{L}])(?:в|во|около|примерно|к|с|до|at|around|about|by|from|to|till|until|since|шамамен|shamamen)\s+$/u;
/** "часов в 11": the hour put after its word, as Russian does when it guesses. */
const INVERTED_BEFORE = /(?<![\p{L}])час(?:а|ов)?\s+в\s+$/u;
const HEDGE_BEFORE = new RegExp(
  '(?<![\\p{L}])(?:около|примерно|приблизительно|где-то|где то|ориентировочно|в районе|ближе к' +
    '|around|about|approximately|approx\\.?|roughly|circa|шамамен|shamamen)(?:\\s+(?:в|at))?\\s*$|~\\s*$',
  'u',
);
const HEDGE_AFTER = /^\s*(?:шамасында|шамасы|shamasynda|shamasy|или около того|or so|-?ish)(?![\p{L}])/u;
const COUNT_AFTER = /^\s*(?:человек|чел|людей|люди|people|persons|адам|тысяч|thousand|лет|years|жыл|км|km|%|процент|раз|times|машин|cars)/u;
const MONTH_AFTER = new RegExp(`^\\s*(?:-?го\\s+|-?е\\s+)?${MONTH}`, 'u');
const ABLATIVE_END = /(?:дан|ден|тан|тен|нан|нен|dan|den|tan|ten|nan|nen)$/u;
const DATIVE_END = /(?:ге|га|ке|ка|не|на|ge|ga|ke|ka|ne|na)$/u;
const KZ_UNTIL_AFTER = /^\s+(?:дейин|deiin|deyin)(?![\p{L}])/u;
const KZ_SINCE_AFTER = /^\s+(?:бери|бастап|beri|bastap)(?![\p{L}])/u;
const RANGE_GAP = /^\s*(?:-|по|до|to|till|until|through)\s*$/u;
const SINCE_BEFORE = /(?<![\p{L}])(?:с|со|since|from|after|после|начиная с|starting)\s+$/u;
const UNTIL_BEFORE = /(?<![\p{L}])(?:до|until|till|by|к|ко)\s+$/u;

const RU_HINT: Readonly<Record<string, Hint>> = { утра: 'morning', дня: 'afternoon', вечера: 'evening', ночи: 'night' };
const KZ_HINT = (word: string): Hint =>
  /^(?:кеш|kesh)/u.test(word) ? 'evening' : /^(?:тан|tan)/u.test(word) ? 'morning' : /^(?:тун|tun)/u.test(word) ? 'night' : 'afternoon';

const clock = (hour: number, minute: number, minutes: boolean, hinted: boolean): Clock => ({
  hour,
  minute,
  minutes,
  twelve: !hinted && !minutes && hour >= 1 && hour <= 12,
});

/** The piece a number makes if the words around it make it a clock ("в 11 вечера", "сағат 11-де", "2 pm", "14ч"). */
function clockAt(f: string, s: number, e: number, hour: number, minute: number | undefined): TimePiece | undefined {
  const before = f.slice(Math.max(0, s - 40), s);
  let start = s;
  let end = e;
  let minutes = minute !== undefined;
  let m = minute ?? 0;
  let strong = minutes;
  let approximate = false;
  let hint: Hint | undefined;
  const kz = KZ_BEFORE.exec(before);
  if (kz) {
    strong = true;
    start = s - before.length + kz.index;
    const adjective = kz[1] ?? kz[2];
    if (adjective) hint = KZ_HINT(adjective);
  }
  const inverted = INVERTED_BEFORE.exec(before);
  if (inverted) {
    strong = true;
    approximate = true;
    start = s - before.length + inverted.index;
  }
  const cue = CUE_BEFORE.test(before);
  const ampm = AMPM_AFTER.exec(f.slice(end));
  const ruPart = ampm ? null : RU_PART_AFTER.exec(f.slice(end));
  const hourWord = ampm || ruPart || minutes ? null : HOUR_WORD_AFTER.exec(f.slice(end));
  if (ampm) {
    hint = ampm[1] === 'a' ? 'am' : 'pm';
    end += ampm[0].length;
    strong = true;
  } else if (ruPart?.[2] && (ruPart[1] || cue || strong || ruPart[2] === 'утра' || ruPart[2] === 'вечера')) {
    hint = RU_HINT[ruPart[2]];
    end += ruPart[0].length;
    strong = true;
  } else if (hourWord && (hourWord[1] === '' || cue || strong || hourWord[0].includes('clock'))) {
    end += hourWord[0].length;
    strong = true;
    if (hourWord[2]) [m, minutes] = [Number(hourWord[2]), true];
  }
  const kzCase = KZ_CASE_AFTER.exec(f.slice(end));
  if (kzCase && (strong || kz)) {
    end += kzCase[0].length;
    if (kzCase[1]) approximate = true;
  }
  const weak = !strong && cue && !minutes;
  if (!strong && !weak) return undefined;
  const h = hint ? applyHint(hour, hint) : hour;
  if (h === undefined || h > 23 || m > 59) return undefined;
  return { start, end, tod: { kind: 'clock', clock: clock(h, m, minutes, hint !== undefined) }, approximate, weak };
}

/** Finds pieces left to right through the text, each character in at most one. */
class Scan {
  readonly pieces: TimePiece[] = [];
  private readonly taken: Uint8Array;
  constructor(
    readonly f: string,
    readonly text: string,
  ) {
    this.taken = new Uint8Array(f.length);
  }
  mask(start: number, end: number): void {
    this.taken.fill(1, start, end);
  }
  free(start: number, end: number): boolean {
    return !this.taken.subarray(start, end).some((t) => t === 1);
  }
  each(re: RegExp, make: (m: RegExpExecArray, start: number, end: number) => TimePiece | undefined): void {
    re.lastIndex = 0;
    for (let m = re.exec(this.f); m; m = re.exec(this.f)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!this.free(start, end)) continue;
      const p = make(m, start, end);
      if (p && this.free(p.start, p.end)) {
        this.mask(p.start, p.end);
        this.pieces.push(p);
      }
    }
  }
}

const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));
const fullYear = (s: string | undefined) => (s === undefined ? undefined : s.length === 2 ? 2000 + Number(s) : Number(s));
const date = (month: number | undefined, day: number, year?: number): DayWord | undefined =>
  month && day >= 1 && day <= 31 ? { kind: 'date', month, day, ...(year ? { year } : {}) } : undefined;

function findDays(scan: Scan): void {
  scan.each(ISO_DATE, (m, start, end) => {
    const day = date(Number(m[2]), Number(m[3]), Number(m[1]));
    if (!day || Number(m[2]) > 12) return undefined;
    const tod: TodWord | undefined = m[4] ? { kind: 'clock', clock: clock(Number(m[4]), Number(m[5]), true, true) } : undefined;
    return { start, end, day, ...(tod ? { tod } : {}) };
  });
  scan.each(NIGHT_OF, (m, start, end) => {
    const d = Number(m[1]);
    const day = m[2] ? date(monthOf(m[2]), d) : { kind: 'ordinal' as const, day: d };
    return day ? { start, end, day, tod: { kind: 'part', part: 'last_night' } } : undefined;
  });
  scan.each(DAY_RANGE, (m, start, end) => {
    const month = monthOf(m[3] ?? '');
    const year = num(m[4]);
    const from = date(month, Number(m[1]), year);
    const to = date(month, Number(m[2]), year);
    return from && to ? { start, end, day: from, dayTo: to } : undefined;
  });
  scan.each(NUM_MONTH, (m, start, end) => {
    const day = date(monthOf(m[3] ?? ''), Number(m[2]), num(m[1] ?? m[4]));
    return day ? { start, end, day } : undefined;
  });
  scan.each(MONTH_NUM, (m, start, end) => {
    const word = m[1] ?? '';
    const english = ENGLISH_MONTH.test(word) && (word !== 'may' || scan.text[start] === 'M');
    if (!english && !KAZAKH_GENITIVE.test(word)) return undefined;
    const month = monthOf(word);
    const year = num(m[5]);
    const day = date(month, Number(m[2]), year);
    const to = m[3] ? date(month, Number(m[3]), year) : undefined;
    return day ? { start, end, day, ...(to ? { dayTo: to } : {}) } : undefined;
  });
  scan.each(NUMERIC_DATE, (m, start, end) => {
    const [a, b] = [Number(m[1]), Number(m[3])];
    const before = scan.f.slice(Math.max(0, start - 30), start);
    if (m[2] === '/') {
      const word = /(\p{L}+)\s*$/u.exec(before)?.[1];
      if (word && !SLASH_DATE_AFTER_WORD.test(word)) return undefined;
      const day = b <= 12 ? date(b, a, fullYear(m[4])) : a <= 12 ? date(a, b, fullYear(m[4])) : undefined;
      return day ? { start, end, day } : undefined;
    }
    if (m[4]) {
      const day = b <= 12 ? date(b, a, fullYear(m[4])) : undefined;
      return day ? { start, end, day } : undefined;
    }
    if (m[3]!.length !== 2) return undefined;
    const clockCue = /(?<![\p{L}])(?:в|во|at|около|примерно|around|about|сагат|sagh?at)\s+$|~\s*$/u.test(before);
    if (!clockCue && b >= 1 && b <= 12 && a >= 1) return { start, end, day: { kind: 'date', month: b, day: a } };
    return a <= 23 && b <= 59 ? clockAt(scan.f, start, end, a, b) : undefined;
  });
  scan.each(ORDINAL, (m, start, end) => {
    const after = scan.f.slice(end);
    const ofSomething = !ORDINAL_FOLLOWED_BY.test(after) && GENITIVE_NEXT.test(after);
    return ofSomething ? undefined : { start, end, day: { kind: 'ordinal', day: Number(m[1]) } };
  });
}

function findClocks(scan: Scan): void {
  const { f } = scan;
  const range = (m: RegExpExecArray, start: number, end: number, kazakh: boolean): TimePiece | undefined => {
    const [h1, m1, h2, m2] = [Number(m[1]), num(m[2]), Number(m[3]), num(m[4])];
    if (kazakh && m1 === undefined && m2 === undefined && !/^(?:саг|sag)/u.test(m[0])) return undefined;
    if (COUNT_AFTER.test(f.slice(end)) || MONTH_AFTER.test(f.slice(end))) return undefined;
    let stop = end;
    let hint: Hint | undefined;
    const ampm = AMPM_AFTER.exec(f.slice(end));
    const part = RU_PART_AFTER.exec(f.slice(end));
    const word = HOUR_WORD_AFTER.exec(f.slice(end));
    if (ampm) [hint, stop] = [ampm[1] === 'a' ? 'am' : 'pm', end + ampm[0].length];
    else if (part?.[2]) [hint, stop] = [RU_HINT[part[2]], end + part[0].length];
    else if (word) stop = end + word[0].length;
    const from = hint ? applyHint(h1, hint) : h1;
    const to = hint ? applyHint(h2, hint) : h2;
    if (from === undefined || to === undefined || from > 23 || to > 24 || (m1 ?? 0) > 59 || (m2 ?? 0) > 59) return undefined;
    const c1 = clock(from, m1 ?? 0, m1 !== undefined, true);
    const c2 = clock(to % 24, m2 ?? 0, m2 !== undefined, true);
    return { start, end: stop, tod: { kind: 'clock', clock: c1, to: c2 } };
  };
  const H = String.raw`(\d{1,2})(?:[:.](\d{2}))?`;
  scan.each(new RegExp(`${B}(?:с|со|from|between)\\s+${H}\\s*(?:-|до|по|to|till|until|and)\\s*${H}(?![\\p{N}])`, 'gu'), (m, s, e) =>
    range(m, s, e, false),
  );
  scan.each(
    new RegExp(
      `${B}(?:(?:сагат|sagh?at)\\s*)?${H}-?(?:нан|нен|дан|ден|тан|тен|nan|nen|dan|den|tan|ten)\\s+(?:(?:сагат|sagh?at)\\s*)?${H}` +
        `-?(?:ге|га|ке|ка|не|на|ge|ga|ke|ka|ne|na)\\s+(?:дейин|deiin|deyin)${E}`,
      'gu',
    ),
    (m, s, e) => range(m, s, e, true),
  );
  scan.each(/(?<![\p{N}:.,/])(\d{1,2}):(\d{2})(?::\d{2})?(?!\d)/gu, (m, s, e) => clockAt(f, s, e, Number(m[1]), Number(m[2])));
  // "в 17-30": a dash between hour and minutes, after a preposition, when the minutes cannot be an hour.
  scan.each(/(?<![\p{N}:.,/-])(\d{1,2})-(\d{2})(?![\p{N}])/gu, (m, s, e) => {
    const minutes = Number(m[2]);
    const cue = /(?<![\p{L}])(?:в|во|около|примерно|at|around|about)\s+$/u.test(f.slice(Math.max(0, s - 12), s));
    return cue && (minutes > 24 || m[2] === '00') ? clockAt(f, s, e, Number(m[1]), minutes) : undefined;
  });
  scan.each(/(?<![\p{L}\p{N}.,:/-])(\d{1,2})(?![\p{N}]|[.,:/]\d)/gu, (m, s, e) => clockAt(f, s, e, Number(m[1]), undefined));
}

function findWords(scan: Scan): void {
  const { f } = scan;
  scan.each(AGO, (m, start, end) => {
    const count = m[1] ? Number(m[1]) : m[2] === 'пол' || m[2]?.startsWith('half') ? 0.5 : m[2] === 'полтора' ? 1.5 : 1;
    const perHour = /^(?:час|hour|hr|сагат|sag)/u.test(m[3] ?? '');
    return { start, end, tod: { kind: 'ago', minutes: Math.round(count * (perHour ? 60 : 1)) }, approximate: true };
  });
  findClocks(scan);
  for (const [part, pattern] of PARTS) {
    scan.each(words(pattern), (_, start, end) =>
      GREETING_BEFORE.test(f.slice(Math.max(0, start - 20), start)) ? undefined : { start, end, tod: { kind: 'part', part } },
    );
  }
  scan.each(NOON, (_, start, end) => ({ start, end, tod: { kind: 'clock', clock: clock(12, 0, false, true) } }));
  scan.each(MIDNIGHT, (_, start, end) => ({ start, end, tod: { kind: 'clock', clock: clock(0, 0, false, true) } }));
  for (const [offset, pattern] of RELATIVE_DAYS)
    scan.each(words(pattern), (_, start, end) => ({ start, end, day: { kind: 'relative', offset } }));
  for (const [weekday, pattern] of WEEKDAYS)
    scan.each(words(pattern), (_, start, end) => ({ start, end, day: { kind: 'weekday', weekday } }));
  scan.each(new RegExp(`${MONTH_ALONE.source}${YEAR_AFTER}`, 'gu'), (m, start, end) => {
    const month = monthOf(m[1] ?? m[2] ?? m[3] ?? '');
    const year = num(m[4]);
    return month ? { start, end, day: { kind: 'month', month, ...(year ? { year } : {}) } } : undefined;
  });
  scan.each(YEAR, (m, start, end) => (COUNT_AFTER.test(f.slice(end)) ? undefined : { start, end, year: Number(m[1] ?? m[2]) }));
  scan.each(NOW, (_, start, end) => ({ start, end, tod: { kind: 'now' }, approximate: true }));
  for (const [zone, pattern] of ZONES) scan.each(words(pattern), (_, start, end) => ({ start, end, zone }));
}

const isClock = (p: TimePiece) => p.tod?.kind === 'clock' && !p.tod.to && !p.day && !p.weak;
const isDate = (p: TimePiece) => (p.day?.kind === 'date' || p.day?.kind === 'ordinal') && !p.dayTo && !p.tod;

/** "10:00–12:00", "с 2 января по 5 января", "2 қаңтардан 5 қаңтарға дейін": two pieces, one range. */
function mergeRanges(f: string, pieces: TimePiece[]): TimePiece[] {
  const out: TimePiece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const a = pieces[i];
    const b = pieces[i + 1];
    if (!a) continue;
    const sameKind = b && ((isClock(a) && isClock(b)) || (isDate(a) && isDate(b)));
    if (b && sameKind) {
      const gap = f.slice(a.end, b.start);
      const kazakh = /^\s+$/u.test(gap) && ABLATIVE_END.test(f.slice(a.start, a.end)) && DATIVE_END.test(f.slice(b.start, b.end));
      const until = kazakh ? KZ_UNTIL_AFTER.exec(f.slice(b.end)) : null;
      if (RANGE_GAP.test(gap) || until) {
        const end = b.end + (until?.[0].length ?? 0);
        const approximate = Boolean(a.approximate || b.approximate);
        if (a.tod?.kind === 'clock' && b.tod?.kind === 'clock')
          out.push({ start: a.start, end, tod: { ...a.tod, to: b.tod.clock }, approximate });
        else out.push({ ...a, end, ...(b.day ? { dayTo: b.day } : {}) });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/** Hedges widen a clock or a part of the day; "с", "since", "-нан бері" open it to the report; "до", "until" drop it. */
function qualify(f: string, p: TimePiece): TimePiece | undefined {
  const q = { ...p };
  if (q.tod?.kind === 'clock' || q.tod?.kind === 'part') {
    const before = HEDGE_BEFORE.exec(f.slice(Math.max(0, q.start - 30), q.start));
    if (before) [q.start, q.approximate] = [q.start - before[0].length, true];
    const after = HEDGE_AFTER.exec(f.slice(q.end));
    if (after) [q.end, q.approximate] = [q.end + after[0].length, true];
  }
  if (q.tod?.kind === 'now' || q.tod?.kind === 'ago' || q.zone !== undefined || q.year !== undefined) return q;
  const ranged = q.dayTo || (q.tod?.kind === 'clock' && q.tod.to);
  const before = f.slice(Math.max(0, q.start - 20), q.start);
  const text = f.slice(q.start, q.end);
  const kzSince = ABLATIVE_END.test(text) ? KZ_SINCE_AFTER.exec(f.slice(q.end)) : null;
  if (!ranged && kzSince) return { ...q, end: q.end + kzSince[0].length, since: true };
  if (!ranged && SINCE_BEFORE.test(before)) return { ...q, since: true };
  if (!ranged && (UNTIL_BEFORE.test(before) || (DATIVE_END.test(text) && KZ_UNTIL_AFTER.test(f.slice(q.end))))) return undefined;
  return q;
}

/** Words between two pieces of one time: a few, without a sentence end or a number ("5 января, в", "кеше ... күні"). */
function sameTime(gap: string): boolean {
  return gap.length <= 24 && !/[.!?;\n\p{N}]/u.test(gap) && (gap.match(/\p{L}+/gu)?.length ?? 0) <= 3;
}

/** The words of time in a text, grouped by what stands together; `masked` spans (forward headers) are skipped. */
export function findTimeGroups(text: string, masked: ReadonlyArray<readonly [number, number]> = []): TimeGroup[] {
  const f = foldForTime(text);
  const scan = new Scan(f, text);
  for (const [s, e] of masked) scan.mask(s, e);
  for (const m of f.matchAll(PHONE)) scan.mask(m.index ?? 0, (m.index ?? 0) + m[0].length);
  findDays(scan);
  findWords(scan);
  const sorted = scan.pieces.sort((a, b) => a.start - b.start);
  const pieces = mergeRanges(f, sorted).flatMap((p) => qualify(f, p) ?? []);
  const groups: TimeGroup[] = [];
  for (const p of pieces) {
    const last = groups.at(-1);
    if (last && sameTime(f.slice(last.end, p.start))) {
      last.pieces.push(p);
      last.end = Math.max(last.end, p.end);
    } else groups.push({ start: p.start, end: p.end, pieces: [p] });
  }
  return groups.flatMap((g) => {
    const hasPart = g.pieces.some((p) => p.tod?.kind === 'part');
    const kept = g.pieces.filter((p) => !p.weak || hasPart);
    if (!kept.some((p) => p.day || p.tod)) return [];
    return [{ start: Math.min(...kept.map((p) => p.start)), end: Math.max(...kept.map((p) => p.end)), pieces: kept }];
  });
}
