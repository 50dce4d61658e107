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
import { publishedMediaMime, storedPathsOf } from '../../store/media.ts';
import type { AppContext } from '../context.ts';

export interface PublishedMediaFile {
  sha256: string;
  mime: string;
  data: Uint8Array;
}

/** Where the stripped copy with this hash is, if something published references it. */
export async function findPublishedMediaFile(
  ctx: AppContext,
  sha256: string,
): Promise<{ path: string; mime: string; size: number } | undefined> {
  if (!isSha256Hex(sha256)) return undefined;
  const published = await publishedMediaMime(ctx.db, sha256);
  if (!published) return undefined;
  const root = resolve(ctx.config.dataDir);
  for (const stored of await storedPathsOf(ctx.db, sha256)) {
    const path = resolve(join(root, stored));
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
