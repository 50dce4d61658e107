/**
 * The event form as typed: every control's value as a string, so a refused form comes back
 * exactly as the editor left it. The server turns it into an event document and back.
 */

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
    media: [],
  };
}

export function emptySourceRow(kind: string): SourceRowState {
  return { kind, url: '', outlet: '', title: '', scale: '', reportId: '', sourceId: '' };
}
