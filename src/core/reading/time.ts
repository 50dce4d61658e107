/**
 * When the event a report tells of happened, read from its words against a reference: the time
 * the message was first written or sent. "Вчера вечером", "кеше түнде", "в 11 вечера",
 * "5 қаңтар кешке", "Jan 4 around 11 pm" become a window in the place's zone, with how precise
 * and how sure the reading is and the words it came from. The reporter's own "when" field
 * outweighs the text and the two fill each other in ("вчера" there, "в 14:00" here). An event is
 * never after its reference: a time with no day said that lands later moves to the day before,
 * a window is cut at the reference, and one wholly in the future is not a reading at all. With
 * nothing to read, the suggestion is the reference's day up to the reference, weakly held.
 *
 * Windows, local to the zone, `end` exclusive (the first instant after the window):
 * - a clock "14:30" is that minute; an hour ("в 11 вечера", "2 pm", "около 14:00") that hour;
 * - morning 06–12, afternoon ("днём", "түсте") 12–18, evening 18–24, night ("ночью", "түнде")
 *   00–06 of the day, the hours `partOfDay` in ../time.ts divides the day at;
 * - last night ("этой ночью", "вчера ночью", "кеше түнде", "в ночь на 5 января") is 18:00 of
 *   the day before to 06:00; so is the night of a day ("4 января ночью", "Tuesday night"),
 *   from that day's 18:00, unless it has not come yet;
 * - "now", "сейчас", "қазір" is the quarter hour up to the reference; "an hour ago" that hour;
 * - "since morning", "с утра", "таңертеңнен бері" runs from 06:00 to the reference.
 */
import {
  type PartOfDay,
  type TimePrecision,
  isLocalDate,
  localClock,
  localDate,
  localParts,
  offsetLabel,
  zonedToInstant,
} from '../time.ts';
import { type Evidence, confidence, spanEvidence } from './evidence.ts';
import { findTimeGroups } from './time-phrases.ts';
import { type Clock, type DayWord, type TimePiece, type TodWord, applyHint, foldForTime } from './time-words.ts';

export interface TimeReference {
  at: Date;
  /** forwarded: the original message's time; written: typed on the device while offline; sent: the channel's send time. */
  kind: 'forwarded' | 'written' | 'sent' | 'received';
}

export interface TimeSuggestion {
  /** ISO UTC instant. */
  start: string;
  /** ISO UTC instant, exclusive: the first instant after the window; never after the reference. */
  end: string;
  precision: TimePrecision;
  timeZone: string;
  /** Hedged ("около 14:00", "шамамен", "around") or said only to the hour ("в 11 вечера"). */
  approximate: boolean;
  reference: TimeReference['kind'];
  evidence: Evidence[];
  confidence: number;
}

const REFERENCE_KINDS: ReadonlyArray<TimeReference['kind']> = ['forwarded', 'written', 'sent', 'received'];
type MaybeDate = Date | string | null | undefined;

function validDate(v: MaybeDate): Date | undefined {
  if (v === null || v === undefined) return undefined;
  // "05.01.2022" would parse as May 1st: only instants written year first are taken from strings.
  if (typeof v === 'string' && !/^\s*\d{4}-\d\d-\d\d/u.test(v)) return undefined;
  const d = typeof v === 'string' ? new Date(v) : v;
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** The time to read relative words against: forwarded, then written, then sent, then received. */
export function bestReference(r: {
  sentAt?: MaybeDate;
  forwardedAt?: MaybeDate;
  writtenAt?: MaybeDate;
  receivedAt?: MaybeDate;
}): TimeReference | undefined {
  const given = { forwarded: r.forwardedAt, written: r.writtenAt, sent: r.sentAt, received: r.receivedAt };
  for (const kind of REFERENCE_KINDS) {
    const at = validDate(given[kind]);
    if (at) return { at, kind };
  }
  return undefined;
}

/** The first words of a line a messenger puts above what it forwards. */
const FORWARD_WORD =
  /(?<![^\n])[ \t]*(?:forwarded (?:message|from)|пересланное сообщение|переслано|пересылаю|кайта жиберилген|жиберилген хабарлама|fwd?:)/gu;
const BRACKET_STAMP = /\[\s*(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2}),?\s+(\d{1,2}):(\d{2})(?::\d{2})?(?:\s*([ap])\.?\s?m\.?)?\s*\]/gu;
const LOOSE_STAMP = /(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2}),?\s+(?:в\s+|at\s+)?(\d{1,2}):(\d{2})(?::\d{2})?(?:\s*([ap])\.?\s?m\.?)?/u;

