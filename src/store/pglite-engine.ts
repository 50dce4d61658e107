/**
 * The PGlite engine itself, in whichever thread runs it: durable over a folder, or in memory,
 * with Caravan's bytea codecs, wrapped as one `Db`.
 */
import { fsyncSync } from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { binaryCopyData, copyStatement } from './copy-rows.ts';
import type { Db, Queryable } from './db.ts';
import { groupCommit } from './group-commit.ts';

/**
 * PGlite's Node file system as shipped makes every fsync a no-op and starts PostgreSQL with
 * fsync off (`-F`), so a commit only reaches the page cache. Here fsync reaches the disk, and
 * PostgreSQL syncs as it does on a server: the WAL at every commit, data files at checkpoints.
 */
class SyncedNodeFS extends NodeFS {
  override async init(...args: Parameters<NodeFS['init']>): ReturnType<NodeFS['init']> {
    const out = await super.init(...args);
    const preRun = out.emscriptenOpts.preRun ?? [];
    // Emscripten's fdatasync() is a stub that never reaches the stream, and fsync() calls
    // stream_ops.fsync, which NODEFS leaves out; wal_sync_method=fsync below takes that path.
    const syncStreams = (mod: { NODEFS: { stream_ops: Record<string, unknown> } }) => {
      mod.NODEFS.stream_ops.fsync = (stream: { nfd?: number }) => {
        if (stream.nfd !== undefined) fsyncSync(stream.nfd);
        return 0;
      };
    };
    out.emscriptenOpts.preRun = [syncStreams, ...(Array.isArray(preRun) ? preRun : [preRun])];
    return out;
  }
}

/**
 * PostgreSQL's own buffers are 128 MB by default, zeroed at start, so an idle chronicle held them
 * all. PGlite reads through the operating system's page cache, which keeps hot pages anyway;
 * 32 MB keeps the working set of a chronology page and takes ~100 MB less at rest.
 */
const DURABLE_START_PARAMS = [
  ...PGlite.defaultStartParams.filter((p) => p !== '-F'),
  '-c',
  'wal_sync_method=fsync',
  '-c',
  'shared_buffers=32MB',
];

/**
 * bytea in and out through Node's own hex codec, as Buffers like `pg` returns them: PGlite's
 * default codecs convert byte by byte (`parseInt` per byte), which made reading an entry
 * bundle cost more than hashing it. Strings pass as text, as `pg` sends them.
 */
const byteaCodecs = {
  parsers: { [types.BYTEA]: (x: string) => Buffer.from(x.slice(2), 'hex') },
  serializers: {
    [types.BYTEA]: (x: unknown) => {
      if (typeof x === 'string') return x;
      if (!ArrayBuffer.isView(x)) throw new Error('Invalid input for bytea type');
      return `\\x${Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('hex')}`;
    },
  },
};

/** PGlite over a data folder, durable (pglite-host.ts runs it on its own thread). */
export function openPgliteEngine(dataDir: string): Promise<PGlite> {
  return PGlite.create({ fs: new SyncedNodeFS(dataDir), startParams: DURABLE_START_PARAMS, ...byteaCodecs });
}

/** An in-memory PGlite in this thread (unit tests). */
export async function openMemoryPglite(): Promise<Db> {
  const pg = await PGlite.create({ ...byteaCodecs });
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params?: readonly unknown[]) {
      const res = await q.query<T>(sql, params ? [...params] : undefined);
      return res.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
    async copyRows(table, columns, rows) {
      if (rows.length === 0) return;
      const sql = copyStatement(table, columns);
      await q.query(sql, [], { blob: new Blob([binaryCopyData(columns, rows)]) });
    },
  });
  return pgliteDb(
    wrap(pg),
    (fn) => pg.transaction((tx) => fn(wrap(tx))),
    () => pg.close(),
  );
}

/** A PGlite `Db`, in this thread or behind pglite-thread.ts: grouped writes over its transactions. */
export function pgliteDb(base: Queryable, transaction: Db['transaction'], close: () => Promise<void>): Db {
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    copyRows: base.copyRows,
    transaction,
    grouped: groupCommit(transaction),
    close,
  };
}
