/**
 * `npm run bench`: builds synthetic chronicles of 10,000 and 100,000 events in an embedded
 * store on disk and measures, in the same run, each path against its raw baseline:
 * - reports accepted per second through the HTTP API against raw inserts into the same store;
 * - the chronology's first page: render time and bytes, against the bare query;
 * - the ACLED CSV export: time, bytes and peak memory, against the size of the data.
 * Then the log's appends (bench/log.ts) and mirroring (bench/mirror.ts: `caravan verify` over
 * HTTP and `caravan bundle import` against verifying from memory, at BENCH_MIRROR_ENTRIES,
 * 10,000 and 100,000 by default; `npm run bench -- --million` adds 1,000,000).
 * Figures are ratios because these machines are shared and noisy. Not a test: nothing fails.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../src/server/app.tsx';
import { loadConfig } from '../src/server/config.ts';
import { createContext } from '../src/server/context.ts';
import { queryPublished } from '../src/store/events.ts';
import { seedPublishedEvents } from './seed.ts';
import { benchLogInFreshStore } from './log.ts';
import { benchMirror } from './mirror.ts';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const REPORTS = Number(process.env.BENCH_REPORTS ?? 2000);
const CONCURRENCY = 8;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

async function timeIt(fn: () => Promise<unknown>, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

async function benchSize(size: number) {
  const dir = await mkdtemp(join(tmpdir(), 'caravan-bench-'));
  const ctx = await createContext(loadConfig({ CARAVAN_DATA: dir }));
  const app = createApp(ctx);
  try {
    const t0 = performance.now();
    await seedPublishedEvents(ctx.db, size);
    const seedMs = performance.now() - t0;
    console.log(`\n## ${size.toLocaleString('en-US')} published events (seeded in ${fmt(seedMs / 1000)} s)`);

    // Reports through the HTTP API on loopback, against raw inserts of the same rows.
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as { port: number }).port;
    // The client runs in its own process (execFile, not spawnSync: this process must keep serving).
    const load = await promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      new URL('./load.ts', import.meta.url).pathname,
      `http://127.0.0.1:${port}/api/v1/reports`,
      String(REPORTS),
      String(CONCURRENCY),
    ]);
    const apiPerSec = (JSON.parse(load.stdout.trim().split('\n').pop()!) as { perSecond: number }).perSecond;
    await new Promise((r) => server.close(r));
    const t2 = performance.now();
    for (let i = 0; i < REPORTS; i++) {
      await ctx.db.query(
        `insert into reports (receipt_code, channel, what, claimed_when, claimed_where, how_known) values ($1, 'api', $2, $3, $4, 'saw')`,
        [`RAW-${size}-${i}`, `Bench report ${i}: crowd near the akimat`, 'today 14:00', 'Almaty'],
      );
    }
    const rawPerSec = REPORTS / ((performance.now() - t2) / 1000);
    console.log(
      `reports: ${fmt(apiPerSec, 0)}/s through HTTP (${CONCURRENCY} connections) vs ${fmt(rawPerSec, 0)}/s raw inserts — ratio ${fmt(apiPerSec / rawPerSec, 2)}`,
    );

    // Chronology first page against the bare query behind it.
    let bytes = 0;
    const pageMs = await timeIt(async () => {
      const res = await app.request('http://localhost/');
      bytes = (await res.arrayBuffer()).byteLength;
    }, 15);
    const queryMs = await timeIt(() => queryPublished(ctx.db, {}, { limit: 50, offset: 0 }), 15);
    const deepMs = await timeIt(async () => {
      await (await app.request(`http://localhost/?page=${Math.floor(size / 50 / 2)}`)).arrayBuffer();
    }, 5);
    console.log(
      `chronology page 1: ${fmt(pageMs)} ms, ${fmt(bytes / 1024)} KiB HTML; bare query ${fmt(queryMs)} ms — ratio ${fmt(pageMs / queryMs, 2)}; a page in the middle: ${fmt(deepMs)} ms`,
    );

    // CSV export: time, bytes, peak memory over the baseline.
    if (global.gc) global.gc();
    const baseline = process.memoryUsage();
    let peak = baseline.rss;
    let peakHeap = baseline.heapUsed;
    const sample = () => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    };
    const sampler = setInterval(sample, 5);
    const t3 = performance.now();
    const res = await app.request('http://localhost/events.csv');
    const reader = res.body!.getReader();
    let csvBytes = 0;
    let rows = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      csvBytes += value.byteLength;
      for (const b of value) if (b === 10) rows++;
      sample();
    }
    const csvMs = performance.now() - t3;
    clearInterval(sampler);
    const rawT = performance.now();
    const [{ n: jsonBytes } = { n: 0 }] = await ctx.db.query<{ n: number }>('select sum(length(pub_record::text))::int8 as n from events');
    const rawScanMs = performance.now() - rawT;
    console.log(
      `CSV export: ${fmt(rows - 1, 0)} rows, ${fmt(csvBytes / 1048576)} MiB in ${fmt(csvMs / 1000, 2)} s (${fmt(csvBytes / 1048576 / (csvMs / 1000))} MiB/s); ` +
        `peak memory over baseline: heap +${fmt((peakHeap - baseline.heapUsed) / 1048576)} MiB, RSS +${fmt((peak - baseline.rss) / 1048576)} MiB = ${fmt((peakHeap - baseline.heapUsed) / csvBytes, 3)}× the export's size (heap); ` +
        `a bare scan of the ${fmt(Number(jsonBytes) / 1048576)} MiB of records takes ${fmt(rawScanMs)} ms (export/scan ${fmt(csvMs / rawScanMs, 1)}×)`,
    );
  } finally {
    await ctx.db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

console.log(`# Caravan benchmark — Node ${process.version}, embedded PGlite on disk`);
for (const size of SIZES) await benchSize(size);
await benchLogInFreshStore();
await benchMirror();
