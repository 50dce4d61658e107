/** What editors did with the desk's suggestions (migration 017), and the counts the accuracy page shows. */
import {
  type OutcomeCounts,
  type OutcomeRow,
  SUGGESTED_FIELDS,
  type SuggestedField,
  type SuggestionOutcome,
} from '../core/reading/fields.ts';
import type { Queryable } from './db.ts';

export async function recordOutcomes(
  q: Queryable,
  o: { reportId: number; eventId: number; userId: number | null; outcomes: readonly OutcomeRow[] },
): Promise<void> {
  if (o.outcomes.length === 0) return;
  await q.query(
    `insert into suggestion_outcomes (report_id, event_id, user_id, field, outcome, suggested, chosen)
     select $1, $2, $3, x.field, x.outcome, x.suggested, x.chosen
     from unnest($4::text[], $5::text[], $6::text[], $7::text[]) as x(field, outcome, suggested, chosen)`,
    [
      o.reportId,
      o.eventId,
      o.userId,
      o.outcomes.map((x) => x.field),
      o.outcomes.map((x) => x.outcome),
      o.outcomes.map((x) => x.suggested),
      o.outcomes.map((x) => x.chosen),
    ],
  );
}

/** How often each field's suggestion was kept, changed or cleared, since `since` if given. */
export async function countOutcomes(q: Queryable, since?: Date): Promise<OutcomeCounts> {
  const rows = await q.query<{ field: SuggestedField; outcome: SuggestionOutcome; n: number }>(
    `select field, outcome, count(*)::int as n from suggestion_outcomes where $1::timestamptz is null or at >= $1 group by 1, 2`,
    [since ?? null],
  );
  const out = Object.fromEntries(SUGGESTED_FIELDS.map((f) => [f, { accepted: 0, corrected: 0, rejected: 0 }])) as OutcomeCounts;
  for (const r of rows) out[r.field][r.outcome] = r.n;
  return out;
}

/** The latest corrections, for an editor to see what the desk gets wrong. */
export async function latestCorrections(
  q: Queryable,
  limit: number,
): Promise<Array<OutcomeRow & { report_id: number; event_id: number; at: Date }>> {
  return q.query(
    `select report_id, event_id, field, outcome, suggested, chosen, at from suggestion_outcomes
     where outcome <> 'accepted' order by at desc, id desc limit $1`,
    [limit],
  );
}
