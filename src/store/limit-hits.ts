import type { Queryable } from './db.ts';

export interface LimitHitRow {
  period_start: Date;
  limit_name: string;
  refusals: number;
}

export async function addLimitHits(q: Queryable, periodStart: Date, limitName: string, refusals: number): Promise<void> {
  await q.query(
    `insert into limit_hits (period_start, limit_name, refusals) values ($1, $2, $3)
     on conflict (period_start, limit_name) do update set refusals = limit_hits.refusals + excluded.refusals`,
    [periodStart, limitName, refusals],
  );
}

/** Refusals counted since `since`, newest period first. */
export async function listLimitHits(q: Queryable, since: Date): Promise<LimitHitRow[]> {
  return q.query<LimitHitRow>(
    'select period_start, limit_name, refusals from limit_hits where period_start >= $1 order by period_start desc, limit_name',
    [since],
  );
}
