/**
 * Verifies a whole tlog-tiles log from any source of files (HTTP, a folder, a bundle): the
 * signed checkpoint, every entry bundle, every hash tile, and, given a checkpoint seen before,
 * that the log only grew. Messages name the file and the entry that do not match.
 */
import { parseCheckpoint } from './checkpoint.ts';
import type { Checkpoint } from './checkpoint.ts';
import { LogVerificationError } from './errors.ts';
import { HASH_SIZE, bytesEqual, fromUtf8, toBase64 } from './hash.ts';
import { EMPTY_ROOT, TreeBuilder, leafHash } from './merkle.ts';
import { COSIGNATURE_V1_TYPE, openNote, parseVerifierKey, verifierKeyParts } from './note.ts';
import {
  TILE_WIDTH,
  bundlesForSize,
  checkTilesAgainstEntries,
  decodeEntryBundle,
  entriesPath,
  rootFromTiles,
  splitHashes,
  tilePath,
} from './tiles.ts';
import type { ReadTile } from './tiles.ts';
import { countCosignatures } from './witness.ts';

export interface LogSource {
  /** The file at a tlog-tiles path ("checkpoint", "tile/0/000.p/5", ...), or undefined if absent. */
  read(path: string): Promise<Uint8Array | undefined>;
}

export interface VerifyLogOptions {
  /** The log's note verifier key (type 0x01). */
  verifierKey: string;
  /** Expected checkpoint origin; defaults to the verifier key's name. */
  origin?: string;
  /** A checkpoint verified before: the log must have kept it as its prefix. */
  previous?: { size: number; root: Uint8Array };
  /** Refuse logs larger than this many entries (all leaf hashes are held in memory). */
  maxEntries?: number;
  /** Require at least `required` of these witness keys (type 0x04) to have cosigned the checkpoint. */
  witnesses?: { keys: readonly string[]; required: number };
  /**
   * Sees each entry as it is hashed, so a caller can decode entries without reading the
   * bundles again. Nothing it sees is verified until verifyTiledLog resolves.
   */
  onEntry?: (index: number, entry: Uint8Array) => void;
}

export const DEFAULT_MAX_ENTRIES = 10_000_000;

/** Entry bundles requested ahead of the one being verified. */
const READ_AHEAD = 4;

export interface VerifiedLog {
  checkpoint: Checkpoint;
  entries: number;
  note: string;
}

async function readRequired(source: LogSource, path: string): Promise<Uint8Array> {
  const bytes = await source.read(path);
  if (!bytes) throw new LogVerificationError('missing', `${path} is missing`);
  return bytes;
}

/**
 * Reads a partial tile or bundle, falling back to the full one (logs may delete partial tiles
 * once the full tile exists; tlog-tiles lets clients use its prefix instead).
 */
async function readTileFile(
  source: LogSource,
  path: string,
  fullPath: string,
  partial: boolean,
): Promise<{ bytes: Uint8Array; path: string; full: boolean }> {
  const bytes = await source.read(path);
  if (bytes) return { bytes, path, full: !partial };
  if (partial) {
    const full = await source.read(fullPath);
    if (full) return { bytes: full, path: fullPath, full: true };
  }
  throw new LogVerificationError('missing', `${path} is missing`);
}

function rethrowWithPrefix(prefix: string, error: unknown): never {
  if (error instanceof LogVerificationError) throw new LogVerificationError(error.code, `${prefix}: ${error.message}`);
  throw error;
}

