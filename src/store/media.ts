/**
 * Media rows: one per photo or video attached to a report. The files live in the data folder;
 * these rows say where, and what the bytes were when they arrived.
 */
import { NotFoundError } from '../core/errors.ts';
import type { Queryable } from './db.ts';

export interface MediaRow {
  id: number;
  report_id: number;
  /** SHA-256 (hex) of the bytes as received. */
  sha256: string;
  stripped_sha256: string;
  mime: string;
  /** Size of the stripped copy. */
  bytes: number;
  width: number | null;
  height: number | null;
  duration_ms: number | null;
  /** Relative to the data folder. */
  stored_path: string;
  evidence_path: string | null;
  created_at: Date;
}

export type NewMedia = Omit<MediaRow, 'id' | 'created_at'>;

const COLUMNS = `id, report_id, sha256, stripped_sha256, mime, bytes, width, height, duration_ms,
  stored_path, evidence_path, created_at`;

/** Stores one media row; false when the report already has a file with these bytes. */
export async function insertMedia(q: Queryable, m: NewMedia): Promise<boolean> {
  const rows = await q.query(
    `insert into media (report_id, sha256, stripped_sha256, mime, bytes, width, height, duration_ms, stored_path, evidence_path)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     on conflict (report_id, sha256) do nothing
     returning id`,
    [m.report_id, m.sha256, m.stripped_sha256, m.mime, m.bytes, m.width, m.height, m.duration_ms, m.stored_path, m.evidence_path],
  );
  return rows.length > 0;
}

export async function listMediaOfReport(q: Queryable, reportId: number): Promise<MediaRow[]> {
  return q.query<MediaRow>(`select ${COLUMNS} from media where report_id = $1 order by id`, [reportId]);
}

export async function getMedia(q: Queryable, id: number): Promise<MediaRow> {
  const rows = await q.query<MediaRow>(`select ${COLUMNS} from media where id = $1`, [id]);
  if (!rows[0]) throw new NotFoundError(`media file #${id}`);
  return rows[0];
}

/** Media rows of the reports in scope, oldest first: what the event form offers. */
export async function attachableMedia(q: Queryable, scope: { eventId?: number; fromReportId?: number }): Promise<MediaRow[]> {
  return q.query<MediaRow>(
    `select m.* from media m join reports r on r.id = m.report_id
     where (r.event_id = $1 and $1::int is not null) or r.id = $2
     order by m.id`,
    [scope.eventId ?? null, scope.fromReportId ?? null],
  );
}

/** The type a publication, current or earlier, gives the file with this hash; undefined when none lists it. */
export async function publishedMediaMime(q: Queryable, sha256: string): Promise<{ mime: string } | undefined> {
  const rows = await q.query<{ mime: string | null }>(
    `select (select m ->> 'mime' from jsonb_array_elements(p.record -> 'media') m where m ->> 'sha256' = $1 limit 1) as mime
     from publications p
     where p.action = 'publish' and p.record -> 'media' @> jsonb_build_array(jsonb_build_object('sha256', $1::text))
     order by p.id desc limit 1`,
    [sha256],
  );
  const row = rows[0];
  return row ? { mime: row.mime ?? 'application/octet-stream' } : undefined;
}

/** Where stripped copies with this hash are stored, relative to the data folder, oldest first. */
export async function storedPathsOf(q: Queryable, sha256: string): Promise<string[]> {
  const rows = await q.query<{ stored_path: string }>('select stored_path from media where stripped_sha256 = $1 order by id', [sha256]);
  return rows.map((r) => r.stored_path);
}
