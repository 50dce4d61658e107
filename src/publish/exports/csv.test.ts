import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventData } from '../../core/event.ts';
import { toPublicEvent } from '../../core/public-event.ts';
import { sampleEventData } from '../../core/testing.ts';
import { ACLED_COLUMNS, csvField, csvStream, guardFormula, toAcledRow } from './csv.ts';
import { parse as parseCsvStrictly } from 'csv-parse/sync';
import { parseCsv } from './testing.ts';

async function* from<T>(xs: T[]): AsyncGenerator<T> {
  for (const x of xs) yield x;
}

async function csvOf(events: ReturnType<typeof toPublicEvent>[]): Promise<string> {
  return new Response(csvStream(from(events))).text();
}

const ACLED_HEADER =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';

test("the header is ACLED's column list in ACLED's order, with no byte-order mark", async () => {
  const text = await csvOf([]);
  assert.equal(text, `${ACLED_HEADER}\r\n`);
  assert.equal(ACLED_COLUMNS.join(','), ACLED_HEADER);
  const bytes = new Uint8Array(await new Response(csvStream(from([]))).arrayBuffer());
  assert.notDeepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
});

const hard = toPublicEvent(
  17,
  2,
  sampleEventData({
    summary: { en: 'Shots near the akimat, "many" hurt, crowd of 5,000' },
    notes: 'Witness said:\nпервая строка, "цитата"\r\nsecond line',
    time: { start: '2022-01-05T19:30:00.000Z', precision: 'minute', timeZone: 'Asia/Almaty' },
    actor1: { name: 'Police Forces of Kazakhstan (2019-)', type: 1, associated: ['National Guard', 'Special forces'] },
    actor2: { name: 'Protesters (Kazakhstan)', type: 6, associated: [] },
    eventType: 'Protests',
    subEventType: 'Excessive force against protesters',
    civilianTargeting: true,
    fatalities: { min: 3, max: 10, wording: 'several' },
    status: 'disputed',
    statusReason: 'Official figure differs',
    location: {
      placeId: 'kz-almaty-akimat',
      name: 'Almaty',
      admin1: 'Almaty',
      country: 'KAZ',
      lat: 43.23812345,
      lon: 76.94567891,
      geoPrecision: 1,
    },
    sources: [
      { kind: 'link', url: 'https://www.example.org/a', outlet: 'Vlast.kz', scale: 'National' },
      { kind: 'link', url: 'https://news.example.com/b', scale: 'International' },
      { kind: 'report', reportId: 'R-SECRET-1' },
    ],
    tags: ['crowd size=5000'],
  }),
  '2022-01-07T00:00:00.000Z',
  '2022-01-06T00:00:00.000Z',
);

test('a row with commas, quotes, newlines and Cyrillic survives a round trip', async () => {
  const rows = parseCsv(await csvOf([hard]));
  assert.equal(rows.length, 2);
  const row = Object.fromEntries(ACLED_COLUMNS.map((c, i) => [c, rows[1]![i]]));
  assert.equal(rows[1]!.length, ACLED_COLUMNS.length);
  assert.equal(
    row.notes,
    '[Disputed: Official figure differs] Shots near the akimat, "many" hurt, crowd of 5,000. Witness said:\nпервая строка, "цитата"\r\nsecond line',
  );
  assert.equal(row.event_id_cnty, 'KAZ17');
  assert.equal(row.event_date, '2022-01-06', 'the local date: 19:30 UTC is past midnight in Almaty');
  assert.equal(row.year, '2022');
  assert.equal(row.time_precision, '1');
  assert.equal(row.disorder_type, 'Political violence; Demonstrations');
  assert.equal(row.actor1, 'Police Forces of Kazakhstan (2019-)');
  assert.equal(row.assoc_actor_1, 'National Guard; Special forces');
  assert.equal(row.inter1, 'State forces');
  assert.equal(row.inter2, 'Protesters');
  assert.equal(row.interaction, 'State forces-Protesters');
  assert.equal(row.civilian_targeting, 'Civilian targeting');
  assert.equal(row.iso, '398');
  assert.equal(row.region, 'Caucasus and Central Asia');
  assert.equal(row.country, 'Kazakhstan');
  assert.equal(row.latitude, '43.2381');
  assert.equal(row.longitude, '76.9457');
  assert.equal(row.source, 'Vlast.kz; news.example.com; Undisclosed Source', 'the private report is named, not shown');
  assert.equal(row.source_scale, 'National-International');
  assert.equal(row.fatalities, '3');
  assert.equal(row.tags, 'crowd size=5000; verification=disputed');
  assert.equal(row.timestamp, String(Date.UTC(2022, 0, 7) / 1000));
});

