/**
 * The event form and the event document, both ways: form fields to a state that can be shown
 * again, the state to a document for validateEventData, and a stored document back to a state.
 * Local date and clock are converted in the event's zone, so "14:00 in Zhanaozen" is stored
 * as the instant it was there on that day.
 */
import { EVENT_TYPE_LIST, EVENT_TYPES, type SubEventType } from '../../../core/coding.ts';
import type { FieldProblem } from '../../../core/errors.ts';
import type { EventData, SourceRef } from '../../../core/event.ts';
import { type PlaceCandidate, admin1Of, getPlace, resolvePlace } from '../../../core/gazetteer/search.ts';
import type { Place } from '../../../core/place.ts';
import {
  PART_OF_DAY_HOUR,
  type PartOfDay,
  isLocalClock,
  isLocalDate,
  isTimePrecision,
  isValidTimeZone,
  localClock,
  localDate,
  localParts,
  partOfDay,
  zonedToInstant,
} from '../../../core/time.ts';
import {
  type EventFormState,
  type SourceRowState,
  type SuggestedForm,
  emptyEventFormState,
  emptySourceRow,
} from '../../../publish/editor/event-form-state.ts';
import { mediaChoicesOf, mediaInputOf, readMediaChoices } from './event-form-media.ts';
import type { Form } from './guard.ts';
import { readSuggestedField } from './event-form-suggested.ts';
import { SUGGESTED_FIELDS } from '../../../core/reading/fields.ts';

const SOURCE_FIELDS = ['kind', 'url', 'outlet', 'title', 'scale', 'reportId', 'sourceId'] as const;
const MAX_SOURCE_ROWS = 100;

export function readEventForm(form: Form): EventFormState {
  const s = emptyEventFormState();
  const str = (name: string) => form.get(name);
  Object.assign(s, {
    summaryEn: str('summary_en'),
    summaryRu: str('summary_ru'),
    notes: str('notes'),
    placeQuery: str('place_query').trim(),
    prevQuery: str('prev_query').trim(),
    placeId: str('place_id').trim(),
    prevPlaceId: str('prev_place_id').trim(),
    locationName: str('location_name'),
    admin1: str('admin1'),
    country: str('country').trim().toUpperCase(),
    lat: str('lat').trim(),
    lon: str('lon').trim(),
    geoPrecision: str('geo_precision'),
    date: str('date').trim(),
    clock: str('clock').trim(),
    partOfDay: str('part_of_day'),
    endDate: str('end_date').trim(),
    endClock: str('end_clock').trim(),
    precision: str('precision'),
    approximate: str('approximate') === '1',
    timeZone: str('time_zone').trim(),
    subEventType: str('sub_event_type'),
    actor1Name: str('actor1_name'),
    actor1Type: str('actor1_type'),
    actor1Associated: str('actor1_associated'),
    actor2Name: str('actor2_name'),
    actor2Type: str('actor2_type'),
    actor2Associated: str('actor2_associated'),
    civilianTargeting: str('civilian_targeting') === '1',
    fatalitiesMin: str('fatalities_min').trim(),
    fatalitiesMax: str('fatalities_max').trim(),
    fatalitiesWording: str('fatalities_wording'),
    status: str('status'),
    statusReason: str('status_reason'),
    addLinkUrl: str('add_link_url').trim(),
    addLinkOutlet: str('add_link_outlet').trim(),
    addLinkTitle: str('add_link_title').trim(),
    addReportId: str('add_report_id').trim(),
    addSourceId: str('add_source_id').trim(),
    tags: str('tags'),
    reason: str('reason'),
    baseRevision: str('base_revision').trim(),
    fromReport: str('from_report').trim(),
    alsoReports: str('also_reports').trim(),
    suggested: readSuggestedField(str('suggested')),
    confirmed: SUGGESTED_FIELDS.filter((f) => str(`confirm_${f}`) === '1'),
    media: readMediaChoices(form),
  } satisfies Partial<EventFormState>);
  const count = Math.min(Number(/^\d{1,3}$/.test(str('src_count')) ? str('src_count') : 0), MAX_SOURCE_ROWS);
  for (let i = 0; i < count; i++) {
    if (str(`src_remove_${i}`) === '1') continue;
    const row = emptySourceRow('link');
    for (const k of SOURCE_FIELDS) row[k] = str(`src_${k}_${i}`).trim();
    s.sources.push(row);
  }
  return s;
}

