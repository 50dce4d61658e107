import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { EventData } from '../../core/event.ts';
import { sampleEventData } from '../../core/testing.ts';
import { createEvent, publishEvent, reviseEvent, unpublishEvent } from '../../store/events.ts';
import { publishSampleEvent } from '../../store/testing.ts';
import { type TestApp, anonymous, openTestApp } from '../testing.ts';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * Structural HTML checks: doctype and lang, balanced tags, one h1, unique ids, a label for
 * every control, no links inside links, nothing the CSP would block.
 */
function assertValidPage(html: string): void {
  assert.match(html, /^<!DOCTYPE html><html lang="(en|ru)">/i);
  assert.equal((html.match(/<h1[\s>]/g) ?? []).length, 1, 'exactly one h1');
  assert.doesNotMatch(html, /\sstyle="|\son[a-z]+="|<script(?![^>]*\bsrc=)/, 'no inline style, handler or script');
  const stack: string[] = [];
  const ids = new Set<string>();
  const labelled = new Set([...html.matchAll(/<label[^>]*\sfor="([^"]+)"/g)].map((m) => m[1]));
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w:-]*)((?:[^>"]|"[^"]*")*)>/g)) {
    const [, closing, rawName, attrs = ''] = m;
    const name = rawName!.toLowerCase();
    if (closing) {
      assert.equal(stack.pop(), name, `</${name}> closes ${stack.join('>')}`);
      continue;
    }
    const id = /\sid="([^"]+)"/.exec(attrs)?.[1];
    if (id) {
      assert.ok(!ids.has(id), `duplicate id ${id}`);
      ids.add(id);
    }
    if (name === 'a') assert.ok(!stack.includes('a'), 'link inside a link');
    if (['input', 'select', 'textarea'].includes(name) && !/type="(hidden|submit)"/.test(attrs)) {
      const ok = stack.includes('label') || /aria-label="/.test(attrs) || (id !== undefined && labelled.has(id));
      assert.ok(ok, `unlabelled <${name}${attrs}>`);
    }
    if (!VOID.has(name) && !attrs.endsWith('/')) stack.push(name);
  }
  assert.deepEqual(stack, [], 'every element closed');
}

/** The text of the chronology section headed by a day. */
function daySection(html: string, heading: string): string {
  const start = html.indexOf(`>${heading}</time></h2>`);
  assert.ok(start >= 0, `no day heading ${heading}`);
  return html.slice(start, html.indexOf('</section>', start));
}

const at = (start: string, timeZone: string, precision: EventData['time']['precision'] = 'minute') => ({ start, timeZone, precision });
const _ALMATY = sampleEventData().location;
const ZHANAOZEN = {
  placeId: 'kz-zhanaozen',
  name: 'Zhanaozen',
  admin1: 'Mangystau',
  country: 'KAZ',
  lat: 43.34,
  lon: 52.86,
  geoPrecision: 1 as const,
};
const AKTAU = { placeId: 'kz-aktau', name: 'Aktau', admin1: 'Mangystau', country: 'KAZ', lat: 43.65, lon: 51.17, geoPrecision: 1 as const };