test('private sources never reach the CSV', async () => {
  const text = await csvOf([hard]);
  assert.doesNotMatch(text, /R-SECRET-1/);
});

test('notes say the status unless verified; verified rows carry only the text', () => {
  const verified = toPublicEvent(
    1,
    1,
    sampleEventData({ status: 'verified', statusReason: 'Geolocated video' }),
    '2022-01-07T00:00:00.000Z',
    '2022-01-07T00:00:00.000Z',
  );
  assert.match(toAcledRow(verified).notes, /^Crowd gathers/);
  const unverified = toPublicEvent(2, 1, sampleEventData(), '2022-01-07T00:00:00.000Z', '2022-01-07T00:00:00.000Z');
  assert.match(toAcledRow(unverified).notes, /^\[Unverified\] Crowd gathers/);
  assert.equal(toAcledRow(unverified).actor2, '');
  assert.equal(toAcledRow(unverified).inter2, '');
  assert.equal(toAcledRow(unverified).interaction, 'Protesters only');
  assert.equal(toAcledRow(unverified).civilian_targeting, '');
});

test('ISO numeric codes and ACLED regions for other countries of the gazetteer', () => {
  const at = (country: string) =>
    toAcledRow(
      toPublicEvent(
        3,
        1,
        sampleEventData({ location: { name: 'X', country, lat: 1, lon: -2.5, geoPrecision: 3 } }),
        '2022-01-07T00:00:00.000Z',
        '2022-01-07T00:00:00.000Z',
      ),
    );
  assert.equal(at('ARM').iso, '51');
  assert.equal(at('ARM').event_id_cnty, 'ARM3');
  assert.equal(at('RUS').iso, '643');
  assert.equal(at('RUS').country, 'Russia');
  assert.equal(at('KGZ').region, 'Caucasus and Central Asia');
  assert.equal(at('FRA').iso, '', 'unknown countries leave iso empty rather than guess');
  assert.equal(at('FRA').longitude, '-2.5000', 'negative numbers are not mistaken for formulas');
});

test('fields a spreadsheet would run as a formula are defused; numbers are left alone', () => {
  assert.equal(guardFormula('=HYPERLINK("http://x","y")'), `'=HYPERLINK("http://x","y")`);
  assert.equal(guardFormula('+7 701 000'), `'+7 701 000`);
  assert.equal(guardFormula('@SUM(A1)'), `'@SUM(A1)`);
  assert.equal(guardFormula('\tcmd'), `'\tcmd`);
  assert.equal(guardFormula('-2+3+cmd|x'), `'-2+3+cmd|x`);
  assert.equal(guardFormula('-43.2500'), '-43.2500');
  assert.equal(guardFormula('Almaty = city'), 'Almaty = city');
  assert.equal(csvField('=1+1,2'), `"'=1+1,2"`);
});

test('a summary starting with = is exported defused', async () => {
  const ev = toPublicEvent(
    4,
    1,
    sampleEventData({ status: 'verified', statusReason: 'x', actor1: { name: '=cmd|calc', type: 5, associated: [] } }),
    '2022-01-07T00:00:00.000Z',
    '2022-01-07T00:00:00.000Z',
  );
  const rows = parseCsv(await csvOf([ev]));
  assert.equal(rows[1]![ACLED_COLUMNS.indexOf('actor1')], "'=cmd|calc");
});

