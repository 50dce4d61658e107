/**
 * Mirroring cost, at each size in the same run: a chronicle of N log entries served on
 * loopback; verifying it from memory (the reference: hashing and checking every tile, with
 * the log library's own SHA-256 and with node:crypto's, which the server paths use);
 * `caravan verify` of it over HTTP; a bundle of it imported into a fresh store on disk, as
 * `caravan bundle import` does (its time and peak memory); and mirroring it from scratch over
 * HTTP (time and bytes on the wire against the entries' own size).
 */
import { serve } from '@hono/node-server';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyAction } from '../src/cli/verify/action.ts';
import { toPublicEvent } from '../src/core/public-event.ts';
import { sampleEventData } from '../src/core/testing.ts';
import { type LogEntry, encodeLogEntry } from '../src/log/entry.ts';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { useSha256 } from '../src/log/hash.ts';
import { generateSignerKey } from '../src/log/note.ts';
import { memoryLogFiles } from '../src/log/testing.ts';
import { verifyTiledLog } from '../src/log/verify-log.ts';
import { writeBundle } from '../src/app/mirror/bundle.ts';
import { importBundle } from '../src/app/mirror/bundle-import.ts';
import type { LogSource } from '../src/app/mirror/sources.ts';
import type { MirrorDeps } from '../src/app/mirror/sources.ts';
import { addMirror, syncMirror } from '../src/app/mirror/sync.ts';
import { createApp } from '../src/http/app.tsx';
import { loadConfig } from '../src/app/config.ts';
import { createContext } from '../src/app/context.ts';
import { useNodeSha256 } from '../src/app/log/node-sha256.ts';
import { openDb } from '../src/store/open.ts';
import { appendLogEntries } from '../src/store/log.ts';
import { migrate } from '../src/store/migrate.ts';

const fmt = (n: number, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const MiB = 1048576;

function sampleEntries(count: number): Uint8Array[] {
  const data = sampleEventData();
  return Array.from({ length: count }, (_, i) => {
    const id = i + 1;
    const at = new Date(Date.UTC(2022, 0, 6, 0, 0, i)).toISOString();
    const entry: LogEntry = { v: 1, type: 'publish', event: id, revision: 1, at, record: toPublicEvent(id, 1, data, at, at) };
    return encodeLogEntry(entry);
  });
}

/**
 * Runs `fn` and reports its time, the CPU time of this process (server, client and the
 * embedded stores all run in it, so on a machine shared with other work the CPU ratios are the
 * steadier ones), and the peak RSS and heap over what was in use before it.
 */
async function measured(fn: () => Promise<unknown>): Promise<{ ms: number; cpuMs: number; rss: number; peakRss: number; heap: number }> {
  if (global.gc) global.gc();
  const base = process.memoryUsage();
  let rss = base.rss;
  let heap = base.heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 10);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  try {
    await fn();
  } finally {
    clearInterval(sampler);
  }
  const cpu = process.cpuUsage(cpu0);
  return {
    ms: performance.now() - t0,
    cpuMs: (cpu.user + cpu.system) / 1000,
    rss: rss - base.rss,
    peakRss: rss,
    heap: heap - base.heapUsed,
  };
}

type Measured = Awaited<ReturnType<typeof measured>>;
/** "12.3 s (CPU 10.1 s) — ratio 4.1 (CPU 3.9)" against a reference. */
const against = (m: Measured, ref: Measured) =>
  `${fmt(m.ms / 1000, 2)} s (CPU ${fmt(m.cpuMs / 1000, 2)} s) — ratio ${fmt(m.ms / ref.ms, 2)} (CPU ${fmt(m.cpuMs / ref.cpuMs, 2)})`;

