/**
 * `npm run bench`: first the editors' desk on our labelled reports (bench/desk.ts: accuracy per
 * field, the cost of reading a report and of linking it to 100,000 others); then builds synthetic chronicles of 10,000 and 100,000 events in an embedded
 * store on disk and measures, in the same run, each path against its raw baseline:
 * - reports accepted per second through the HTTP API against raw inserts into the same store;
 * - the chronology's first and middle pages, a permalink and the map, against their bare queries;
 * - the CSV and GeoJSON of every event: time and peak memory, against a bare scan of the records;
 * - start-up on the seeded store.
 * BENCH_MILLION=1 adds a store of 1,000,000 events.
 * Then the log's appends (bench/log.ts) and mirroring (bench/mirror.ts: `caravan verify` over
 * HTTP and `caravan bundle import` against verifying from memory, at BENCH_MIRROR_ENTRIES,
 * 10,000 and 100,000 by default; `npm run bench -- --million` adds 1,000,000).
 * Figures are ratios because these machines are shared and noisy. Not a test: nothing fails.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/http/app.tsx';
import { loadConfig } from '../src/app/config.ts';
import { createContext } from '../src/app/context.ts';
import { loadDemoIfEmpty } from '../src/demo/load.ts';
import { seedPublishedEvents } from './seed.ts';
import { BENCH_LIMITS, benchIntake } from './intake.ts';
import { benchReaders, fmt } from './read.ts';
import { benchLogInFreshStore } from './log.ts';
import { benchMirror } from './mirror.ts';
import { benchDesk } from './desk.ts';

// BENCH_MILLION=1 adds the million-event store (about 20 minutes here); BENCH_SIZES sets any list.
const SIZES = (process.env.BENCH_SIZES ?? (process.env.BENCH_MILLION ? '10000,100000,1000000' : '10000,100000')).split(',').map(Number);
const REPORTS = Number(process.env.BENCH_REPORTS ?? 2000);
const CONCURRENCY = 8;

async function benchSize(size: number) {
  const dir = await mkdtemp(join(tmpdir(), 'caravan-bench-'));
  let ctx = await createContext(loadConfig({ CARAVAN_DATA: dir, ...BENCH_LIMITS }));
  const app = createApp(ctx);
  try {
    const t0 = performance.now();
    await seedPublishedEvents(ctx.db, size);
    const seedMs = performance.now() - t0;
    console.log(`\n## ${size.toLocaleString('en-US')} published events (seeded in ${fmt(seedMs / 1000)} s)`);

    // Reports through the HTTP API on loopback, against raw durable inserts of the same rows.
    await benchIntake(ctx, REPORTS, CONCURRENCY, String(size));

    await benchReaders(ctx, app, size);

    // Start-up: open the store again as `serve` does, up to its first answered page.
    await ctx.db.close();
    const t4 = performance.now();
    ctx = await createContext(loadConfig({ CARAVAN_DATA: dir, ...BENCH_LIMITS }));
    await loadDemoIfEmpty(ctx.db, ctx.now());
    const openMs = performance.now() - t4;
    await createApp(ctx).request('http://localhost/');
    const startMs = performance.now() - t4;
    const t5 = performance.now();
    await ctx.db.query('select 1');
    console.log(
      `start-up on this store: ${fmt(openMs / 1000, 2)} s to open and migrate, ${fmt(startMs / 1000, 2)} s to the first page (a bare query after: ${fmt(performance.now() - t5, 2)} ms)`,
    );
  } finally {
    await ctx.db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

console.log(`# Caravan benchmark — Node ${process.version}, embedded PGlite on disk`);
await benchDesk();
for (const size of SIZES) await benchSize(size);
await benchLogInFreshStore();
await benchMirror();
