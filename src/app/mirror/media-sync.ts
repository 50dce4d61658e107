/**
 * Copies the media a mirror's verified entries name: each file is fetched from the origin's
 * `<public url>/media/<sha256>`, bounded in size, and stored only if its SHA-256 is the one the
 * signed record gives. A file that cannot be fetched or does not match is left missing and
 * tried again on the next sync; nothing here can fail or undo the log sync that preceded it.
 */
import type { Db } from '../../store/db.ts';
import { MediaHashMismatchError, listMirrorMediaHashes, putMirrorMedia, referencedMirrorMedia } from '../../store/mirror-media.ts';
import { getMirror } from '../../store/mirrors.ts';
import { type FetchLike, download } from './download.ts';

/** Larger than any stripped photo and most videos a report may carry; a bigger answer is refused. */
export const MAX_MIRROR_MEDIA_BYTES = 64 * 1024 * 1024;

export interface MediaCopyDeps {
  db: Db;
  fetch?: FetchLike;
  timeoutMs?: number;
  maxBytes?: number;
  attempts?: number;
  retryDelayMs?: number;
}

export interface MediaCopyResult {
  fetched: number;
  /** Still missing after this attempt. */
  missing: number;
  /** One line per file that failed, for logs and `caravan mirror sync`. */
  problems: string[];
}

/** Where the origin serves media: its log is at "<public url>/log/", media at "<public url>/media/". */
export function mediaRootOf(logUrl: string): string {
  return new URL('../../media/', logUrl).href;
}

/** Fetches every referenced file the mirror lacks, one at a time. Never throws. */
export async function copyMirrorMedia(deps: MediaCopyDeps, origin: string): Promise<MediaCopyResult> {
  const result: MediaCopyResult = { fetched: 0, missing: 0, problems: [] };
  try {
    const m = await getMirror(deps.db, origin);
    if (!m) return result;
    const referenced = await referencedMirrorMedia(deps.db, origin);
    const stored = await listMirrorMediaHashes(deps.db, origin);
    const have = new Set(stored);
    const wanted = referenced.filter((r) => !have.has(r.sha256));
    const root = mediaRootOf(m.log_url);
    const max = deps.maxBytes ?? MAX_MIRROR_MEDIA_BYTES;
    for (const file of wanted) {
      const url = new URL(file.sha256, root).href;
      try {
        const got = await download(url, {
          fetch: deps.fetch,
          accept: file.mime || '*/*',
          maxBytes: max,
          timeoutMs: deps.timeoutMs ?? 120_000,
          attempts: deps.attempts,
          retryDelayMs: deps.retryDelayMs,
        });
        if (got.kind === 'too-large') {
          result.problems.push(`${url}: larger than ${max} bytes; not copied`);
          continue;
        }
        if (got.kind !== 'ok') {
          result.problems.push(`${url}: ${got.kind === 'absent' ? 'HTTP 404' : `HTTP ${got.status}`}`);
          continue;
        }
        await putMirrorMedia(deps.db, origin, { sha256: file.sha256, mime: file.mime.slice(0, 100), data: got.bytes });
        result.fetched++;
      } catch (err) {
        const why = err instanceof MediaHashMismatchError ? err.message : err instanceof Error ? err.message : String(err);
        result.problems.push(`${url}: ${why}`);
      }
    }
    result.missing = wanted.length - result.fetched;
  } catch (err) {
    result.problems.push(err instanceof Error ? err.message : String(err));
  }
  return result;
}
