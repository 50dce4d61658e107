import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { parseCheckpoint } from './checkpoint.ts';
import { LogVerificationError } from './errors.ts';
import { fromBase64, utf8 } from './hash.ts';
import { consistencyProof, leafHash, nodeHash, verifyConsistency } from './merkle.ts';
import type { HashAt } from './merkle.ts';
import { generateSignerKey, openNote, parseVerifierKey } from './note.ts';
import { mapSource, memoryLogFiles } from './testing.ts';
import { tilePath } from './tiles.ts';
import { verifyTiledLog } from './verify-log.ts';
import type { LogSource } from './verify-log.ts';

const TESSERA = fileURLToPath(new URL('../../test/vectors/tlog-tiles-tessera/testdata/log', import.meta.url));
const TESSERA_KEY = 'example.com/log/testdata+33d7b496+AeHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCFkkSx';
const WORDS = 'one two three four five six seven eit nain ten ileven twelf threeten fourten fivten'.split(' ');

function folderFiles(dir: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(relative(dir, full).split('\\').join('/'), new Uint8Array(readFileSync(full)));
    }
  };
  walk(dir);
  return files;
}

/** A folder source, as `caravan verify <folder>` would read it. */
const folderSource = (dir: string): LogSource => ({
  read: async (path) => {
    try {
      return new Uint8Array(readFileSync(join(dir, path)));
    } catch {
      return undefined;
    }
  },
});

const tessera = folderFiles(TESSERA);
/** The files a client reads for the tessera log at size n, with checkpoint.n as "checkpoint". */
function tesseraAt(n: number): Map<string, Uint8Array> {
  const files = new Map([['checkpoint', tessera.get(`checkpoint.${n}`)!]]);
  if (n > 0) {
    files.set(`tile/0/000.p/${n}`, tessera.get(`tile/0/000.p/${n}`)!);
    files.set(`tile/entries/000.p/${n}`, tessera.get(`tile/entries/000.p/${n}`)!);
  }
  return files;
}
const checkpointOf = (n: number) =>
  parseCheckpoint(openNote(Buffer.from(tessera.get(`checkpoint.${n}`)!).toString('utf8'), [parseVerifierKey(TESSERA_KEY)]).text);

const failsWith = (code: string, pattern: RegExp) => (e: unknown) => {
  assert.ok(e instanceof LogVerificationError, `not a LogVerificationError: ${String(e)}`);
  assert.equal(e.code, code, e.message);
  assert.match(e.message, pattern);
  return true;
};

describe('the tessera 15-entry tiled log', () => {
  it('verifies from its folder', async () => {
    const result = await verifyTiledLog(folderSource(TESSERA), { verifierKey: TESSERA_KEY });
    assert.equal(result.entries, 15);
    assert.equal(result.checkpoint.origin, 'example.com/log/testdata');
    assert.deepEqual(result.checkpoint.root, fromBase64('rKbDipCvhuX1GZ7g5BBe8sA6BbJ7ja/1nk427v383cs='));
  });

  it('verifies at every size 0..15, each consistent with the one before', async () => {
    for (let n = 0; n <= 15; n++) {
      const previous = n > 0 ? { size: n - 1, root: checkpointOf(n - 1).root } : undefined;
      const result = await verifyTiledLog(mapSource(tesseraAt(n)), {
        verifierKey: TESSERA_KEY,
        origin: 'example.com/log/testdata',
        ...(previous ? { previous } : {}),
      });
      assert.equal(result.checkpoint.size, n);
    }
  });

  it('has consistency proofs between its checkpoints that verify', () => {
    const leaves = WORDS.map((w) => leafHash(utf8(w)));
    const hashAt: HashAt = (level, index) => {
      const span = 2 ** level;
      let hashes = leaves.slice(index * span, (index + 1) * span);
      while (hashes.length > 1) hashes = hashes.flatMap((h, i) => (i % 2 === 0 ? [nodeHash(h, hashes[i + 1]!)] : []));
      return hashes[0]!;
    };
    for (let m = 1; m <= 15; m++) {
      for (let n = m; n <= 15; n++) verifyConsistency(m, n, checkpointOf(m).root, checkpointOf(n).root, consistencyProof(m, n, hashAt));
    }
  });

  it('fails on a flip of any byte of any of its files', async () => {
    let checked = 0;
    for (let n = 0; n <= 15; n++) {
      const files = tesseraAt(n);
      for (const [path, bytes] of files) {
        for (let i = 0; i < bytes.length; i++) {
          const flipped = bytes.slice();
          flipped[i]! ^= 0x01;
          const source = mapSource(new Map([...files, [path, flipped]]));
          await assert.rejects(
            verifyTiledLog(source, { verifierKey: TESSERA_KEY }),
            LogVerificationError,
            `${path} (size ${n}) byte ${i} flipped and still verified`,
          );
          checked++;
        }
      }
    }
    assert.ok(checked > 5000, `only ${checked} flips checked`);
  });

  it('names the entry or the tile that does not match', async () => {
    const entry = tesseraAt(15);
    const bundle = entry.get('tile/entries/000.p/15')!.slice();
    bundle[2 + 3 + 2]! ^= 0x20; // "two" → "Two"
    await assert.rejects(
      verifyTiledLog(mapSource(new Map([...entry, ['tile/entries/000.p/15', bundle]])), { verifierKey: TESSERA_KEY }),
      failsWith('entry_mismatch', /^entry 1 in tile\/entries\/000\.p\/15 does not match/),
    );
    const tile = entry.get('tile/0/000.p/15')!.slice();
    tile[32 * 14]! ^= 1;
    await assert.rejects(
      verifyTiledLog(mapSource(new Map([...entry, ['tile/0/000.p/15', tile]])), { verifierKey: TESSERA_KEY }),
      failsWith('tile_mismatch', /^tile\/0\/000\.p\/15: hash 14 is/),
    );
    await assert.rejects(
      verifyTiledLog(mapSource(entry), { verifierKey: TESSERA_KEY, origin: 'example.org/other' }),
      failsWith('origin_mismatch', /example\.org\/other/),
    );
    const missing = new Map(entry);
    missing.delete('tile/0/000.p/15');
    await assert.rejects(
      verifyTiledLog(mapSource(missing), { verifierKey: TESSERA_KEY }),
      failsWith('missing', /^tile\/0\/000\.p\/15 is missing/),
    );
  });

  it('refuses a replayed older checkpoint', async () => {
    await assert.rejects(
      verifyTiledLog(mapSource(tesseraAt(5)), { verifierKey: TESSERA_KEY, previous: { size: 10, root: checkpointOf(10).root } }),
      failsWith('inconsistent', /size 5 is smaller than the size 10 seen before/),
    );
  });
});

