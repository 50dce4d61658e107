/**
 * C2SP tlog-tiles: tile and entry-bundle paths, entry bundles, and the hash tiles of a tree.
 *
 * A tile at level L, index N holds the hashes at tree level 8L with indices N*256 .. N*256+W-1,
 * each the root of a perfect subtree of 256^L leaves; level 0 holds leaf hashes. The rightmost
 * tile of a level is partial (width W < 256) and is never hashed into the level above.
 */
import { LogVerificationError } from './errors.ts';
import { HASH_SIZE, bytesEqual, concatBytes, toBase64 } from './hash.ts';
import { EMPTY_ROOT, nodeHash, rootOf } from './merkle.ts';

export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 256;
export const MAX_TILE_LEVEL = 63;
export const MAX_ENTRY_SIZE = 65_535;

export interface TileCoords {
  level: number;
  index: number;
  /** 256 for a full tile, 1..255 for a partial one. */
  width: number;
}

/** Reads the tile at these coordinates (exactly width * 32 bytes). */
export type ReadTile = (level: number, index: number, width: number) => Promise<Uint8Array>;

function assertCoords(level: number, index: number, width: number): void {
  if (!Number.isInteger(level) || level < 0 || level > MAX_TILE_LEVEL) throw new RangeError(`tile level ${level} is not 0..63`);
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`tile index ${index} is not a non-negative integer`);
  if (!Number.isInteger(width) || width < 1 || width > TILE_WIDTH) throw new RangeError(`tile width ${width} is not 1..256`);
}

/** 1234067 → "x001/x234/067": three-digit groups, all but the last prefixed with x. */
function encodeIndex(index: number): string {
  let digits = String(index);
  digits = digits.padStart(Math.ceil(digits.length / 3) * 3, '0');
  const groups = digits.match(/.{3}/g)!;
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/');
}

const widthSuffix = (width: number) => (width === TILE_WIDTH ? '' : `.p/${width}`);

export function tilePath(level: number, index: number, width: number = TILE_WIDTH): string {
  assertCoords(level, index, width);
  return `tile/${level}/${encodeIndex(index)}${widthSuffix(width)}`;
}

export function entriesPath(index: number, width: number = TILE_WIDTH): string {
  assertCoords(0, index, width);
  return `tile/entries/${encodeIndex(index)}${widthSuffix(width)}`;
}

const TILE_PATH = /^tile\/(entries|0|[1-9][0-9]?)\/((?:x[0-9]{3}\/)*[0-9]{3})(?:\.p\/([1-9][0-9]{0,2}))?$/;

