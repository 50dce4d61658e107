/**
 * While `caravan serve` runs: make sure the log's latest state has a checkpoint and ask the
 * witnesses that have not cosigned it, every interval. A witness that keeps failing is asked
 * less and less often (`backoffMs` in ask-witnesses.ts, up to six hours).
 */
import { listLogWitnesses } from '../../store/witness.ts';
import type { AppContext } from '../context.ts';
import { signCheckpoint } from '../log/service.ts';
import { type Periodic, type Timers, startPeriodic } from '../repeat.ts';
import { collectCosignatures, cosignaturesSettled, type WitnessResult } from './ask-witnesses.ts';

export interface CollectorOptions {
  intervalMs: number;
  timers?: Timers;
  onResult?: (r: WitnessResult) => void;
}

export function startWitnessCollector(ctx: AppContext, options: CollectorOptions): Periodic {
  const loop = startPeriodic(
    async (signal) => {
      if ((await listLogWitnesses(ctx.db)).length === 0) return;
      await signCheckpoint(ctx);
      await cosignaturesSettled(ctx);
      if (signal.aborted) return;
      for (const r of await collectCosignatures(ctx, { backoffMs: options.intervalMs })) options.onResult?.(r);
    },
    { name: 'witness collector', delayMs: options.intervalMs, ...(options.timers ? { timers: options.timers } : {}) },
  );
  return {
    async stop() {
      await loop.stop();
      await cosignaturesSettled(ctx);
    },
  };
}
