import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { EventData } from '../../core/event.ts';
import { sampleEventData } from '../../core/testing.ts';
import { ACLED_COLUMNS } from '../../publish/exports/csv.ts';
import { parseCsv } from '../../publish/exports/testing.ts';
import { assertWellFormedXml } from '../../publish/feeds/testing.ts';
import { createEvent, publishEvent, reviseEvent, unpublishEvent } from '../../store/events.ts';
import { publishSampleEvent } from '../../store/testing.ts';
import { type TestApp, anonymous, openTestApp } from '../testing.ts';

const SECRETS = ['RPT-SECRET-4711', 'SRC-SECRET-0815'];
const ORIGIN = 'http://localhost';

const zhanaozen: Partial<EventData> = {
  summary: { en: 'Drivers block the road in Zhanaozen over gas prices', ru: 'В Жанаозене водители перекрыли дорогу из-за цен на газ' },
  time: { start: '2022-01-02T05:00:00.000Z', precision: 'hour', timeZone: 'Asia/Aqtau' },
  location: { placeId: 'kz-zhanaozen', name: 'Zhanaozen', admin1: 'Mangystau', country: 'KAZ', lat: 43.34, lon: 52.86, geoPrecision: 1 },
};

let t: TestApp;
const ids = { almaty: 0, zhanaozen: 0, riot: 0, draft: 0, revised: 0, withdrawn: 0 };

before(async () => {
  t = await openTestApp();
  ids.almaty = await publishSampleEvent(
    t.db,
    sampleEventData({
      sources: [
        { kind: 'link', url: 'https://example.org/news/1', outlet: 'Example News' },
        { kind: 'report', reportId: SECRETS[0]! },
        { kind: 'source', sourceId: SECRETS[1]! },
      ],
    }),
    new Date('2022-01-06T00:00:00Z'),
  );
  ids.zhanaozen = await publishSampleEvent(t.db, sampleEventData(zhanaozen), new Date('2022-01-03T00:00:00Z'));
  ids.riot = await publishSampleEvent(
    t.db,
    sampleEventData({
      summary: { en: 'Akimat set on fire', ru: 'Подожжён акимат' },
      time: { start: '2022-01-05T09:00:00.000Z', precision: 'hour', timeZone: 'Asia/Almaty' },
      eventType: 'Riots',
      subEventType: 'Violent demonstration',
      actor1: { name: 'Rioters (Kazakhstan)', type: 5, associated: [] },
      status: 'verified',
      statusReason: 'Several videos geolocated',
    }),
    new Date('2022-01-07T00:00:00Z'),
  );
  ids.draft = await createEvent(t.db, null, sampleEventData({ summary: { en: 'DRAFT-ONLY never published' } }), 'draft');
  // Published at revision 1, then revised without publishing: the public sees revision 1 only.
  ids.revised = await publishSampleEvent(
    t.db,
    sampleEventData({ summary: { en: 'First published wording' } }),
    new Date('2022-01-04T00:00:00Z'),
  );
  await reviseEvent(t.db, ids.revised, null, sampleEventData({ summary: { en: 'DRAFT-REVISION not yet public' } }), 'edit', 1);
  ids.withdrawn = await publishSampleEvent(
    t.db,
    sampleEventData({ summary: { en: 'WITHDRAWN-EVENT taken down' } }),
    new Date('2022-01-05T00:00:00Z'),
  );
  await unpublishEvent(t.db, ids.withdrawn, null, new Date('2022-01-05T01:00:00Z'), 'names a bystander');
});

after(async () => {
  await t.close();
});

const get = (path: string, init?: RequestInit) => anonymous(t).get(path, init);

async function text(path: string): Promise<string> {
  const res = await get(path);
  assert.equal(res.status, 200, `${path}: ${res.status}`);
  return res.text();
}

const FILE_PATHS = ['/feed.atom', '/feed.json', '/events.geojson', '/events.csv', '/api/v1/events'];

