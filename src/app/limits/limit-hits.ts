/**
 * Counting refusals so editors see when a limit was hit. A flood must not become a flood of
 * writes: refusals are added up in memory and written at most every few seconds.
 */
import type { Db } from '../../store/db.ts';
import { type LimitHitRow, addLimitHits, listLimitHits } from '../../store/limit-hits.ts';

const FLUSH_EVERY_MS = 5000;

export class LimitHits {
  #pending = new Map<string, number>();
  #lastFlush = 0;
  #flushing: Promise<void> | undefined;

  constructor(
    private readonly db: () => Db,
    private readonly periodMs: number,
    private readonly now: () => Date,
  ) {}

  record(limit: string): void {
    const start = Math.floor(this.now().getTime() / this.periodMs) * this.periodMs;
    const key = `${start} ${limit}`;
    this.#pending.set(key, (this.#pending.get(key) ?? 0) + 1);
    if (this.now().getTime() - this.#lastFlush >= FLUSH_EVERY_MS) {
      this.flush().catch((err: unknown) => console.error(`could not record limit refusals: ${(err as Error)?.message}`));
    }
  }

  /** Writes the counts not yet written. */
  async flush(): Promise<void> {
    await this.#flushing;
    if (this.#pending.size === 0) return;
    const batch = this.#pending;
    this.#pending = new Map();
    this.#lastFlush = this.now().getTime();
    this.#flushing = (async () => {
      for (const [key, n] of batch) {
        const [start, limit] = key.split(' ') as [string, string];
        await addLimitHits(this.db(), new Date(Number(start)), limit, n);
      }
    })();
    try {
      await this.#flushing;
    } finally {
      this.#flushing = undefined;
    }
  }

  /** Refusals in the last `days` days, written ones and pending ones alike. */
  async recent(days: number): Promise<LimitHitRow[]> {
    await this.flush();
    return listLimitHits(this.db(), new Date(this.now().getTime() - days * 86_400_000));
  }
}
