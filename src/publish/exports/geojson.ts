/**
 * GeoJSON (RFC 7946) of published events: one Point feature per event, coordinates in
 * longitude-latitude order as the RFC requires. Written piece by piece so a caller can stream it.
 */
import { getPlace, placeName } from '../../core/gazetteer/search.ts';
import type { PublicEvent } from '../../core/public-event.ts';
import { readLocalTime } from '../../core/time.ts';
import { permalink } from '../feeds/describe.ts';
import { type MirrorAlarm, alarmLine } from '../mirror-alarm.ts';
import { textStream } from './stream.ts';

export interface EventFeature {
  type: 'Feature';
  id: number;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: {
    id: number;
    url: string;
    revision: number;
    event_date: string;
    local_time: string | null;
    time_zone: string;
    time_precision: PublicEvent['time']['precision'];
    event_type: PublicEvent['eventType'];
    sub_event_type: PublicEvent['subEventType'];
    status: PublicEvent['status'];
    fatalities: number;
    summary_en: string;
    summary_ru: string | null;
    location: string;
    location_ru: string | null;
    admin1: string | null;
    country: string;
    geo_precision: 1 | 2 | 3;
    published_at: string;
    /** A mirror's alarm, while it holds one (as in the CSV's column of that name). */
    mirror_alarm?: string;
  };
}

export function toFeature(ev: PublicEvent, origin: string): EventFeature {
  const place = ev.location.placeId ? getPlace(ev.location.placeId) : undefined;
  return {
    type: 'Feature',
    id: ev.id,
    geometry: { type: 'Point', coordinates: [ev.location.lon, ev.location.lat] },
    properties: {
      id: ev.id,
      url: permalink(origin, ev.id),
      revision: ev.revision,
      event_date: ev.localDate,
      local_time: readLocalTime(ev.time).clock ?? null,
      time_zone: ev.time.timeZone,
      time_precision: ev.time.precision,
      event_type: ev.eventType,
      sub_event_type: ev.subEventType,
      status: ev.status,
      fatalities: ev.fatalities.acled,
      summary_en: ev.summary.en,
      summary_ru: ev.summary.ru ?? null,
      location: ev.location.name,
      location_ru: place ? placeName(place, 'ru') : null,
      admin1: ev.location.admin1 ?? null,
      country: ev.location.country,
      geo_precision: ev.location.geoPrecision,
      published_at: ev.publishedAt,
    },
  };
}

/**
 * The FeatureCollection as text pieces: the opening, one feature at a time, the closing. A
 * mirror's alarms go in a foreign member `mirror_alarms` (RFC 7946 §6.1) and, since GIS tools
 * show only properties, in every feature's `mirror_alarm`.
 */
export async function* geojsonParts(
  events: AsyncIterable<PublicEvent>,
  origin: string,
  alarms: readonly MirrorAlarm[] = [],
): AsyncGenerator<string> {
  const line = alarms.length > 0 ? alarmLine(alarms) : undefined;
  yield `{"type":"FeatureCollection",${line === undefined ? '' : `"mirror_alarms":${JSON.stringify(alarms)},`}"features":[\n`;
  let first = true;
  for await (const ev of events) {
    const feature = toFeature(ev, origin);
    if (line !== undefined) feature.properties.mirror_alarm = line;
    yield (first ? '' : ',\n') + JSON.stringify(feature);
    first = false;
  }
  yield '\n]}\n';
}

export function geojsonStream(
  events: AsyncIterable<PublicEvent>,
  origin: string,
  alarms: readonly MirrorAlarm[] = [],
): ReadableStream<Uint8Array> {
  return textStream(geojsonParts(events, origin, alarms));
}
