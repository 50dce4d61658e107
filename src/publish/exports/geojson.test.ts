import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toPublicEvent } from '../../core/public-event.ts';
import { sampleEventData } from '../../core/testing.ts';
import { geojsonStream } from './geojson.ts';

async function* from<T>(xs: T[]): AsyncGenerator<T> {
  for (const x of xs) yield x;
}

const ORIGIN = 'https://chronicle.example.org';

test('an empty collection is valid GeoJSON', async () => {
  const doc = JSON.parse(await new Response(geojsonStream(from([]), ORIGIN)).text());
  assert.deepEqual(doc, { type: 'FeatureCollection', features: [] });
});

test('features are Points in longitude, latitude order with the event properties', async () => {
  const events = [1, 2, 3].map((id) =>
    toPublicEvent(
      id,
      1,
      sampleEventData({
        location: {
          placeId: 'kz-zhanaozen',
          name: 'Zhanaozen',
          admin1: 'Mangystau',
          country: 'KAZ',
          lat: 43.34,
          lon: 52.86,
          geoPrecision: 1,
        },
        time: { start: '2022-01-02T05:00:00.000Z', precision: 'hour', timeZone: 'Asia/Aqtau' },
      }),
      '2022-01-03T00:00:00.000Z',
      '2022-01-03T00:00:00.000Z',
    ),
  );
  const doc = JSON.parse(await new Response(geojsonStream(from(events), ORIGIN)).text());
  assert.equal(doc.type, 'FeatureCollection');
  assert.equal(doc.features.length, 3);
  const f = doc.features[0];
  assert.equal(f.type, 'Feature');
  assert.deepEqual(f.geometry, { type: 'Point', coordinates: [52.86, 43.34] });
  assert.equal(f.properties.url, `${ORIGIN}/events/1`);
  assert.equal(f.properties.event_date, '2022-01-02');
  assert.equal(f.properties.local_time, '10:00', 'Zhanaozen was UTC+5');
  assert.equal(f.properties.event_type, 'Protests');
  assert.equal(f.properties.sub_event_type, 'Peaceful protest');
  assert.equal(f.properties.status, 'unverified');
  assert.equal(f.properties.fatalities, 0);
  assert.match(f.properties.summary_ru, /площади Республики/);
  assert.equal(f.properties.location, 'Zhanaozen');
  assert.equal(f.properties.location_ru, 'Жанаозен');
  assert.equal(f.properties.admin1, 'Mangystau');
  assert.deepEqual(
    doc.features.map((x: { id: number }) => x.id),
    [1, 2, 3],
  );
});
