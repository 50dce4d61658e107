/**
 * Background syncing while `caravan serve` runs: each followed chronicle is checked every
 * interval; after failures the wait doubles (up to a ceiling) with jitter (`backoffMs`), so many
 * mirrors of a struggling origin do not hammer it in step. A check never stops the others.
 */
import { listMirrors } from '../../store/mirrors.ts';
import { type Periodic, type Timers, backoffMs, startPeriodic } from '../repeat.ts';
import type { MirrorDeps } from './sources.ts';
import { type SyncOutcome, syncMirror } from './sync.ts';

export interface PollerOptions {
  intervalMs: number;
  /** Longest wait after repeated failures (default six hours). */
  maxBackoffMs?: number;
  /** 0..1, replaceable in tests. */
  random?: () => number;
  timers?: Timers;
  onOutcome?: (outcome: SyncOutcome) => void;
}

export function startMirrorPoller(deps: MirrorDeps, options: PollerOptions): Periodic {
  const backoff = {
    baseMs: options.intervalMs,
    maxMs: options.maxBackoffMs ?? 6 * 3600_000,
    ...(options.random ? { random: options.random } : {}),
  };
  /** When each origin is next due, on the injected clock. */
  const due = new Map<string, number>();

  async function round(signal: AbortSignal): Promise<void> {
    for (const m of await listMirrors(deps.db)) {
      if (signal.aborted) return;
      if (deps.now().getTime() < (due.get(m.origin) ?? 0)) continue;
      let outcome: SyncOutcome;
      try {
        outcome = await syncMirror(deps, m.origin);
      } catch (err) {
        outcome = { status: 'failed', origin: m.origin, message: err instanceof Error ? err.message : String(err) };
      }
      options.onOutcome?.(outcome);
      const failures = outcome.status === 'failed' ? m.failures + 1 : 0;
      due.set(m.origin, deps.now().getTime() + backoffMs(failures, backoff));
    }
  }

  // Look for due origins four times per interval (at least every 15 s), so a new mirror or one
  // whose wait ended is not left waiting a whole interval more.
  return startPeriodic(round, {
    name: 'mirror poller',
    delayMs: Math.min(options.intervalMs, 60_000) / 4,
    ...(options.timers ? { timers: options.timers } : {}),
  });
}