/** Moves the "add a source" fields into the list, so they are shown and saved like the rest. */
export function addPendingSources(s: EventFormState): EventFormState {
  const sources = [...s.sources];
  if (s.addLinkUrl || s.addLinkOutlet || s.addLinkTitle) {
    sources.push({ ...emptySourceRow('link'), url: s.addLinkUrl, outlet: s.addLinkOutlet, title: s.addLinkTitle });
  }
  if (s.addReportId) sources.push({ ...emptySourceRow('report'), reportId: s.addReportId.replace(/^#/, '') });
  if (s.addSourceId) sources.push({ ...emptySourceRow('source'), sourceId: s.addSourceId.replace(/^#/, '') });
  return { ...s, sources, addLinkUrl: '', addLinkOutlet: '', addLinkTitle: '', addReportId: '', addSourceId: '' };
}

/** ACLED-style location name: "Almaty - Republic Square" for a place inside a city. */
export function locationNameOf(place: Place): string {
  const parent = place.parent ? getPlace(place.parent) : undefined;
  const inside = (place.kind === 'landmark' || place.kind === 'district') && parent;
  if (inside && !place.names.en.includes(parent.names.en)) return `${parent.names.en} - ${place.names.en}`;
  return place.names.en;
}

/** ACLED geo_precision a gazetteer place implies: a point in town is 1, a whole region 3. */
function geoPrecisionOf(place: Place): string {
  return place.kind === 'region' || place.kind === 'country' ? '3' : '1';
}

export interface PlaceResolution {
  state: EventFormState;
  candidates: PlaceCandidate[];
  problems: FieldProblem[];
}

/** A search result good enough to take without asking: a strong match well ahead of the next. */
function clearWinner(candidates: readonly PlaceCandidate[]): PlaceCandidate | undefined {
  const [first, second] = candidates;
  if (!first) return undefined;
  if (!second) return first;
  // Scores are rounded to thousandths; the epsilon keeps 1.0 vs 0.9 a clear lead despite binary fractions.
  return first.score >= 0.85 && first.score - second.score >= 0.1 - 1e-9 ? first : undefined;
}

/**
 * Runs a gazetteer search when the editor asked for one or typed a new place. A clear best match
 * is taken (and the others offered as radio buttons); otherwise the editor has to choose. A newly
 * chosen place fills coordinates, region and zone; coordinates typed by the editor are kept while
 * the place stays the same.
 */
export function resolveFormPlace(state: EventFormState, search: boolean): PlaceResolution {
  const s = { ...state };
  const problems: FieldProblem[] = [];
  let candidates: PlaceCandidate[] = [];
  const newQuery = Boolean(s.placeQuery) && s.placeQuery !== s.prevQuery;
  if ((search && s.placeQuery) || newQuery) {
    candidates = resolvePlace(s.placeQuery, { limit: 8, ...(isLocalDate(s.date) ? { date: s.date } : {}) });
    // A new query's clear winner beats the old choice; otherwise a choice that still matches stays.
    const current = candidates.some((c) => c.place.id === s.placeId) ? s.placeId : '';
    const winner = clearWinner(candidates)?.place.id ?? '';
    s.placeId = newQuery ? winner || current : current || winner;
    if (candidates.length === 0) {
      problems.push({
        field: 'location.placeId',
        message: `no gazetteer place matches “${s.placeQuery}”; try another spelling, or enter the name and coordinates below`,
      });
    } else if (!s.placeId) {
      problems.push({ field: 'location.placeId', message: `several places match “${s.placeQuery}”: choose one` });
    }
    if (candidates.length === 1) candidates = [];
    s.prevQuery = s.placeQuery;
  }
  const place = s.placeId ? getPlace(s.placeId) : undefined;
  if (s.placeId && !place) problems.push({ field: 'location.placeId', message: `unknown gazetteer place ${s.placeId}` });
  if (place) {
    if (s.placeId !== s.prevPlaceId) {
      const previous = s.prevPlaceId ? getPlace(s.prevPlaceId) : undefined;
      s.locationName = locationNameOf(place);
      s.lat = String(place.lat);
      s.lon = String(place.lon);
      s.geoPrecision = geoPrecisionOf(place);
      s.country = place.country;
      // A zone the editor typed on purpose survives a change of place; one that came from the old place does not.
      if (!s.timeZone || s.timeZone === previous?.timeZone) s.timeZone = place.timeZone;
    }
    s.admin1 = admin1Of(place)?.names.en ?? '';
    s.prevPlaceId = s.placeId;
  } else {
    s.prevPlaceId = '';
  }
  return { state: s, candidates, problems };
}

const splitList = (text: string) =>
  text
    .split(/[\n,]/)
    .map((x) => x.trim())
    .filter(Boolean);

function eventTypeOf(subEventType: string): string | undefined {
  return EVENT_TYPE_LIST.find((t) => (EVENT_TYPES[t] as readonly string[]).includes(subEventType));
}

/**
 * The document the form describes, and the problems only the form can see (a date that is not
 * a date, a clock missing for the chosen precision). Invalid parts are still passed on, so the
 * validator reports everything else in the same round.
 */
export function eventInputFromState(s: EventFormState): { input: Record<string, unknown>; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  const num = (field: string, value: string, integer: boolean): number | undefined => {
    if (!value) return undefined;
    const n = Number(value.replace(',', '.'));
    if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) {
      add(field, integer ? 'must be a whole number' : 'must be a number');
      return undefined;
    }
    return n;
  };

  const time = timeInput(s, add);

  const location: Record<string, unknown> = {
    name: s.locationName.trim(),
    country: s.country || undefined,
    lat: num('location.lat', s.lat, false),
    lon: num('location.lon', s.lon, false),
    geoPrecision: Number(s.geoPrecision),
  };
  if (s.placeId) location.placeId = s.placeId;
  if (s.admin1.trim()) location.admin1 = s.admin1.trim();

  const eventType = eventTypeOf(s.subEventType);
  if (!eventType) add('eventType', 'choose an event type');

  const actor = (name: string, type: string, associated: string) => ({
    name: name.trim(),
    type: /^[1-8]$/.test(type) ? Number(type) : undefined,
    associated: splitList(associated),
  });
  const actor2Given = Boolean(s.actor2Name.trim() || s.actor2Type || s.actor2Associated.trim());

  const fatalities: Record<string, unknown> = {};
  const min = num('fatalities.min', s.fatalitiesMin, true);
  const max = num('fatalities.max', s.fatalitiesMax, true);
  if (min !== undefined) fatalities.min = min;
  if (max !== undefined) fatalities.max = max;
  if (s.fatalitiesWording.trim()) fatalities.wording = s.fatalitiesWording.trim();

  const input: Record<string, unknown> = {
    summary: { en: s.summaryEn, ...(s.summaryRu.trim() ? { ru: s.summaryRu } : {}) },
    time,
    location,
    eventType,
    subEventType: s.subEventType as SubEventType,
    actor1: actor(s.actor1Name, s.actor1Type, s.actor1Associated),
    civilianTargeting: s.civilianTargeting,
    fatalities,
    status: s.status || 'unverified',
    sources: s.sources.map(sourceInput),
    tags: splitList(s.tags),
  };
  if (s.notes.trim()) input.notes = s.notes;
  if (actor2Given) input.actor2 = actor(s.actor2Name, s.actor2Type, s.actor2Associated);
  if (s.statusReason.trim()) input.statusReason = s.statusReason;
  const media = mediaInputOf(s.media);
  if (media) input.media = media;
  return { input, problems };
}

function timeInput(s: EventFormState, add: (field: string, message: string) => void): Record<string, unknown> {
  const precision = isTimePrecision(s.precision) ? s.precision : undefined;
  if (!precision) add('time.precision', 'choose how precisely the time is known');
  const zone = s.timeZone;
  const zoneOk = isValidTimeZone(zone);
  if (!zoneOk)
    add(
      'time.timeZone',
      zone ? `“${zone}” is not an IANA time zone such as Asia/Almaty` : 'is required: choose a place, or type a zone such as Asia/Almaty',
    );
  if (!s.date) add('time.start', 'the date is required');
  else if (!isLocalDate(s.date)) add('time.start', 'the date must be written YYYY-MM-DD');

  let clock: string | undefined;
  if (precision === 'part_of_day') {
    if (s.partOfDay in PART_OF_DAY_HOUR) clock = PART_OF_DAY_HOUR[s.partOfDay as PartOfDay];
    else add('time.partOfDay', 'choose the part of the day');
  } else if (s.clock) {
    if (isLocalClock(s.clock)) clock = s.clock;
    else add('time.clock', 'the time must be written HH:MM (24-hour)');
  } else if (precision === 'minute' || precision === 'hour') {
    add('time.clock', 'is required when the time is known to the hour or minute');
  }
  if (s.endClock && !isLocalClock(s.endClock)) add('time.endClock', 'the end time must be written HH:MM (24-hour)');
  if (s.endDate && !isLocalDate(s.endDate)) add('time.end', 'the end date must be written YYYY-MM-DD');

  const time: Record<string, unknown> = { precision: s.precision, timeZone: zone };
  if (zoneOk && isLocalDate(s.date)) {
    time.start = zonedToInstant(s.date, clock, zone).toISOString();
    const endDate = s.endDate || (s.endClock ? s.date : '');
    if (endDate && isLocalDate(endDate) && (!s.endClock || isLocalClock(s.endClock))) {
      time.end = zonedToInstant(endDate, s.endClock || undefined, zone).toISOString();
    }
  }
  if (s.approximate) time.approximate = true;
  return time;
}

function sourceInput(row: SourceRowState): Record<string, string> {
  const out: Record<string, string> = { kind: row.kind };
  for (const k of SOURCE_FIELDS) if (k !== 'kind' && row[k]) out[k] = row[k];
  return out;
}

/** Form problems first; a validator problem about a field the form already explained adds nothing. */
export function mergeProblems(form: readonly FieldProblem[], validator: readonly FieldProblem[]): FieldProblem[] {
  const seen = new Set(form.map((p) => p.field));
  return [...form, ...validator.filter((p) => !seen.has(p.field))];
}

/** The form for a stored document, ready to edit as revision `baseRevision`. */
export function stateFromEvent(data: EventData, baseRevision: number): EventFormState {
  const s = emptyEventFormState();
  const { time, location } = data;
  const clockKnown = time.precision === 'minute' || time.precision === 'hour';
  const shownClock = (instant: string) => {
    const clock = localClock(instant, time.timeZone);
    return clockKnown || clock !== '00:00' ? clock : '';
  };
  Object.assign(s, {
    summaryEn: data.summary.en,
    summaryRu: data.summary.ru ?? '',
    notes: data.notes ?? '',
    placeId: location.placeId ?? '',
    prevPlaceId: location.placeId ?? '',
    locationName: location.name,
    admin1: location.admin1 ?? '',
    country: location.country,
    lat: String(location.lat),
    lon: String(location.lon),
    geoPrecision: String(location.geoPrecision),
    date: localDate(time.start, time.timeZone),
    clock: time.precision === 'part_of_day' ? '' : shownClock(time.start),
    partOfDay: time.precision === 'part_of_day' ? partOfDay(localParts(new Date(time.start), time.timeZone).hour) : '',
    endDate: time.end ? localDate(time.end, time.timeZone) : '',
    endClock: time.end ? shownClock(time.end) : '',
    precision: time.precision,
    approximate: Boolean(time.approximate),
    timeZone: time.timeZone,
    subEventType: data.subEventType,
    actor1Name: data.actor1.name,
    actor1Type: String(data.actor1.type),
    actor1Associated: data.actor1.associated.join('\n'),
    actor2Name: data.actor2?.name ?? '',
    actor2Type: data.actor2 ? String(data.actor2.type) : '',
    actor2Associated: data.actor2?.associated.join('\n') ?? '',
    civilianTargeting: data.civilianTargeting,
    fatalitiesMin: data.fatalities.min == null ? '' : String(data.fatalities.min),
    fatalitiesMax: data.fatalities.max == null ? '' : String(data.fatalities.max),
    fatalitiesWording: data.fatalities.wording ?? '',
    status: data.status,
    statusReason: data.statusReason ?? '',
    sources: data.sources.map(sourceRowOf),
    tags: data.tags.join(', '),
    baseRevision: String(baseRevision),
    media: mediaChoicesOf(data),
  } satisfies Partial<EventFormState>);
  return s;
}

function sourceRowOf(ref: SourceRef): SourceRowState {
  const row = emptySourceRow(ref.kind);
  for (const k of SOURCE_FIELDS) if (k !== 'kind') row[k] = ref[k] ?? '';
  return row;
}

/**
 * A new event's form prefilled from a report: its first line as the summary, the report as a
 * source, and the gazetteer's place for the reporter's place field; the desk's suggestions
 * (event-form-suggested.ts) are laid over this.
 */
export function stateFromReport(report: { id: number; what: string; place_id: string | null }, suggested?: SuggestedForm): EventFormState {
  let s = emptyEventFormState();
  const line =
    report.what
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? '';
  s.summaryEn = line.length > 300 ? `${line.slice(0, 299)}…` : line;
  s.sources = [{ ...emptySourceRow('report'), reportId: String(report.id) }];
  s.fromReport = String(report.id);
  if (report.place_id && getPlace(report.place_id)) {
    s.placeId = report.place_id;
    s = resolveFormPlace(s, false).state;
  }
  return suggested ? withSuggestions(s, suggested) : s;
}

/** The state with the suggestions filled in and remembered. */
function withSuggestions(state: EventFormState, suggested: SuggestedForm): EventFormState {
  let s: EventFormState = { ...state, suggested, confirmed: [] };
  if (suggested.place) s = resolveFormPlace({ ...s, placeId: suggested.place.placeId }, false).state;
  if (suggested.time) {
    const { quote: _, ...time } = suggested.time;
    s = { ...s, ...time };
  }
  if (suggested.type) s.subEventType = suggested.type.subEventType;
  if (suggested.fatalities) {
    const f = suggested.fatalities;
    s = { ...s, fatalitiesMin: f.min, fatalitiesMax: f.max, fatalitiesWording: f.wording };
  }
  return s;
}
