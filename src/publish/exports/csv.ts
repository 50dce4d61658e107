/**
 * ACLED-compatible CSV: ACLED's column names in ACLED's order, so the file drops into tools and
 * scripts written for ACLED exports. Conventions where ours differ or ACLED leaves a choice:
 *
 * - inter1/inter2 carry ACLED's current text labels ("State forces", "Protesters"), not the
 *   numeric codes of older ACLED files: ACLED's own current exports use the labels, and a
 *   label cannot be misread as a count. interaction is the matching label too.
 * - event_date is the LOCAL date at the place, as YYYY-MM-DD (ACLED's newer ISO form).
 * - notes are the English summary followed by the editors' notes, as ACLED's notes describe
 *   the event in prose. They begin with the verification status in brackets unless verified
 *   ("[Unverified] ", "[Disputed: why] "): ACLED rows are all vetted, so a user of this file
 *   must see, in the column they read, which of ours are not. The same status is in tags.
 * - Formula injection: a field that begins with =, +, @, tab or carriage return, or with "-"
 *   when the field is not a plain number, gets a leading apostrophe, which spreadsheets read as
 *   "text" and hide. This alters those few fields; negative coordinates stay numbers.
 * - source names every outlet, and "Undisclosed Source" once for the reports and private
 *   sources the editors relied on, as ACLED records partners that must stay anonymous; the
 *   column is never empty, since no event stands on nothing.
 * - source_scale joins the distinct scales with "-" in ACLED's own order (Local partner, Other,
 *   New media, Subnational, National, Regional, International, as in "New media-National"),
 *   any other value after them alphabetically, so the same sources always give the same text.
 * - RFC 4180: CRLF line ends, quotes doubled, fields with comma, quote or newline quoted.
 *   UTF-8 without a byte-order mark, as ACLED ships its files.
 */
import { ACTOR_TYPES, interactionOf } from '../../core/coding.ts';
import { admin1Of, getPlace } from '../../core/gazetteer/search.ts';
import type { PublicEvent } from '../../core/public-event.ts';
import { textStream } from './stream.ts';

export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

export type AcledColumn = (typeof ACLED_COLUMNS)[number];
export type AcledRow = Record<AcledColumn, string>;

/** Countries of the gazetteer: ISO 3166-1 numeric code, ACLED's country name and ACLED's region. */
export const ACLED_COUNTRIES: Readonly<Record<string, { iso: number; name: string; region: string }>> = {
  KAZ: { iso: 398, name: 'Kazakhstan', region: 'Caucasus and Central Asia' },
  KGZ: { iso: 417, name: 'Kyrgyzstan', region: 'Caucasus and Central Asia' },
  UZB: { iso: 860, name: 'Uzbekistan', region: 'Caucasus and Central Asia' },
  TKM: { iso: 795, name: 'Turkmenistan', region: 'Caucasus and Central Asia' },
  TJK: { iso: 762, name: 'Tajikistan', region: 'Caucasus and Central Asia' },
  ARM: { iso: 51, name: 'Armenia', region: 'Caucasus and Central Asia' },
  // ACLED files Russia and Belarus under Europe and China under East Asia.
  RUS: { iso: 643, name: 'Russia', region: 'Europe' },
  BLR: { iso: 112, name: 'Belarus', region: 'Europe' },
  CHN: { iso: 156, name: 'China', region: 'East Asia' },
};

const STATUS_NOTE: Record<PublicEvent['status'], string> = {
  unverified: 'Unverified',
  corroborated: 'Corroborated',
  verified: 'Verified',
  disputed: 'Disputed',
  retracted: 'Retracted',
};

const unique = (xs: Array<string | undefined>) => [...new Set(xs.filter((x): x is string => Boolean(x)))];

export const UNDISCLOSED_SOURCE = 'Undisclosed Source';

const SCALE_ORDER = ['local partner', 'other', 'new media', 'subnational', 'national', 'regional', 'international'];

function scaleRank(scale: string): number {
  const i = SCALE_ORDER.indexOf(scale.trim().toLowerCase());
  return i < 0 ? SCALE_ORDER.length : i;
}