/** Parses a tile or entry-bundle path; anything but the one canonical spelling is refused. */
export function parseTilePath(path: string): { kind: 'hash' | 'entries'; level: number; index: number; width: number } {
  const m = TILE_PATH.exec(path);
  const bad = () => new LogVerificationError('malformed', `not a canonical tile path: ${JSON.stringify(path)}`);
  if (!m) throw bad();
  const kind = m[1] === 'entries' ? 'entries' : 'hash';
  const level = kind === 'entries' ? 0 : Number(m[1]);
  const index = Number(m[2]!.replace(/x|\//g, ''));
  const width = m[3] === undefined ? TILE_WIDTH : Number(m[3]);
  if (level > MAX_TILE_LEVEL || (m[3] !== undefined && width >= TILE_WIDTH) || !Number.isSafeInteger(index)) throw bad();
  const canonical = kind === 'entries' ? entriesPath(index, width) : tilePath(level, index, width);
  if (canonical !== path) throw bad();
  return { kind, level, index, width };
}

export function encodeEntryBundle(entries: readonly Uint8Array[]): Uint8Array {
  if (entries.length > TILE_WIDTH)
    throw new LogVerificationError('too_large', `an entry bundle holds at most ${TILE_WIDTH} entries, got ${entries.length}`);
  const parts: Uint8Array[] = [];
  entries.forEach((entry, i) => {
    if (entry.length > MAX_ENTRY_SIZE)
      throw new LogVerificationError('too_large', `entry ${i} of the bundle is ${entry.length} bytes, more than ${MAX_ENTRY_SIZE}`);
    parts.push(Uint8Array.of(entry.length >> 8, entry.length & 255), entry);
  });
  return concatBytes(...parts);
}

/** Splits a bundle of uint16-length-prefixed entries; truncation and trailing bytes are errors. */
export function decodeEntryBundle(bytes: Uint8Array, expectedCount?: number, name = 'entry bundle'): Uint8Array[] {
  const entries: Uint8Array[] = [];
  let at = 0;
  while (at < bytes.length) {
    if (at + 2 > bytes.length)
      throw new LogVerificationError('malformed', `${name}: truncated length prefix of entry ${entries.length} at byte ${at}`);
    const length = (bytes[at]! << 8) | bytes[at + 1]!;
    if (at + 2 + length > bytes.length)
      throw new LogVerificationError(
        'malformed',
        `${name}: entry ${entries.length} is truncated (${length} bytes announced at byte ${at})`,
      );
    entries.push(bytes.subarray(at + 2, at + 2 + length));
    at += 2 + length;
    if (entries.length > TILE_WIDTH) throw new LogVerificationError('malformed', `${name}: more than ${TILE_WIDTH} entries`);
  }
  if (expectedCount !== undefined && entries.length !== expectedCount) {
    throw new LogVerificationError('malformed', `${name}: ${entries.length} entries, expected ${expectedCount}`);
  }
  return entries;
}

/** Entry bundles a client reads for a tree of `size` entries, in order. */
export function bundlesForSize(size: number): Array<{ index: number; width: number }> {
  const out: Array<{ index: number; width: number }> = [];
  for (let index = 0; index * TILE_WIDTH < size; index++) out.push({ index, width: Math.min(TILE_WIDTH, size - index * TILE_WIDTH) });
  return out;
}

/** Hash tiles of a tree of `size` entries: at each level the full tiles and the partial edge. */
export function tilesForSize(size: number): TileCoords[] {
  const out: TileCoords[] = [];
  for (let level = 0, count = size; count > 0 && level <= MAX_TILE_LEVEL; level++, count = Math.floor(count / TILE_WIDTH)) {
    for (let index = 0; index * TILE_WIDTH < count; index++)
      out.push({ level, index, width: Math.min(TILE_WIDTH, count - index * TILE_WIDTH) });
  }
  return out;
}

/** Root of a full tile (256 hashes): the hash it contributes to the level above. */
export function tileRoot(tile: Uint8Array): Uint8Array {
  if (tile.length !== TILE_WIDTH * HASH_SIZE)
    throw new LogVerificationError('malformed', `a full tile is ${TILE_WIDTH * HASH_SIZE} bytes, got ${tile.length}`);
  return rootOf(splitHashes(tile));
}

export function splitHashes(tile: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < tile.length; at += HASH_SIZE) out.push(tile.subarray(at, at + HASH_SIZE));
  return out;
}

/**
 * Hashes at tree levels 0, 8, 16, ... (the contents of tile levels 0, 1, 2, ...) for a list of
 * leaf hashes: what a server serves, and what a verifier compares the served tiles with.
 */
export function tileLevels(leafHashes: readonly Uint8Array[]): Uint8Array[][] {
  const levels: Uint8Array[][] = [leafHashes.slice()];
  for (let below = levels[0]!; below.length >= TILE_WIDTH; ) {
    const up: Uint8Array[] = [];
    for (let i = 0; i + TILE_WIDTH <= below.length; i += TILE_WIDTH) up.push(rootOf(below.slice(i, i + TILE_WIDTH)));
    levels.push(up);
    below = up;
  }
  return levels;
}

/** The bytes of one tile, from {@link tileLevels} of a tree that contains it. */
export function tileHashes(levels: readonly Uint8Array[][], level: number, index: number, width: number): Uint8Array {
  assertCoords(level, index, width);
  const hashes = levels[level]?.slice(index * TILE_WIDTH, index * TILE_WIDTH + width) ?? [];
  if (hashes.length !== width) throw new RangeError(`the tree does not contain ${tilePath(level, index, width)}`);
  return concatBytes(...hashes);
}

/** Reads tiles once each and checks their length. */
function tileCache(readTile: ReadTile): ReadTile {
  const cache = new Map<string, Promise<Uint8Array>>();
  return (level, index, width) => {
    const path = tilePath(level, index, width);
    let tile = cache.get(path);
    if (!tile) {
      tile = readTile(level, index, width).then((bytes) => {
        if (bytes.length !== width * HASH_SIZE)
          throw new LogVerificationError('malformed', `${path} is ${bytes.length} bytes, expected ${width * HASH_SIZE}`);
        return bytes;
      });
      cache.set(path, tile);
    }
    return tile;
  };
}

/**
 * The root of the tree of `size` entries computed from its hash tiles only: the perfect
 * subtrees of the size's binary decomposition, each read from one tile.
 */
export async function rootFromTiles(size: number, readTile: ReadTile): Promise<Uint8Array> {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`tree size ${size} is not a non-negative integer`);
  if (size === 0) return EMPTY_ROOT;
  const read = tileCache(readTile);
  const subtrees: Uint8Array[] = [];
  let offset = 0;
  for (let k = Math.floor(Math.log2(size)) + 1; k >= 0; k--) {
    const span = 2 ** k;
    if (offset + span > size) continue;
    const tileLevel = Math.floor(k / TILE_HEIGHT);
    const per = 2 ** (k % TILE_HEIGHT);
    const first = (offset / span) * per;
    const tileIndex = Math.floor(first / TILE_WIDTH);
    const count = Math.floor(size / TILE_WIDTH ** tileLevel);
    const width = Math.min(TILE_WIDTH, count - tileIndex * TILE_WIDTH);
    const tile = await read(tileLevel, tileIndex, width);
    const at = first - tileIndex * TILE_WIDTH;
    subtrees.push(rootOf(splitHashes(tile.subarray(at * HASH_SIZE, (at + per) * HASH_SIZE))));
    offset += span;
  }
  let root = subtrees[subtrees.length - 1]!;
  for (let i = subtrees.length - 2; i >= 0; i--) root = nodeHash(subtrees[i]!, root);
  return root;
}

