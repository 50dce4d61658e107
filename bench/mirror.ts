/**
 * Mirroring cost: a chronicle of 100,000 log entries served on loopback and mirrored from
 * scratch by a second store: the time, and the bytes on the wire (counted on the origin's
 * sockets, compressed as sent) against the entries' own size; then the time to verify the
 * same log from scratch, over HTTP and from memory.
 */
import { serve } from '@hono/node-server';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toPublicEvent } from '../src/core/public-event.ts';
import { sampleEventData } from '../src/core/testing.ts';
import { type LogEntry, encodeLogEntry } from '../src/log/entry.ts';
import { generateSignerKey } from '../src/log/note.ts';
import { memoryLogFiles, mapSource } from '../src/log/testing.ts';
import { verifyTiledLog } from '../src/log/verify-log.ts';
import { httpSource } from '../src/mirror/sources.ts';
import { type MirrorDeps, addMirror, syncMirror } from '../src/mirror/sync.ts';
import { createApp } from '../src/server/app.tsx';
import { loadConfig } from '../src/server/config.ts';
import { createContext } from '../src/server/context.ts';
import { openDb } from '../src/store/db.ts';
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

export async function benchMirror(count = Number(process.env.BENCH_MIRROR_ENTRIES ?? 100_000)): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'caravan-bench-mirror-'));
  const ctx = await createContext(loadConfig({ CARAVAN_DATA: join(dir, 'origin'), CARAVAN_ORIGIN: 'http://origin.bench', CARAVAN_DEMO: 'false' }));
  const mirrorDb = await openDb({ dataDir: join(dir, 'mirror') });
  await migrate(mirrorDb);
  const sockets: Socket[] = [];
  const server = serve({ fetch: createApp(ctx).fetch, port: 0, hostname: '127.0.0.1' });
  server.on('connection', (s: Socket) => sockets.push(s));
  try {
    const entries = sampleEntries(count);
    const entryBytes = entries.reduce((n, e) => n + e.length, 0);
    for (let i = 0; i < entries.length; i += 1000) await ctx.db.transaction((tx) => appendLogEntries(tx, entries.slice(i, i + 1000)));
    await new Promise((r) => (server.listening ? r(undefined) : server.once('listening', r)));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

    const counter = { requests: 0, bytes: 0 };
    const deps: MirrorDeps = { db: mirrorDb, now: () => new Date(), counter };
    await addMirror(deps, url, ctx.logSigner.verifierKey);
    const wireBefore = sockets.reduce((n, s) => n + s.bytesWritten, 0);
    const t0 = performance.now();
    const outcome = await syncMirror(deps, 'origin.bench');
    const syncMs = performance.now() - t0;
    if (outcome.status !== 'updated' || outcome.size !== count) throw new Error(`mirror sync: ${JSON.stringify(outcome)}`);
    const wire = sockets.reduce((n, s) => n + s.bytesWritten, 0) - wireBefore;
    console.log(
      `\n## mirroring ${fmt(count, 0)} log entries over loopback\n` +
        `mirror from scratch: ${fmt(syncMs / 1000)} s (${fmt(count / (syncMs / 1000), 0)} entries/s, fetch + verify + store); ` +
        `${fmt(wire / MiB)} MiB on the wire in ${counter.requests} requests (${fmt(counter.bytes / MiB)} MiB after decompression) ` +
        `for ${fmt(entryBytes / MiB)} MiB of entries — wire/entries ratio ${fmt(wire / entryBytes, 3)}`,
    );

    const t1 = performance.now();
    const overHttp = await verifyTiledLog(httpSource(`${url}/log/`), { verifierKey: ctx.logSigner.verifierKey });
    const httpMs = performance.now() - t1;
    const { signerKey, verifierKey } = generateSignerKey('origin.bench');
    const files = memoryLogFiles(entries, signerKey, 'origin.bench');
    const t2 = performance.now();
    await verifyTiledLog(mapSource(files), { verifierKey });
    const memoryMs = performance.now() - t2;
    console.log(
      `verify ${fmt(overHttp.entries, 0)} entries from scratch: ${fmt(httpMs / 1000)} s over HTTP on loopback, ` +
        `${fmt(memoryMs / 1000)} s from memory (${fmt(count / (memoryMs / 1000), 0)} entries/s: hashing and checking every tile)`,
    );
  } finally {
    await new Promise((r) => server.close(r));
    for (const s of sockets) s.destroy();
    await mirrorDb.close();
    await ctx.db.close();
    await rm(dir, { recursive: true, force: true });
  }
}
