/**
 * Media the public may fetch: the stripped copy of a report's photo or video, once some
 * published public record (the current one or any earlier one in `publications`) names it by
 * its SHA-256. Never a file of a report nobody published, never an evidence original: the
 * lookup goes from the published record to `media.stripped_sha256`, and only `stored_path`
 * is read.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { isSha256Hex } from '../../core/event-media.ts';
import type { Queryable } from '../../store/db.ts';
import type { AppContext } from '../context.ts';

export interface PublishedMediaFile {
  sha256: string;
  mime: string;
  data: Uint8Array;
}

/** Whether any publication, current or earlier, lists this hash among its media. */
async function isPublished(q: Queryable, sha256: string): Promise<{ mime: string } | undefined> {
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

/** Where the stripped copy with this hash is, if something published references it. */
export async function findPublishedMediaFile(ctx: AppContext, sha256: string): Promise<{ path: string; mime: string; size: number } | undefined> {
  if (!isSha256Hex(sha256)) return undefined;
  const published = await isPublished(ctx.db, sha256);
  if (!published) return undefined;
  const rows = await ctx.db.query<{ stored_path: string }>('select stored_path from media where stripped_sha256 = $1 order by id', [sha256]);
  const root = resolve(ctx.config.dataDir);
  for (const row of rows) {
    const path = resolve(join(root, row.stored_path));
    // Paths come from our own rows, but nothing outside the data folder is ever served.
    const inside = relative(root, path);
    if (inside.startsWith('..') || isAbsolute(inside)) continue;
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile()) return { path, mime: published.mime, size: info.size };
  }
  return undefined;
}

/**
 * The stripped copy with this SHA-256, if something published references it. The bytes are
 * hashed again, so a file changed on disk is never handed on under the published hash.
 */
export async function readPublishedMedia(ctx: AppContext, sha256: string): Promise<PublishedMediaFile | undefined> {
  const file = await findPublishedMediaFile(ctx, sha256);
  if (!file) return undefined;
  const data = await readFile(file.path).catch(() => undefined);
  if (!data || createHash('sha256').update(data).digest('hex') !== sha256) return undefined;
  return { sha256, mime: file.mime, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

/** Every media hash some publication has referenced, in hash order: what a bundle or static copy carries. */
export async function listPublishedMediaHashes(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ sha256: string }>(
    `select distinct m ->> 'sha256' as sha256
     from publications p, jsonb_array_elements(case when jsonb_typeof(p.record -> 'media') = 'array' then p.record -> 'media' else '[]'::jsonb end) m
     where p.action = 'publish' and (m ->> 'sha256') ~ '^[0-9a-f]{64}$'
     order by 1`,
  );
  return rows.map((r) => r.sha256);
}
