import type { Queryable } from './db.ts';

export const SOURCE_KINDS = ['witness', 'relay', 'outlet', 'official', 'social', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface SourceRow {
  id: number;
  kind: SourceKind;
  name: string;
  reliability: string | null;
  notes: string | null;
  last_heard_at: Date | null;
  created_at: Date;
}

export async function insertSource(
  q: Queryable,
  s: { kind: SourceKind; name: string; reliability?: string | null; notes?: string | null; lastHeardAt?: Date | null },
): Promise<SourceRow> {
  const rows = await q.query<SourceRow>(
    'insert into sources (kind, name, reliability, notes, last_heard_at) values ($1, $2, $3, $4, $5) returning *',
    [s.kind, s.name, s.reliability ?? null, s.notes ?? null, s.lastHeardAt ?? null],
  );
  return rows[0]!;
}

export async function listSources(q: Queryable): Promise<SourceRow[]> {
  return q.query<SourceRow>('select * from sources order by name');
}

export async function getSource(q: Queryable, id: number): Promise<SourceRow | undefined> {
  const rows = await q.query<SourceRow>('select * from sources where id = $1', [id]);
  return rows[0];
}

/** Records that we heard from a source, so editors can see who went silent. */
export async function touchSource(q: Queryable, id: number, at: Date) {
  await q.query('update sources set last_heard_at = greatest(coalesce(last_heard_at, $2), $2) where id = $1', [id, at]);
}
