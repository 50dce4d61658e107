import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { LogVerificationError } from './errors.ts';
import { fromBase64, fromHex, sha256, toBase64, toHex, utf8 } from './hash.ts';
import {
  EMPTY_ROOT,
  TreeBuilder,
  consistencyProof,
  inclusionProof,
  leafHash,
  nodeHash,
  rootOf,
  verifyConsistency,
  verifyInclusion,
} from './merkle.ts';
import type { HashAt } from './merkle.ts';

const PROBES = fileURLToPath(new URL('../../test/vectors/merkle-rfc6962/testdata', import.meta.url));

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? jsonFiles(full) : name.endsWith('.json') ? [full] : [];
  });
}

const b64 = (s: string) => fromBase64(s);
const b64List = (list: string[] | null) => (list ?? []).map(b64);

/** Leaf and perfect-subtree hashes of a tree, kept level by level, to answer `hashAt`. */
function levelsOf(leaves: readonly Uint8Array[]): Uint8Array[][] {
  const levels = [leaves.slice()];
  for (let level = levels[0]!; level.length > 1; ) {
    const up: Uint8Array[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) up.push(nodeHash(level[i]!, level[i + 1]!));
    levels.push(up);
    level = up;
  }
  return levels;
}
const hashAtOf =
  (levels: Uint8Array[][]): HashAt =>
  (level, index) => {
    const h = levels[level]?.[index];
    if (!h) throw new Error(`no hash at level ${level} index ${index}`);
    return h;
  };
const leavesOf = (n: number) => Array.from({ length: n }, (_, i) => leafHash(utf8(`entry ${i}`)));

describe('RFC 6962 published probes', () => {
  const inclusion = jsonFiles(join(PROBES, 'inclusion'));
  const consistency = jsonFiles(join(PROBES, 'consistency'));

  it('finds the probe files', () => {
    assert.ok(inclusion.length > 60, `only ${inclusion.length} inclusion probes`);
    assert.ok(consistency.length > 60, `only ${consistency.length} consistency probes`);
  });

  it('answers every inclusion probe as expected', () => {
    for (const file of inclusion) {
      const p = JSON.parse(readFileSync(file, 'utf8')) as {
        leafIdx: number;
        treeSize: number;
        root: string;
        leafHash: string;
        proof: string[] | null;
        desc: string;
        wantErr: boolean;
      };
      const run = () => verifyInclusion(b64(p.leafHash), p.leafIdx, p.treeSize, b64List(p.proof), b64(p.root));
      if (p.wantErr) assert.throws(run, LogVerificationError, `${file} (${p.desc}) should fail`);
      else assert.doesNotThrow(run, `${file} (${p.desc}) should verify`);
    }
  });

  it('answers every consistency probe as expected', () => {
    for (const file of consistency) {
      const p = JSON.parse(readFileSync(file, 'utf8')) as {
        size1: number;
        size2: number;
        root1: string;
        root2: string;
        proof: string[] | null;
        desc: string;
        wantErr: boolean;
      };
      const run = () => verifyConsistency(p.size1, p.size2, b64(p.root1), b64(p.root2), b64List(p.proof));
      if (p.wantErr) assert.throws(run, LogVerificationError, `${file} (${p.desc}) should fail`);
      else assert.doesNotThrow(run, `${file} (${p.desc}) should verify`);
    }
  });

  it('rejects a hash that is not 32 bytes before looking at the proof', () => {
    const leaves = leavesOf(4);
    const root = rootOf(leaves);
    const proof = inclusionProof(1, 4, hashAtOf(levelsOf(leaves)));
    assert.throws(() => verifyInclusion(leaves[1]!.subarray(0, 31), 1, 4, proof, root), /leaf hash is 31 bytes/);
    assert.throws(() => verifyInclusion(leaves[1]!, 1, 4, [proof[0]!, new Uint8Array(33)], root), /inclusion proof hash 1 is 33 bytes/);
  });
});