describe('every format', () => {
  test('never shows drafts, unpublished revisions, withdrawn events or private sources', async () => {
    const outputs = await Promise.all([
      ...FILE_PATHS.map(text),
      text('/feed.atom?lang=ru'),
      text(`/api/v1/events/${ids.almaty}`),
      text(`/api/v1/events/${ids.almaty}/history`),
    ]);
    for (const body of outputs) {
      for (const needle of [...SECRETS, 'DRAFT-ONLY', 'DRAFT-REVISION', 'WITHDRAWN-EVENT', 'names a bystander', 'reportId', 'sourceId']) {
        assert.ok(!body.includes(needle), `${needle} leaked into ${body.slice(0, 80)}`);
      }
      assert.ok(
        body.includes('Republic Square') || body.includes('площади Республики'),
        'the check is not vacuous: the output has the public event',
      );
    }
  });

  test('apply the region filter', async () => {
    const q = '?region=kz-mangystau';
    const atom = await text(`/feed.atom${q}`);
    assert.equal(atom.match(/<entry>/g)?.length, 1);
    assert.match(atom, /Zhanaozen/);
    const feed = JSON.parse(await text(`/feed.json${q}`));
    assert.deepEqual(
      feed.items.map((i: { id: string }) => i.id),
      [`${ORIGIN}/events/${ids.zhanaozen}`],
    );
    assert.match(feed.feed_url, /region=kz-mangystau/);
    const geo = JSON.parse(await text(`/events.geojson${q}`));
    assert.deepEqual(
      geo.features.map((f: { id: number }) => f.id),
      [ids.zhanaozen],
    );
    const csv = parseCsv(await text(`/events.csv${q}`));
    assert.deepEqual(
      csv.slice(1).map((r) => r[0]),
      [`KAZ${ids.zhanaozen}`],
    );
    const api = JSON.parse(await text(`/api/v1/events${q}`));
    assert.deepEqual(
      api.events.map((e: { id: number }) => e.id),
      [ids.zhanaozen],
    );
  });

  test('apply type, status and date filters', async () => {
    const geo = JSON.parse(await text('/events.geojson?type=Riots'));
    assert.deepEqual(
      geo.features.map((f: { id: number }) => f.id),
      [ids.riot],
    );
    const csv = parseCsv(await text('/events.csv?status=verified'));
    assert.equal(csv.length, 2);
    assert.equal(csv[1]![ACLED_COLUMNS.indexOf('event_type')], 'Riots');
    const feed = JSON.parse(await text('/feed.json?from=2022-01-02&to=2022-01-02'));
    assert.equal(feed.items.length, 1);
    assert.match(feed.items[0].title, /Zhanaozen/);
  });

  test('refuse a bad filter with 422 naming the parameter, never a 500', async () => {
    for (const path of [...FILE_PATHS, '/data']) {
      const res = await get(`${path}?from=2022-13-45&type=Picnic`);
      assert.equal(res.status, 422, path);
      const body = await res.text();
      assert.match(body, /from/, path);
      assert.match(body, /type/, path);
    }
    const res = await get('/events.csv?region=DROP%20TABLE', { headers: { accept: 'application/json' } });
    assert.equal(res.status, 422);
    const json = await res.json();
    assert.deepEqual(
      json.error.problems.map((p: { field: string }) => p.field),
      ['region'],
    );
  });

  test('allow any origin to read them, cache for a minute and answer 304 when nothing changed', async () => {
    for (const path of [...FILE_PATHS, `/api/v1/events/${ids.almaty}`, '/openapi.json']) {
      const res = await get(path, { headers: { origin: 'https://elsewhere.example' } });
      assert.equal(res.headers.get('access-control-allow-origin'), '*', path);
      assert.equal(res.headers.get('cache-control'), 'public, max-age=60', path);
      const etag = res.headers.get('etag');
      assert.ok(etag, path);
      const again = await get(path, { headers: { 'if-none-match': etag } });
      assert.equal(again.status, 304, path);
      assert.equal(await again.text(), '');
      assert.equal(again.headers.get('access-control-allow-origin'), '*');
    }
    const other = await get('/feed.atom?region=kz-almaty', {
      headers: { 'if-none-match': (await get('/feed.atom')).headers.get('etag')! },
    });
    assert.equal(other.status, 200, 'a different filter is a different resource');
  });
});

describe('feeds', () => {
  test('the Atom feed lists the latest publications newest first, as well-formed Atom', async () => {
    const res = await get('/feed.atom');
    assert.equal(res.headers.get('content-type'), 'application/atom+xml; charset=utf-8');
    const xml = await res.text();
    assertWellFormedXml(xml);
    const ids_ = [...xml.matchAll(/<entry><id>[^<]*\/events\/(\d+)<\/id>/g)].map((m) => Number(m[1]));
    assert.deepEqual(
      ids_,
      [ids.riot, ids.almaty, ids.withdrawn, ids.revised, ids.zhanaozen],
      'the withdrawn event as a notice, in its place',
    );
    assert.match(xml, /<georss:point>43.34 52.86<\/georss:point>/);
  });

  test('?lang=ru gives Russian titles', async () => {
    const xml = await text('/feed.atom?lang=ru');
    assert.match(xml, /<title>Подожжён акимат<\/title>/);
    assert.match(xml, /<link rel="self" type="application\/atom\+xml" href="http:\/\/localhost\/feed.atom\?lang=ru"\/>/);
    const res = await get('/feed.atom?lang=ru');
    assert.equal(res.headers.get('set-cookie'), null, 'a publicly cached answer sets no cookie');
  });

  test('the JSON Feed is JSON Feed 1.1 with the right media type', async () => {
    const res = await get('/feed.json');
    assert.match(res.headers.get('content-type') ?? '', /^application\/feed\+json/);
    const feed = await res.json();
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(feed.items.length, 5);
    assert.equal(feed.items[0].date_modified, '2022-01-07T00:00:00.000Z');
  });

  test('the ETag changes when something is published', async () => {
    const before_ = (await get('/feed.atom')).headers.get('etag');
    const id = await publishSampleEvent(t.db, sampleEventData({ summary: { en: 'Late addition' } }), new Date('2022-01-08T00:00:00Z'));
    const res = await get('/feed.atom', { headers: { 'if-none-match': before_! } });
    assert.equal(res.status, 200);
    assert.match(await res.text(), /Late addition/);
    await t.db.transaction((tx) => unpublishEvent(tx, id, null, new Date('2022-01-08T01:00:00Z'), 'test cleanup'));
  });
});