interface Header {
  start: number;
  end: number;
  at?: Date;
}

/** The instant of a messenger's stamp: day first, but month first in the US form "1/5/22 2:32 PM". */
function stampAt(m: RegExpExecArray, timeZone: string): Date | undefined {
  let [day, month] = [Number(m[1]), Number(m[3])];
  if ((m[7] && m[2] === '/' && day <= 12) || month > 12) [day, month] = [month, day];
  const year = m[4]?.length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
  const hour = m[7] ? applyHint(Number(m[5]), m[7] === 'a' ? 'am' : 'pm') : Number(m[5]);
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (hour === undefined || hour > 23 || !isLocalDate(date)) return undefined;
  return zonedToInstant(date, `${pad(hour)}:${m[6]}`, timeZone);
}

/** Headers messengers put above a forwarded message, with the original's time when they give it. */
function forwardHeaders(text: string, timeZone: string): Header[] {
  const f = foldForTime(text);
  const out: Header[] = [];
  for (const m of f.matchAll(BRACKET_STAMP)) {
    const index = m.index ?? 0;
    out.push({ start: f.lastIndexOf('\n', index - 1) + 1, end: index + m[0].length, at: stampAt(m as RegExpExecArray, timeZone) });
  }
  for (const m of f.matchAll(FORWARD_WORD)) {
    const index = m.index ?? 0;
    if (out.some((h) => h.start <= index && index < h.end)) continue;
    const block = f
      .slice(index, index + 240)
      .split('\n')
      .slice(0, 4)
      .join('\n');
    const stamp = LOOSE_STAMP.exec(block);
    const lineEnd = f.indexOf('\n', index);
    const end = stamp ? index + stamp.index + stamp[0].length : lineEnd < 0 ? f.length : lineEnd;
    out.push({ start: index, end, ...(stamp ? { at: stampAt(stamp, timeZone) } : {}) });
  }
  return out;
}

function earliest(text: string, headers: readonly Header[]): { at: Date; evidence: Evidence } | undefined {
  const dated = headers.flatMap((h) => (h.at ? [{ ...h, at: h.at }] : [])).sort((a, b) => a.at.getTime() - b.at.getTime());
  const first = dated[0];
  return first ? { at: first.at, evidence: spanEvidence(text, first.start, first.end) } : undefined;
}

/** The time of the message a text forwards, from the header a messenger put above it, local to `timeZone`. */
export function forwardedTime(text: string, timeZone: string): { at: Date; evidence: Evidence } | undefined {
  return earliest(text, forwardHeaders(text, timeZone));
}

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (c: Pick<Clock, 'hour' | 'minute'>) => `${pad(c.hour)}:${pad(c.minute)}`;
const addDays = (date: string, n: number) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
};
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const at = (date: string, clock: string, timeZone: string) => zonedToInstant(date, clock, timeZone);
const MINUTE = 60_000;

/** Pieces of one time, possibly from two groups or two fields, and the spans they came from. */
interface Candidate {
  pieces: TimePiece[];
  evidence: Evidence[];
  fromWhen: boolean;
  /** Other timed groups in the same field: the text tells of more than one time. */
  rest: number;
}

const todRank = (c: Candidate) => {
  const kinds = c.pieces.map((p) => p.tod?.kind);
  return kinds.includes('clock') ? 4 : kinds.includes('part') || kinds.includes('ago') ? 3 : kinds.includes('now') ? 1 : 0;
};
const dayPiece = (c: Candidate) => c.pieces.find((p) => p.day);
const isOneDay = (c: Candidate) => {
  const p = dayPiece(c);
  return Boolean(p && !p.dayTo && !p.since && p.day?.kind !== 'month');
};

/** The groups of a field as candidates, without those about another year ("16 декабря 2011 года", "2011 жылы"). */
function candidatesOf(text: string, from: Evidence['from'], masked: ReadonlyArray<readonly [number, number]>, year: number): Candidate[] {
  return findTimeGroups(text, masked)
    .filter((g) =>
      g.pieces.every((p) => {
        const y = p.year ?? (p.day?.kind === 'date' || p.day?.kind === 'month' ? p.day.year : undefined);
        return y === undefined || y === year || y === year - 1;
      }),
    )
    .map((g) => ({ pieces: g.pieces, evidence: [spanEvidence(text, g.start, g.end, from)], fromWhen: from === 'when', rest: 0 }));
}

