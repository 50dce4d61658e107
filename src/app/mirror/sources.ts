/**
 * Where a log is read from: a chronicle over HTTP, or a static copy in a folder (a USB stick,
 * an rsync'd export). Each is a `LogSource` reading paths relative to the log's root
 * ("checkpoint", "tile/0/000", "tile/entries/001.p/7"), which is all `verifyTiledLog` needs; a
 * bundle file is one more implementation of the same interface.
 */
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CaravanError } from '../../core/errors.ts';
import { maxLogPathBytes, readBounded } from './bounded.ts';

export interface LogSource {
  /** The bytes at `path` under the log root; undefined when the source has no such file. */
  read(path: string): Promise<Uint8Array | undefined>;
  /** Where it reads from, for messages. */
  readonly description: string;
}

/** Bytes and requests that crossed the wire: the benchmark's numerator. */
export interface TransferCounter {
  requests: number;
  bytes: number;
}

export type FetchLike = (url: string, init: { signal: AbortSignal; headers: Record<string, string> }) => Promise<Response>;

export interface HttpSourceOptions {
  fetch?: FetchLike;
  /** Per request, including the body. Slow links need minutes for a full bundle. */
  timeoutMs?: number;
  /** Attempts per path on network errors and 5xx answers. */
  attempts?: number;
  /** First pause between attempts; doubles each time. */
  retryDelayMs?: number;
  counter?: TransferCounter;
}

export class SourceUnavailableError extends CaravanError {
  override name = 'SourceUnavailableError';
  constructor(message: string) {
    super('unavailable', message);
  }
}

const LOG_PATH = /^(checkpoint|tile\/[0-9a-z./]+)$/;

function assertLogPath(path: string): void {
  if (!LOG_PATH.test(path) || path.includes('..')) throw new Error(`not a log path: ${JSON.stringify(path)}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The log root of a chronicle's URL: "https://example.org" and "https://example.org/log" both
 * mean "https://example.org/log/"; a URL ending in "/checkpoint" means its folder.
 */
export function logRootUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new Error(`not a URL: ${input}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`not an http(s) URL: ${input}`);
  url.search = '';
  url.hash = '';
  let path = url.pathname.replace(/\/checkpoint$/, '').replace(/\/+$/, '');
  if (!path.endsWith('/log')) path += '/log';
  url.pathname = `${path}/`;
  return url.href;
}

/** Reads a log over HTTP with a timeout per request and retries with backoff; 404 means absent. */
export function httpSource(logRoot: string, options: HttpSourceOptions = {}): LogSource {
  const doFetch: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const timeoutMs = options.timeoutMs ?? 120_000;
  const attempts = options.attempts ?? 4;
  const retryDelayMs = options.retryDelayMs ?? 500;
  return {
    description: logRoot,
    async read(path) {
      assertLogPath(path);
      const url = new URL(path, logRoot).href;
      let lastProblem = '';
      for (let attempt = 1; attempt <= attempts; attempt++) {
        if (attempt > 1) await sleep(retryDelayMs * 2 ** (attempt - 2));
        try {
          const res = await doFetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'text/plain, application/octet-stream' } });
          if (res.status === 404) {
            await res.body?.cancel();
            return undefined;
          }
          if (!res.ok) {
            await res.body?.cancel();
            lastProblem = `HTTP ${res.status}`;
            if (res.status >= 500 || res.status === 429) continue;
            throw new SourceUnavailableError(`${url} answered HTTP ${res.status}`);
          }
          const max = maxLogPathBytes(path);
          const bytes = await readBounded(res, max);
          // Not a passing failure: asking again would fetch the same oversized answer.
          if (!bytes) throw new SourceUnavailableError(`${url} is larger than ${max} bytes, the most a log's ${path === 'checkpoint' ? 'checkpoint' : 'tile'} can hold`);
          if (options.counter) {
            options.counter.requests += 1;
            options.counter.bytes += bytes.length;
          }
          return bytes;
        } catch (err) {
          if (err instanceof SourceUnavailableError) throw err;
          lastProblem = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
        }
      }
      throw new SourceUnavailableError(`could not fetch ${url} after ${attempts} attempts: ${lastProblem}`);
    },
  };
}

/**
 * A static copy: either the folder holds "log/checkpoint" (a whole exported site) or it is the
 * log root itself ("checkpoint" and "tile/").
 */
export async function folderSource(folder: string): Promise<LogSource> {
  const base = resolve(folder);
  const exists = async (p: string) => (await stat(p).catch(() => undefined))?.isFile() ?? false;
  let root: string;
  if (await exists(join(base, 'log', 'checkpoint'))) root = join(base, 'log');
  else if (await exists(join(base, 'checkpoint'))) root = base;
  else throw new SourceUnavailableError(`${folder} holds no log: neither log/checkpoint nor checkpoint is there`);
  return {
    description: root,
    async read(path) {
      assertLogPath(path);
      try {
        const file = join(root, ...path.split('/'));
        const max = maxLogPathBytes(path);
        if ((await stat(file)).size > max) throw new SourceUnavailableError(`${file} is larger than ${max} bytes, the most a log's ${path === 'checkpoint' ? 'checkpoint' : 'tile'} can hold`);
        return new Uint8Array(await readFile(file));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
  };
}

/** A source that answers "checkpoint" with fixed bytes: verification must see the note it was given. */
export function pinCheckpoint(source: LogSource, checkpoint: Uint8Array): LogSource {
  return {
    description: source.description,
    read: (path) => (path === 'checkpoint' ? Promise.resolve(checkpoint) : source.read(path)),
  };
}