async function benchMirrorSize(count: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'caravan-bench-mirror-'));
  const ctx = await createContext(
    loadConfig({ CARAVAN_DATA: join(dir, 'origin'), CARAVAN_ORIGIN: 'http://origin.bench', CARAVAN_DEMO: 'false' }),
  );
  const sockets: Socket[] = [];
  const server = serve({ fetch: createApp(ctx).fetch, port: 0, hostname: '127.0.0.1' });
  server.on('connection', (s: Socket) => sockets.push(s));
  try {
    console.log(`\n## mirroring ${fmt(count, 0)} log entries`);
    const entries = sampleEntries(count);
    const entryBytes = entries.reduce((n, e) => n + e.length, 0);
    for (let i = 0; i < entries.length; i += 1000) await ctx.db.transaction((tx) => appendLogEntries(tx, entries.slice(i, i + 1000)));
    await new Promise((r) => (server.listening ? r(undefined) : server.once('listening', r)));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

    // The same entries, signed by another key, as files in memory: the reference, and the bundle.
    const { signerKey, verifierKey } = generateSignerKey('bundle.bench');
    const files = memoryLogFiles(entries, signerKey, 'bundle.bench');
    const memory: LogSource = { description: 'memory', read: async (path) => files.get(path) };
    // The reference: the log library as a browser runs it (pure-JavaScript SHA-256), which is
    // what the goals were set against; then with node:crypto, as every server path below runs.
    useSha256(nobleSha256);
    const ref = await measured(() => verifyTiledLog(memory, { verifierKey }));
    useNodeSha256();
    const refNode = await measured(() => verifyTiledLog(memory, { verifierKey }));

    let verifyCode = -1;
    const errors: string[] = [];
    const http = await measured(async () => {
      verifyCode = await verifyAction({
        target: url,
        key: ctx.logSigner.verifierKey,
        env: { CARAVAN_STATE: join(dir, 'state') },
        out: () => {},
        err: (l) => errors.push(l),
      });
    });
    if (verifyCode !== 0) throw new Error(`caravan verify: ${errors.join('\n')}`);

    const bundleFile = join(dir, 'bench.tar');
    await writeBundle(bundleFile, {
      source: memory,
      verifierKey,
      url: 'http://bundle.bench/',
      media: async () => undefined,
      now: new Date(),
    });
    const importDb = await openDb({ dataDir: join(dir, 'import') });
    await migrate(importDb);
    let imported = 0;
    const load = await measured(async () => {
      const outcome = await importBundle(
        { db: importDb, now: () => new Date() },
        { file: bundleFile, key: verifierKey, env: {}, spoolDir: dir },
      );
      if (outcome.status !== 'loaded') throw new Error(`bundle import: ${JSON.stringify(outcome)}`);
      imported = outcome.size;
    });
    await importDb.close();

    console.log(
      `verify from memory (the reference): ${fmt(ref.ms / 1000, 2)} s (CPU ${fmt(ref.cpuMs / 1000, 2)} s, ${fmt(count / (ref.ms / 1000), 0)} entries/s); ` +
        `with node:crypto's SHA-256 ${fmt(refNode.ms / 1000, 2)} s (CPU ${fmt(refNode.cpuMs / 1000, 2)} s)\n` +
        `caravan verify over HTTP on loopback: ${against(http, ref)}, goal ≤ 3; against node:crypto's: CPU ${fmt(http.cpuMs / refNode.cpuMs, 2)}\n` +
        `caravan bundle import of ${fmt(imported, 0)} entries (${fmt(entryBytes / MiB)} MiB): ${against(load, ref)}, goal ≤ 2; against node:crypto's: CPU ${fmt(load.cpuMs / refNode.cpuMs, 2)}; ` +
        `peak RSS ${fmt(load.peakRss / MiB, 0)} MiB (+${fmt(load.rss / MiB, 0)}), heap +${fmt(load.heap / MiB, 0)} MiB`,
    );

    const mirrorDb = await openDb({ dataDir: join(dir, 'mirror') });
    await migrate(mirrorDb);
    try {
      const counter = { requests: 0, bytes: 0 };
      const deps: MirrorDeps = { db: mirrorDb, now: () => new Date(), counter };
      const followed = await addMirror(deps, url, ctx.logSigner.verifierKey);
      const wireBefore = sockets.reduce((n, s) => n + s.bytesWritten, 0);
      let outcome: Awaited<ReturnType<typeof syncMirror>> | undefined;
      const sync = await measured(async () => {
        outcome = await syncMirror(deps, followed.origin);
      });
      if (outcome?.status !== 'updated' || outcome.size !== count) throw new Error(`mirror sync: ${JSON.stringify(outcome)}`);
      const wire = sockets.reduce((n, s) => n + s.bytesWritten, 0) - wireBefore;
      console.log(
        `mirror from scratch over HTTP (fetch + verify + store): ${against(sync, ref)}; ` +
          `${fmt(wire / MiB)} MiB on the wire in ${counter.requests} requests (${fmt(counter.bytes / MiB)} MiB after decompression) ` +
          `for ${fmt(entryBytes / MiB)} MiB of entries — wire/entries ratio ${fmt(wire / entryBytes, 3)}`,
      );
    } finally {
      await mirrorDb.close();
    }
  } finally {
    await new Promise((r) => server.close(r));
    for (const s of sockets) s.destroy();
    await ctx.db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Sizes from BENCH_MIRROR_ENTRIES (default 10,000 and 100,000); `--million` adds 1,000,000. */
export async function benchMirror(sizes = (process.env.BENCH_MIRROR_ENTRIES ?? '10000,100000').split(',').map(Number)): Promise<void> {
  const all = process.argv.includes('--million') && !sizes.includes(1_000_000) ? [...sizes, 1_000_000] : sizes;
  for (const size of all) await benchMirrorSize(size);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchMirror();