/** The most precise time the field tells (the first of equals), with a day said elsewhere in it if it has none. */
function choose(cands: Candidate[]): Candidate | undefined {
  const timed = cands.filter((c) => todRank(c) >= 3);
  let best: Candidate | undefined;
  for (const c of timed) if (!best || todRank(c) > todRank(best)) best = c;
  best ??= cands.find((c) => dayPiece(c)) ?? cands.find((c) => todRank(c) > 0);
  if (!best) return undefined;
  const i = cands.indexOf(best);
  const rest = timed.filter((c) => c !== best).length;
  const needsDay = !dayPiece(best) && todRank(best) >= 3;
  const lender = needsDay ? [...cands.slice(0, i).reverse(), ...cands.slice(i + 1)].find(isOneDay) : undefined;
  const lent = lender && dayPiece(lender);
  if (!lender || !lent) return { ...best, rest };
  return { pieces: [...best.pieces, lent], evidence: [...lender.evidence, ...best.evidence], fromWhen: best.fromWhen, rest };
}

/** The "when" field's reading, with what it lacks (the day, or the time of day) taken from the text's. */
function combine(when: Candidate | undefined, text: Candidate | undefined): Candidate | undefined {
  if (!when || !text) return when ?? text;
  const lacksDay = !dayPiece(when);
  const lacksTod = todRank(when) === 0;
  const borrowed = text.pieces.filter((p) => (lacksDay && p.day && !p.tod) || (lacksTod && p.tod && !p.day));
  if (!borrowed.length) return when;
  return { pieces: [...when.pieces, ...borrowed], evidence: [...when.evidence, ...text.evidence], fromWhen: true, rest: when.rest };
}

interface Reading {
  day?: DayWord;
  dayTo?: DayWord;
  daySince: boolean;
  tod?: TodWord;
  todSince: boolean;
  /** Days from the day said to the day the clock or night falls on ("вчера ночью в 2" is today). */
  dayShift: number;
  /** The night after a day said: if it has not come yet, the night before that day's morning is meant. */
  nightAfter: boolean;
  zone?: string;
  approximate: boolean;
}

const hinted = (c: Clock, hint: PartOfDay): Clock => (c.twelve ? { ...c, hour: applyHint(c.hour, hint) ?? c.hour, twelve: false } : c);

function readingOf(c: Candidate): Reading {
  const ps = c.pieces;
  const dayP = ps.find((p) => p.day);
  const year = ps.find((p) => p.year !== undefined)?.year;
  let day = dayP?.day;
  if (day && year !== undefined && (day.kind === 'date' || day.kind === 'month') && day.year === undefined) day = { ...day, year };
  const partTod = ps.find((p) => p.tod?.kind === 'part')?.tod;
  const part = partTod?.kind === 'part' ? partTod.part : undefined;
  const zone = ps.find((p) => p.zone !== undefined)?.zone;
  const todP = ps.find((p) => p.tod?.kind === 'clock') ?? ps.find((p) => p.tod?.kind === 'part') ?? ps.find((p) => p.tod);
  let tod = todP?.tod;
  let dayShift = 0;
  // "вчера ночью", "кеше түнде", "Tuesday night": the night after that day ("сегодня ночью" is this one's small hours).
  const nightAfter = part === 'night' && day !== undefined && day.kind !== 'month' && !(day.kind === 'relative' && day.offset >= 0);
  if (tod?.kind === 'part' && nightAfter) [tod, dayShift] = [{ kind: 'part', part: 'last_night' }, 1];
  if (tod?.kind === 'clock' && part) {
    const hint = part === 'last_night' || part === 'tonight' ? 'night' : part;
    const clock = hinted(tod.clock, hint);
    tod = { kind: 'clock', clock, ...(tod.to ? { to: hinted(tod.to, hint) } : {}) };
    if (part === 'last_night' || nightAfter) dayShift = (nightAfter ? 1 : 0) - (clock.hour >= 12 ? 1 : 0);
  }
  return {
    ...(day ? { day } : {}),
    ...(dayP?.dayTo ? { dayTo: dayP.dayTo } : {}),
    daySince: Boolean(dayP?.since),
    ...(tod ? { tod } : {}),
    todSince: Boolean(todP?.since),
    dayShift,
    nightAfter,
    ...(zone !== undefined ? { zone } : {}),
    approximate: ps.some((p) => p.tod && p.approximate) || (tod?.kind === 'clock' && !tod.clock.minutes && !tod.to),
  };
}

