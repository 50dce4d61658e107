/**
 * The log's storage: entries, the tree kept incrementally (a compact range in one row, so an
 * append costs O(log n) hashes and a checkpoint none), the subtree hashes tiles serve, and the
 * signed checkpoints. Appends run in the caller's transaction and serialize on the tree row,
 * so indexes are gapless and in commit order.
 */
import { leafHash, nodeHash } from '../log/merkle.ts';
import type { Queryable } from './db.ts';
import { lockForTransaction } from './locks.ts';

const HASH = 32;
/** Tree levels per tile: a tile is a subtree of height 8 (C2SP tlog-tiles). */
const TILE_HEIGHT = 8;

export interface LogTreeHead {
  size: number;
  root: Uint8Array;
}

export interface AppendedEntry {
  index: number;
  leafHash: Uint8Array;
}

interface TreeRow {
  size: number;
  compact_range: Uint8Array;
  root: Uint8Array;
}

const bytes = (b: Uint8Array) =>
  b instanceof Uint8Array && b.constructor !== Uint8Array ? new Uint8Array(b.buffer, b.byteOffset, b.byteLength) : b;

function splitHashes(blob: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < blob.length; i += HASH) out.push(blob.subarray(i, i + HASH));
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const CHUNK = 1000;
/** A multi-row insert whose parameters are appended to `params`; returns the SQL and `params`. */
function insertSql(table: string, rows: readonly unknown[][], params: unknown[]): [string, unknown[]] {
  const values = rows.map((row) => `(${row.map((v) => `$${params.push(v)}`).join(', ')})`);
  return [`insert into ${table} values ${values.join(', ')}`, params];
}

/** RFC 6962 root from a compact range, folding from the smallest subtree (rightmost) leftwards. */
function rootOfRange(range: readonly Uint8Array[]): Uint8Array {
  let root = range[range.length - 1]!;
  for (let i = range.length - 2; i >= 0; i--) root = nodeHash(range[i]!, root);
  return root;
}

/**
 * Appends entries (already encoded) at the end of the log, in order, inside the caller's
 * transaction. Rolling that transaction back takes the entries, the tree and the tile hashes
 * back with it.
 */
export async function appendLogEntries(q: Queryable, entries: readonly Uint8Array[]): Promise<AppendedEntry[]> {
  if (entries.length === 0) return [];
  // An advisory lock rather than `for update`: a row lock is a write of its own, and it made
  // appends cost twice what they do now. The select after it sees every earlier append.
  await lockForTransaction(q, 'logAppend');
  const [tree] = await q.query<TreeRow>('select size, compact_range, root from log_tree where id = 1');
  if (!tree) throw new Error('log_tree has no row: migration 002 did not run');
  let size = Number(tree.size);
  const range = splitHashes(bytes(tree.compact_range));
  const appended: AppendedEntry[] = [];
  const tileHashes: Array<{ level: number; idx: number; hash: Uint8Array }> = [];
  for (const data of entries) {
    const leaf = leafHash(data);
    appended.push({ index: size, leafHash: leaf });
    // Each trailing 1-bit of the old size is a complete subtree the new leaf now completes a pair with.
    let node = leaf;
    let height = 0;
    for (let s = size; s % 2 === 1; s = Math.floor(s / 2)) {
      node = nodeHash(range.pop()!, node);
      height++;
      if (height % TILE_HEIGHT === 0) tileHashes.push({ level: height / TILE_HEIGHT, idx: Math.floor(size / 2 ** height), hash: node });
    }
    range.push(node);
    size++;
  }
  const first = appended[0]!.index;
  // Rows go in chunks that stay far below the 65,535 parameters a statement may bind; the last
  // two chunks ride in the statement that moves the tree forward, so a single append is two
  // round trips (lock, write) rather than four.
  const statements: Array<{ table: 'log_entries (idx, data, leaf_hash)' | 'log_tile_hashes (level, idx, hash)'; rows: unknown[][] }> = [];
  for (let i = 0; i < entries.length; i += CHUNK) {
    statements.push({
      table: 'log_entries (idx, data, leaf_hash)',
      rows: entries.slice(i, i + CHUNK).map((data, j) => [first + i + j, data, appended[i + j]!.leafHash]),
    });
  }
  for (let i = 0; i < tileHashes.length; i += CHUNK) {
    statements.push({
      table: 'log_tile_hashes (level, idx, hash)',
      rows: tileHashes.slice(i, i + CHUNK).map((h) => [h.level, h.idx, h.hash]),
    });
  }
  const last = statements.splice(-2);
  for (const st of statements) await q.query(...insertSql(st.table, st.rows, []));
  const params: unknown[] = [size, concat(range), rootOfRange(range)];
  const ctes = last.map((st, i) => `w${i} as (${insertSql(st.table, st.rows, params)[0]})`);
  await q.query(`with ${ctes.join(', ')} update log_tree set size = $1, compact_range = $2, root = $3 where id = 1`, params);
  return appended;
}