/**
 * Compares every hash tile a client needs for `size` with the tiles recomputed from the leaf
 * hashes of the entries; throws naming the first tile (and hash in it) that differs.
 */
export async function checkTilesAgainstEntries(size: number, leafHashes: readonly Uint8Array[], readTile: ReadTile): Promise<void> {
  if (leafHashes.length !== size) throw new RangeError(`${leafHashes.length} leaf hashes for a tree of size ${size}`);
  const levels = tileLevels(leafHashes);
  const read = tileCache(readTile);
  for (const { level, index, width } of tilesForSize(size)) {
    const served = await read(level, index, width);
    const expected = tileHashes(levels, level, index, width);
    if (bytesEqual(served, expected)) continue;
    const hashes = splitHashes(served);
    const bad = splitHashes(expected).findIndex((h, i) => !bytesEqual(h, hashes[i]!));
    const what =
      level === 0
        ? `entry ${index * TILE_WIDTH + bad} hashes`
        : `the ${256 ** level} entries from ${(index * TILE_WIDTH + bad) * 256 ** level} hash`;
    throw new LogVerificationError(
      'tile_mismatch',
      `${tilePath(level, index, width)}: hash ${bad} is ${toBase64(hashes[bad]!)}, but ${what} to ${toBase64(splitHashes(expected)[bad]!)}`,
    );
  }
}
