/**
 * The soak run of issue 8: a real `caravan serve` (embedded PGlite, or the server named by
 * DATABASE_URL, in a database of its own there) with BENCH_SOAK_EVENTS synthetic events, 200
 * readers on the chronology, permalinks and the map, and 20 reports a second, for
 * BENCH_SOAK_SECONDS (300 by default). Prints errors and p50/p99 per kind of request, and the server's memory every 30 s
 * (flat is the aim). `node --import tsx bench/soak.ts`; also the last part of `npm run bench`
 * when BENCH_SOAK=1.
 */
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openDb } from '../src/store/open.ts';
import { migrate } from '../src/store/migrate.ts';
import { BENCH_LIMITS } from './intake.ts';
import { seedPublishedEvents } from './seed.ts';

const READERS = Number(process.env.BENCH_SOAK_READERS ?? 200);
const RATE = Number(process.env.BENCH_SOAK_RATE ?? 20);
const SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 300);
const EVENTS = Number(process.env.BENCH_SOAK_EVENTS ?? 10_000);

const rssOf = async (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/**
 * A database of the run's own on the server `url` names (its role needs CREATEDB), so the soak
 * seeds an empty chronicle whatever that database already holds, and leaves it untouched.
 */
async function ownDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `caravan_soak_${randomBytes(4).toString('hex')}`;
  const admin = await openDb({ databaseUrl: url });
  try {
    await admin.exec(`create database ${name}`);
  } finally {
    await admin.close();
  }
  const own = new URL(url);
  own.pathname = `/${name}`;
  return {
    url: own.toString(),
    async drop() {
      const again = await openDb({ databaseUrl: url });
      try {
        await again.exec(`drop database if exists ${name}`);
      } finally {
        await again.close();
      }
    },
  };
}

export async function benchSoak(serverUrl = process.env.DATABASE_URL): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'caravan-soak-'));
  const own = serverUrl ? await ownDatabase(serverUrl) : undefined;
  const databaseUrl = own?.url;
  try {
    // Seed before the server starts: the embedded store admits one process at a time.
    const db = databaseUrl ? await openDb({ databaseUrl }) : await openDb({ dataDir: join(dir, 'pglite'), holder: 'caravan bench' });
    await migrate(db);
    await seedPublishedEvents(db, EVENTS);
    await db.close();
    const env = {
      ...process.env,
      CARAVAN_DATA: dir,
      PORT: '0',
      HOST: '127.0.0.1',
      CARAVAN_DEMO: 'false',
      ...BENCH_LIMITS,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    };
    if (!databaseUrl) delete (env as Record<string, string | undefined>).DATABASE_URL;
    const server = spawn(process.execPath, [new URL('../bin/caravan.js', import.meta.url).pathname, 'serve'], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const port = await new Promise<number>((resolve) => {
      let out = '';
      server.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /serving http:\/\/[^:]+:(\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
    });
    const memory: number[] = [await rssOf(server.pid!)];
    const sampler = setInterval(() => void rssOf(server.pid!).then((mb) => memory.push(mb)), 30_000);
    const client = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        new URL('./soak-client.ts', import.meta.url).pathname,
        `http://127.0.0.1:${port}`,
        String(READERS),
        String(RATE),
        String(SECONDS),
        String(EVENTS),
      ],
      { maxBuffer: 1 << 20 },
    );
    clearInterval(sampler);
    memory.push(await rssOf(server.pid!));
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    const figures = JSON.parse(client.stdout.trim().split('\n').pop()!) as Record<
      string,
      { count: number; errors: number; p50: number; p99: number; max: number }
    >;
    const store = databaseUrl ? 'PostgreSQL server' : 'embedded PGlite';
    console.log(
      `\n## soak: ${READERS} readers + ${RATE} reports/s for ${SECONDS} s on ${EVENTS.toLocaleString('en-US')} events (${store})`,
    );
    for (const [kind, f] of Object.entries(figures)) {
      console.log(
        `${kind}: ${f.count} requests, ${f.errors} errors, p50 ${f.p50.toFixed(0)} ms, p99 ${f.p99.toFixed(0)} ms, max ${f.max.toFixed(0)} ms`,
      );
    }
    console.log(`server memory (RSS, MB, every 30 s): ${memory.map((m) => m.toFixed(0)).join(' → ')}`);
  } finally {
    await own?.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchSoak();
