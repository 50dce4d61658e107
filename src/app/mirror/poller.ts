/**
 * Background syncing while `caravan serve` runs: each followed chronicle is checked every
 * interval; after failures the wait doubles (up to a ceiling) with jitter, so many mirrors of a
 * struggling origin do not hammer it in step. A check never stops the others.
 */
import { listMirrors } from '../../store/mirrors.ts';
import { type MirrorDeps, type SyncOutcome, syncMirror } from './sync.ts';

export interface PollerOptions {
  intervalMs: number;
  /** Longest wait after repeated failures. */
  maxBackoffMs?: number;
  /** 0..1, replaceable in tests. */
  random?: () => number;
  onOutcome?: (outcome: SyncOutcome) => void;
}

/** The wait before the next check after `failures` consecutive failed ones. */
export function nextDelayMs(intervalMs: number, failures: number, random: () => number, maxBackoffMs = 6 * 3600_000): number {
  const base = Math.min(intervalMs * 2 ** Math.min(failures, 20), Math.max(maxBackoffMs, intervalMs));
  // Jitter in [0.75, 1.25) of the base.
  return Math.round(base * (0.75 + random() / 2));
}

export function startMirrorPoller(deps: MirrorDeps, options: PollerOptions): { stop(): Promise<void> } {
  const random = options.random ?? Math.random;
  const due = new Map<string, number>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  async function round(): Promise<void> {
    const mirrors = await listMirrors(deps.db);
    for (const m of mirrors) {
      if (stopped) return;
      const at = due.get(m.origin) ?? 0;
      if (Date.now() < at) continue;
      let outcome: SyncOutcome;
      try {
        outcome = await syncMirror(deps, m.origin);
      } catch (err) {
        outcome = { status: 'failed', origin: m.origin, message: err instanceof Error ? err.message : String(err) };
      }
      options.onOutcome?.(outcome);
      const failures = outcome.status === 'failed' ? m.failures + 1 : 0;
      due.set(m.origin, Date.now() + nextDelayMs(options.intervalMs, failures, random, options.maxBackoffMs));
    }
  }

  function schedule(ms: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      running = round()
        .catch((err) => console.error('mirror poller:', err instanceof Error ? err.message : err))
        .finally(() => schedule(Math.min(options.intervalMs, 60_000) / 4));
    }, ms);
    timer.unref?.();
  }
  schedule(0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
