/**
 * The log's write cost: entries appended per second, one per transaction as publishing does
 * it, with a signed checkpoint every 100 entries, against plain inserts of the same rows (the
 * same bytes, one per transaction) into a table with no tree, no lock and no signature.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/app/config.ts';
import { type AppContext, createContext } from '../src/app/context.ts';
import { type LogEntry, encodeLogEntry } from '../src/log/entry.ts';
import { toPublicEvent } from '../src/core/public-event.ts';
import { sampleEventData } from '../src/core/testing.ts';
import { appendLogEntry, getLogTreeHead } from '../src/store/log.ts';
import { signCheckpoint } from '../src/app/log/service.ts';

const fmt = (n: number, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/** Entries shaped like real publications, so row sizes match what editors produce. */
function sampleEntries(count: number, offset: number): Uint8Array[] {
  const data = sampleEventData();
  return Array.from({ length: count }, (_, i) => {
    const id = offset + i + 1;
    const at = new Date(Date.UTC(2022, 0, 6, 0, 0, i)).toISOString();
    const entry: LogEntry = { v: 1, type: 'publish', event: id, revision: 1, at, record: toPublicEvent(id, 1, data, at, at) };
    return encodeLogEntry(entry);
  });
}

export async function benchLog(ctx: AppContext, count: number, checkpointEvery = 100): Promise<void> {
  const start = (await getLogTreeHead(ctx.db)).size;
  const entries = sampleEntries(count, start);
  const bytes = entries.reduce((n, e) => n + e.length, 0);

  const t0 = performance.now();
  for (const [i, entry] of entries.entries()) {
    await ctx.db.transaction((tx) => appendLogEntry(tx, entry));
    if ((i + 1) % checkpointEvery === 0) await signCheckpoint(ctx);
  }
  await signCheckpoint(ctx);
  const logPerSec = count / ((performance.now() - t0) / 1000);

  await ctx.db.exec(
    'create table if not exists bench_plain_rows (idx bigint primary key, data bytea not null, created_at timestamptz not null default now())',
  );
  const t1 = performance.now();
  for (const [i, entry] of entries.entries()) {
    await ctx.db.transaction((tx) => tx.query('insert into bench_plain_rows (idx, data) values ($1, $2)', [start + i, entry]));
  }
  const plainPerSec = count / ((performance.now() - t1) / 1000);
  await ctx.db.exec('drop table bench_plain_rows');

  console.log(
    `log: ${fmt(logPerSec, 0)} entries/s appended (one per transaction, a signed checkpoint every ${checkpointEvery}) vs ` +
      `${fmt(plainPerSec, 0)}/s plain inserts of the same rows — ratio ${fmt(logPerSec / plainPerSec, 2)}; ` +
      `${fmt(count, 0)} entries averaging ${fmt(bytes / count / 1024)} KiB`,
  );
}

/** Runs {@link benchLog} in a store of its own on disk, like the rest of the benchmark. */
export async function benchLogInFreshStore(count = Number(process.env.BENCH_LOG_ENTRIES ?? 10_000)): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'caravan-bench-log-'));
  const ctx = await createContext(loadConfig({ CARAVAN_DATA: dir }));
  try {
    console.log(`\n## the log: ${count.toLocaleString('en-US')} entries`);
    await benchLog(ctx, count);
  } finally {
    await ctx.db.close();
    await rm(dir, { recursive: true, force: true });
  }
}
