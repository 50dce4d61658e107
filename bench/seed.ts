/**
 * Builds a synthetic chronicle fast: published events inserted in batches with the rows that
 * publishing writes (the event with its read model, its revision, its publication with the
 * public record; the tallies follow from migration 010's trigger), spread over places, days,
 * types and statuses by a fixed pseudo-random sequence, a couple of thousand events a day as a
 * large crisis would have. Log entries are not written: no page the benchmark reads needs them.
 */
import { sampleEventData } from '../src/core/testing.ts';
import { PLACES } from '../src/core/gazetteer/places.ts';
import { admin1Of } from '../src/core/gazetteer/search.ts';
import { type PublicEvent, toPublicEvent } from '../src/core/public-event.ts';
import type { EventData } from '../src/core/event.ts';
import { zonedToInstant } from '../src/core/time.ts';
import { EVENT_TYPE_LIST, EVENT_TYPES } from '../src/core/coding.ts';
import { VERIFICATION_STATUSES } from '../src/core/verification.ts';
import type { Db } from '../src/store/db.ts';

const towns = PLACES.filter((p) => p.country === 'KAZ' && (p.kind === 'city' || p.kind === 'town' || p.kind === 'region'));
const EVENTS_PER_DAY = 2500;
const DAY_MS = 86_400_000;

/** A small deterministic generator (mulberry32): the same store every run. */
function randomSequence(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedPublishedEvents(db: Db, count: number, batch = 2000): Promise<void> {
  const random = randomSequence(count);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const days = Math.max(28, Math.ceil(count / EVENTS_PER_DAY));
  const firstDay = Date.UTC(2022, 0, 1);
  const at = '2022-02-01T00:00:00.000Z';
  for (let start = 0; start < count; start += batch) {
    const rows: Array<{ id: number; region: string | null; record: PublicEvent; data: EventData }> = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const id = i + 1;
      const place = pick(towns);
      const eventType = pick(EVENT_TYPE_LIST);
      const day = new Date(firstDay + Math.floor(random() * days) * DAY_MS).toISOString().slice(0, 10);
      const minute = Math.floor(random() * 1440);
      const clock = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      const status = pick(VERIFICATION_STATUSES.slice(0, 4));
      const data = sampleEventData({
        summary: { en: `Synthetic event ${id} in ${place.names.en}`, ru: `Условное событие ${id}, ${place.names.ru}` },
        time: { start: zonedToInstant(day, clock, place.timeZone).toISOString(), precision: 'minute', timeZone: place.timeZone },
        location: {
          placeId: place.id,
          name: place.names.en,
          admin1: admin1Of(place)?.names.en ?? place.names.en,
          country: 'KAZ',
          lat: place.lat,
          lon: place.lon,
          geoPrecision: 1,
        },
        eventType,
        subEventType: pick(EVENT_TYPES[eventType]),
        status,
        ...(status === 'unverified' ? {} : { statusReason: 'checked against two sources' }),
        fatalities: i % 5 === 0 ? { min: i % 7, wording: 'as reported' } : {},
      });
      const record = toPublicEvent(id, 1, data, at, at);
      rows.push({ id, region: admin1Of(place)?.id ?? null, record, data });
    }
    await db.transaction(async (tx) => {
      await tx.query(
        `insert into events (id, latest_revision, published_revision, first_published_at, published_at,
           pub_start, pub_local_date, pub_region, pub_event_type, pub_status, pub_record, pub_lon, pub_lat, pub_place_id, pub_place_name)
         select (x->>'id')::int, 1, 1, $2, $2, (x->'record'->'time'->>'start')::timestamptz, (x->'record'->>'localDate')::date,
           x->>'region', x->'record'->>'eventType', x->'record'->>'status', x->'record',
           (x->'record'->'location'->>'lon')::float8, (x->'record'->'location'->>'lat')::float8,
           x->'record'->'location'->>'placeId', x->'record'->'location'->>'name'
         from jsonb_array_elements($1::jsonb) as x`,
        [JSON.stringify(rows.map((r) => ({ id: r.id, region: r.region, record: r.record }))), at],
      );
      await tx.query(
        `insert into event_revisions (event_id, revision, reason, data, created_at, published_at)
         select (x->>'id')::int, 1, 'synthetic', x->'data', $2, $2 from jsonb_array_elements($1::jsonb) as x`,
        [JSON.stringify(rows.map((r) => ({ id: r.id, data: r.data }))), at],
      );
      await tx.query(
        `insert into publications (event_id, revision, action, at, record)
         select (x->>'id')::int, 1, 'publish', $2, x->'record' from jsonb_array_elements($1::jsonb) as x`,
        [JSON.stringify(rows.map((r) => ({ id: r.id, record: r.record }))), at],
      );
    });
  }
  await db.query(`select setval(pg_get_serial_sequence('events', 'id'), (select max(id) from events))`);
}
