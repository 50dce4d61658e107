import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventLocation } from '../core/event.ts';
import { type PublicEvent, toPublicEvent } from '../core/public-event.ts';
import { sampleEventData } from '../core/testing.ts';
import type { VerificationStatus } from '../core/verification.ts';
import { MapPage, mapMarks } from './map.tsx';

const ALMATY: EventLocation = {
  placeId: 'kz-almaty-republic-square',
  name: 'Almaty - Republic Square',
  country: 'KAZ',
  lat: 43.238,
  lon: 76.946,
  geoPrecision: 1,
};
const KASKELEN: EventLocation = { placeId: 'kz-kaskelen', name: 'Kaskelen', country: 'KAZ', lat: 43.2, lon: 76.62, geoPrecision: 1 };
const ZHANAOZEN: EventLocation = { placeId: 'kz-zhanaozen', name: 'Zhanaozen', country: 'KAZ', lat: 43.34, lon: 52.86, geoPrecision: 1 };
const MOSCOW: EventLocation = { name: 'Moscow', country: 'RUS', lat: 55.76, lon: 37.62, geoPrecision: 1 };

function ev(id: number, location: EventLocation, status: VerificationStatus = 'unverified'): PublicEvent {
  const data = sampleEventData({ location, status, ...(status === 'unverified' ? {} : { statusReason: 'checked' }) });
  return toPublicEvent(id, 1, data, '2022-01-06T00:00:00.000Z', '2022-01-06T00:00:00.000Z');
}

const render = (el: unknown) => String(el);

describe('mapMarks', () => {
  it('groups fifty Almaty events into one counted mark linking to the Almaty chronology', () => {
    const events = Array.from({ length: 50 }, (_, i) => ev(i + 1, ALMATY));
    const { marks, outside } = mapMarks(events, {}, 'en');
    assert.equal(outside.length, 0);
    assert.equal(marks.length, 1);
    assert.equal(marks[0]!.count, 50);
    assert.equal(marks[0]!.href, '/?region=kz-almaty');
    assert.equal(marks[0]!.label, 'Almaty');
    assert.match(marks[0]!.title, /50 events \(50 unverified\)/);
  });

  it('links a single event to its permalink and keeps other filters on group links', () => {
    const events = [ev(1, ZHANAOZEN, 'verified'), ev(2, ALMATY), ev(3, ALMATY)];
    const { marks } = mapMarks(events, { eventType: 'Protests', from: '2022-01-02' }, 'en');
    const single = marks.find((m) => m.count === 1)!;
    assert.equal(single.href, '/events/1');
    assert.match(single.title, /Zhanaozen/);
    assert.match(single.title, /verified/);
    const group = marks.find((m) => m.count === 2)!;
    assert.equal(group.href, '/?from=2022-01-02&region=kz-almaty&type=Protests');
  });

  it('links a group spanning two regions to the area around its events', () => {
    const events = [ev(1, ALMATY), ev(2, KASKELEN)];
    const { marks } = mapMarks(events, {}, 'ru');
    assert.equal(marks.length, 1);
    assert.equal(marks[0]!.href, `/?bbox=${encodeURIComponent('76.62,43.2,76.946,43.238')}`);
    assert.equal(marks[0]!.label, 'Алматы, Каскелен');
  });

  it('never links to a region filter the chronology would reject', () => {
    const unknown: EventLocation = {
      name: 'Somewhere near Aktau',
      admin1: 'Mangystau',
      country: 'KAZ',
      lat: 43.7,
      lon: 51.3,
      geoPrecision: 2,
    };
    const { marks } = mapMarks([ev(1, unknown), ev(2, unknown)], {}, 'en');
    assert.equal(marks[0]!.href, `/?bbox=${encodeURIComponent('51.3,43.7,51.3,43.7')}`);
  });

  it('keeps events off the map apart instead of dropping them', () => {
    const { marks, outside } = mapMarks([ev(1, MOSCOW), ev(2, ALMATY)], {}, 'en');
    assert.equal(marks.length, 1);
    assert.deepEqual(
      outside.map((e) => e.id),
      [1],
    );
  });
});

describe('MapPage', () => {
  it('draws Kazakhstan, a link for every mark, status shapes, a legend and a text list', () => {
    const events = [ev(1, ZHANAOZEN, 'verified'), ev(2, ALMATY, 'retracted'), ...Array.from({ length: 5 }, (_, i) => ev(10 + i, KASKELEN))];
    const html = render(<MapPage lang="en" path="/map" filter={{}} view={mapMarks(events, {}, 'en')} />);
    assert.match(html, /<path class="kz" d="M/);
    assert.match(html, /<a href="\/events\/1"><title>[^<]*Zhanaozen[^<]*<\/title><use href="#m-verified"/);
    assert.match(html, /<a href="[^"]*" class="cl"><title>[^<]*6 events[^<]*<\/title>/);
    assert.match(html, />6<\/text>/);
    assert.match(html, /<ul class="legend"[^>]*>.*retracted/s);
    assert.match(html, /<h2>Places<\/h2><ul class="places"><li><a href="[^"]+">Kaskelen, Almaty<\/a> — 6 events/);
    assert.match(html, />Mangystau</, 'region labels');
    assert.match(html, />Kyrgyzstan</, 'country labels');
    assert.ok(html.length < 40_000, `${html.length} bytes`);
  });

  it('renders and clusters 30,000 events', () => {
    const places = [ALMATY, KASKELEN, ZHANAOZEN, MOSCOW];
    const events: PublicEvent[] = [];
    for (let i = 0; i < 30_000; i++) {
      const base = places[i % places.length]!;
      // Spread over the country so the grid has real work to do.
      const location = { ...base, placeId: undefined, lat: 41 + ((i * 37) % 1300) / 100, lon: 50 + ((i * 91) % 3700) / 100 };
      events.push(ev(i + 1, i % 10 === 0 ? base : location));
    }
    const html = render(<MapPage lang="ru" path="/map" filter={{}} view={mapMarks(events, {}, 'ru')} />);
    const marks = html.match(/<a href="[^"]*"( class="cl")?><title>/g) ?? [];
    assert.ok(marks.length > 10 && marks.length < 2_000, `${marks.length} marks`);
    assert.match(html, /class="cl"><title>[^<]*<\/title><circle[^>]*><\/circle><text[^>]*>\d{2,}<\/text>/);
  });
});
