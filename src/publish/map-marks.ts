/**
 * What the map shows, apart from how it is drawn: counted points placed in map pixels and
 * grouped, the group's label, link and tooltip, and the events the page must name (single
 * marks, events abroad). The store hands over points, not events, so the work does not grow
 * with the number of events.
 */
import type { EventFilter } from '../core/filter.ts';
import { admin1Of, getPlace, placeName } from '../core/gazetteer/search.ts';
import type { PublicEvent } from '../core/public-event.ts';
import { VERIFICATION_STATUSES, type VerificationStatus } from '../core/verification.ts';
import { eventCount, shortDate, statusLabel, summaryOf, timeView } from './event-view.tsx';
import { filterQuery } from './filter-form.tsx';
import type { Lang } from './i18n.ts';
import { type MapBase, type PixelCluster, type PixelPoint, clusterPoints, mapBase } from './map-geometry.ts';

const CLUSTER_RADIUS = 20;
/** Events abroad are listed one by one; past this many the chronology is the better list. */
export const OUTSIDE_LIST_MAX = 100;

/**
 * Published events at one position with one place, region and status, counted: what the map is
 * drawn from, so that a million events arrive as a few thousand points.
 */
export interface MapPoint {
  lon: number;
  lat: number;
  placeId?: string | undefined;
  /** The place as the editors named it, shown when the gazetteer does not know it. */
  name: string;
  /** The region key the store filters on: the gazetteer admin1 id where known. */
  region?: string | undefined;
  status: VerificationStatus;
  count: number;
}

export interface MapMark {
  x: number;
  y: number;
  /** How many events the mark stands for. */
  count: number;
  /** The one event of a mark that stands for one. */
  event?: PublicEvent | undefined;
  /** The status of a single event's mark (its shape). */
  status: VerificationStatus;
  href: string;
  /** Place names, busiest first: "Almaty", "Zhanaozen, Aktau". */
  label: string;
  /** Tooltip text. */
  title: string;
}

/** The map as the page draws it: marks, and the events it cannot place (listed apart). */
export interface MapView {
  marks: MapMark[];
  /** How many matching events fall outside the map's area. */
  outsideCount: number;
  /** The first of them in date order, at most `OUTSIDE_LIST_MAX`. */
  outside: PublicEvent[];
  /** Every matching event, on the map or not. */
  total: number;
}

/** The points clustered in map pixels: what decides which events the page must name. */
export interface MapLayout {
  clusters: Array<PixelCluster<MapPoint>>;
  outside: MapPoint[];
  regionTotals: Map<string, number>;
}

/** The region key the store filters on: the gazetteer admin1 id where known. */
function regionKey(ev: PublicEvent): string | undefined {
  const place = ev.location.placeId ? getPlace(ev.location.placeId) : undefined;
  const region = place ? admin1Of(place) : undefined;
  return region?.id ?? ev.location.admin1;
}

/** Folds events into counted points, as the store's tally does. */
export function pointsOf(events: readonly PublicEvent[]): MapPoint[] {
  const points = new Map<string, MapPoint>();
  for (const ev of events) {
    const { lon, lat, placeId, name } = ev.location;
    const region = regionKey(ev);
    const key = JSON.stringify([lon, lat, placeId, name, region, ev.status]);
    const found = points.get(key);
    if (found) found.count++;
    else points.set(key, { lon, lat, placeId, name, region, status: ev.status, count: 1 });
  }
  return [...points.values()];
}

/** The town or city of a point: a landmark or district counts as its city. */
function locality(p: MapPoint, lang: Lang): string {
  let place = p.placeId ? getPlace(p.placeId) : undefined;
  while (place && (place.kind === 'landmark' || place.kind === 'district') && place.parent) place = getPlace(place.parent);
  return place ? placeName(place, lang) : p.name;
}

function statusBreakdown(points: readonly MapPoint[], lang: Lang): string {
  const counts = new Map<VerificationStatus, number>();
  for (const p of points) counts.set(p.status, (counts.get(p.status) ?? 0) + p.count);
  return VERIFICATION_STATUSES.filter((s) => counts.has(s))
    .map((s) => `${counts.get(s)} ${statusLabel(s, lang)}`)
    .join(', ');
}

const outward = (x: number, down: boolean) => Number(((down ? Math.floor : Math.ceil)(x * 1000) / 1000).toFixed(3));

/**
 * Where a group links: its region when the group holds every matching event of that region
 * (readable: "region=kz-almaty"), otherwise the area around its events.
 */