describe('our own logs', () => {
  const { signerKey, verifierKey } = generateSignerKey('chronicle.example/kz', new Uint8Array(32).fill(5));
  const origin = 'chronicle.example/kz';
  const entriesOf = (n: number, change?: number) =>
    Array.from({ length: n }, (_, i) => utf8(JSON.stringify({ seq: i, text: i === change ? 'forged' : `event ${i}` })));

  it('a log above 256 entries verifies, with a level-1 tile, and a changed level-1 tile is named', async () => {
    const files = memoryLogFiles(entriesOf(600), signerKey, origin);
    assert.ok(files.has('tile/1/000.p/2'));
    const result = await verifyTiledLog(mapSource(files), {
      verifierKey,
      previous: {
        size: 300,
        root: (await verifyTiledLog(mapSource(memoryLogFiles(entriesOf(300), signerKey, origin)), { verifierKey })).checkpoint.root,
      },
    });
    assert.equal(result.entries, 600);
    const tile = files.get('tile/1/000.p/2')!.slice();
    tile[33]! ^= 1;
    await assert.rejects(
      verifyTiledLog(mapSource(new Map([...files, ['tile/1/000.p/2', tile]])), { verifierKey }),
      failsWith('tile_mismatch', /^tile\/1\/000\.p\/2: hash 1 is/),
    );
  });

  it('hands each entry to onEntry once, in order, each bundle read once', async () => {
    const entries = entriesOf(600);
    const files = memoryLogFiles(entries, signerKey, origin);
    const reads = new Map<string, number>();
    const counting: LogSource = {
      read: async (path) => {
        reads.set(path, (reads.get(path) ?? 0) + 1);
        return files.get(path);
      },
    };
    const seen: Array<[number, string]> = [];
    await verifyTiledLog(counting, { verifierKey, onEntry: (i, e) => seen.push([i, new TextDecoder().decode(e)]) });
    assert.deepEqual(
      seen,
      entries.map((e, i) => [i, new TextDecoder().decode(e)]),
    );
    assert.deepEqual(
      [...reads.values()].filter((n) => n !== 1),
      [],
    );
  });

  it('reads a full tile when the partial one is gone', async () => {
    const grown = memoryLogFiles(entriesOf(256), signerKey, origin);
    const older = memoryLogFiles(entriesOf(200), signerKey, origin);
    const files = new Map([...grown, ['checkpoint', older.get('checkpoint')!]]);
    assert.equal(files.has(tilePath(0, 0, 200)), false);
    assert.equal((await verifyTiledLog(mapSource(files), { verifierKey })).entries, 200);
  });

  it('detects a fork: same size, one entry different', async () => {
    const honest = await verifyTiledLog(mapSource(memoryLogFiles(entriesOf(10), signerKey, origin)), { verifierKey });
    const forked = mapSource(memoryLogFiles(entriesOf(10, 3), signerKey, origin));
    await assert.rejects(
      verifyTiledLog(forked, { verifierKey, previous: { size: 10, root: honest.checkpoint.root } }),
      failsWith('inconsistent', /differs from the root .* seen before for the same size/),
    );
    const grownFork = mapSource(memoryLogFiles(entriesOf(12, 3), signerKey, origin));
    await assert.rejects(
      verifyTiledLog(grownFork, { verifierKey, previous: { size: 10, root: honest.checkpoint.root } }),
      failsWith('inconsistent', /the first 10 entries now give root/),
    );
    const grownHonest = mapSource(memoryLogFiles(entriesOf(12), signerKey, origin));
    assert.equal((await verifyTiledLog(grownHonest, { verifierKey, previous: { size: 10, root: honest.checkpoint.root } })).entries, 12);
  });

  it('refuses a log signed by another key', async () => {
    const other = generateSignerKey('chronicle.example/kz', new Uint8Array(32).fill(6));
    await assert.rejects(
      verifyTiledLog(mapSource(memoryLogFiles(entriesOf(3), other.signerKey, origin)), { verifierKey }),
      failsWith('unknown_key', /^checkpoint: note is not signed by a known key/),
    );
  });
});
