/**
 * What another server sends is read only up to the size it can rightly have: a hostile or broken
 * origin must not make a mirror hold gigabytes in memory. The log's paths have sizes fixed by
 * the formats; media have the mirror's own limit.
 */
import { HASH_SIZE, concatBytes } from '../../log/hash.ts';
import { MAX_ENTRY_SIZE, TILE_WIDTH } from '../../log/tiles.ts';

/** A signed note: origin, size, root and signatures; a thousand cosignatures fit with room to spare. */
export const MAX_CHECKPOINT_BYTES = 256 << 10;

/** The most bytes a log path can rightly hold: a checkpoint, a hash tile, or an entry bundle (C2SP tlog-tiles). */
export function maxLogPathBytes(path: string): number {
  if (path === 'checkpoint') return MAX_CHECKPOINT_BYTES;
  if (path.startsWith('tile/entries/')) return TILE_WIDTH * (2 + MAX_ENTRY_SIZE);
  return TILE_WIDTH * HASH_SIZE;
}

/** The body, or undefined when it declares or grows past `max` bytes (the download is cancelled then). */
export async function readBounded(res: Response, max: number): Promise<Uint8Array | undefined> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel();
    return undefined;
  }
  if (!res.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return concatBytes(...chunks);
}
