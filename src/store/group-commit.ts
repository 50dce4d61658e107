/**
 * Group commit: writes that arrive while a commit is on its way to the disk wait for it, then
 * go in together in the next transaction, so one fsync acknowledges many of them. Nobody is
 * answered before the commit that holds their write has returned.
 *
 * A batch's writes are all started at once, with nothing between them: a transaction runs its
 * statements in the order they were issued (db.ts), so the store goes from one write to the
 * next without waiting, between each, for this thread to come back from serving requests; and a
 * savepoint per write would triple the statements, which, not fsyncs, are what a report costs
 * on PGlite. Should one write fail, the batch is rolled back whole and each of its writes runs
 * again in a transaction of its own, so the failing one fails alone and the others are stored.
 * A grouped write may therefore run twice; what it does outside the transaction must allow that.
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
    transaction(async (tx) => ({ ok: true, value: await item.fn(tx) }) as Outcome).catch(
      (error: unknown) => ({ ok: false, error }) as Outcome,
    );

  async function runBatch(batch: Pending[]): Promise<Outcome[]> {
    if (batch.length === 1) return [await alone(batch[0]!)];
    let writeFailed = false;
    try {
      return await transaction(async (tx) => {
        const settled = await Promise.allSettled(batch.map(async (item) => item.fn(tx)));
        const failed = settled.find((s) => s.status === 'rejected');
        if (failed) {
          writeFailed = true;
          throw failed.reason;
        }
        return settled.map((s) => ({ ok: true, value: (s as PromiseFulfilledResult<unknown>).value }) as Outcome);
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
