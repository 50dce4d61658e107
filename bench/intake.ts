/**
 * Report intake through HTTP against raw inserts of the same rows into the same store: the
 * client runs in its own process (bench/load.ts) so it does not share the server's event loop.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serve } from '@hono/node-server';
import { createApp } from '../src/http/app.tsx';
import type { AppContext } from '../src/app/context.ts';

/**
 * A benchmark is one client sending thousands of reports: far past the per-client and overall
 * budgets that protect a real chronicle (limits.ts), which would refuse it after 120.
 */
export const BENCH_LIMITS: Record<string, string> = {
  CARAVAN_LIMIT_CLIENT_REPORTS: '100000000',
  CARAVAN_LIMIT_TOTAL_REPORTS: '100000000',
  CARAVAN_LIMIT_CLIENT_MB: '100000000',
  CARAVAN_LIMIT_TOTAL_MB: '100000000',
};

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

export interface IntakeFigures {
  apiPerSec: number;
  rawPerSec: number;
}

/** Posts `reports` reports over `concurrency` connections, then inserts as many rows one by one. */
export async function benchIntake(ctx: AppContext, reports: number, concurrency: number, label: string): Promise<IntakeFigures> {
  const server = serve({ fetch: createApp(ctx).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as { port: number }).port;
  const load = await promisify(execFile)(process.execPath, [
    '--import',
    'tsx',
    new URL('./load.ts', import.meta.url).pathname,
    `http://127.0.0.1:${port}/api/v1/reports`,
    String(reports),
    String(concurrency),
  ]);
  const apiPerSec = (JSON.parse(load.stdout.trim().split('\n').pop()!) as { perSecond: number }).perSecond;
  await new Promise((r) => server.close(r));
  const t0 = performance.now();
  for (let i = 0; i < reports; i++) {
    await ctx.db.query(
      `insert into reports (receipt_code, channel, what, claimed_when, claimed_where, how_known) values ($1, 'api', $2, $3, $4, 'saw')`,
      [`RAW-${label}-${i}`, `Bench report ${i}: crowd near the akimat`, 'today 14:00', 'Almaty'],
    );
  }
  const rawPerSec = reports / ((performance.now() - t0) / 1000);
  console.log(
    `reports: ${fmt(apiPerSec)}/s through HTTP (${concurrency} connections) vs ${fmt(rawPerSec)}/s raw inserts, each durable — ratio ${fmt(apiPerSec / rawPerSec, 2)}`,
  );
  return { apiPerSec, rawPerSec };
}

// Run alone: `node --import tsx bench/intake.ts [reports] [connections]` on a fresh store.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { loadConfig } = await import('../src/app/config.ts');
  const { createContext } = await import('../src/app/context.ts');
  const dir = await mkdtemp(join(tmpdir(), 'caravan-bench-intake-'));
  const ctx = await createContext(loadConfig({ CARAVAN_DATA: dir, CARAVAN_DEMO: 'false', ...BENCH_LIMITS }), 'caravan bench');
  try {
    await benchIntake(ctx, Number(process.argv[2] ?? 2000), Number(process.argv[3] ?? 8), 'alone');
  } finally {
    await ctx.db.close();
    await rm(dir, { recursive: true, force: true });
  }
}
