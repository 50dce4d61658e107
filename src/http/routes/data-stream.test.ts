/**
 * Exports of any size must stream: 20,000 events go out chunk by chunk, each chunk small,
 * instead of being built in memory first. Rows are made in SQL so the test spends its time on
 * the export, not on inserting.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { toPublicEvent } from '../../core/public-event.ts';
import { sampleEventData } from '../../core/testing.ts';
import { type TestApp, openTestApp } from '../testing.ts';

const N = 20_000;
let t: TestApp;

before(async () => {
  t = await openTestApp();
  const template = toPublicEvent(
    0,
    1,
    sampleEventData({ summary: { en: 'Bulk event', ru: 'Массовое событие, «кавычки», запятые' } }),
    '2022-01-06T00:00:00.000Z',
    '2022-01-06T00:00:00.000Z',
  );
  await t.db.query(
    `insert into events (id, latest_revision, published_revision, first_published_at, published_at,
       pub_start, pub_local_date, pub_region, pub_event_type, pub_status, pub_record)
     select g, 1, 1, ts, ts, start, (start at time zone 'Asia/Almaty')::date, 'kz-almaty', 'Protests', 'unverified',
       $1::jsonb || jsonb_build_object('id', g, 'localDate', to_char((start at time zone 'Asia/Almaty')::date, 'YYYY-MM-DD'),
         'time', jsonb_build_object('start', to_char(start at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'precision', 'minute', 'timeZone', 'Asia/Almaty'))
     from generate_series(1, ${N}) as g,
       lateral (select timestamptz '2022-01-01 00:00:00+00' + g * interval '1 minute' as start,
                       timestamptz '2022-01-20 00:00:00+00' + g * interval '1 second' as ts) as x`,
    [JSON.stringify(template)],
  );
  await t.db.query(`select setval('events_id_seq', ${N})`);
});

after(async () => {
  await t.close();
});

async function consume(path: string): Promise<{ chunks: number; largest: number; text: string[] }> {
  const res = await t.app.request(`http://localhost${path}`);
  assert.equal(res.status, 200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let chunks = 0;
  let largest = 0;
  const text: string[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks++;
    largest = Math.max(largest, value.byteLength);
    text.push(decoder.decode(value, { stream: true }));
  }
  return { chunks, largest, text };
}

test(`the CSV of ${N} events arrives in many small chunks with every row`, async () => {
  const { chunks, largest, text } = await consume('/events.csv');
  const body = text.join('');
  assert.equal(body.split('\r\n').length - 1, N + 1, 'header plus one line per event');
  assert.ok(chunks >= 20, `streamed in ${chunks} chunks, not built whole`);
  assert.ok(largest < 256 * 1024, `largest chunk ${largest} bytes`);
  assert.match(body, /^event_id_cnty,/);
  assert.match(body, new RegExp(`\r\nKAZ${N},`));
});

test('the GeoJSON of the same events streams too and parses', async () => {
  const { chunks, largest, text } = await consume('/events.geojson');
  assert.ok(chunks >= 20, `streamed in ${chunks} chunks`);
  assert.ok(largest < 256 * 1024);
  const doc = JSON.parse(text.join(''));
  assert.equal(doc.features.length, N);
  assert.equal(doc.features[0].properties.event_date, '2022-01-01');
});

test('a client that stops reading early does not make the server fetch the rest', async () => {
  // ctx.db is t.db: count the batches the export asks the database for.
  const query = t.db.query.bind(t.db);
  let batches = 0;
  t.db.query = ((sql: string, params?: readonly unknown[]) => {
    if (/select id, to_char\(pub_local_date/.test(sql)) batches++;
    return query(sql, params);
  }) as typeof t.db.query;
  try {
    const res = await t.app.request('http://localhost/events.csv');
    const reader = res.body!.getReader();
    const first = await reader.read();
    assert.ok(first.value && first.value.byteLength > 0);
    await reader.cancel();
    await new Promise((r) => setTimeout(r, 50));
    assert.ok(batches >= 1 && batches <= 3, `fetched ${batches} of ${N / 500} batches`);
  } finally {
    t.db.query = query;
  }
});
