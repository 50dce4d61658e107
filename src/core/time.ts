/**
 * Event time: an instant or an interval, how precisely it is known, and the IANA zone of the
 * place, so local times read as they did on that date (Almaty was UTC+6 in January 2022,
 * Zhanaozen UTC+5). Pure: uses the ICU time-zone data that ships with the runtime.
 */

export const TIME_PRECISIONS = ['minute', 'hour', 'part_of_day', 'day', 'days', 'month'] as const;
export type TimePrecision = (typeof TIME_PRECISIONS)[number];

export interface EventTime {
  /** ISO 8601 instant in UTC, e.g. "2022-01-05T09:30:00.000Z". */
  start: string;
  /** End of an interval, ISO instant; absent for a single moment. */
  end?: string;
  precision: TimePrecision;
  /** IANA zone of the place, e.g. "Asia/Almaty". */
  timeZone: string;
  /** The source gives the time only roughly ("around 2 pm"). */
  approximate?: boolean;
}

export type PartOfDay = 'night' | 'morning' | 'afternoon' | 'evening';

/** Known to a part of the day or finer, not only the day. */
export function isPartOfDayOrFiner(precision: TimePrecision): boolean {
  return precision === 'minute' || precision === 'hour' || precision === 'part_of_day';
}

export function isTimePrecision(value: unknown): value is TimePrecision {
  return typeof value === 'string' && (TIME_PRECISIONS as readonly string[]).includes(value);
}

const zoneCache = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = zoneCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    zoneCache.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone.length === 0 || timeZone.length > 64) return false;
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Wall-clock reading of an instant in a zone. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Offset of the zone from UTC at that instant, in minutes (Almaty on 2022-01-05: 360). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "YYYY-MM-DD" of the instant in the zone. */
export function localDate(instant: Date | string, timeZone: string): string {
  const p = localParts(typeof instant === 'string' ? new Date(instant) : instant, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** "HH:MM" of the instant in the zone. */
export function localClock(instant: Date | string, timeZone: string): string {
  const p = localParts(typeof instant === 'string' ? new Date(instant) : instant, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** "+06:00" style offset label. */
export function offsetLabel(instant: Date | string, timeZone: string): string {
  const m = offsetMinutes(typeof instant === 'string' ? new Date(instant) : instant, timeZone);
  const sign = m < 0 ? '-' : '+';
  const a = Math.abs(m);
  return `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** ISO 8601 with the zone's offset of that instant: "2022-01-05T18:00:00+06:00". */
export function localIso(instant: Date | string, timeZone: string): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  const p = localParts(at, timeZone);
  return `${localDate(at, timeZone)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${offsetLabel(at, timeZone)}`;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export function isLocalClock(value: unknown): value is string {
  return typeof value === 'string' && CLOCK_RE.test(value);
}

/**
 * The instant at which the zone's clocks read the given local date and time ("HH:MM",
 * midnight when absent). Two passes settle on the right offset across DST changes.
 */
export function zonedToInstant(date: string, clock: string | undefined, timeZone: string): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = (clock ?? '00:00').split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  let guess = wall - offsetMinutes(new Date(wall), timeZone) * 60000;
  guess = wall - offsetMinutes(new Date(guess), timeZone) * 60000;
  return new Date(guess);
}

export function partOfDay(hour: number): PartOfDay {
  if (hour < 6) return 'night';
  if (hour < 12) return 'morning';
  if (hour < 18) return 'afternoon';
  return 'evening';
}

/** Middle hour used when an editor only knows the part of the day. */
export const PART_OF_DAY_HOUR: Record<PartOfDay, string> = {
  night: '03:00',
  morning: '09:00',
  afternoon: '15:00',
  evening: '21:00',
};

/** How an event's time reads locally; the page turns this into words in the reader's language. */
export interface LocalTimeReading {
  date: string;
  endDate?: string;
  clock?: string;
  endClock?: string;
  partOfDay?: PartOfDay;
  approximate: boolean;
  /** Only the day (or a wider span) is known. */
  timeUnknown: boolean;
  precision: TimePrecision;
  offset: string;
}

export function readLocalTime(t: EventTime): LocalTimeReading {
  const start = new Date(t.start);
  const reading: LocalTimeReading = {
    date: localDate(start, t.timeZone),
    approximate: Boolean(t.approximate),
    timeUnknown: !['minute', 'hour', 'part_of_day'].includes(t.precision),
    precision: t.precision,
    offset: offsetLabel(start, t.timeZone),
  };
  if (t.precision === 'minute' || t.precision === 'hour') reading.clock = localClock(start, t.timeZone);
  if (t.precision === 'part_of_day') reading.partOfDay = partOfDay(localParts(start, t.timeZone).hour);
  if (t.end) {
    const endDate = localDate(t.end, t.timeZone);
    if (endDate !== reading.date) reading.endDate = endDate;
    if (reading.clock) reading.endClock = localClock(t.end, t.timeZone);
  }
  return reading;
}

/** ACLED time_precision: 1 the day is known, 2 within a week, 3 within a month. */
export function acledTimePrecision(p: TimePrecision): 1 | 2 | 3 {
  if (p === 'days') return 2;
  if (p === 'month') return 3;
  return 1;
}

/** Problems with a time record, as [sub-field, message] pairs. */
export function timeProblems(t: Partial<EventTime>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const isInstant = (v: unknown) => typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v)) && /T/.test(v);
  if (!isInstant(t.start)) out.push(['start', 'must be an ISO 8601 date and time']);
  if (t.end !== undefined && !isInstant(t.end)) out.push(['end', 'must be an ISO 8601 date and time']);
  if (isInstant(t.start) && isInstant(t.end) && Date.parse(t.end!) < Date.parse(t.start!)) {
    out.push(['end', 'must not be before the start']);
  }
  if (!isTimePrecision(t.precision)) out.push(['precision', `must be one of ${TIME_PRECISIONS.join(', ')}`]);
  if (!isValidTimeZone(t.timeZone)) out.push(['timeZone', 'must be an IANA time zone such as Asia/Almaty']);
  return out;
}
