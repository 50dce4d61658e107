/**
 * The event form as typed: every control's value as a string, so a refused form comes back
 * exactly as the editor left it. The server turns it into an event document and back.
 */
import type { SuggestedField } from '../../core/reading/fields.ts';

export interface SourceRowState {
  kind: string;
  url: string;
  outlet: string;
  title: string;
  scale: string;
  reportId: string;
  sourceId: string;
}

/** One photo or video of a linked report as the form shows it: published with the event when chosen. */
export interface MediaChoiceState {
  /** SHA-256 of the stripped copy. */
  sha256: string;
  chosen: boolean;
  caption: string;
}

/** The time fields of the form. */
export type FormTime = Pick<
  EventFormState,
  'date' | 'clock' | 'partOfDay' | 'endDate' | 'endClock' | 'precision' | 'approximate' | 'timeZone'
>;

/** The desk's suggestions as form values, with the words each came from (`quote`). */
export interface SuggestedForm {
  place?: { placeId: string; quote: string };
  time?: FormTime & { quote: string };
  type?: { subEventType: string; quote: string };
  fatalities?: { min: string; max: string; wording: string; quote: string };
}

export interface EventFormState {
  summaryEn: string;
  summaryRu: string;
  notes: string;
  /** What the editor typed to search the gazetteer. */
  placeQuery: string;
  /** The query the page was last rendered for: a different one starts a new search. */
  prevQuery: string;
  placeId: string;
  /** The place the page was last rendered with: a different one refills coordinates and zone. */
  prevPlaceId: string;
  locationName: string;
  admin1: string;
  country: string;
  lat: string;
  lon: string;
  geoPrecision: string;
  date: string;
  clock: string;
  partOfDay: string;
  endDate: string;
  endClock: string;
  precision: string;
  approximate: boolean;
  timeZone: string;
  subEventType: string;
  actor1Name: string;
  actor1Type: string;
  actor1Associated: string;
  actor2Name: string;
  actor2Type: string;
  actor2Associated: string;
  civilianTargeting: boolean;
  fatalitiesMin: string;
  fatalitiesMax: string;
  fatalitiesWording: string;
  status: string;
  statusReason: string;
  sources: SourceRowState[];
  addLinkUrl: string;
  addLinkOutlet: string;
  addLinkTitle: string;
  addReportId: string;
  addSourceId: string;
  tags: string;
  reason: string;
  baseRevision: string;
  /** Report the event is being coded from; linked when the event is created. */
  fromReport: string;
  /** The other open reports of its incident, linked with it when the event is created ("12,15"). */
  alsoReports: string;
  /** What the desk suggested from that report, remembered in a hidden field. */
  suggested: SuggestedForm;
  /** The suggested fields the editor ticked as checked. */
  confirmed: string[];
  media: MediaChoiceState[];
}

export function emptyEventFormState(): EventFormState {
  return {
    summaryEn: '',
    summaryRu: '',
    notes: '',
    placeQuery: '',
    prevQuery: '',
    placeId: '',
    prevPlaceId: '',
    locationName: '',
    admin1: '',
    country: '',
    lat: '',
    lon: '',
    geoPrecision: '1',
    date: '',
    clock: '',
    partOfDay: '',
    endDate: '',
    endClock: '',
    precision: 'day',
    approximate: false,
    timeZone: '',
    subEventType: '',
    actor1Name: '',
    actor1Type: '',
    actor1Associated: '',
    actor2Name: '',
    actor2Type: '',
    actor2Associated: '',
    civilianTargeting: false,
    fatalitiesMin: '',
    fatalitiesMax: '',
    fatalitiesWording: '',
    status: 'unverified',
    statusReason: '',
    sources: [],
    addLinkUrl: '',
    addLinkOutlet: '',
    addLinkTitle: '',
    addReportId: '',
    addSourceId: '',
    tags: '',
    reason: '',
    baseRevision: '',
    fromReport: '',
    alsoReports: '',
    suggested: {},
    confirmed: [],
    media: [],
  };
}

export function emptySourceRow(kind: string): SourceRowState {
  return { kind, url: '', outlet: '', title: '', scale: '', reportId: '', sourceId: '' };
}

/** The time as one string, to compare what was suggested with what the form holds. */
function timeValue(t: FormTime): string {
  if (!t.date) return '';
  return [t.date, t.clock || t.partOfDay, t.endDate, t.endClock, t.precision, t.timeZone].join(' ').replace(/\s+/g, ' ').trim();
}

const fatalitiesValue = (min: string, max: string) => (min || max ? `${min}–${max}` : '');

/** One field group's value as the form holds it, compared as a string. */
export function formValue(field: SuggestedField, s: EventFormState): string {
  switch (field) {
    case 'place':
      return s.placeId;
    case 'time':
      return timeValue(s);
    case 'type':
      return s.subEventType;
    case 'fatalities':
      return fatalitiesValue(s.fatalitiesMin, s.fatalitiesMax);
  }
}

/** The value each suggestion put in the form. */
export function suggestedValue(field: SuggestedField, suggested: SuggestedForm): string | undefined {
  switch (field) {
    case 'place':
      return suggested.place?.placeId;
    case 'time':
      return suggested.time && timeValue(suggested.time);
    case 'type':
      return suggested.type?.subEventType;
    case 'fatalities':
      return suggested.fatalities && fatalitiesValue(suggested.fatalities.min, suggested.fatalities.max);
  }
}

/** Per suggested field: still as suggested, changed, or cleared. */
export function suggestionState(state: EventFormState, field: SuggestedField): 'suggested' | 'confirmed' | 'changed' | undefined {
  const was = suggestedValue(field, state.suggested);
  if (was === undefined) return undefined;
  if (formValue(field, state) !== was) return 'changed';
  return state.confirmed.includes(field) ? 'confirmed' : 'suggested';
}
