/**
 * The log as a running service: signed checkpoints and the tiles and entry bundles of C2SP
 * tlog-tiles, read from the incrementally kept tree in the store.
 *
 * Checkpoints are signed lazily, when someone asks for one and the tree has grown since the
 * last: every writer (the editor, the CLI, the demo loader, other processes on a shared
 * database) only appends, and whoever reads `/log/checkpoint` gets a checkpoint covering every
 * entry committed before the request. Nothing is signed while nobody reads, and no write
 * path depends on the key.
 */
import { formatCheckpoint } from '../../log/checkpoint.ts';
import { bytesEqual } from '../../log/hash.ts';
import { signNote } from '../../log/note.ts';
import { TILE_WIDTH } from '../../log/tiles.ts';
import {
  type StoredCheckpoint,
  getLogTreeHead,
  latestCheckpoint,
  readEncodedEntries,
  readTileBytes,
  saveCheckpoint,
} from '../../store/log.ts';
import type { Queryable } from '../../store/db.ts';
import type { AppContext } from '../context.ts';
import { logOriginOf } from '../keys/log-key.ts';
import { requestCosignatures } from '../witness/ask-witnesses.ts';

/** The checkpoint for the tree as committed now: the stored one when the tree has not grown, else a new one. */
export async function signCheckpoint(ctx: AppContext, q: Queryable = ctx.db): Promise<StoredCheckpoint> {
  const head = await getLogTreeHead(q);
  const last = await latestCheckpoint(q);
  if (last && last.size === head.size) {
    // Same size, different root would mean the log forked: never sign that silently.
    if (!bytesEqual(last.root, head.root)) throw new Error(`log root at size ${head.size} differs from its stored checkpoint`);
    return last;
  }
  const text = formatCheckpoint({ origin: logOriginOf(ctx.logSigner, last?.note), size: head.size, root: head.root, extensions: [] });
  const saved = await saveCheckpoint(q, head.size, head.root, signNote(text, [ctx.logSigner]));
  // A new checkpoint is worth witnessing now; inside a caller's transaction, the collector sees
  // it once committed, or on its next periodic round.
  requestCosignatures(ctx);
  return saved;
}

/**
 * How many hashes a tile at `level` holds in a tree of `size` leaves when complete up to it:
 * the whole hash run at that level, of which tile `index` is one slice of 256.
 */
function hashesAtLevel(size: number, level: number): number {
  return Math.floor(size / TILE_WIDTH ** level);
}

/** Whether the tree holds the first `width` hashes of tile `index` at `level`. */
function treeHolds(size: number, level: number, index: number, width: number): boolean {
  return hashesAtLevel(size, level) >= index * TILE_WIDTH + width;
}

/** A tile's bytes (concatenated 32-byte hashes), or undefined when the tree is not that large yet. */
export async function readTile(ctx: AppContext, level: number, index: number, width: number): Promise<Uint8Array | undefined> {
  const { size } = await getLogTreeHead(ctx.db);
  if (!treeHolds(size, level, index, width)) return undefined;
  const tile = await readTileBytes(ctx.db, level, index * TILE_WIDTH, width);
  if (!tile) throw new Error(`log tile ${level}/${index} does not have its ${width} hashes stored`);
  return tile;
}

/** An entry bundle's bytes, or undefined when the log is not that long yet. */
export async function readEntryBundle(ctx: AppContext, index: number, width: number): Promise<Uint8Array | undefined> {
  const { size } = await getLogTreeHead(ctx.db);
  if (!treeHolds(size, 0, index, width)) return undefined;
  const bundle = await readEncodedEntries(ctx.db, index * TILE_WIDTH, width);
  if (!bundle) throw new Error(`log bundle ${index} does not have its ${width} entries stored`);
  return bundle;
}
