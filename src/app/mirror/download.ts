/**
 * Every download a mirror makes from another server goes through `download`: a timeout per
 * attempt, retries with backoff on network errors, 5xx and 429, and a body read only up to the
 * size it can rightly have, so a hostile or broken origin cannot make a mirror hold gigabytes in
 * memory. The log's paths have sizes fixed by the formats; media have the mirror's own limit.
 */
import { CaravanError } from '../../core/errors.ts';
import { HASH_SIZE, concatBytes } from '../../log/hash.ts';
import { MAX_ENTRY_SIZE, TILE_WIDTH } from '../../log/tiles.ts';
import { backoffMs, sleep } from '../repeat.ts';

export type FetchLike = (url: string, init: { signal: AbortSignal; headers: Record<string, string> }) => Promise<Response>;

/** Bytes and requests that crossed the wire: the benchmark's numerator. */
export interface TransferCounter {
  requests: number;
  bytes: number;
}

export class SourceUnavailableError extends CaravanError {
  override name = 'SourceUnavailableError';
  constructor(message: string) {
    super('unavailable', message);
  }
}

/** A signed note: origin, size, root and signatures; a thousand cosignatures fit with room to spare. */
export const MAX_CHECKPOINT_BYTES = 256 << 10;

/** The most bytes a log path can rightly hold: a checkpoint, a hash tile, or an entry bundle (C2SP tlog-tiles). */
export function maxLogPathBytes(path: string): number {
  if (path === 'checkpoint') return MAX_CHECKPOINT_BYTES;
  if (path.startsWith('tile/entries/')) return TILE_WIDTH * (2 + MAX_ENTRY_SIZE);
  return TILE_WIDTH * HASH_SIZE;
}

/** The body, or undefined when it declares or grows past `max` bytes (the download is cancelled then). */
export async function readBounded(res: Response, max: number): Promise<Uint8Array | undefined> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel();
    return undefined;
  }
  if (!res.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return concatBytes(...chunks);
}

export interface DownloadOptions {
  /** The transport; defaults to the global fetch. */
  fetch?: FetchLike | undefined;
  accept: string;
  /** The most bytes the answer may hold. */
  maxBytes: number;
  /** Per attempt, including the body. */
  timeoutMs: number;
  /** Attempts on network errors, 5xx and 429 (default 4). */
  attempts?: number | undefined;
  /** The first pause between attempts; doubles after each (`backoffMs`). */
  retryDelayMs?: number | undefined;
  counter?: TransferCounter | undefined;
}

export type Downloaded =
  | { kind: 'ok'; bytes: Uint8Array }
  | { kind: 'absent' }
  /** A 3xx or 4xx other than 404 and 429: asking again would not change it. */
  | { kind: 'refused'; status: number }
  /** Larger than `maxBytes`: asking again would fetch the same oversized answer. */
  | { kind: 'too-large' };

/** GETs `url`; throws SourceUnavailableError when every attempt failed. */
export async function download(url: string, o: DownloadOptions): Promise<Downloaded> {
  const doFetch: FetchLike = o.fetch ?? ((u, init) => fetch(u, init));
  const attempts = o.attempts ?? 4;
  let lastProblem = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) await sleep(backoffMs(attempt - 1, { baseMs: o.retryDelayMs ?? 500, maxMs: 30_000 }));
    try {
      const res = await doFetch(url, { signal: AbortSignal.timeout(o.timeoutMs), headers: { accept: o.accept } });
      if (!res.ok) {
        await res.body?.cancel();
        if (res.status === 404) return { kind: 'absent' };
        lastProblem = `HTTP ${res.status}`;
        if (res.status >= 500 || res.status === 429) continue;
        return { kind: 'refused', status: res.status };
      }
      const bytes = await readBounded(res, o.maxBytes);
      if (!bytes) return { kind: 'too-large' };
      if (o.counter) {
        o.counter.requests += 1;
        o.counter.bytes += bytes.length;
      }
      return { kind: 'ok', bytes };
    } catch (err) {
      lastProblem = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
    }
  }
  throw new SourceUnavailableError(`could not fetch ${url} after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${lastProblem}`);
}
