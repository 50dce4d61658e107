/**
 * Turns a demo event (local date and clock at a gazetteer place) into an EventData document,
 * the same shape the editors' form produces. Pure: no store, no clock.
 */
import type { EventData, EventLocation } from '../core/event.ts';
import { admin1Of, getPlace } from '../core/gazetteer/search.ts';
import type { Place } from '../core/place.ts';
import { type EventTime, zonedToInstant } from '../core/time.ts';
import type { DemoEvent, DemoEventFields } from './kazakhstan-2022.ts';

/** The gazetteer place of a demo event; throws on an id the gazetteer does not know. */
export function demoPlace(placeId: string): Place {
  const place = getPlace(placeId);
  if (!place) throw new Error(`demo event uses a place id the gazetteer does not know: ${placeId}`);
  return place;
}

function demoTime(e: DemoEventFields, timeZone: string): EventTime {
  const time: EventTime = {
    start: zonedToInstant(e.date, e.clock, timeZone).toISOString(),
    precision: e.precision,
    timeZone,
  };
  // An interval without an end clock runs to the end of its last local day.
  if (e.endDate || e.endClock) {
    time.end = zonedToInstant(e.endDate ?? e.date, e.endClock ?? '23:59', timeZone).toISOString();
  }
  if (e.approximate) time.approximate = true;
  return time;
}

function demoLocation(e: DemoEventFields, place: Place): EventLocation {
  const location: EventLocation = {
    placeId: place.id,
    name: place.names.en,
    country: place.country,
    lat: place.lat,
    lon: place.lon,
    geoPrecision: e.geoPrecision,
  };
  const region = admin1Of(place);
  if (region) location.admin1 = region.names.en;
  return location;
}

/**
 * The event as first published. Witness sources keep their demo key as `sourceId`; the loader
 * swaps it for the stored source's id.
 */
export function demoEventData(e: DemoEvent | DemoEventFields): EventData {
  const place = demoPlace(e.placeId);
  const data: EventData = {
    summary: { en: e.summary.en, ru: e.summary.ru },
    notes: e.notes,
    time: demoTime(e, place.timeZone),
    location: demoLocation(e, place),
    eventType: e.eventType,
    subEventType: e.subEventType,
    actor1: { ...e.actor1, associated: [...e.actor1.associated] },
    civilianTargeting: e.civilianTargeting ?? false,
    fatalities: { ...e.fatalities },
    status: e.status,
    sources: e.sources.map((s) => ({ ...s })),
    tags: [...(e.tags ?? [])],
  };
  if (e.actor2) data.actor2 = { ...e.actor2, associated: [...e.actor2.associated] };
  if (e.statusReason) data.statusReason = e.statusReason;
  return data;
}

/**
 * Every revision of a demo event in order: the first publication, then one per correction,
 * each applied on top of the one before, with the correction's reason.
 */
export function demoEventRevisions(e: DemoEvent): Array<{ data: EventData; reason: string; on: string }> {
  const { key: _key, corrections = [], ...first } = e;
  const revisions = [{ data: demoEventData(first), reason: 'Demo chronicle: first publication', on: first.date }];
  let fields: DemoEventFields = first;
  for (const c of corrections) {
    fields = { ...fields, ...c.changes };
    revisions.push({ data: demoEventData(fields), reason: c.reason, on: c.on });
  }
  return revisions;
}
