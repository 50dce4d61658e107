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
