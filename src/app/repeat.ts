/**
 * The one way Caravan waits and tries again: a backoff with jitter for whatever failed, and a
 * loop for background work (mirror polling, asking witnesses, relaying, rolling backups) with the
 * clock's timers injected and a stop that waits for the round under way.
 */

/** setTimeout and clearTimeout, replaceable in tests. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The process's timers: a command waiting to try again stays alive for it. */
export const processTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Unref'd timers: background work never keeps a process alive on its own (the server does). */
export const backgroundTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface Backoff {
  /** The wait after the first failure (and the period of work that does not fail). */
  baseMs: number;
  /** The longest wait, however many failures. */
  maxMs: number;
  /** 0..1, replaceable in tests. */
  random?: () => number;
}

/**
 * The wait after `failures` failures in a row: `baseMs` doubled per failure after the first, up
 * to `maxMs`, then drawn from its upper half ("equal jitter"), so many clients that lost the
 * same server do not come back in step and none waits less than half its step. No failures:
 * `baseMs` itself, also jittered.
 */
export function backoffMs(failures: number, b: Backoff): number {
  const doublings = Math.min(Math.max(failures - 1, 0), 40);
  const full = Math.min(Math.max(b.maxMs, b.baseMs), b.baseMs * 2 ** doublings);
  const random = b.random ?? Math.random;
  return Math.round(full / 2 + (random() * full) / 2);
}

export interface Periodic {
  /** No more rounds; aborts the one under way through its signal and waits for it to end. */
  stop(): Promise<void>;
}

export interface PeriodicOptions {
  /** Names the work in the one line a failed round logs. */
  name: string;
  /** The wait before the first round (default: none). */
  firstDelayMs?: number | (() => Promise<number>);
  /** The wait after a round; a number, or computed from what the round returned. */
  delayMs: number | ((result: unknown) => number);
  /** Default: `backgroundTimers`. */
  timers?: Timers;
  /** A failed round is reported here (default: one line on stderr) and the loop goes on. */
  onError?: (err: unknown) => void;
}

/**
 * Runs `round` again and again, each after the wait before it, until stopped. A round that
 * throws is reported and the next one is scheduled as usual; rounds never overlap.
 */
export function startPeriodic<T>(round: (signal: AbortSignal) => Promise<T>, o: PeriodicOptions): Periodic {
  const timers = o.timers ?? backgroundTimers;
  const abort = new AbortController();
  const onError =
    o.onError ?? ((err: unknown) => console.error(`${o.name}: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`));
  let handle: unknown;
  let running: Promise<void> | undefined;

  const run = () => {
    handle = undefined;
    if (abort.signal.aborted || running) return;
    let result: unknown;
    running = round(abort.signal)
      .then(
        (r) => {
          result = r;
        },
        (err: unknown) => {
          if (!abort.signal.aborted) onError(err);
        },
      )
      .finally(() => {
        running = undefined;
        schedule(typeof o.delayMs === 'function' ? o.delayMs(result) : o.delayMs);
      });
  };
  const schedule = (ms: number) => {
    if (abort.signal.aborted) return;
    handle = timers.setTimeout(run, Math.max(0, ms));
  };

  const first = o.firstDelayMs ?? 0;
  if (typeof first === 'number') schedule(first);
  else first().then(schedule, () => schedule(typeof o.delayMs === 'number' ? o.delayMs : 0));

  return {
    async stop() {
      abort.abort();
      if (handle !== undefined) timers.clearTimeout(handle);
      handle = undefined;
      await running;
    },
  };
}

/** A wait that an abort cuts short (resolving, not rejecting: the caller checks the signal). */
export function sleep(ms: number, signal?: AbortSignal, timers: Timers = processTimers): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const handle = timers.setTimeout(() => {
      signal?.removeEventListener('abort', done);
      resolve();
    }, ms);
    const done = () => {
      timers.clearTimeout(handle);
      resolve();
    };
    signal?.addEventListener('abort', done, { once: true });
  });
}