export async function verifyTiledLog(source: LogSource, opts: VerifyLogOptions): Promise<VerifiedLog> {
  const verifier = parseVerifierKey(opts.verifierKey);
  const raw = await readRequired(source, 'checkpoint');
  let note: string;
  try {
    note = fromUtf8(raw);
  } catch {
    throw new LogVerificationError('malformed', 'checkpoint is not valid UTF-8');
  }
  let checkpoint: Checkpoint;
  try {
    checkpoint = parseCheckpoint(openNote(note, [verifier]).text);
  } catch (error) {
    rethrowWithPrefix('checkpoint', error);
  }
  if (opts.witnesses) checkWitnesses(note, opts.witnesses);
  const origin = opts.origin ?? verifier.name;
  if (checkpoint.origin !== origin) {
    throw new LogVerificationError(
      'origin_mismatch',
      `checkpoint origin is ${JSON.stringify(checkpoint.origin)}, expected ${JSON.stringify(origin)}`,
    );
  }
  const size = checkpoint.size;
  const maxEntries = opts.maxEntries ?? DEFAULT_MAX_ENTRIES;
  if (size > maxEntries)
    throw new LogVerificationError('too_large', `checkpoint size ${size} is more than the ${maxEntries} entries this verifier accepts`);
  const previous = opts.previous;
  if (previous && size < previous.size) {
    throw new LogVerificationError(
      'inconsistent',
      `checkpoint size ${size} is smaller than the size ${previous.size} seen before: an older checkpoint was replayed or the log was rolled back`,
    );
  }

  const leafHashes: Uint8Array[] = [];
  const bundlePaths: string[] = [];
  const tree = new TreeBuilder();
  let previousRoot: Uint8Array | undefined = previous?.size === 0 ? EMPTY_ROOT : undefined;
  const onEntry = opts.onEntry;
  // Bundles are read a few ahead of the one being hashed, so a network source's round trips
  // overlap the hashing instead of adding to it.
  const bundles = bundlesForSize(size);
  const reads: Array<Promise<{ bytes: Uint8Array; path: string; full: boolean }> | undefined> = [];
  const readBundle = (i: number) => {
    const { index, width } = bundles[i]!;
    const read = readTileFile(source, entriesPath(index, width), entriesPath(index), width < TILE_WIDTH);
    read.catch(() => {});
    reads[i] = read;
  };
  for (let i = 0; i < Math.min(READ_AHEAD, bundles.length); i++) readBundle(i);
  for (let i = 0; i < bundles.length; i++) {
    const { width } = bundles[i]!;
    const file = await reads[i]!;
    reads[i] = undefined;
    if (i + READ_AHEAD < bundles.length) readBundle(i + READ_AHEAD);
    const entries = decodeEntryBundle(file.bytes, file.full ? TILE_WIDTH : width, file.path).slice(0, width);
    for (const entry of entries) {
      const hash = leafHash(entry);
      onEntry?.(leafHashes.length, entry);
      leafHashes.push(hash);
      bundlePaths.push(file.path);
      tree.append(hash);
      if (previous && tree.size === previous.size) previousRoot = tree.root();
    }
  }

  const readTile: ReadTile = async (level, index, width) => {
    const file = await readTileFile(source, tilePath(level, index, width), tilePath(level, index), width < TILE_WIDTH);
    if (file.full && file.bytes.length !== TILE_WIDTH * HASH_SIZE) {
      throw new LogVerificationError('malformed', `${file.path} is ${file.bytes.length} bytes, expected ${TILE_WIDTH * HASH_SIZE}`);
    }
    return file.bytes.subarray(0, width * HASH_SIZE);
  };

  const root = tree.root();
  if (!bytesEqual(root, checkpoint.root)) await explainRootMismatch(checkpoint, root, leafHashes, bundlePaths, readTile);
  await checkTilesAgainstEntries(size, leafHashes, readTile);

  if (previous && previousRoot && !bytesEqual(previousRoot, previous.root)) {
    throw new LogVerificationError(
      'inconsistent',
      size === previous.size
        ? `checkpoint root ${toBase64(root)} for size ${size} differs from the root ${toBase64(previous.root)} seen before for the same size: the log forked`
        : `the first ${previous.size} entries now give root ${toBase64(previousRoot)}, but the checkpoint seen before for size ${previous.size} had ${toBase64(previous.root)}: the log was rewritten`,
    );
  }
  return { checkpoint, entries: size, note };
}

function checkWitnesses(note: string, witnesses: { keys: readonly string[]; required: number }): void {
  for (const key of witnesses.keys) {
    if (verifierKeyParts(key).type !== COSIGNATURE_V1_TYPE)
      throw new LogVerificationError('malformed', `witness key ${key} is not a cosignature (type 0x04) key`);
  }
  const found = countCosignatures(note, witnesses.keys);
  if (found < witnesses.required) {
    throw new LogVerificationError(
      'witnesses',
      `checkpoint has ${found} valid witness cosignature${found === 1 ? '' : 's'} from the ${new Set(witnesses.keys).size} witness key${witnesses.keys.length === 1 ? '' : 's'} given, ${witnesses.required} required`,
    );
  }
}

/** The entries do not give the signed root: say whether an entry or the tiles are at fault. */
async function explainRootMismatch(
  checkpoint: Checkpoint,
  root: Uint8Array,
  leafHashes: readonly Uint8Array[],
  bundlePaths: readonly string[],
  readTile: ReadTile,
): Promise<never> {
  let tilesRoot: Uint8Array | undefined;
  try {
    tilesRoot = await rootFromTiles(checkpoint.size, readTile);
  } catch {
    tilesRoot = undefined;
  }
  if (tilesRoot && bytesEqual(tilesRoot, checkpoint.root)) {
    for (let start = 0; start < leafHashes.length; start += TILE_WIDTH) {
      const width = Math.min(TILE_WIDTH, leafHashes.length - start);
      const tile = splitHashes(await readTile(0, start / TILE_WIDTH, width));
      const bad = tile.findIndex((h, i) => !bytesEqual(h, leafHashes[start + i]!));
      if (bad >= 0) {
        const index = start + bad;
        throw new LogVerificationError(
          'entry_mismatch',
          `entry ${index} in ${bundlePaths[index]} does not match the signed tree: its hash differs from hash ${bad} of ${tilePath(0, start / TILE_WIDTH, width)}`,
        );
      }
    }
  }
  throw new LogVerificationError(
    'root_mismatch',
    `the ${checkpoint.size} entries give root ${toBase64(root)}, but the checkpoint says ${toBase64(checkpoint.root)}${tilesRoot ? ` (the hash tiles give ${toBase64(tilesRoot)})` : ''}`,
  );
}
