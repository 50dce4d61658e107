/**
 * Where a log is read from: a chronicle over HTTP, or a static copy in a folder (a USB stick,
 * an rsync'd export). Each is a `LogSource` reading paths relative to the log's root
 * ("checkpoint", "tile/0/000", "tile/entries/001.p/7"), which is all `verifyTiledLog` needs; a
 * bundle file is one more implementation of the same interface.
 */
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Db } from '../../store/db.ts';
import { type FetchLike, SourceUnavailableError, type TransferCounter, download, maxLogPathBytes } from './download.ts';

export { type FetchLike, SourceUnavailableError, type TransferCounter } from './download.ts';

export interface LogSource {
  /** The bytes at `path` under the log root; undefined when the source has no such file. */
  read(path: string): Promise<Uint8Array | undefined>;
  /** Where it reads from, for messages. */
  readonly description: string;
}

/** What syncing a mirror needs: the store, the clock and how to reach origins. */
export interface MirrorDeps {
  db: Db;
  now(): Date;
  /** The transport; tests wrap it to cut a sync short. */
  fetch?: FetchLike;
  counter?: TransferCounter;
  timeoutMs?: number;
  attempts?: number;
  retryDelayMs?: number;
}

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

const LOG_PATH = /^(checkpoint|tile\/[0-9a-z./]+)$/;

function assertLogPath(path: string): void {
  if (!LOG_PATH.test(path) || path.includes('..')) throw new Error(`not a log path: ${JSON.stringify(path)}`);
}

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
  return {
    description: logRoot,
    async read(path) {
      assertLogPath(path);
      const url = new URL(path, logRoot).href;
      const max = maxLogPathBytes(path);
      const got = await download(url, {
        fetch: options.fetch,
        accept: 'text/plain, application/octet-stream',
        maxBytes: max,
        timeoutMs: options.timeoutMs ?? 120_000,
        attempts: options.attempts,
        retryDelayMs: options.retryDelayMs,
        counter: options.counter,
      });
      if (got.kind === 'absent') return undefined;
      if (got.kind === 'refused') throw new SourceUnavailableError(`${url} answered HTTP ${got.status}`);
      if (got.kind === 'too-large')
        throw new SourceUnavailableError(
          `${url} is larger than ${max} bytes, the most a log's ${path === 'checkpoint' ? 'checkpoint' : 'tile'} can hold`,
        );
      return got.bytes;
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
        if ((await stat(file)).size > max)
          throw new SourceUnavailableError(
            `${file} is larger than ${max} bytes, the most a log's ${path === 'checkpoint' ? 'checkpoint' : 'tile'} can hold`,
          );
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