interface Window {
  start: Date;
  end: Date;
  precision: TimePrecision;
  shifted: boolean;
}

/** The first and last day a day word names, no later than a day after the reference where the words allow. */
function daysOf(w: DayWord, refDate: string): { from: string; to: string } | undefined {
  const [ry, rm] = refDate.split('-').map(Number) as [number, number];
  const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
  const tomorrow = addDays(refDate, 1);
  let from: string;
  let to: string | undefined;
  if (w.kind === 'relative') from = addDays(refDate, w.offset);
  else if (w.kind === 'weekday') from = addDays(refDate, -((weekdayOf(refDate) - w.weekday + 7) % 7));
  else if (w.kind === 'date') {
    from = ymd(w.year ?? ry, w.month, w.day);
    if (w.year === undefined && from > tomorrow) from = ymd(ry - 1, w.month, w.day);
  } else if (w.kind === 'ordinal') {
    from = ymd(ry, rm, w.day);
    if (from > tomorrow) from = rm === 1 ? ymd(ry - 1, 12, w.day) : ymd(ry, rm - 1, w.day);
  } else {
    const y = w.year ?? (w.month > rm ? ry - 1 : ry);
    from = ymd(y, w.month, 1);
    to = addDays(w.month === 12 ? ymd(y + 1, 1, 1) : ymd(y, w.month + 1, 1), -1);
  }
  return isLocalDate(from) ? { from, to: to ?? from } : undefined;
}

/** Where each part of the day begins and ends. */
const PART_WINDOWS: Record<PartOfDay, readonly [string, string]> = {
  night: ['00:00', '06:00'],
  morning: ['06:00', '12:00'],
  afternoon: ['12:00', '18:00'],
  evening: ['18:00', '00:00'],
};

/** The window a reading names against the reference, or nothing when it names none before it. */
function windowOf(r: Reading, ref: TimeReference, tz: string): Window | undefined {
  const refDate = localDate(ref.at, tz);
  const refHour = localParts(ref.at, tz).hour;
  const days = r.day ? daysOf(r.day, refDate) : undefined;
  if (r.day && !days) return undefined;
  const lastDay = r.dayTo ? daysOf(r.dayTo, refDate)?.to : days?.to;
  if (!r.tod || r.dayTo) {
    const from = days?.from ?? refDate;
    const start = at(from, '00:00', tz);
    const end = r.daySince ? ref.at : at(addDays(lastDay && lastDay >= from ? lastDay : from, 1), '00:00', tz);
    const precision = r.day?.kind === 'month' ? 'month' : r.daySince || r.dayTo ? 'days' : 'day';
    return start <= ref.at ? { start, end: new Date(Math.min(end.getTime(), ref.at.getTime())), precision, shifted: false } : undefined;
  }
  const tod = r.tod;
  if (tod.kind === 'now' || tod.kind === 'ago') {
    const minutes = tod.kind === 'now' ? 15 : tod.minutes;
    const start = new Date(ref.at.getTime() - minutes * MINUTE);
    const span = tod.kind === 'now' ? minutes : minutes >= 60 ? 60 : 5;
    const end = new Date(Math.min(ref.at.getTime(), start.getTime() + span * MINUTE));
    return { start, end, precision: tod.kind === 'ago' && minutes >= 60 ? 'hour' : 'minute', shifted: false };
  }
  const zone = r.zone || tz;
  const onDay = (date: string): { start: Date; end: Date; precision: TimePrecision } => {
    if (tod.kind === 'part') {
      const p = tod.part;
      if (p === 'last_night' || p === 'tonight') {
        const ends = p === 'tonight' ? (refHour < 6 ? refDate : addDays(refDate, 1)) : date;
        return { start: at(addDays(ends, -1), '18:00', tz), end: at(ends, '06:00', tz), precision: 'part_of_day' };
      }
      const [from, until] = PART_WINDOWS[p];
      return { start: at(date, from, tz), end: at(until < from ? addDays(date, 1) : date, until, tz), precision: 'part_of_day' };
    }
    let c = tod.clock;
    if (c.twelve && date === refDate && c.hour < 12) {
      // "в 8 часов" today is the later of 08:00 and 20:00 that has already been.
      const later = { ...c, hour: c.hour + 12 };
      if (at(date, hhmm(later), zone) <= ref.at) c = later;
    }
    const start = at(date, hhmm(c), zone);
    const precise = c.minutes && !r.approximate;
    if (tod.to) {
      let end = at(date, hhmm(tod.to), zone);
      if (end <= start) end = at(addDays(date, 1), hhmm(tod.to), zone);
      return { start, end, precision: c.minutes || tod.to.minutes ? 'minute' : 'hour' };
    }
    return { start, end: new Date(start.getTime() + (precise ? 1 : 60) * MINUTE), precision: precise ? 'minute' : 'hour' };
  };
  // With no day said (or "today" in the small hours) a time that has not come yet was the day before's.
  const shiftable = !r.day || r.nightAfter || (r.day.kind === 'relative' && r.day.offset === 0 && refHour < 5);
  const base = addDays(days?.from ?? refDate, r.dayShift);
  let w = onDay(base);
  let shifted = false;
  if (w.start > ref.at && shiftable && !(tod.kind === 'part' && tod.part === 'tonight')) [w, shifted] = [onDay(addDays(base, -1)), true];
  if (w.start > ref.at) return undefined;
  const end = r.todSince || w.end > ref.at ? ref.at : w.end;
  return { start: w.start, end, precision: w.precision, shifted };
}

