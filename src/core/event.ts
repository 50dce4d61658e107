/**
 * The editors' coded account of one incident. Stored as one JSON document per revision; this
 * module is the only place that decides what a valid document is.
 */
import {
  type ActorTypeCode,
  type EventType,
  type GeoPrecision,
  type SubEventType,
  EVENT_TYPES,
  isActorTypeCode,
  isEventType,
  isGeoPrecision,
  isSubEventOf,
} from './coding.ts';
import { Problems } from './errors.ts';
import { type EventMedia, validateEventMedia } from './event-media.ts';
import { type ReportedFatalities, fatalitiesProblems } from './fatalities.ts';
import { type EventTime, timeProblems } from './time.ts';
import { type VerificationStatus, isVerificationStatus, statusChangeProblems } from './verification.ts';

export interface Actor {
  name: string;
  type: ActorTypeCode;
  /** ACLED's associated actors, e.g. "Labour Group (Kazakhstan)". */
  associated: string[];
}

export interface EventLocation {
  /** Gazetteer id when the place is in the gazetteer. */
  placeId?: string;
  /** Name as published (ACLED `location`). */
  name: string;
  admin1?: string;
  admin2?: string;
  admin3?: string;
  /** ISO 3166-1 alpha-3. */
  country: string;
  lat: number;
  lon: number;
  geoPrecision: GeoPrecision;
}

export const SOURCE_REF_KINDS = ['report', 'source', 'link'] as const;
export type SourceRefKind = (typeof SOURCE_REF_KINDS)[number];

/**
 * One source behind an event. Reports and source records are private: the public sees only
 * links, and a count of private sources.
 */
export interface SourceRef {
  kind: SourceRefKind;
  reportId?: string;
  sourceId?: string;
  url?: string;
  title?: string;
  outlet?: string;
  /** ACLED source_scale, e.g. "National", "International", "Local partner". */
  scale?: string;
}

