/**
 * RFC 6962 / RFC 9162 Merkle trees: leaf and node hashes, an incremental builder, and
 * inclusion and consistency proofs with their verification.
 *
 * Addressing (`HashAt`): `hashAt(level, index)` is the hash of the perfect subtree of 2^level
 * leaves starting at leaf index * 2^level; level 0 is the leaf hashes. These are exactly the
 * hashes a tlog-tiles log stores (a level-L tile holds tree level 8L), so a server or a
 * verifier can answer `hashAt` from stored leaf hashes or from tiles. Proofs for a tree whose
 * size is not a power of two need hashes of imperfect right-edge subtrees; those are
 * composed here from perfect ones.
 */
import { LogVerificationError } from './errors.ts';
import { HASH_SIZE, bytesEqual, sha256, toBase64 } from './hash.ts';

export type HashAt = (level: number, index: number) => Uint8Array;

export function leafHash(entry: Uint8Array): Uint8Array {
  const data = new Uint8Array(entry.length + 1);
  data[0] = 0x00;
  data.set(entry, 1);
  return sha256(data);
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  const data = new Uint8Array(1 + left.length + right.length);
  data[0] = 0x01;
  data.set(left, 1);
  data.set(right, 1 + left.length);
  return sha256(data);
}

export const EMPTY_ROOT: Uint8Array = sha256(new Uint8Array(0));

/** The largest power of two strictly smaller than n (n >= 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Merkle Tree Hash of a list of leaf hashes (RFC 6962 section 2.1). */
export function rootOf(leafHashes: readonly Uint8Array[]): Uint8Array {
  if (leafHashes.length === 0) return EMPTY_ROOT;
  const builder = new TreeBuilder();
  for (const h of leafHashes) builder.append(h);
  return builder.root();
}

/**
 * An append-only tree kept as its compact range: the hashes of the perfect subtrees that
 * make up the first `size` leaves, largest (leftmost) first, one per set bit of `size`.
 * O(log n) memory and amortised one node hash per append.
 */
export class TreeBuilder {
  #size: number;
  #hashes: Uint8Array[];