describe('RFC 6962 roots', () => {
  it('gives SHA-256 of nothing for the empty tree', () => {
    assert.equal(toBase64(rootOf([])), '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
    assert.deepEqual(new TreeBuilder().root(), EMPTY_ROOT);
  });

  it('gives the published root of the 8-leaf tree', () => {
    const entries = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
    assert.equal(
      toHex(rootOf(entries.map((e) => leafHash(fromHex(e))))),
      '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
    );
  });

  it('separates leaves from nodes', () => {
    assert.notDeepEqual(leafHash(new Uint8Array(64)), sha256(new Uint8Array(64)));
  });
});

describe('our trees above 256 and 65,536 entries', () => {
  for (const size of [257, 65_537]) {
    describe(`${size} leaves`, () => {
      const leaves = leavesOf(size);
      const levels = levelsOf(leaves);
      const hashAt = hashAtOf(levels);
      const roots = new Map<number, Uint8Array>();
      const builder = new TreeBuilder();
      const checkpoints = new Set([1, 2, 3, 7, 8, 9, 255, 256, 257, 1000, 4096, 65_535, 65_536, 65_537, size]);
      for (const [i, h] of leaves.entries()) {
        builder.append(h);
        if (checkpoints.has(i + 1)) roots.set(i + 1, builder.root());
      }

      it('the builder root equals rootOf, also when resumed from its compact range', () => {
        assert.deepEqual(builder.root(), rootOf(leaves));
        for (const [n, root] of roots) assert.deepEqual(root, rootOf(leaves.slice(0, n)), `size ${n}`);
        const resumed = new TreeBuilder({ size: 200, hashes: replay(leaves.slice(0, 200)).hashes });
        for (const h of leaves.slice(200)) resumed.append(h);
        assert.deepEqual(resumed.root(), builder.root());
      });

      it('inclusion proofs verify, and any altered proof hash fails', () => {
        const sizes = [...roots.keys()];
        for (const n of sizes) {
          for (const index of new Set([0, 1, Math.floor(n / 2), n - 2, n - 1].filter((i) => i >= 0 && i < n))) {
            const proof = inclusionProof(index, n, hashAt);
            verifyInclusion(leaves[index]!, index, n, proof, roots.get(n)!);
            for (let j = 0; j < proof.length; j++) {
              const bad = proof.map((h) => h.slice());
              bad[j]![j % 32]! ^= 1;
              assert.throws(
                () => verifyInclusion(leaves[index]!, index, n, bad, roots.get(n)!),
                LogVerificationError,
                `proof hash ${j} of ${index}/${n}`,
              );
            }
            if (n > 1) assert.throws(() => verifyInclusion(leaves[index]!, index, n, proof.slice(1), roots.get(n)!), LogVerificationError);
          }
        }
      });

      it('consistency proofs verify, and any altered proof hash fails', () => {
        const sizes = [...roots.keys()].sort((a, b) => a - b);
        for (const m of sizes) {
          for (const n of sizes.filter((s) => s >= m)) {
            const proof = consistencyProof(m, n, hashAt);
            verifyConsistency(m, n, roots.get(m)!, roots.get(n)!, proof);
            for (let j = 0; j < proof.length; j++) {
              const bad = proof.map((h) => h.slice());
              bad[j]![31]! ^= 0x80;
              assert.throws(
                () => verifyConsistency(m, n, roots.get(m)!, roots.get(n)!, bad),
                LogVerificationError,
                `proof hash ${j} of ${m}→${n}`,
              );
            }
            if (m < n) {
              const otherRoot = roots.get(m)!.slice();
              otherRoot[0]! ^= 1;
              assert.throws(() => verifyConsistency(m, n, otherRoot, roots.get(n)!, proof), /does not lead to the (old|new) root/);
            }
          }
        }
      });
    });
  }
});

function replay(leaves: readonly Uint8Array[]): TreeBuilder {
  const b = new TreeBuilder();
  for (const h of leaves) b.append(h);
  return b;
}