export interface EventData {
  summary: { en: string; ru?: string };
  notes?: string;
  time: EventTime;
  location: EventLocation;
  eventType: EventType;
  subEventType: SubEventType;
  actor1: Actor;
  actor2?: Actor;
  civilianTargeting: boolean;
  fatalities: ReportedFatalities;
  status: VerificationStatus;
  /** Why the status is what it is; required for verified, disputed and retracted. */
  statusReason?: string;
  sources: SourceRef[];
  tags: string[];
  /** Stripped media of linked reports published with the event; absent when there are none. */
  media?: EventMedia[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(p: Problems, field: string, v: unknown, opts: { required?: boolean; max: number }): string | undefined {
  if (v === undefined || v === null || v === '') {
    if (opts.required) p.add(field, 'is required');
    return undefined;
  }
  if (typeof v !== 'string') {
    p.add(field, 'must be text');
    return undefined;
  }
  const t = v.trim();
  if (opts.required && !t) p.add(field, 'is required');
  if (t.length > opts.max) p.add(field, `must be at most ${opts.max} characters`);
  return t || undefined;
}

function actor(p: Problems, field: string, v: unknown, required: boolean): Actor | undefined {
  if (v === undefined || v === null) {
    if (required) p.add(field, 'is required');
    return undefined;
  }
  if (!isObject(v)) {
    p.add(field, 'must be an object with name and type');
    return undefined;
  }
  const name = text(p, `${field}.name`, v.name, { required: true, max: 200 });
  if (!isActorTypeCode(v.type)) p.add(`${field}.type`, 'must be an ACLED actor type code from 1 to 8');
  const associated: string[] = [];
  if (v.associated !== undefined) {
    if (!Array.isArray(v.associated) || v.associated.some((a) => typeof a !== 'string' || a.length > 200)) {
      p.add(`${field}.associated`, 'must be a list of names');
    } else {
      for (const a of v.associated as string[]) if (a.trim()) associated.push(a.trim());
    }
  }
  if (!name || !isActorTypeCode(v.type)) return undefined;
  return { name, type: v.type, associated };
}

function location(p: Problems, v: unknown): EventLocation | undefined {
  if (!isObject(v)) {
    p.add('location', 'is required');
    return undefined;
  }
  const name = text(p, 'location.name', v.name, { required: true, max: 200 });
  const country = v.country;
  if (typeof country !== 'string' || !/^[A-Z]{3}$/.test(country)) p.add('location.country', 'must be an ISO 3166 alpha-3 code');
  const lat = v.lat;
  const lon = v.lon;
  if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90) p.add('location.lat', 'must be a latitude from -90 to 90');
  if (typeof lon !== 'number' || !Number.isFinite(lon) || lon < -180 || lon > 180)
    p.add('location.lon', 'must be a longitude from -180 to 180');
  if (!isGeoPrecision(v.geoPrecision)) p.add('location.geoPrecision', 'must be 1, 2 or 3');
  const out: EventLocation = {
    name: name ?? '',
    country: String(country),
    lat: Number(lat),
    lon: Number(lon),
    geoPrecision: v.geoPrecision as GeoPrecision,
  };
  for (const k of ['placeId', 'admin1', 'admin2', 'admin3'] as const) {
    const t = text(p, `location.${k}`, v[k], { max: 200 });
    if (t) out[k] = t;
  }
  return out;
}

function sources(p: Problems, v: unknown): SourceRef[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    p.add('sources', 'must be a list');
    return [];
  }
  if (v.length > 100) p.add('sources', 'must have at most 100 entries');
  const out: SourceRef[] = [];
  v.slice(0, 100).forEach((s, i) => {
    const f = `sources[${i}]`;
    if (!isObject(s) || !(SOURCE_REF_KINDS as readonly unknown[]).includes(s.kind)) {
      p.add(`${f}.kind`, `must be one of ${SOURCE_REF_KINDS.join(', ')}`);
      return;
    }
    const ref: SourceRef = { kind: s.kind as SourceRefKind };
    for (const k of ['reportId', 'sourceId', 'title', 'outlet', 'scale'] as const) {
      const t = text(p, `${f}.${k}`, s[k], { max: 300 });
      if (t) ref[k] = t;
    }
    const url = text(p, `${f}.url`, s.url, { max: 2000 });
    if (url) {
      if (!/^https?:\/\/[^\s]+$/i.test(url) || !URL.canParse(url)) p.add(`${f}.url`, 'must be an http(s) address');
      else ref.url = url;
    }
    // A bad address was already named above; saying it is missing too would mislead.
    if (ref.kind === 'link' && !url) p.add(`${f}.url`, 'is required for a link');
    if (ref.kind === 'report' && !ref.reportId) p.add(`${f}.reportId`, 'is required for a report');
    if (ref.kind === 'source' && !ref.sourceId) p.add(`${f}.sourceId`, 'is required for a source');
    out.push(ref);
  });
  return out;
}

/**
 * Checks an event document and returns it normalised (trimmed text, defaults filled), or
 * throws a ValidationError naming every bad field. `previousStatus` lets the status rules see
 * the change being made.
 */