/** Appends one encoded entry; see appendLogEntries. */
export async function appendLogEntry(q: Queryable, data: Uint8Array): Promise<AppendedEntry> {
  return (await appendLogEntries(q, [data]))[0]!;
}

/** The current size and root, as committed. */
export async function getLogTreeHead(q: Queryable): Promise<LogTreeHead> {
  const [row] = await q.query<{ size: number; root: Uint8Array }>('select size, root from log_tree where id = 1');
  if (!row) throw new Error('log_tree has no row: migration 002 did not run');
  return { size: Number(row.size), root: bytes(row.root) };
}

/**
 * `count` hashes of tile level `level` starting at hash index `start`: leaf hashes at level 0,
 * complete-subtree hashes above. Returns fewer when the tree does not hold them yet.
 */
export async function readTileHashes(q: Queryable, level: number, start: number, count: number): Promise<Uint8Array[]> {
  const rows =
    level === 0
      ? await q.query<{ h: Uint8Array }>('select leaf_hash as h from log_entries where idx >= $1 and idx < $2 order by idx', [
          start,
          start + count,
        ])
      : await q.query<{ h: Uint8Array }>('select hash as h from log_tile_hashes where level = $1 and idx >= $2 and idx < $3 order by idx', [
          level,
          start,
          start + count,
        ]);
  return rows.map((r) => bytes(r.h));
}

/** Entries `start` … `start + count - 1` as stored; fewer when the log is shorter. */
export async function readLogEntries(q: Queryable, start: number, count: number): Promise<Uint8Array[]> {
  const rows = await q.query<{ data: Uint8Array }>('select data from log_entries where idx >= $1 and idx < $2 order by idx', [
    start,
    start + count,
  ]);
  return rows.map((r) => bytes(r.data));
}

/**
 * Entries `start` … `start + count - 1` as one tlog-tiles entry bundle (each entry after its
 * length as a big-endian uint16), put together by SQL so that one value crosses from the
 * database instead of a row per entry; undefined when fewer are stored.
 */
export async function readEncodedEntries(q: Queryable, start: number, count: number): Promise<Uint8Array | undefined> {
  const [row] = await q.query<{ n: number; b: Uint8Array | null }>(
    `select count(*)::int as n, string_agg(substring(int4send(length(data)) from 3 for 2) || data, ''::bytea order by idx) as b
     from log_entries where idx >= $1 and idx < $2`,
    [start, start + count],
  );
  return row && row.n === count && row.b ? bytes(row.b) : undefined;
}

/** `count` hashes of tile level `level` from hash index `start`, as one tile's bytes; undefined when fewer are stored. */
export async function readTileBytes(q: Queryable, level: number, start: number, count: number): Promise<Uint8Array | undefined> {
  const [row] =
    level === 0
      ? await q.query<{ n: number; b: Uint8Array | null }>(
          `select count(*)::int as n, string_agg(leaf_hash, ''::bytea order by idx) as b from log_entries where idx >= $1 and idx < $2`,
          [start, start + count],
        )
      : await q.query<{ n: number; b: Uint8Array | null }>(
          `select count(*)::int as n, string_agg(hash, ''::bytea order by idx) as b from log_tile_hashes where level = $1 and idx >= $2 and idx < $3`,
          [level, start, start + count],
        );
  return row && row.n === count && row.b ? bytes(row.b) : undefined;
}

export interface StoredCheckpoint {
  size: number;
  root: Uint8Array;
  note: string;
  createdAt: Date;
}

/** The checkpoint signed for the largest size, if any. */
export async function latestCheckpoint(q: Queryable): Promise<StoredCheckpoint | undefined> {
  const [row] = await q.query<{ size: number; root: Uint8Array; note: string; created_at: Date }>(
    'select size, root, note, created_at from log_checkpoints order by size desc limit 1',
  );
  return row ? { size: Number(row.size), root: bytes(row.root), note: row.note, createdAt: row.created_at } : undefined;
}

/**
 * Keeps a signed checkpoint. Two processes signing the same size race harmlessly: the first
 * one stored is the one everyone serves.
 */
export async function saveCheckpoint(q: Queryable, size: number, root: Uint8Array, note: string): Promise<StoredCheckpoint> {
  await q.query('insert into log_checkpoints (size, root, note) values ($1, $2, $3) on conflict (size) do nothing', [size, root, note]);
  const [row] = await q.query<{ size: number; root: Uint8Array; note: string; created_at: Date }>(
    'select size, root, note, created_at from log_checkpoints where size = $1',
    [size],
  );
  return { size: Number(row!.size), root: bytes(row!.root), note: row!.note, createdAt: row!.created_at };
}

/**
 * Empties the log, for `caravan demo --reset` only: the reloaded demo is a new chronicle, and
 * a log that kept the deleted events would make mirrors show them again.
 */
export async function deleteLog(q: Queryable): Promise<void> {
  await q.exec(`
    delete from log_checkpoints;
    delete from log_tile_hashes;
    delete from log_entries;
    update log_tree set size = 0, compact_range = ''::bytea,
      root = '\\xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'::bytea where id = 1;
  `);
}
