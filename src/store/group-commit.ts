/**
 * Group commit: writes that arrive while a commit is on its way to the disk wait for it, then
 * go in together in the next transaction, so one fsync acknowledges many of them. Each write
 * runs under a savepoint of its own, so one that fails (a duplicate key, a bad row) is rolled
 * back alone and the others still commit. Nobody is answered before the commit that holds
 * their write has returned.
 */
import type { Queryable } from './db.ts';

type Transaction = <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>;

interface Pending {
  fn: (tx: Queryable) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export type GroupedTransaction = <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>;

/** At most this many writes share a commit, so a flood cannot hold the store in one transaction. */
export const GROUP_COMMIT_MAX = 64;

export function groupCommit(transaction: Transaction, max = GROUP_COMMIT_MAX): GroupedTransaction {
  const queue: Pending[] = [];
  let flushing = false;

  async function runBatch(batch: Pending[]): Promise<Outcome[]> {
    if (batch.length === 1) {
      // Alone, the transaction itself isolates it: no savepoint to pay for.
      const [only] = batch as [Pending];
      return transaction(async (tx) => [{ ok: true, value: await only.fn(tx) } as Outcome]).catch((error: unknown) => [{ ok: false, error } as Outcome]);
    }
    const outcomes: Outcome[] = [];
    try {
      await transaction(async (tx) => {
        for (const item of batch) {
          await tx.query('savepoint grouped_write');
          try {
            const value = await item.fn(tx);
            await tx.query('release savepoint grouped_write');
            outcomes.push({ ok: true, value });
          } catch (error) {
            await tx.query('rollback to savepoint grouped_write');
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // The commit itself failed: nothing of the batch is stored, so nobody may be told otherwise.
      return batch.map(() => ({ ok: false, error }));
    }
    return outcomes;
  }

  async function flush(): Promise<void> {
    flushing = true;
    try {
      while (queue.length > 0) {
        const batch = queue.splice(0, max);
        const outcomes = await runBatch(batch);
        for (const [i, item] of batch.entries()) {
          const o = outcomes[i]!;
          if (o.ok) item.resolve(o.value);
          else item.reject(o.error);
        }
      }
    } finally {
      flushing = false;
    }
  }

  return <T>(fn: (tx: Queryable) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (!flushing) void flush();
    });
}