export function validateEventData(input: unknown, previousStatus?: VerificationStatus): EventData {
  const p = new Problems();
  if (!isObject(input)) {
    p.add('event', 'must be an object');
    p.throwIfAny();
  }
  const v = input as Record<string, unknown>;

  let summary: EventData['summary'] = { en: '' };
  if (!isObject(v.summary)) p.add('summary.en', 'is required');
  else {
    summary = { en: text(p, 'summary.en', v.summary.en, { required: true, max: 300 }) ?? '' };
    const ru = text(p, 'summary.ru', v.summary.ru, { max: 300 });
    if (ru) summary.ru = ru;
  }
  const notes = text(p, 'notes', v.notes, { max: 5000 });

  let time = v.time as EventTime;
  if (!isObject(v.time)) p.add('time', 'is required');
  else {
    for (const [k, m] of timeProblems(v.time as Partial<EventTime>)) p.add(`time.${k}`, m);
    const t = v.time as unknown as EventTime;
    time = { start: t.start, precision: t.precision, timeZone: t.timeZone };
    if (t.end) time.end = t.end;
    if (t.approximate) time.approximate = true;
    if (typeof time.start === 'string' && !Number.isNaN(Date.parse(time.start))) time.start = new Date(time.start).toISOString();
    if (typeof time.end === 'string' && !Number.isNaN(Date.parse(time.end))) time.end = new Date(time.end).toISOString();
  }

  const loc = location(p, v.location);

  if (!isEventType(v.eventType)) p.add('eventType', `must be one of ${Object.keys(EVENT_TYPES).join(', ')}`);
  else if (!isSubEventOf(v.eventType, v.subEventType)) {
    p.add('subEventType', `must be one of ${EVENT_TYPES[v.eventType].join(', ')}`);
  }

  const a1 = actor(p, 'actor1', v.actor1, true);
  const a2 = actor(p, 'actor2', v.actor2, false);

  if (v.civilianTargeting !== undefined && typeof v.civilianTargeting !== 'boolean') p.add('civilianTargeting', 'must be true or false');

  let fatalities: ReportedFatalities = {};
  if (v.fatalities !== undefined && v.fatalities !== null) {
    if (!isObject(v.fatalities)) p.add('fatalities', 'must be an object with min, max and wording');
    else {
      for (const [k, m] of fatalitiesProblems(v.fatalities as ReportedFatalities)) p.add(`fatalities.${k}`, m);
      const f = v.fatalities as ReportedFatalities;
      fatalities = {};
      if (typeof f.min === 'number') fatalities.min = f.min;
      if (typeof f.max === 'number') fatalities.max = f.max;
      if (typeof f.wording === 'string' && f.wording.trim()) fatalities.wording = f.wording.trim();
    }
  }

  const status = v.status ?? 'unverified';
  if (!isVerificationStatus(status)) p.add('status', 'must be one of unverified, corroborated, verified, disputed, retracted');
  const statusReason = text(p, 'statusReason', v.statusReason, { max: 1000 });
  const refs = sources(p, v.sources);
  if (isVerificationStatus(status) && status !== previousStatus) {
    for (const m of statusChangeProblems({ from: previousStatus, to: status, sources: refs, reason: statusReason })) {
      p.add('status', m);
    }
  }

  let tags: string[] = [];
  if (v.tags !== undefined) {
    if (!Array.isArray(v.tags) || v.tags.some((t) => typeof t !== 'string' || t.length > 60))
      p.add('tags', 'must be a list of short words');
    else tags = [...new Set((v.tags as string[]).map((t) => t.trim()).filter(Boolean))];
  }

  const media = validateEventMedia(p, v.media);

  p.throwIfAny();
  const data: EventData = {
    summary,
    time,
    location: loc!,
    eventType: v.eventType as EventType,
    subEventType: v.subEventType as SubEventType,
    actor1: a1!,
    civilianTargeting: v.civilianTargeting === true,
    fatalities,
    status: status as VerificationStatus,
    sources: refs,
    tags,
  };
  if (notes) data.notes = notes;
  if (a2) data.actor2 = a2;
  if (statusReason) data.statusReason = statusReason;
  if (media) data.media = media;
  return data;
}

/** What changed between two revisions, field by field, for the history view. */
export function diffEventData(before: EventData | undefined, after: EventData): Array<{ field: string; before: unknown; after: unknown }> {
  // A document read back from jsonb has its keys reordered: compare objects inside lists by content.
  const sortedKeys = (_key: string, x: unknown) =>
    isObject(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x;
  const flat = (d: EventData | undefined) => {
    const out = new Map<string, string>();
    const walk = (prefix: string, v: unknown) => {
      if (isObject(v)) for (const [k, x] of Object.entries(v)) walk(prefix ? `${prefix}.${k}` : k, x);
      else if (v !== undefined) out.set(prefix, JSON.stringify(v, sortedKeys));
    };
    walk('', d);
    return out;
  };
  const a = flat(before);
  const b = flat(after);
  const changes: Array<{ field: string; before: unknown; after: unknown }> = [];
  for (const field of new Set([...a.keys(), ...b.keys()])) {
    if (a.get(field) !== b.get(field)) {
      changes.push({
        field,
        before: a.has(field) ? JSON.parse(a.get(field)!) : undefined,
        after: b.has(field) ? JSON.parse(b.get(field)!) : undefined,
      });
    }
  }
  return changes.sort((x, y) => x.field.localeCompare(y.field));
}
