/**
 * Counts and positions of published events, read from the tallies of migration 010 instead of
 * the events themselves: the chronology's total and where its page N starts, and the map's
 * counted points. Answers are cached per store and per `published_version`, which every change
 * to the tallies bumps in its own transaction, so a cached answer is never older than the
 * publication state it was computed for.
 */
import type { EventFilter } from '../core/filter.ts';
import type { VerificationStatus } from '../core/verification.ts';
import type { Queryable } from './db.ts';
import { type FilterColumns, filterWhere } from './filter-sql.ts';

/** The published events at one position with one place, region and status, counted. */
export interface PublishedPoint {
  lon: number;
  lat: number;
  placeId?: string | undefined;
  name: string;
  region?: string | undefined;
  status: VerificationStatus;
  count: number;
}

/** Matching events per local day, newest day first, with how many come before each day. */
export interface DayCounts {
  /** The `published_version` these counts were computed at. */
  version: string;
  total: number;
  /** Newest day first; without a filter each day comes in hours (UTC, `hour` its start), in order. */
  days: Array<{ date: string; hour?: string | undefined; count: number; before: number }>;
}

const CACHE_ENTRIES = 64;

interface Cache {
  version: string;
  entries: Map<string, unknown>;
}

const caches = new WeakMap<Queryable, Cache>();

async function cached<T>(q: Queryable, key: string, compute: (version: string) => Promise<T>): Promise<T> {
  // The version is read before the answer: an answer computed after a later commit is filed
  // under the older version at worst, and the next request sees the new version and recomputes.
  const [row] = await q.query<{ n: string }>('select n::text as n from published_version');
  const version = row?.n ?? '';
  let cache = caches.get(q);
  if (!cache || cache.version !== version) {
    cache = { version, entries: new Map() };
    caches.set(q, cache);
  }
  if (cache.entries.has(key)) return cache.entries.get(key) as T;
  const value = await compute(version);
  if (cache.entries.size >= CACHE_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!);
  cache.entries.set(key, value);
  return value;
}

/** The filter on a tally: an area needs the per-position tally, everything else the per-day one. */
const TALLIED: FilterColumns = { date: 'local_date', region: 'region', eventType: 'event_type', status: 'status', lon: 'lon', lat: 'lat' };

function tallyWhere(f: EventFilter, params: unknown[]): { table: string; where: string } {
  return { table: f.bbox ? 'published_points' : 'published_days', where: filterWhere(f, params, TALLIED) };
}

const filterKey = (kind: string, f: EventFilter) =>
  JSON.stringify([kind, f.from ?? null, f.to ?? null, f.region ?? null, f.eventType ?? null, f.status ?? null, f.bbox ?? null]);

/** How many published events match, day by day: the chronology's count and its pager. */
export async function countPublishedByDay(q: Queryable, f: EventFilter): Promise<DayCounts> {
  return cached(q, filterKey('days', f), async (version) => {
    const params: unknown[] = [];
    const { table, where } = tallyWhere(f, params);
    const filtered = params.length > 0;
    const rows = await q.query<{ d: string; h: string | null; n: number }>(
      filtered
        ? `select to_char(local_date, 'YYYY-MM-DD') as d, null as h, sum(n)::int as n from ${table} where ${where}
           group by local_date order by local_date desc`
        : `select to_char(local_date, 'YYYY-MM-DD') as d, to_char(hour, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as h, n
           from published_hours order by local_date desc, hour`,
      params,
    );
    let before = 0;
    const days = rows.map((r) => {
      const day = { date: r.d, hour: r.h ?? undefined, count: r.n, before };
      before += r.n;
      return day;
    });
    return { version, total: before, days };
  });
}

/**
 * The counts computed last for this filter, without asking whether they are still current: a
 * caller that reads `published_version` in its own query (as the chronology's page query does)
 * checks them for the price of no extra round trip.
 */
export function lastCountsByDay(q: Queryable, f: EventFilter): DayCounts | undefined {
  return caches.get(q)?.entries.get(filterKey('days', f)) as DayCounts | undefined;
}

/** The day (and hour) in which the event at `offset` (in chronology order) falls, with the events before it. */
export function dayOfOffset(counts: DayCounts, offset: number): DayCounts['days'][number] | undefined {
  const { days } = counts;
  let lo = 0;
  let hi = days.length - 1;
  if (hi < 0 || offset >= counts.total) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (days[mid]!.before <= offset) lo = mid;
    else hi = mid - 1;
  }
  return days[lo];
}

/** A counted point as the tally queries return it (here and for mirrors, store/mirrors.ts). */
export interface PointRow {
  lon: number;
  lat: number;
  place_id: string;
  place_name: string;
  region: string;
  status: VerificationStatus;
  n: number;
}

export function pointOf(r: PointRow): PublishedPoint {
  return {
    lon: r.lon,
    lat: r.lat,
    placeId: r.place_id || undefined,
    name: r.place_name,
    region: r.region || undefined,
    status: r.status,
    count: r.n,
  };
}

/** The map's points: published events matching the filter, counted per position, place and status. */
export async function publishedPoints(q: Queryable, f: EventFilter): Promise<PublishedPoint[]> {
  return cached(q, filterKey('points', f), async () => {
    const params: unknown[] = [];
    const { where } = tallyWhere(f, params);
    // Only a day or a type needs the tally by day; the rest is in the one by place.
    const table = f.from || f.to || f.eventType ? 'published_points' : 'published_places';
    const rows = await q.query<PointRow>(
      `select lon, lat, place_id, place_name, region, status, sum(n)::int as n from ${table}
       where ${where} and lon <> 'NaN' and lat <> 'NaN'
       group by lon, lat, place_id, place_name, region, status order by lon, lat, place_id, place_name, region, status`,
      params,
    );
    return rows.map(pointOf);
  });
}