const at = (sources: EventData['sources']) =>
  toAcledRow(toPublicEvent(5, 1, sampleEventData({ sources }), '2022-01-07T00:00:00.000Z', '2022-01-07T00:00:00.000Z'));

test('an event whose sources are all private still names a source, as ACLED does for anonymous partners', () => {
  assert.equal(
    at([
      { kind: 'report', reportId: 'R1' },
      { kind: 'source', sourceId: 'S1' },
    ]).source,
    'Undisclosed Source',
  );
  assert.equal(at([]).source, 'Undisclosed Source');
  assert.equal(at([{ kind: 'link', url: 'https://vlast.kz/a' }]).source, 'vlast.kz', 'public sources alone need no placeholder');
});

test("source_scale is the same whatever order the sources come in, in ACLED's order", () => {
  const a = { kind: 'link' as const, url: 'https://a.example/1', scale: 'International' };
  const b = { kind: 'link' as const, url: 'https://b.example/1', scale: 'New media' };
  const c = { kind: 'link' as const, url: 'https://c.example/1', scale: 'Subnational' };
  const orders = [
    [a, b, c],
    [c, b, a],
    [b, a, c],
    [c, a, b],
  ].map((s) => at(s).source_scale);
  assert.deepEqual(new Set(orders), new Set(['New media-Subnational-International']));
  assert.equal(
    at([
      { ...a, scale: 'National' },
      { ...b, scale: 'Local partner' },
    ]).source_scale,
    'Local partner-National',
  );
  assert.equal(
    at([
      { ...a, scale: 'Zonal' },
      { ...b, scale: 'Other' },
      { ...c, scale: 'Alpha' },
    ]).source_scale,
    'Other-Alpha-Zonal',
  );
});

test("an independent CSV parser (csv-parse, strict) reads the export: every row whole, every label ACLED's", async () => {
  const text = await csvOf([
    hard,
    toPublicEvent(
      6,
      1,
      sampleEventData({ sources: [{ kind: 'report', reportId: 'R9' }] }),
      '2022-01-07T00:00:00.000Z',
      '2022-01-07T00:00:00.000Z',
    ),
  ]);
  const records = parseCsvStrictly(text, {
    columns: true,
    relax_quotes: false,
    relax_column_count: false,
    record_delimiter: '\r\n',
    bom: false,
  }) as AcledRowOf[];
  assert.equal(records.length, 2);
  const inters = new Set([
    'State forces',
    'Rebel group',
    'Political militia',
    'Identity militia',
    'Rioters',
    'Protesters',
    'Civilians',
    'External/Other forces',
    '',
  ]);
  for (const r of records) {
    assert.ok(inters.has(r.inter1) && inters.has(r.inter2), `${r.inter1} / ${r.inter2}`);
    assert.notEqual(r.source, '');
  }
  assert.equal(records[1]!.source, 'Undisclosed Source');
});

type AcledRowOf = Record<(typeof ACLED_COLUMNS)[number], string>;

test('events published with the old plural labels are exported with the codebook labels', () => {
  const ev = toPublicEvent(
    7,
    1,
    sampleEventData({
      actor1: { name: 'Unidentified Armed Group (Kazakhstan)', type: 3, associated: [] },
      actor2: { name: 'Civilians (Kazakhstan)', type: 7, associated: [] },
    }),
    '2022-01-07T00:00:00.000Z',
    '2022-01-07T00:00:00.000Z',
  );
  const stored = { ...ev, interaction: 'Political militias-Civilians' };
  assert.equal(toAcledRow(stored).interaction, 'Political militia-Civilians');
  assert.equal(toAcledRow(stored).inter1, 'Political militia');
});
