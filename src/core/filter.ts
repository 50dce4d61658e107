/**
 * The filters readers apply to the chronology, the API and the data files, parsed from a query
 * string in one place so every route rejects the same bad input the same way.
 */
import { isEventType } from './coding.ts';
import { Problems } from './errors.ts';
import { isLocalDate } from './time.ts';
import { isVerificationStatus } from './verification.ts';
import type { EventType } from './coding.ts';
import type { VerificationStatus } from './verification.ts';

export interface EventFilter {
  /** First local date, inclusive. */
  from?: string;
  /** Last local date, inclusive. */
  to?: string;
  /** Region (admin1) gazetteer id. */
  region?: string;
  eventType?: EventType;
  status?: VerificationStatus;
  /** Area as [west, south, east, north] in degrees (GeoJSON bbox order): the map's cluster links. */
  bbox?: [number, number, number, number];
}

export const FILTER_KEYS = ['from', 'to', 'region', 'type', 'status', 'bbox'] as const;

/** Empty values mean "no filter", as a plain GET form sends them. */
export function parseEventFilter(params: Record<string, string | undefined>): EventFilter {
  const p = new Problems();
  const f: EventFilter = {};
  const get = (k: string) => {
    const v = params[k]?.trim();
    return v ? v : undefined;
  };
  const from = get('from');
  const to = get('to');
  if (from !== undefined) {
    if (isLocalDate(from)) f.from = from;
    else p.add('from', 'must be a date as YYYY-MM-DD');
  }
  if (to !== undefined) {
    if (isLocalDate(to)) f.to = to;
    else p.add('to', 'must be a date as YYYY-MM-DD');
  }
  if (f.from && f.to && f.from > f.to) p.add('to', 'must not be before from');
  const region = get('region');
  if (region !== undefined) {
    if (/^[a-z0-9-]{1,80}$/.test(region)) f.region = region;
    else p.add('region', 'must be a region id such as kz-mangystau');
  }
  const type = get('type');
  if (type !== undefined) {
    if (isEventType(type)) f.eventType = type;
    else p.add('type', 'must be an ACLED event type such as Protests');
  }
  const status = get('status');
  if (status !== undefined) {
    if (isVerificationStatus(status)) f.status = status;
    else p.add('status', 'must be one of unverified, corroborated, verified, disputed, retracted');
  }
  const bbox = get('bbox');
  if (bbox !== undefined) {
    const parsed = parseBbox(bbox);
    if (parsed) f.bbox = parsed;
    else p.add('bbox', 'must be west,south,east,north in degrees, such as 76.8,43.1,77.1,43.4');
  }
  p.throwIfAny();
  return f;
}

function parseBbox(text: string): [number, number, number, number] | undefined {
  const parts = text.split(',');
  if (parts.length !== 4 || parts.some((x) => !/^-?\d{1,3}(\.\d{1,6})?$/.test(x.trim()))) return undefined;
  const [w, s, e, n] = parts.map(Number) as [number, number, number, number];
  const lonOk = (x: number) => x >= -180 && x <= 180;
  const latOk = (y: number) => y >= -90 && y <= 90;
  if (!lonOk(w) || !lonOk(e) || !latOk(s) || !latOk(n) || w > e || s > n) return undefined;
  return [w, s, e, n];
}

/** The filter as query parameters, for links that keep it (pagination, feeds, downloads). */
export function filterToParams(f: EventFilter): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  if (f.region) out.region = f.region;
  if (f.eventType) out.type = f.eventType;
  if (f.status) out.status = f.status;
  if (f.bbox) out.bbox = f.bbox.join(',');
  return out;
}