describe('files', () => {
  test('the CSV is an ACLED-compatible attachment', async () => {
    const res = await get('/events.csv');
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8; header=present');
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="caravan-events.csv"');
    const rows = parseCsv(await res.text());
    assert.deepEqual(rows[0], [...ACLED_COLUMNS]);
    assert.equal(rows.length, 5);
    const almaty = rows.find((r) => r[0] === `KAZ${ids.almaty}`)!;
    assert.equal(almaty[ACLED_COLUMNS.indexOf('source')], 'Example News; Undisclosed Source');
    assert.equal(almaty[ACLED_COLUMNS.indexOf('iso')], '398');
  });

  test('the GeoJSON is a FeatureCollection with longitude first', async () => {
    const res = await get('/events.geojson');
    assert.match(res.headers.get('content-type') ?? '', /^application\/geo\+json/);
    const doc = await res.json();
    assert.equal(doc.type, 'FeatureCollection');
    const z = doc.features.find((f: { id: number }) => f.id === ids.zhanaozen);
    assert.deepEqual(z.geometry.coordinates, [52.86, 43.34]);
    assert.equal(z.properties.url, `${ORIGIN}/events/${ids.zhanaozen}`);
  });
});

describe('events API', () => {
  test('pages through published events with a next link', async () => {
    const first = await (await get('/api/v1/events?pageSize=3')).json();
    assert.equal(first.total, 4);
    assert.equal(first.page, 1);
    assert.equal(first.pageSize, 3);
    assert.equal(first.events.length, 3);
    assert.equal(first.next, `${ORIGIN}/api/v1/events?page=2&pageSize=3`);
    const second = await (await get(new URL(first.next).pathname + new URL(first.next).search)).json();
    assert.equal(second.events.length, 1);
    assert.equal(second.next, undefined);
    const seen = [...first.events, ...second.events].map((e: { id: number }) => e.id).sort();
    assert.deepEqual(seen, [ids.almaty, ids.zhanaozen, ids.riot, ids.revised].sort());
    const filtered = await (await get('/api/v1/events?type=Protests&pageSize=1')).json();
    assert.match(filtered.next, /type=Protests/);
  });

  test('refuses bad paging with 422 naming each parameter', async () => {
    for (const [q, fields] of [
      ['pageSize=501', ['pageSize']],
      ['page=0', ['page']],
      ['page=abc&from=yesterday', ['from', 'page']],
    ] as const) {
      const res = await get(`/api/v1/events?${q}`);
      assert.equal(res.status, 422, q);
      const body = await res.json();
      assert.deepEqual(body.error.problems.map((p: { field: string }) => p.field).sort(), [...fields], q);
    }
  });

  test('serves one event, 404 for drafts and unknown ids, 410 for withdrawn ones', async () => {
    const ev = await (await get(`/api/v1/events/${ids.revised}`)).json();
    assert.equal(ev.revision, 1);
    assert.equal(ev.summary.en, 'First published wording');
    assert.equal(ev.privateSourceCount, 0);
    const almaty = await (await get(`/api/v1/events/${ids.almaty}`)).json();
    assert.equal(almaty.privateSourceCount, 2);
    for (const id of [ids.draft, 999999]) {
      const res = await get(`/api/v1/events/${id}`);
      assert.equal(res.status, 404);
      assert.equal((await res.json()).error.code, 'not_found');
    }
    const gone = await get(`/api/v1/events/${ids.withdrawn}`);
    assert.equal(gone.status, 410);
    assert.equal((await gone.json()).error.at, '2022-01-05T01:00:00.000Z');
    assert.equal((await get(`/api/v1/events/${ids.withdrawn}/history`)).status, 410);
    assert.equal((await get('/api/v1/events/abc')).status, 400);
    for (const zero of ['/api/v1/events/0', '/api/v1/events/0/history', '/api/v1/events/000']) {
      const res = await get(zero);
      assert.equal(res.status, 400, `${zero}: ids start at 1, as the OpenAPI document declares`);
      assert.equal((await res.json()).error.code, 'invalid_parameter');
    }
  });

  test('history lists every publication with the record as published', async () => {
    await t.db.transaction((tx) => publishEvent(tx, ids.revised, null, new Date('2022-01-09T00:00:00Z'), 'Reworded after a second source'));
    const body = await (await get(`/api/v1/events/${ids.revised}/history`)).json();
    assert.equal(body.id, ids.revised);
    assert.deepEqual(
      body.publications.map((p: { revision: number; action: string; reason: string; at: string }) => [
        p.revision,
        p.action,
        p.reason,
        p.at,
      ]),
      [
        [1, 'publish', null, '2022-01-04T00:00:00.000Z'],
        [2, 'publish', 'Reworded after a second source', '2022-01-09T00:00:00.000Z'],
      ],
    );
    assert.equal(body.publications[0].record.summary.en, 'First published wording');
    assert.equal(body.publications[1].record.summary.en, 'DRAFT-REVISION not yet public');
  });

  test('history says when an event was taken down and put back, but not why it was taken down', async () => {
    const id = await publishSampleEvent(t.db, sampleEventData(), new Date('2022-01-10T00:00:00Z'));
    await t.db.transaction(async (tx) => {
      await unpublishEvent(tx, id, null, new Date('2022-01-10T01:00:00Z'), 'PRIVATE-REASON a name was visible');
      await publishEvent(tx, id, null, new Date('2022-01-10T02:00:00Z'), 'Republished without the name');
    });
    const body = await (await get(`/api/v1/events/${id}/history`)).json();
    assert.deepEqual(
      body.publications.map((p: { action: string; reason: string | null; record?: unknown }) => [
        p.action,
        p.reason,
        p.record !== undefined,
      ]),
      [
        ['publish', null, true],
        ['unpublish', null, false],
        ['publish', 'Republished without the name', true],
      ],
    );
  });
});

