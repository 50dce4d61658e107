/**
 * Group commit: writes that arrive while a commit is on its way to the disk wait for it, then
 * go in together in the next transaction, so one fsync acknowledges many of them. Nobody is
 * answered before the commit that holds their write has returned.
 *
 * A batch runs its writes one after another with nothing between them: a savepoint per write
 * would triple the statements, and statements, not fsyncs, are what a report costs on PGlite.
 * Should one write fail, the batch is rolled back whole and each of its writes runs again in a
 * transaction of its own, so the failing one fails alone and the others are stored. A grouped
 * write may therefore run twice; what it does outside the transaction must allow that.
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

  const alone = (item: Pending): Promise<Outcome> =>
    transaction(async (tx) => ({ ok: true, value: await item.fn(tx) }) as Outcome).catch((error: unknown) => ({ ok: false, error }) as Outcome);

  async function runBatch(batch: Pending[]): Promise<Outcome[]> {
    if (batch.length === 1) return [await alone(batch[0]!)];
    let writeFailed = false;
    try {
      return await transaction(async (tx) => {
        const values: Outcome[] = [];
        for (const item of batch) {
          try {
            values.push({ ok: true, value: await item.fn(tx) });
          } catch (error) {
            writeFailed = true;
            throw error;
          }
        }
        return values;
      });
    } catch (error) {
      // The commit itself failed: nothing of the batch is stored, so nobody may be told otherwise.
      if (!writeFailed) return batch.map(() => ({ ok: false, error }));
    }
    const outcomes: Outcome[] = [];
    for (const item of batch) outcomes.push(await alone(item));
    return outcomes;
  }

  async function flush(): Promise<void> {
    flushing = true;
    try {
      while (queue.length > 0) {
        // PGlite runs each statement, fsync included, on this thread: requests that came in
        // meanwhile are still unread in their sockets. One turn of the event loop lets them
        // reach the queue and share this commit.
        await new Promise((resolve) => setImmediate(resolve));
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