const DAY_WEIGHT: Record<DayWord['kind'], number> = { date: 0.3, relative: 0.25, ordinal: 0.2, weekday: 0.2, month: 0.1 };
const TOD_WEIGHT: Record<TodWord['kind'], number> = { clock: 0.3, part: 0.2, now: 0.35, ago: 0.3 };

function confidenceOf(r: Reading, w: Window, c: Candidate, ref: TimeReference): number {
  let v = 0.35 + (r.day ? DAY_WEIGHT[r.day.kind] : 0) + (r.tod && !r.dayTo ? TOD_WEIGHT[r.tod.kind] : 0);
  if (r.tod?.kind === 'clock' && (r.approximate || r.tod.to)) v -= 0.05;
  if (c.fromWhen) v += 0.05;
  if (w.shifted) v -= 0.1;
  if (c.rest > 0) v -= 0.1;
  // A relative word read against the time a message reached us, not when it was sent, may be a day off.
  if (ref.kind === 'received' && r.day?.kind !== 'date') v -= 0.1;
  return confidence(Math.min(v, 0.95));
}

function channelEvidence(ref: TimeReference, tz: string): Evidence {
  return { from: 'channel', quote: `${ref.kind} ${localDate(ref.at, tz)} ${localClock(ref.at, tz)} ${offsetLabel(ref.at, tz)}` };
}

/**
 * The event's time as the report tells it, read against `reference`; a forwarded header in the
 * text stands in for a later reference. Always answers: with nothing to read, the reference's day.
 */
export function readTime(text: string, opts: { reference: TimeReference; timeZone: string; when?: string | null }): TimeSuggestion {
  const tz = opts.timeZone;
  const headers = forwardHeaders(text, tz);
  let ref = opts.reference;
  const header = earliest(text, headers);
  const fromHeader: Evidence[] = [];
  if (ref.kind !== 'forwarded' && header && header.at <= ref.at) {
    ref = { at: header.at, kind: 'forwarded' };
    fromHeader.push(header.evidence);
  }
  const year = localParts(ref.at, tz).year;
  const masked = headers.map((h) => [h.start, h.end] as const);
  const inText = choose(candidatesOf(text, 'text', masked, year));
  const inWhen = opts.when ? choose(candidatesOf(opts.when, 'when', [], year)) : undefined;
  const suggestion = (start: Date, end: Date, rest: Omit<TimeSuggestion, 'start' | 'end' | 'timeZone' | 'reference'>) => ({
    start: start.toISOString(),
    end: end.toISOString(),
    timeZone: tz,
    reference: ref.kind,
    ...rest,
  });
  let told = false;
  for (const c of [combine(inWhen, inText), inText]) {
    if (!c) continue;
    told = true;
    const r = readingOf(c);
    const w = windowOf(r, ref, tz);
    if (w)
      return suggestion(w.start, w.end, {
        precision: w.precision,
        approximate: r.approximate,
        evidence: c.evidence,
        confidence: confidenceOf(r, w, c, ref),
      });
  }
  const start = at(localDate(ref.at, tz), '00:00', tz);
  const evidence = [channelEvidence(ref, tz), ...fromHeader];
  return suggestion(start, ref.at, { precision: 'day', approximate: false, evidence, confidence: told ? 0.2 : 0.3 });
}
