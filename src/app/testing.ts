/** Test helpers for background work: timers and a clock that move only when a test says so. */
import assert from 'node:assert/strict';
import type { Timers } from './repeat.ts';

export interface ManualTime {
  timers: Timers;
  /** The clock the timers run on, for `AppContext.now` or `MirrorDeps.now`. */
  now(): Date;
  /** Waits still pending, in milliseconds from now. */
  pending(): number[];
  /** Moves the clock to the next timer and runs it. */
  fireNext(): void;
  /** Moves the clock by `ms`, running what falls due in order and letting promises settle between. */
  advance(ms: number): Promise<void>;
}

export function manualTime(start = new Date(0)): ManualTime {
  let now = start.getTime();
  let ids = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const settle = async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  };
  const next = (until = Number.POSITIVE_INFINITY) =>
    [...pending.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
  const run = ([id, t]: [number, { at: number; fn: () => void }]) => {
    pending.delete(id);
    now = t.at;
    t.fn();
  };
  return {
    timers: {
      setTimeout(fn, ms) {
        pending.set(++ids, { at: now + ms, fn });
        return ids;
      },
      clearTimeout(handle) {
        pending.delete(handle as number);
      },
    },
    now: () => new Date(now),
    pending: () => [...pending.values()].map((t) => t.at - now),
    fireNext() {
      const t = next();
      assert.ok(t, 'a timer is set');
      run(t);
    },
    async advance(ms) {
      const until = now + ms;
      await settle();
      for (let t = next(until); t; t = next(until)) {
        run(t);
        await settle();
      }
      now = until;
    },
  };
}

/** Waits, in real time, until `done()` holds: for work that goes through the store between timers. */
export async function until(what: string, done: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    assert.ok(Date.now() < end, `timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}
