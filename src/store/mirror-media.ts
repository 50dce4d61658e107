/**
 * Media of followed chronicles: the stripped photos and videos their verified entries name by
 * SHA-256, copied from the origin and checked against that hash before they are stored. What a
 * mirror still lacks is derived from its entries each time, so a failed download is simply
 * missing until a later sync fetches it.
 */
import { createHash } from 'node:crypto';
import type { Queryable } from './db.ts';
import { CaravanError } from '../core/errors.ts';

export interface MirrorMediaFile {
  sha256: string;
  mime: string;
  data: Uint8Array;
}

export class MediaHashMismatchError extends CaravanError {
  override name = 'MediaHashMismatchError';
  constructor(message: string) {
    super('media_hash_mismatch', message);
  }
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Bytes go to the database as base64 text, as in store/mirrors.ts: PGlite binds Uint8Array slowly. */
function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

export async function getMirrorMedia(q: Queryable, origin: string, sha256: string): Promise<MirrorMediaFile | undefined> {
  if (!SHA256_HEX.test(sha256)) return undefined;
  const rows = await q.query<MirrorMediaFile>('select sha256, mime, data from mirror_media where origin = $1 and sha256 = $2', [
    origin,
    sha256,
  ]);
  return rows[0];
}

/** Stores a copy, refusing bytes whose SHA-256 is not the one named: a tampered copy is never kept. */
export async function putMirrorMedia(q: Queryable, origin: string, file: MirrorMediaFile): Promise<void> {
  if (!SHA256_HEX.test(file.sha256)) throw new MediaHashMismatchError(`“${file.sha256}” is not a SHA-256 in lowercase hex`);
  const actual = sha256Hex(file.data);
  if (actual !== file.sha256) {
    throw new MediaHashMismatchError(`media ${file.sha256} arrived with other bytes (SHA-256 ${actual}); not stored`);
  }
  await q.query(
    `insert into mirror_media (origin, sha256, mime, data) values ($1, $2, $3, decode($4, 'base64'))
     on conflict (origin, sha256) do nothing`,
    [origin, file.sha256, file.mime, base64(file.data)],
  );
}

export async function listMirrorMediaHashes(q: Queryable, origin: string): Promise<string[]> {
  const rows = await q.query<{ sha256: string }>('select sha256 from mirror_media where origin = $1 order by sha256', [origin]);
  return rows.map((r) => r.sha256);
}

/**
 * Media named by a verified record of this mirror, with the mime type that record gives. Entries
 * verified since the last call are read into mirror_media_refs first; reading them again (two
 * processes at once, a crash before the mark moved) only finds what is already there.
 */
export async function referencedMirrorMedia(q: Queryable, origin: string): Promise<Array<{ sha256: string; mime: string }>> {
  const [mark] = await q.query<{ scanned_to: number | null; size: number | null }>(
    `select (select scanned_to from mirror_media_scans where origin = $1) as scanned_to,
       (select max(idx) + 1 from mirror_entries where origin = $1) as size`,
    [origin],
  );
  const from = mark?.scanned_to ?? 0;
  const to = mark?.size ?? 0;
  if (to > from) {
    // Canonical JSON writes the key as "media": the byte search skips parsing entries without any.
    await q.query(
      `insert into mirror_media_refs (origin, sha256, mime)
       select distinct on (m ->> 'sha256') $1, m ->> 'sha256', left(coalesce(m ->> 'mime', ''), 100)
       from mirror_entries e,
         jsonb_array_elements(case when jsonb_typeof(convert_from(e.data, 'UTF8')::jsonb -> 'record' -> 'media') = 'array'
           then convert_from(e.data, 'UTF8')::jsonb -> 'record' -> 'media' else '[]'::jsonb end) m
       where e.origin = $1 and e.idx >= $2 and e.idx < $3 and e.type = 'publish'
         and position(convert_to('"media":', 'UTF8') in e.data) > 0
         and jsonb_typeof(m) = 'object' and (m ->> 'sha256') ~ '^[0-9a-f]{64}$'
       order by m ->> 'sha256', e.idx desc
       on conflict (origin, sha256) do nothing`,
      [origin, from, to],
    );
    await q.query(
      `insert into mirror_media_scans (origin, scanned_to) values ($1, $2)
       on conflict (origin) do update set scanned_to = greatest(mirror_media_scans.scanned_to, excluded.scanned_to)`,
      [origin, to],
    );
  }
  return q.query<{ sha256: string; mime: string }>('select sha256, mime from mirror_media_refs where origin = $1 order by sha256', [
    origin,
  ]);
}

/** Hashes referenced by the mirror's verified entries but not yet stored, in hash order. */
export async function missingMirrorMedia(q: Queryable, origin: string): Promise<string[]> {
  const referenced = await referencedMirrorMedia(q, origin);
  const stored = await listMirrorMediaHashes(q, origin);
  const have = new Set(stored);
  return referenced
    .map((r) => r.sha256)
    .filter((h) => !have.has(h))
    .sort();
}
