/**
 * Merkle proofs over the stored log. The store keeps leaf hashes and the hashes of complete
 * subtrees at every eighth level (what tiles serve); a node at any other level is folded from
 * at most 128 hashes of the stored level below it. Proof functions in log/merkle.ts read
 * nodes synchronously, so the nodes a proof needs are found first (their positions depend
 * only on the sizes), read, then the proof is built from them.
 */
import { type HashAt, consistencyProof, nodeHash } from '../../log/merkle.ts';
import { TILE_HEIGHT } from '../../log/tiles.ts';
import { readTileHashes } from '../../store/log.ts';
import type { Queryable } from '../../store/db.ts';

/** The hash of the perfect subtree of 2^level leaves starting at leaf index * 2^level. */
export async function readNodeHash(q: Queryable, level: number, index: number): Promise<Uint8Array> {
  const tileLevel = Math.floor(level / TILE_HEIGHT);
  const rest = level % TILE_HEIGHT;
  const count = 2 ** rest;
  let row = await readTileHashes(q, tileLevel, index * count, count);
  if (row.length !== count) throw new Error(`the stored log does not hold node ${level}/${index}`);
  while (row.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < row.length; i += 2) next.push(nodeHash(row[i]!, row[i + 1]!));
    row = next;
  }
  return row[0]!;
}

/** RFC 6962 consistency proof from `size1` to `size2` out of the stored tree (size2 ≤ its size). */
export async function storedConsistencyProof(q: Queryable, size1: number, size2: number): Promise<Uint8Array[]> {
  const needed: Array<[number, number]> = [];
  const placeholder = new Uint8Array(32);
  consistencyProof(size1, size2, (level, index) => {
    needed.push([level, index]);
    return placeholder;
  });
  const nodes = new Map<string, Uint8Array>();
  for (const [level, index] of needed) nodes.set(`${level}/${index}`, await readNodeHash(q, level, index));
  const hashAt: HashAt = (level, index) => {
    const hash = nodes.get(`${level}/${index}`);
    if (!hash) throw new Error(`node ${level}/${index} was not read`);
    return hash;
  };
  return consistencyProof(size1, size2, hashAt);
}
