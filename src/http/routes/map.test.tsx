/**
 * The map drawn from the store's tallies is the map drawn from every event's public record:
 * on the demo chronicle, with and without filters, the page is the same page, and its marks sit
 * where clustering each event on its own (as the map did before the tallies) puts them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { EventFilter } from '../../core/filter.ts';
import type { PublicEvent } from '../../core/public-event.ts';
import { loadDemoIfEmpty } from '../../demo/load.ts';
import { MapPage, mapMarks } from '../../publish/map.tsx';
import { clusterPoints, mapBase } from '../../publish/map-geometry.ts';
import { filterToParams } from '../../core/filter.ts';
import { streamPublished } from '../../store/events.ts';
import { type TestApp, openTestApp } from '../testing.ts';

let t: TestApp;
before(async () => {
  t = await openTestApp();
  await loadDemoIfEmpty(t.db, new Date('2022-01-12T00:00:00Z'));
});
after(() => t.close());

async function eventsOf(f: EventFilter): Promise<PublicEvent[]> {
  const events: PublicEvent[] = [];
  for await (const ev of streamPublished(t.db, f)) events.push(ev);
  return events;
}

/** Marks as the page draws them: position and how many events each stands for. */
function marksIn(html: string): string[] {
  const singles = [...html.matchAll(/<use href="#m-[a-z]+" class="mk [^"]+" x="(-?\d+)" y="(-?\d+)"/g)].map((m) => `${m[1]},${m[2]}:1`);
  const groups = [...html.matchAll(/<circle cx="(-?\d+)" cy="(-?\d+)" r="\d+"><\/circle><text[^>]*>(\d+)<\/text>/g)].map(
    (m) => `${m[1]},${m[2]}:${m[3]}`,
  );
  return [...singles, ...groups].sort();
}

/** Each event its own point, unweighted: the map before the tallies. */
function marksOneByOne(events: readonly PublicEvent[]): string[] {
  const base = mapBase();
  const points = events.flatMap((ev) => {
    const p = base.project(ev.location.lon, ev.location.lat);
    return p ? [{ x: p[0], y: p[1], item: ev }] : [];
  });
  return clusterPoints(points, 20)
    .map((c) => `${Math.round(c.x)},${Math.round(c.y)}:${c.items.length}`)
    .sort();
}

const FILTERS: EventFilter[] = [
  {},
  { region: 'kz-almaty' },
  { status: 'verified' },
  { from: '2022-01-05', to: '2022-01-06' },
  { eventType: 'Riots' },
];

describe('the map on the demo chronicle', () => {
  for (const filter of FILTERS) {
    for (const lang of ['en', 'ru'] as const) {
      it(`is the page the events draw, filtered by ${JSON.stringify(filter)}, in ${lang}`, async () => {
        const query = new URLSearchParams({ ...filterToParams(filter), lang }).toString();
        const res = await t.app.request(`http://localhost/map?${query}`);
        assert.equal(res.status, 200);
        const html = await res.text();
        const events = await eventsOf(filter);
        assert.ok(events.length > 0, 'the filter matches demo events');
        const drawn = marksIn(html);
        assert.ok(drawn.length > 0);
        assert.deepEqual(drawn, marksOneByOne(events));
        const expected = String(<MapPage lang={lang} path={`/map?${query}`} filter={filter} view={mapMarks(events, filter, lang)} />);
        assert.deepEqual(marksIn(expected), drawn);
        // Titles, links and the list of places come out the same as well.
        const body = (s: string) => /<figure class="map">[\s\S]*<\/main>/.exec(s)?.[0];
        assert.ok(body(html));
        assert.equal(body(html), body(expected));
      });
    }
  }
});