describe('CORS and the OpenAPI description', () => {
  test('report submission is not opened to other origins', async () => {
    const res = await t.app.request(`${ORIGIN}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://elsewhere.example' },
      body: JSON.stringify({ what: 'test' }),
    });
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    const preflight = await t.app.request(`${ORIGIN}/api/v1/events`, {
      method: 'OPTIONS',
      headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET' },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
  });

  test('/openapi.json documents exactly the /api/v1 routes the app serves', async () => {
    const doc = await (await get('/openapi.json')).json();
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(doc.servers[0].url, ORIGIN);
    const served = new Set(
      t.app.routes
        .filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL' && r.method !== 'OPTIONS')
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths as Record<string, object>)) {
      for (const method of Object.keys(item)) documented.add(`${method} ${path}`);
    }
    const servedPaths = new Set([...served].map((s) => s.split(' ')[1]));
    const documentedApiPaths = new Set([...documented].filter((s) => s.includes(' /api/v1/')).map((s) => s.split(' ')[1]));
    assert.deepEqual([...documentedApiPaths].sort(), [...servedPaths].sort());
    for (const op of documented) {
      const [method, path] = op.split(' ') as [string, string];
      if (path.startsWith('/api/v1/')) assert.ok(served.has(op), `${op} is documented but not served`);
      else
        assert.ok(
          t.app.routes.some((r) => r.path === path && r.method === method.toUpperCase()),
          `${op} is documented but not served`,
        );
    }
  });
});

describe('/data page', () => {
  test('explains every download in English and Russian', async () => {
    const en = await text('/data?lang=en');
    assert.match(en, /Data: CC BY 4.0, cite the permalink\./);
    for (const col of ACLED_COLUMNS) assert.ok(en.includes(`<code>${col}</code>`), col);
    assert.match(en, /href="\/events.csv"/);
    assert.match(en, /formaction="\/events.geojson"|formAction="\/events.geojson"/);
    const ru = await text('/data?lang=ru');
    assert.match(ru, /<html lang="ru">/);
    assert.match(ru, /Данные и ленты/);
    assert.match(ru, /Мангистауская|Мангыстау/);
  });

  test('a submitted selection gives filtered links, keeping the feed language', async () => {
    const html = await text('/data?lang=ru&region=kz-mangystau&type=Protests');
    assert.match(html, /href="\/events.csv\?region=kz-mangystau&amp;type=Protests"/);
    assert.match(html, /href="\/feed.atom\?region=kz-mangystau&amp;type=Protests&amp;lang=ru"/);
    assert.match(html, /<option value="kz-mangystau" selected/);
  });
});