describe('public reading site', () => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  const get = (path: string, headers?: Record<string, string>) => anonymous(t).get(path, headers ? { headers } : undefined);
  const page = async (path: string, headers?: Record<string, string>) => {
    const res = await get(path, headers);
    assert.equal(res.status, 200, `${path} answered ${res.status}`);
    return res.text();
  };

  before(async () => {
    t = await openTestApp();
  });
  after(async () => {
    await t?.close();
  });

  it('greets an empty chronicle with a friendly empty state', async () => {
    const html = await page('/');
    assert.match(html, /No events have been published yet/);
    assertValidPage(html);
    assert.match(await page('/map'), /No events have been published yet/);
  });

  it('seeds events', async () => {
    ids.almaty = await publishSampleEvent(t.db, sampleEventData({ time: at('2022-01-04T20:30:00.000Z', 'Asia/Almaty') }));
    ids.zhanaozen = await publishSampleEvent(
      t.db,
      sampleEventData({
        summary: { en: 'Oil workers rally on the central square' },
        time: at('2022-01-04T20:40:00.000Z', 'Asia/Aqtau'),
        location: ZHANAOZEN,
        fatalities: { wording: 'dozens' },
      }),
    );
    ids.aktau = await publishSampleEvent(
      t.db,
      sampleEventData({
        summary: { en: 'Regional akim resigns', ru: 'Аким области ушёл в отставку' },
        time: at('2022-01-04T06:00:00.000Z', 'Asia/Aqtau', 'day'),
        location: AKTAU,
        eventType: 'Strategic developments',
        subEventType: 'Change to group/activity',
        status: 'verified',
        statusReason: 'Official statement',
      }),
    );
    ids.retracted = await publishSampleEvent(
      t.db,
      sampleEventData({
        summary: { en: 'Shots fired near the airport' },
        time: at('2022-01-06T05:00:00.000Z', 'Asia/Almaty'),
        eventType: 'Riots',
        subEventType: 'Violent demonstration',
        status: 'retracted',
        statusReason: 'The video was from 2018.',
      }),
    );
  });

  it('groups by local day, newest first, at the local time of the place', async () => {
    const html = await page('/');
    assertValidPage(html);
    const order = ['Thursday, 6 January 2022', 'Wednesday, 5 January 2022', 'Tuesday, 4 January 2022'].map((h) => html.indexOf(h));
    assert.ok(order.every((i) => i > 0) && order[0]! < order[1]! && order[1]! < order[2]!, `day order ${order}`);
    const jan5 = daySection(html, 'Wednesday, 5 January 2022');
    // 20:30 UTC on the 4th is 02:30 on the 5th in Almaty (UTC+6) and 01:40 in Zhanaozen (UTC+5).
    assert.match(
      jan5,
      /<time datetime="2022-01-05T02:30\+06:00"[^>]*>02:30<\/time> <span class="tz">UTC\+6<\/span> · Republic Square, Almaty/,
    );
    assert.match(jan5, /<time datetime="2022-01-05T01:40\+05:00"[^>]*>01:40<\/time> <span class="tz">UTC\+5<\/span> · Zhanaozen/);
    assert.match(jan5, /12 killed \(dozens\)/);
    assert.match(jan5, new RegExp(`<a href="/events/${ids.almaty}">Crowd gathers`));
    const jan4 = daySection(html, 'Tuesday, 4 January 2022');
    assert.match(
      jan4,
      /time unknown.*Aktau · Strategic developments — Change to group\/activity · <span class="badge status-verified">verified/,
    );
    assert.match(html, /4 events published/);
  });

  it('keeps retracted events listed, marked as retracted', async () => {
    const jan6 = daySection(await page('/'), 'Thursday, 6 January 2022');
    assert.match(jan6, /<li class="retracted">.*<span class="badge status-retracted">retracted<\/span>.*Shots fired/s);
    const html = await page(`/events/${ids.retracted}`);
    assert.match(html, /Retracted on 6 January 2022:<\/strong> The video was from 2018\./);
  });

  it('gives a permalink in Russian with the zone and offset even when only the day is known', async () => {
    const html = await page(`/events/${ids.aktau}?lang=ru`);
    assertValidPage(html);
    assert.match(html, /<h1>Аким области ушёл в отставку<\/h1>/);
    assert.match(
      html,
      /вторник, 4 января 2022, <time datetime="2022-01-04"[^>]*>время неизвестно<\/time> \(местное время, Asia\/Aqtau, UTC\+5\)/,
    );
    assert.match(html, /Стратегические события — Изменения в группе или её деятельности/);
    assert.match(html, /<span class="badge status-verified">проверено<\/span> Official statement/);
    assert.match(html, /Мангистауская область/);
  });

  it('narrows the chronology with filters and says how many match', async () => {
    let html = await page('/?region=kz-mangystau');
    assert.match(html, /2 events match these filters/);
    assert.match(html, /Zhanaozen/);
    assert.doesNotMatch(html, /Republic Square, Almaty/);
    assert.match(html, /<option value="kz-mangystau" selected="">Mangystau Region<\/option>/);
    html = await page('/?type=Riots&from=&to=');
    assert.match(html, /1 event match/);
    assert.match(html, /Shots fired/);
    html = await page('/?from=2022-01-05&to=2022-01-05');
    assert.match(html, /2 events match/);
    assert.doesNotMatch(html, /Regional akim/);
    html = await page('/?status=verified&region=kz-almaty');
    assert.match(html, /No events match these filters/);
    html = await page('/?bbox=52,43,53,44');
    assert.match(html, /1 event match/);
    assert.match(html, /Oil workers rally/);
    assert.match(html, /<input type="hidden" name="bbox" value="52,43,53,44"\/>/);
  });

  it('answers bad filters and pages with 422 naming the field', async () => {
    for (const [query, field] of [
      ['status=bogus', 'status'],
      ['from=2022-13-01', 'from'],
      ['type=Picnic', 'type'],
      ['region=<script>', 'region'],
      ['bbox=1,2,3', 'bbox'],
      ['page=0', 'page'],
      ['page=abc', 'page'],
      ['page=-1', 'page'],
    ] as const) {
      const res = await get(`/?${query}`);
      assert.equal(res.status, 422, query);
      assert.match(await res.text(), new RegExp(`${field}: `), query);
    }
    const res = await get('/map?to=yesterday');
    assert.equal(res.status, 422);
    assert.match(await res.text(), /to: must be a date/);
  });

  it('speaks Russian when asked by header or by ?lang=ru', async () => {
    for (const html of [await page('/', { 'accept-language': 'ru-RU,ru;q=0.9' }), await page('/?lang=ru')]) {
      assert.match(html, /<html lang="ru">/);
      assert.match(html, /среда, 5 января 2022/);
      assert.match(html, /Площадь Республики, Алматы · Протесты — Мирный протест/);
      assert.match(html, /время неизвестно/);
      assert.match(html, /Аким области ушёл в отставку/);
      // No Russian summary: English, marked as such.
      assert.match(html, /<a href="\/events\/\d+" lang="en">Oil workers rally/);
      assert.match(html, /<span class="badge status-retracted">отозвано<\/span>/);
      assertValidPage(html);
    }
  });

  it('paginates fifty to a page, keeping the filters in the links', async () => {
    await t.db.transaction(async (tx) => {
      for (let i = 0; i < 55; i++) {
        const data = sampleEventData({
          summary: { en: `Clash number ${i}` },
          time: at(new Date(Date.UTC(2022, 0, 7, 0, i)).toISOString(), 'Asia/Almaty'),
          eventType: 'Battles',
          subEventType: 'Armed clash',
        });
        const id = await createEvent(tx, null, data, 'seed');
        await publishEvent(tx, id, null, new Date('2022-01-08T00:00:00Z'));
      }
    });
    const first = await page('/?type=Battles');
    assert.equal((first.match(/Clash number/g) ?? []).length, 50);
    assert.match(first, /55 events match these filters\. Page 1 of 2\./);
    assert.match(first, /<a href="\/\?type=Battles&amp;page=2" rel="next">/);
    const second = await page('/?type=Battles&page=2');
    assert.equal((second.match(/Clash number/g) ?? []).length, 5);
    assert.match(second, /<a href="\/\?type=Battles" rel="prev">/);
    assert.doesNotMatch(second, /rel="next"/);
    const beyond = await page('/?type=Battles&page=9');
    assert.match(beyond, /There are no events on page 9/);
  });

  it('shows every public fact on the permalink and nothing private', async () => {
    const [editor] = await t.db.query<{ id: number }>("select id from users where username = 'editor2'");
    const data = sampleEventData({
      summary: { en: 'Police disperse protesters with stun grenades', ru: 'Полиция разогнала протестующих светошумовыми гранатами' },
      notes: 'Witnesses describe two waves.\n\nThe second came after dark.',
      time: { start: '2022-01-05T08:00:00.000Z', precision: 'hour', timeZone: 'Asia/Almaty', approximate: true },
      eventType: 'Protests',
      subEventType: 'Excessive force against protesters',
      actor1: { name: 'Police Forces of Kazakhstan (2019-)', type: 1, associated: [] },
      actor2: { name: 'Protesters (Kazakhstan)', type: 6, associated: ['Labour Group (Kazakhstan)'] },
      civilianTargeting: false,
      fatalities: { min: 2, max: 8, wording: 'at least 2' },
      status: 'corroborated',
      sources: [
        { kind: 'link', url: 'https://example.org/news/1', outlet: 'Example News', title: 'Grenades in the square' },
        { kind: 'link', url: 'https://other.example.net/a', outlet: 'Other Outlet' },
        { kind: 'report', reportId: 'rep-secret-4411' },
        { kind: 'source', sourceId: 'src-secret-77' },
      ],
      tags: ['stun grenades', 'night'],
    });
    ids.full = await t.db.transaction(async (tx) => {
      const id = await createEvent(tx, editor!.id, data, 'first draft by the desk');
      await publishEvent(tx, id, editor!.id, new Date('2022-01-06T10:00:00Z'), 'Two outlets confirm');
      const rev2 = { ...data, summary: { ...data.summary, en: 'Police disperse protesters with stun grenades and tear gas' } };
      await reviseEvent(tx, id, editor!.id, rev2, 'added tear gas', 1);
      await publishEvent(tx, id, editor!.id, new Date('2022-01-07T09:30:00Z'), 'Correction: tear gas too');
      return id;
    });
    const html = await page(`/events/${ids.full}`);
    assertValidPage(html);
    assert.match(html, /<h1>Police disperse protesters with stun grenades and tear gas<\/h1>/);
    assert.match(
      html,
      /Wednesday, 5 January 2022, <time datetime="2022-01-05T14:00\+06:00"[^>]*>≈ 14:00<\/time> <span class="tz">UTC\+6<\/span> \(local time, Asia\/Almaty\)/,
    );
    assert.match(html, /43\.238° N, 76\.945° E/);
    assert.match(html, /1: the exact place/);
    assert.match(html, /Protests — Excessive force against protesters/);
    assert.match(html, /Political violence; Demonstrations/);
    assert.match(html, /Police Forces of Kazakhstan \(2019-\) <span class="meta">\(State forces\)<\/span>/);
    assert.match(html, /with Labour Group \(Kazakhstan\)/);
    assert.match(html, /State forces-Protesters/);
    assert.match(html, /2 killed \(at least 2\); reported: 2–8; figure used in the data: 2/);
    assert.match(html, /badge status-corroborated/);
    assert.match(html, /Полиция разогнала протестующих/);
    assert.match(html, /<p>The second came after dark\.<\/p>/);
    assert.match(html, /stun grenades, night/);
    assert.match(
      html,
      /<a href="https:\/\/example\.org\/news\/1" rel="nofollow noopener noreferrer">Example News — Grenades in the square<\/a>/,
    );
    assert.match(html, /<a href="https:\/\/other\.example\.net\/a"[^>]*>Other Outlet<\/a>/);
    assert.match(html, /2 further sources kept private to protect them/);
    assert.match(html, new RegExp(`<link rel="canonical" href="http://localhost/events/${ids.full}"/>`));
    assert.match(html, new RegExp(`revision 2, first published 6 January 2022\\. <a href="http://localhost/events/${ids.full}">`));
    for (const secret of ['rep-secret-4411', 'src-secret-77', 'editor2', 'first draft by the desk', 'added tear gas']) {
      assert.ok(!html.includes(secret), `the permalink shows ${secret}`);
    }
    // History: both publications with their public reasons; the first one is reachable.
    assert.match(html, /6 January 2022, 10:00 UTC<\/time> — published revision 1: Two outlets confirm/);
    assert.match(html, /7 January 2022, 09:30 UTC<\/time> — published revision 2: Correction: tear gas too \(this version\)/);
    assert.match(html, new RegExp(`<a href="/events/${ids.full}/v/1">view revision 1</a>`));
  });

  it('shows an earlier version with a notice pointing to the current one', async () => {
    const html = await page(`/events/${ids.full}/v/1`);
    assertValidPage(html);
    assert.match(html, /<h1>Police disperse protesters with stun grenades<\/h1>/);
    assert.match(html, /This is an earlier version of this event \(revision 1, published 6 January 2022, 10:00 UTC\)/);
    assert.match(html, new RegExp(`<a href="/events/${ids.full}">See the current version\\.</a>`));
    assert.match(html, new RegExp(`<link rel="canonical" href="http://localhost/events/${ids.full}"/>`));
    const current = await get(`/events/${ids.full}/v/2`);
    assert.equal(current.status, 302);
    assert.equal(current.headers.get('location'), `/events/${ids.full}`);
    assert.equal((await get(`/events/${ids.full}/v/9`)).status, 404);
  });

  it('answers unknown, malformed and withdrawn ids without a 500', async () => {
    assert.equal((await get('/events/999999')).status, 404);
    assert.equal((await get('/events/abc')).status, 400);
    assert.equal((await get('/events/0')).status, 400);
    assert.equal((await get('/events/1.5')).status, 400);
    assert.equal((await get(`/events/${ids.almaty}/v/x`)).status, 400);
    const id = await publishSampleEvent(t.db, sampleEventData({ summary: { en: 'Withdrawn after a threat to the source' } }));
    await unpublishEvent(t.db, id, null, new Date('2022-01-09T12:00:00Z'), 'source at risk');
    const res = await get(`/events/${id}`);
    assert.equal(res.status, 410);
    const html = await res.text();
    assert.match(html, /took event \d+ off the chronicle on 9 January 2022, 12:00 UTC/);
    assert.doesNotMatch(html, /Withdrawn after a threat|source at risk/);
    assert.equal((await get(`/events/${id}/v/1`)).status, 410);
    assert.doesNotMatch(await page('/'), /Withdrawn after a threat/);
  });

  it('draws the map with Kazakhstan, a link per event, and counted clusters', async () => {
    let html = await page('/map?region=kz-mangystau');
    assertValidPage(html);
    assert.match(html, /<path class="kz" d="M\d/);
    for (const id of [ids.zhanaozen, ids.aktau]) assert.match(html, new RegExp(`<a href="/events/${id}"><title>`));
    assert.match(html, /<input type="date" name="from"/);

    html = await page('/map?type=Battles');
    assert.match(html, /<a href="\/\?region=kz-almaty&amp;type=Battles" class="cl"><title>Almaty: 55 events \(55 unverified\)<\/title>/);
    assert.match(html, />55<\/text>/);
    assert.match(html, /<a href="\/\?region=kz-almaty&amp;type=Battles">Almaty<\/a> — 55 events/);

    html = await page('/map');
    const bytes = Buffer.byteLength(html);
    assert.ok(bytes < 60_000, `the map page weighs ${bytes} bytes`);
    const ru = await page('/map?lang=ru');
    assert.match(ru, />Мангистауская обл\.</);
    assert.match(ru, /Алматы: 5\d событий/);
  });
});
