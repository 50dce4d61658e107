/**
 * Events taken off the chronicle, for the feeds' withdrawal notices: each with the record it had
 * when last public, which decides the filtered feeds it belonged to and is never shown.
 */
import type { EventFilter } from '../core/filter.ts';
import type { PublicEvent } from '../core/public-event.ts';
import type { Queryable } from './db.ts';
import { regionKeyOf } from './events.ts';

export interface WithdrawnEvent {
  id: number;
  withdrawnAt: Date;
  /** The record as last published; for matching filters only. */
  record: PublicEvent;
}

/** Whether an event's public record falls under a filter, as the read model's columns decide it. */
export function recordMatches(ev: PublicEvent, f: EventFilter): boolean {
  if (f.from && ev.localDate < f.from) return false;
  if (f.to && ev.localDate > f.to) return false;
  if (f.region && regionKeyOf(ev.location) !== f.region) return false;
  if (f.eventType && ev.eventType !== f.eventType) return false;
  if (f.status && ev.status !== f.status) return false;
  if (f.bbox) {
    const [west, south, east, north] = f.bbox;
    const { lat, lon } = ev.location;
    if (lon < west || lat < south || lon > east || lat > north) return false;
  }
  return true;
}

/** The publication that made an event's current revision public: withdrawals before it are older than the event's entry. */
export async function publicationIdOf(q: Queryable, eventId: number): Promise<number> {
  const rows = await q.query<{ id: number | null }>(`select max(id) as id from publications where event_id = $1 and action = 'publish'`, [
    eventId,
  ]);
  return rows[0]?.id ?? 0;
}

/** Withdrawal scans stop here: a feed shows a few dozen entries, and withdrawals are rare. */
const MAX_SCANNED = 1000;

/**
 * Events withdrawn after publication `afterId` and not published again, latest withdrawal
 * first, that fall under the filter.
 */
export async function recentWithdrawals(q: Queryable, f: EventFilter, afterId: number, limit: number): Promise<WithdrawnEvent[]> {
  const rows = await q.query<{ id: number; at: Date; record: PublicEvent }>(
    `select u.event_id as id, u.at, p.record
       from publications u
       join events e on e.id = u.event_id and e.published_revision is null
       cross join lateral (
         select record from publications p
          where p.event_id = u.event_id and p.action = 'publish' and p.id < u.id and p.record is not null
          order by p.id desc limit 1) p
      where u.action = 'unpublish' and u.id > $1
        and not exists (select 1 from publications x where x.event_id = u.event_id and x.id > u.id)
      order by u.id desc
      limit $2`,
    [afterId, MAX_SCANNED],
  );
  return rows
    .filter((r) => recordMatches(r.record, f))
    .slice(0, limit)
    .map((r) => ({ id: r.id, withdrawnAt: r.at, record: r.record }));
}