function clusterHref(points: readonly MapPoint[], count: number, filter: EventFilter, regionTotals: Map<string, number>): string {
  const regions = new Set(points.map((p) => p.region));
  const [only] = regions;
  // Only a gazetteer id is a valid region filter; a free-text admin1 falls back to the area.
  if (regions.size === 1 && only && getPlace(only) && regionTotals.get(only) === count) {
    return `/${filterQuery({ ...filter, region: only })}`;
  }
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    w = Math.min(w, p.lon);
    e = Math.max(e, p.lon);
    s = Math.min(s, p.lat);
    n = Math.max(n, p.lat);
  }
  return `/${filterQuery({ ...filter, bbox: [outward(w, true), outward(s, true), outward(e, false), outward(n, false)] })}`;
}

/** Places points on the map and groups the crowded ones; points off the map come back apart. */
export function layOutMap(points: readonly MapPoint[], base: MapBase = mapBase()): MapLayout {
  const pixels: Array<PixelPoint<MapPoint>> = [];
  const outside: MapPoint[] = [];
  const regionTotals = new Map<string, number>();
  for (const pt of points) {
    if (pt.region) regionTotals.set(pt.region, (regionTotals.get(pt.region) ?? 0) + pt.count);
    const p = base.project(pt.lon, pt.lat);
    if (p) pixels.push({ x: p[0], y: p[1], item: pt, weight: pt.count });
    else outside.push(pt);
  }
  return { clusters: clusterPoints(pixels, CLUSTER_RADIUS), outside, regionTotals };
}

/** Positions of the marks that stand for one event: those the page names, so the store fetches them. */
export function singlePositions(layout: MapLayout): Array<[number, number]> {
  return layout.clusters.filter((c) => c.weight === 1).map((c) => [c.items[0]!.lon, c.items[0]!.lat]);
}

const positionKey = (lon: number, lat: number) => `${lon},${lat}`;

/**
 * The marks of a layout. `singles` are the events at `singlePositions(layout)`; `outside` the
 * first matching events off the map, in date order.
 */
export function mapView(
  layout: MapLayout,
  singles: readonly PublicEvent[],
  outside: readonly PublicEvent[],
  filter: EventFilter,
  lang: Lang,
): MapView {
  const byPosition = new Map(singles.map((ev) => [positionKey(ev.location.lon, ev.location.lat), ev]));
  const marks = layout.clusters.map((c): MapMark => {
    const names = new Map<string, number>();
    for (const p of c.items) {
      const name = locality(p, lang);
      names.set(name, (names.get(name) ?? 0) + p.count);
    }
    const ranked = [...names.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const label =
      ranked
        .slice(0, 3)
        .map(([name]) => name)
        .join(', ') + (ranked.length > 3 ? ', …' : '');
    const x = Math.round(c.x);
    const y = Math.round(c.y);
    const first = c.items[0]!;
    const ev = c.weight === 1 ? byPosition.get(positionKey(first.lon, first.lat)) : undefined;
    if (ev) {
      const time = timeView(ev.time, lang);
      return {
        x,
        y,
        count: 1,
        event: ev,
        status: ev.status,
        href: `/events/${ev.id}`,
        label,
        title: `${summaryOf(ev, lang).text} — ${label}, ${shortDate(ev.localDate, lang)} ${time.text} — ${statusLabel(ev.status, lang)}`,
      };
    }
    return {
      x,
      y,
      count: c.weight,
      status: first.status,
      href: clusterHref(c.items, c.weight, filter, layout.regionTotals),
      label,
      title: `${label}: ${eventCount(c.weight, lang)} (${statusBreakdown(c.items, lang)})`,
    };
  });
  marks.sort((a, b) => b.count - a.count || a.y - b.y || a.x - b.x);
  const outsideCount = layout.outside.reduce((n, p) => n + p.count, 0);
  const total = outsideCount + layout.clusters.reduce((n, c) => n + c.weight, 0);
  return { marks, outsideCount, outside: outside.slice(0, OUTSIDE_LIST_MAX), total };
}

/** The map of events held in memory (a mirror's, a test's): the same drawing as the store's path. */
export function mapMarks(events: readonly PublicEvent[], filter: EventFilter, lang: Lang, base: MapBase = mapBase()): MapView {
  const layout = layOutMap(pointsOf(events), base);
  const singles = new Set(singlePositions(layout).map(([lon, lat]) => positionKey(lon, lat)));
  const outsideAt = new Set(layout.outside.map((p) => positionKey(p.lon, p.lat)));
  return mapView(
    layout,
    events.filter((ev) => singles.has(positionKey(ev.location.lon, ev.location.lat))),
    events.filter((ev) => outsideAt.has(positionKey(ev.location.lon, ev.location.lat))),
    filter,
    lang,
  );
}
