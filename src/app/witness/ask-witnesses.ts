/**
 * The log side of witnessing: for the latest signed checkpoint, ask every registered witness
 * that has not cosigned it yet (C2SP tlog-witness add-checkpoint), proving consistency from
 * the size it cosigned last; keep only cosignatures that verify against its key. A new
 * checkpoint starts a collection in the background; nothing here fails the request that made
 * the checkpoint, and every problem is recorded on the witness's row.
 */
import { verifyCosignature } from '../../log/cosignature.ts';
import { TLOG_SIZE_CONTENT_TYPE, cosignaturesFrom, formatAddCheckpointRequest } from '../../log/witness.ts';
import { type StoredCheckpoint, latestCheckpoint } from '../../store/log.ts';
import { type LogWitnessRow, listCosignatures, listLogWitnesses, recordWitnessAttempt, saveCosignature } from '../../store/witness.ts';
import type { AppContext } from '../context.ts';
import { storedConsistencyProof } from '../log/proofs.ts';
import { backoffMs } from '../repeat.ts';
import type { WitnessClientOptions, WitnessFetch } from './transport.ts';

export type { WitnessFetch } from './transport.ts';

export type WitnessResult =
  | { name: string; status: 'cosigned'; size: number }
  | { name: string; status: 'already'; size: number }
  | { name: string; status: 'failed'; message: string };

/** Sets how this context reaches witnesses (default: global fetch, 30 s per request). */
export function configureWitnessClient(ctx: AppContext, options: WitnessClientOptions): void {
  ctx.witnessing.options = options;
}

const describe = (err: unknown) =>
  err instanceof Error ? (err.cause instanceof Error ? `${err.message}: ${err.cause.message}` : err.message) : String(err);

/** Submission prefix as registered: add-checkpoint lives under it. */
function addCheckpointUrl(prefix: string): string {
  return `${prefix.replace(/\/+$/, '')}/add-checkpoint`;
}

async function askWitness(ctx: AppContext, w: LogWitnessRow, cp: StoredCheckpoint, options: WitnessClientOptions): Promise<WitnessResult> {
  const doFetch: WitnessFetch = options.fetch ?? ((url, init) => fetch(url, init));
  let old = w.size;
  for (let attempt = 0; attempt < 2; attempt++) {
    if (old > cp.size)
      return {
        name: w.name,
        status: 'failed',
        message: `the witness has cosigned size ${old}, larger than this log's checkpoint of size ${cp.size}`,
      };
    const proof = old > 0 && old < cp.size ? await storedConsistencyProof(ctx.db, old, cp.size) : [];
    const res = await doFetch(addCheckpointUrl(w.url), {
      method: 'POST',
      body: formatAddCheckpointRequest({ oldSize: old, proof, note: cp.note }),
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    const text = (await res.text()).slice(0, 64 * 1024);
    if (res.status === 200) {
      const [line] = cosignaturesFrom(text, cp.note, w.verifier_key);
      if (!line) return { name: w.name, status: 'failed', message: 'answered 200 without a cosignature that verifies against its key' };
      const body = cp.note.slice(0, cp.note.lastIndexOf('\n\n') + 1);
      const { timestamp } = verifyCosignature(body, line, w.verifier_key);
      await saveCosignature(ctx.db, {
        size: cp.size,
        witnessKey: w.verifier_key,
        line,
        cosignedAt: new Date(timestamp * 1000),
        now: ctx.now(),
      });
      return { name: w.name, status: 'cosigned', size: cp.size };
    }
    const sizeLine = /^(0|[1-9][0-9]{0,15})\n?$/.exec(text);
    if (res.status === 409 && (res.headers.get('content-type') ?? '').startsWith(TLOG_SIZE_CONTENT_TYPE) && sizeLine && attempt === 0) {
      // The witness holds another size (our record is stale, or it was reset): prove from its size.
      old = Number(sizeLine[1]);
      continue;
    }
    const firstLine = text.split('\n', 1)[0]!.slice(0, 300);
    return {
      name: w.name,
      status: 'failed',
      message: `${addCheckpointUrl(w.url)} answered HTTP ${res.status}${firstLine ? `: ${firstLine}` : ''}`,
    };
  }
  return { name: w.name, status: 'failed', message: 'the witness changed its size twice in a row' };
}

export interface CollectOptions {
  /** Skip witnesses whose failures say to wait: the last attempt was less than this long ago, doubled per failure after the first. */
  backoffMs?: number;
}

/** Asks every witness lacking a cosignature on the latest checkpoint; records each outcome. */
export async function collectCosignatures(ctx: AppContext, opts: CollectOptions = {}): Promise<WitnessResult[]> {
  const witnesses = await listLogWitnesses(ctx.db);
  if (witnesses.length === 0) return [];
  const cp = await latestCheckpoint(ctx.db);
  if (!cp) return [];
  const have = new Set((await listCosignatures(ctx.db, cp.size)).map((c) => c.witness_key));
  const options = ctx.witnessing.options;
  const results: WitnessResult[] = [];
  for (const w of witnesses) {
    if (have.has(w.verifier_key)) {
      results.push({ name: w.name, status: 'already', size: cp.size });
      continue;
    }
    if (opts.backoffMs !== undefined && w.failures > 0 && w.last_attempt_at) {
      // The top of the step, not a draw: whether a witness is due must not change from one look to the next.
      const wait = backoffMs(w.failures, { baseMs: opts.backoffMs, maxMs: 6 * 3600_000, random: () => 1 });
      if (ctx.now().getTime() - new Date(w.last_attempt_at).getTime() < wait) continue;
    }
    let result: WitnessResult;
    try {
      result = await askWitness(ctx, w, cp, options);
    } catch (err) {
      result = { name: w.name, status: 'failed', message: describe(err) };
    }
    await recordWitnessAttempt(ctx.db, w.name, ctx.now(), result.status === 'failed' ? { error: result.message } : { size: result.size });
    results.push(result);
  }
  return results;
}

/**
 * Starts a collection in the background (or one more after the one under way): for a new
 * checkpoint. Never throws and never rejects.
 */
export function requestCosignatures(ctx: AppContext): void {
  const s = ctx.witnessing;
  if (s.running) {
    s.again = true;
    return;
  }
  const run = async () => {
    do {
      s.again = false;
      try {
        await collectCosignatures(ctx);
      } catch (err) {
        // The store may be closing under a test or a shutdown; the periodic round tries again.
        if (!/closed|ended|after calling end/i.test(describe(err))) console.error('witness collection:', describe(err));
      }
    } while (s.again);
  };
  s.running = run().finally(() => {
    s.running = undefined;
  });
}

/** Resolves when the background collection started for this context, if any, is done. */
export async function cosignaturesSettled(ctx: AppContext): Promise<void> {
  while (ctx.witnessing.running) await ctx.witnessing.running;
}