  constructor(initial?: { size: number; hashes: readonly Uint8Array[] }) {
    this.#size = initial?.size ?? 0;
    this.#hashes = [...(initial?.hashes ?? [])];
    if (!Number.isSafeInteger(this.#size) || this.#size < 0) throw new RangeError(`TreeBuilder: bad size ${this.#size}`);
    if (this.#hashes.length !== popcount(this.#size)) {
      throw new RangeError(
        `TreeBuilder: a tree of size ${this.#size} has ${popcount(this.#size)} compact-range hashes, got ${this.#hashes.length}`,
      );
    }
    for (const h of this.#hashes) if (h.length !== HASH_SIZE) throw new RangeError('TreeBuilder: hashes must be 32 bytes');
  }

  get size(): number {
    return this.#size;
  }

  /** The compact range, to persist and pass back to the constructor. */
  get hashes(): readonly Uint8Array[] {
    return [...this.#hashes];
  }

  append(leafHash: Uint8Array): void {
    if (leafHash.length !== HASH_SIZE) throw new RangeError(`TreeBuilder: leaf hash of ${leafHash.length} bytes`);
    let hash = leafHash;
    // Each trailing 1 bit of the old size is a perfect subtree the new leaf completes.
    for (let s = this.#size; s % 2 === 1; s = Math.floor(s / 2)) hash = nodeHash(this.#hashes.pop()!, hash);
    this.#hashes.push(hash);
    this.#size += 1;
  }

  root(): Uint8Array {
    if (this.#hashes.length === 0) return EMPTY_ROOT;
    let root = this.#hashes[this.#hashes.length - 1]!;
    for (let i = this.#hashes.length - 2; i >= 0; i--) root = nodeHash(this.#hashes[i]!, root);
    return root;
  }
}

/** k when n = 2^k, else undefined; arithmetic, not bit operations, so sizes above 2^31 work. */
function log2IfPowerOfTwo(n: number): number | undefined {
  let k = 0;
  let p = 1;
  while (p < n) {
    p *= 2;
    k += 1;
  }
  return p === n ? k : undefined;
}

function popcount(n: number): number {
  let count = 0;
  for (let s = n; s > 0; s = Math.floor(s / 2)) count += s % 2;
  return count;
}

/** Hash of leaves [lo, hi); lo is aligned to the largest power of two below hi - lo. */
function rangeHash(lo: number, hi: number, hashAt: HashAt): Uint8Array {
  const n = hi - lo;
  const level = log2IfPowerOfTwo(n);
  if (level !== undefined) return hashAt(level, lo / n);
  const k = splitPoint(n);
  return nodeHash(rangeHash(lo, lo + k, hashAt), rangeHash(lo + k, hi, hashAt));
}

function assertSize(name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new LogVerificationError('malformed', `${name} ${n} is not a non-negative integer`);
}

/** RFC 9162 section 2.1.3.1 PATH(index, D[0:size]), leaf side first. */
export function inclusionProof(index: number, size: number, hashAt: HashAt): Uint8Array[] {
  assertSize('index', index);
  assertSize('tree size', size);
  if (index >= size) throw new LogVerificationError('malformed', `index ${index} is not in a tree of size ${size}`);
  let lo = 0;
  let hi = size;
  let m = index;
  const path: Uint8Array[] = [];
  while (hi - lo > 1) {
    const k = splitPoint(hi - lo);
    if (m < k) {
      path.push(rangeHash(lo + k, hi, hashAt));
      hi = lo + k;
    } else {
      path.push(rangeHash(lo, lo + k, hashAt));
      lo += k;
      m -= k;
    }
  }
  return path.reverse();
}

/** RFC 9162 section 2.1.4.1 PROOF(size1, D[0:size2]). */
export function consistencyProof(size1: number, size2: number, hashAt: HashAt): Uint8Array[] {
  assertSize('size1', size1);
  assertSize('size2', size2);
  if (size1 > size2) throw new LogVerificationError('malformed', `size1 ${size1} is larger than size2 ${size2}`);
  if (size1 === 0 || size1 === size2) return [];
  const path: Uint8Array[] = [];
  let lo = 0;
  let hi = size2;
  let m = size1;
  let complete = true;
  while (m !== hi - lo) {
    const k = splitPoint(hi - lo);
    if (m <= k) {
      path.push(rangeHash(lo + k, hi, hashAt));
      hi = lo + k;
    } else {
      path.push(rangeHash(lo, lo + k, hashAt));
      lo += k;
      m -= k;
      complete = false;
    }
  }
  if (!complete) path.push(rangeHash(lo, hi, hashAt));
  return path.reverse();
}

function assertHash(what: string, hash: Uint8Array): void {
  if (hash.length !== HASH_SIZE) throw new LogVerificationError('malformed', `${what} is ${hash.length} bytes, not ${HASH_SIZE}`);
}

const short = (h: Uint8Array) => toBase64(h);

/** RFC 9162 section 2.1.3.2; throws LogVerificationError naming what does not match. */
export function verifyInclusion(leaf: Uint8Array, index: number, size: number, proof: readonly Uint8Array[], root: Uint8Array): void {
  assertSize('index', index);
  assertSize('tree size', size);
  assertHash('leaf hash', leaf);
  assertHash('root', root);
  for (const [i, p] of proof.entries()) assertHash(`inclusion proof hash ${i}`, p);
  if (index >= size) throw new LogVerificationError('malformed', `index ${index} is not in a tree of size ${size}`);
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const [i, p] of proof.entries()) {
    if (sn === 0)
      throw new LogVerificationError(
        'malformed',
        `inclusion proof for index ${index} in size ${size} has ${proof.length} hashes, more than ${i}`,
      );
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2;
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0)
    throw new LogVerificationError('malformed', `inclusion proof for index ${index} in size ${size} is too short (${proof.length} hashes)`);
  if (!bytesEqual(r, root)) {
    throw new LogVerificationError(
      'root_mismatch',
      `entry ${index} is not in the tree of size ${size}: the proof gives root ${short(r)}, expected ${short(root)}`,
    );
  }
}

/**
 * RFC 9162 section 2.1.4.2. Equal sizes need an empty proof and equal roots; size1 = 0 is
 * refused, since a proof from the empty tree shows nothing (as the published probes expect).
 */
export function verifyConsistency(size1: number, size2: number, root1: Uint8Array, root2: Uint8Array, proof: readonly Uint8Array[]): void {
  assertSize('size1', size1);
  assertSize('size2', size2);
  if (size1 > size2) throw new LogVerificationError('inconsistent', `tree size went back from ${size1} to ${size2}`);
  if (size1 === 0) throw new LogVerificationError('malformed', 'a consistency proof from the empty tree proves nothing');
  if (size1 === size2) {
    if (proof.length > 0)
      throw new LogVerificationError(
        'malformed',
        `consistency proof between equal sizes ${size1} must be empty, has ${proof.length} hashes`,
      );
    if (!bytesEqual(root1, root2))
      throw new LogVerificationError('inconsistent', `two different roots for size ${size1}: ${short(root1)} and ${short(root2)}`);
    return;
  }
  assertHash('root1', root1);
  assertHash('root2', root2);
  for (const [i, p] of proof.entries()) assertHash(`consistency proof hash ${i}`, p);
  if (proof.length === 0) throw new LogVerificationError('malformed', `consistency proof from ${size1} to ${size2} is empty`);
  const path = log2IfPowerOfTwo(size1) !== undefined ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0)
      throw new LogVerificationError('malformed', `consistency proof from ${size1} to ${size2} is too long (${proof.length} hashes)`);
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2;
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0)
    throw new LogVerificationError('malformed', `consistency proof from ${size1} to ${size2} is too short (${proof.length} hashes)`);
  if (!bytesEqual(fr, root1))
    throw new LogVerificationError(
      'inconsistent',
      `consistency proof from ${size1} to ${size2} does not lead to the old root ${short(root1)} (gives ${short(fr)})`,
    );
  if (!bytesEqual(sr, root2))
    throw new LogVerificationError(
      'inconsistent',
      `consistency proof from ${size1} to ${size2} does not lead to the new root ${short(root2)} (gives ${short(sr)})`,
    );
}