/** ACLED's source_scale for a set of scales (see the module comment). */
export function sourceScaleOf(scales: Array<string | undefined>): string {
  return unique(scales)
    .sort((a, b) => scaleRank(a) - scaleRank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .join('-');
}

function sourceOf(ev: PublicEvent): string {
  const named = unique(ev.sources.map((s) => s.outlet ?? outletOf(s.url)));
  if (ev.privateSourceCount > 0 || named.length === 0) named.push(UNDISCLOSED_SOURCE);
  return named.join('; ');
}

function outletOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** One event as an ACLED row, every value already text. */
export function toAcledRow(ev: PublicEvent): AcledRow {
  const country = ACLED_COUNTRIES[ev.location.country];
  const place = ev.location.placeId ? getPlace(ev.location.placeId) : undefined;
  const admin1 = ev.location.admin1 ?? (place ? admin1Of(place)?.names.en : undefined) ?? '';
  const summary = ev.summary.en;
  let notes = ev.notes ? `${summary}${/[.!?…]$/.test(summary) ? '' : '.'} ${ev.notes}` : summary;
  if (ev.status !== 'verified') {
    const why = ev.statusReason && (ev.status === 'disputed' || ev.status === 'retracted') ? `: ${ev.statusReason}` : '';
    notes = `[${STATUS_NOTE[ev.status]}${why}] ${notes}`;
  }
  return {
    event_id_cnty: `${ev.location.country}${ev.id}`,
    event_date: ev.localDate,
    year: ev.localDate.slice(0, 4),
    time_precision: String(ev.timePrecisionAcled),
    disorder_type: ev.disorderType,
    event_type: ev.eventType,
    sub_event_type: ev.subEventType,
    actor1: ev.actor1.name,
    assoc_actor_1: ev.actor1.associated.join('; '),
    inter1: ACTOR_TYPES[ev.actor1.type],
    actor2: ev.actor2?.name ?? '',
    assoc_actor_2: ev.actor2?.associated.join('; ') ?? '',
    inter2: ev.actor2 ? ACTOR_TYPES[ev.actor2.type] : '',
    // From the codes, not the stored label: records published before the labels were corrected keep the old text.
    interaction: interactionOf(ev.actor1.type, ev.actor2?.type).label,
    civilian_targeting: ev.civilianTargeting ? 'Civilian targeting' : '',
    iso: country ? String(country.iso) : '',
    region: country?.region ?? '',
    country: country?.name ?? ev.location.country,
    admin1,
    admin2: ev.location.admin2 ?? '',
    admin3: ev.location.admin3 ?? '',
    location: ev.location.name,
    latitude: ev.location.lat.toFixed(4),
    longitude: ev.location.lon.toFixed(4),
    geo_precision: String(ev.location.geoPrecision),
    source: sourceOf(ev),
    source_scale: sourceScaleOf(ev.sources.map((s) => s.scale)),
    notes,
    fatalities: String(ev.fatalities.acled),
    tags: [...ev.tags, `verification=${ev.status}`].join('; '),
    timestamp: String(Math.floor(Date.parse(ev.publishedAt) / 1000)),
  };
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** Defuses a value a spreadsheet would run as a formula (see the module comment). */
export function guardFormula(value: string): string {
  const c = value[0];
  if (c === '=' || c === '+' || c === '@' || c === '\t' || c === '\r') return `'${value}`;
  if (c === '-' && !NUMBER.test(value)) return `'${value}`;
  return value;
}

/** One RFC 4180 field. */
export function csvField(value: string): string {
  const v = guardFormula(value);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/**
 * The column a mirror adds, after ACLED's, while it holds an alarm: the alarm in every row, so
 * whoever reads any row of the file (a spreadsheet, a script) sees it, and every CSV parser
 * still reads one header and rows of equal width.
 */
export const MIRROR_ALARM_COLUMN = 'mirror_alarm';

/**
 * Header then one line per event, as text pieces a caller can stream. `alarm` is a mirror's
 * alarm line ({@link alarmLine}), carried in {@link MIRROR_ALARM_COLUMN}.
 */
export async function* csvParts(events: AsyncIterable<PublicEvent>, alarm?: string): AsyncGenerator<string> {
  const extra = alarm === undefined ? [] : [alarm];
  yield csvLine(alarm === undefined ? ACLED_COLUMNS : [...ACLED_COLUMNS, MIRROR_ALARM_COLUMN]);
  for await (const ev of events) {
    const row = toAcledRow(ev);
    yield csvLine([...ACLED_COLUMNS.map((c) => row[c]), ...extra]);
  }
}

export function csvStream(events: AsyncIterable<PublicEvent>, alarm?: string): ReadableStream<Uint8Array> {
  return textStream(csvParts(events, alarm));
}
