/**
 * Reading reports again: those stored before the desk read reports on arrival, or before it made
 * the suggestions it makes now (in the background of `caravan serve`, until none is left), or
 * every report on demand (`caravan reread`), after the readers in core/reading/ improved. The
 * same derivation as on arrival (prepareReport), in batches, each batch one transaction.
 */
import { readReport } from '../../core/reading/read.ts';
import { reportsToRead, saveReadings } from '../../store/reports.ts';
import type { AppContext } from '../context.ts';
import { readingInputOf } from './suggestions.ts';

const BATCH = 500;

export interface RereadOptions {
  /** Every report, not only the unread ones. */
  all?: boolean;
  signal?: AbortSignal;
}

/** Reads the reports in batches; returns how many it read. */
export async function rereadReports(ctx: AppContext, o: RereadOptions = {}): Promise<number> {
  let afterId = 0;
  let read = 0;
  for (;;) {
    if (o.signal?.aborted) return read;
    const batch = await reportsToRead(ctx.db, { afterId, limit: BATCH, all: o.all ?? false });
    if (batch.length === 0) return read;
    const readings = batch.map((r) => ({
      id: r.id,
      ...readReport(readingInputOf(r)),
    }));
    await ctx.db.transaction((tx) => saveReadings(tx, readings));
    read += batch.length;
    afterId = batch.at(-1)!.id;
  }
}
