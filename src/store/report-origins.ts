/**
 * Where a report came from when it came from another system: the time and id the channel gave
 * it, the sender's pseudonym, the source record of a channel, and media referred to by hash.
 */
import type { Queryable } from './db.ts';
import type { SourceKind, SourceRow } from './sources.ts';

export interface ReportOrigin {
  sentAt?: Date | undefined;
  externalId?: string | undefined;
  senderHash?: string | undefined;
}

export async function setReportOrigin(q: Queryable, reportId: number, o: ReportOrigin): Promise<void> {
  await q.query('update reports set sent_at = $2, external_id = $3, sender_hash = $4 where id = $1', [
    reportId,
    o.sentAt ?? null,
    o.externalId ?? null,
    o.senderHash ?? null,
  ]);
}

export interface ReportOriginRow {
  sent_at: Date | null;
  external_id: string | null;
  sender_hash: string | null;
}

export async function getReportOrigin(q: Queryable, reportId: number): Promise<ReportOriginRow | undefined> {
  const rows = await q.query<ReportOriginRow>('select sent_at, external_id, sender_hash from reports where id = $1', [reportId]);
  return rows[0];
}

/** Other reports from the same sender, newest first. */
export async function listSenderReports(q: Queryable, senderHash: string, exceptId: number, limit = 20) {
  return q.query<{ id: number; received_at: Date; what: string; state: string }>(
    `select id, received_at, what, state from reports where sender_hash = $1 and id <> $2
     order by received_at desc, id desc limit $3`,
    [senderHash, exceptId, limit],
  );
}

export async function countSenderReports(q: Queryable, senderHash: string, exceptId: number): Promise<number> {
  const rows = await q.query<{ n: number }>('select count(*)::int as n from reports where sender_hash = $1 and id <> $2', [
    senderHash,
    exceptId,
  ]);
  return rows[0]?.n ?? 0;
}

/**
 * The source a channel knows by `ref` (e.g. "telegram:channel:1234"), created on first sight.
 * The name is the one first seen; editors may rename it.
 */
export async function sourceForRef(
  q: Queryable,
  ref: string,
  s: { kind: SourceKind; name: string; notes?: string | null },
): Promise<SourceRow> {
  await q.query(`insert into sources (kind, name, notes, external_ref) values ($1, $2, $3, $4) on conflict (external_ref) do nothing`, [
    s.kind,
    s.name,
    s.notes ?? null,
    ref,
  ]);
  const rows = await q.query<SourceRow>('select * from sources where external_ref = $1', [ref]);
  return rows[0]!;
}

export interface MediaRef {
  /** The file's name as the export refers to it, e.g. "photos/photo_1@05-01-2022_14-00-00.jpg". */
  name: string;
  /** photo, video, voice, file... as the channel calls it. */
  kind: string;
  /** Hex SHA-256 of the file; absent when the export did not include the file. */
  sha256?: string | undefined;
  bytes?: number | undefined;
}

export async function addMediaRefs(q: Queryable, reportId: number, refs: readonly MediaRef[]): Promise<void> {
  for (const r of refs) {
    await q.query(
      `insert into report_media_refs (report_id, name, kind, sha256, bytes) values ($1, $2, $3, $4, $5)
       on conflict (report_id, name) do nothing`,
      [reportId, r.name, r.kind, r.sha256 ?? null, r.bytes ?? null],
    );
  }
}

export async function listMediaRefs(
  q: Queryable,
  reportId: number,
): Promise<Array<{ name: string; kind: string; sha256: string | null; bytes: number | null }>> {
  const rows = await q.query<{ name: string; kind: string; sha256: string | null; bytes: string | number | null }>(
    'select name, kind, sha256, bytes from report_media_refs where report_id = $1 order by id',
    [reportId],
  );
  return rows.map((r) => ({ ...r, bytes: r.bytes === null ? null : Number(r.bytes) }));
}

export interface ReportOriginSummary {
  sentAt: Date | null;
  externalId: string | null;
  /** Other reports from the same sender, when the channel knows one. */
  sender?: { others: number; recent: Array<{ id: number; received_at: Date; what: string; state: string }> };
  media: Array<{ name: string; kind: string; sha256: string | null; bytes: number | null }>;
}

/** What the editor's report page shows about a report's channel origin; undefined for reports from the form or the API. */
export async function summarizeReportOrigin(q: Queryable, reportId: number): Promise<ReportOriginSummary | undefined> {
  const origin = await getReportOrigin(q, reportId);
  if (!origin) return undefined;
  const media = await listMediaRefs(q, reportId);
  if (origin.sent_at === null && origin.external_id === null && origin.sender_hash === null && media.length === 0) return undefined;
  const out: ReportOriginSummary = { sentAt: origin.sent_at, externalId: origin.external_id, media };
  if (origin.sender_hash !== null) {
    out.sender = {
      others: await countSenderReports(q, origin.sender_hash, reportId),
      recent: await listSenderReports(q, origin.sender_hash, reportId, 10),
    };
  }
  return out;
}
