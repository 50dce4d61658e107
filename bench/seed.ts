/**
 * Builds a synthetic chronicle fast: published events written straight into the read model in
 * batches, spread over places and days like the demo, so pages and exports see realistic rows.
 */
import { sampleEventData } from '../src/core/testing.ts';
import { PLACES } from '../src/core/gazetteer/places.ts';
import { admin1Of } from '../src/core/gazetteer/search.ts';
import { toPublicEvent } from '../src/core/public-event.ts';
import { zonedToInstant } from '../src/core/time.ts';
import { SUB_EVENT_TYPE_LIST, EVENT_TYPE_LIST, EVENT_TYPES } from '../src/core/coding.ts';
import { VERIFICATION_STATUSES } from '../src/core/verification.ts';
import type { Db } from '../src/store/db.ts';

const towns = PLACES.filter((p) => p.country === 'KAZ' && (p.kind === 'city' || p.kind === 'town' || p.kind === 'region'));

export async function seedPublishedEvents(db: Db, count: number, batch = 2000): Promise<void> {
  void SUB_EVENT_TYPE_LIST;
  for (let start = 0; start < count; start += batch) {
    const rows: unknown[] = [];
    const revisions: unknown[] = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const id = i + 1;
      const place = towns[i % towns.length]!;
      const eventType = EVENT_TYPE_LIST[i % EVENT_TYPE_LIST.length]!;
      const subs = EVENT_TYPES[eventType];
      const day = 1 + (i % 28);
      const clock = `${String(i % 24).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`;
      const data = sampleEventData({
        summary: { en: `Synthetic event ${id} in ${place.names.en}`, ru: `Условное событие ${id}, ${place.names.ru}` },
        time: {
          start: zonedToInstant(`2022-01-${String(day).padStart(2, '0')}`, clock, place.timeZone).toISOString(),
          precision: 'minute',
          timeZone: place.timeZone,
        },
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
        subEventType: subs[i % subs.length]!,
        status: VERIFICATION_STATUSES[i % 4]!,
        fatalities: i % 5 === 0 ? { min: i % 7, wording: 'as reported' } : {},
      });
      const at = '2022-02-01T00:00:00.000Z';
      const record = toPublicEvent(id, 1, data, at, at);
      rows.push({
        id,
        start: record.time.start,
        date: record.localDate,
        region: admin1Of(place)?.id ?? null,
        type: record.eventType,
        status: record.status,
        record,
      });
      revisions.push({ id, data });
    }
    await db.transaction(async (tx) => {
      await tx.query(
        `insert into events (id, latest_revision, published_revision, first_published_at, published_at,
           pub_start, pub_local_date, pub_region, pub_event_type, pub_status, pub_record)
         select (x->>'id')::int, 1, 1, '2022-02-01', '2022-02-01', (x->>'start')::timestamptz, (x->>'date')::date,
           x->>'region', x->>'type', x->>'status', x->'record'
         from jsonb_array_elements($1::jsonb) as x`,
        [JSON.stringify(rows)],
      );
      await tx.query(
        `insert into event_revisions (event_id, revision, reason, data, published_at)
         select (x->>'id')::int, 1, 'synthetic', x->'data', '2022-02-01' from jsonb_array_elements($1::jsonb) as x`,
        [JSON.stringify(revisions)],
      );
    });
  }
  await db.query(`select setval(pg_get_serial_sequence('events', 'id'), (select max(id) from events))`);
}
