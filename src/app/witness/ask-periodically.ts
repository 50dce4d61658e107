/**
 * While `caravan serve` runs: make sure the log's latest state has a checkpoint and ask the
 * witnesses that have not cosigned it, every interval. A witness that keeps failing is asked
 * less and less often (the wait doubles per failure, up to six hours).
 */
import { listLogWitnesses } from '../../store/witness.ts';
import type { AppContext } from '../context.ts';
import { signCheckpoint } from '../log/service.ts';
import { collectCosignatures, cosignaturesSettled, type WitnessResult } from './ask-witnesses.ts';

export function startWitnessCollector(ctx: AppContext, options: { intervalMs: number; onResult?: (r: WitnessResult) => void }): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  async function round(): Promise<void> {
    if ((await listLogWitnesses(ctx.db)).length === 0) return;
    await signCheckpoint(ctx);
    await cosignaturesSettled(ctx);
    if (stopped) return;
    for (const r of await collectCosignatures(ctx, { backoffMs: options.intervalMs })) options.onResult?.(r);
  }

  function schedule(ms: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      running = round()
        .catch((err) => console.error('witness collector:', err instanceof Error ? err.message : err))
        .finally(() => schedule(options.intervalMs));
    }, ms);
    timer.unref?.();
  }
  schedule(0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await cosignaturesSettled(ctx);
    },
  };
}
