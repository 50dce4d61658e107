import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { LogVerificationError } from './errors.ts';
import { toBase64, utf8 } from './hash.ts';
import { leafHash, rootOf } from './merkle.ts';
import {
  checkTilesAgainstEntries,
  decodeEntryBundle,
  encodeEntryBundle,
  entriesPath,
  parseTilePath,
  rootFromTiles,
  tileHashes,
  tileLevels,
  tilePath,
  tileRoot,
  tilesForSize,
} from './tiles.ts';

const TESSERA = fileURLToPath(new URL('../../test/vectors/tlog-tiles-tessera/testdata/log', import.meta.url));
const WORDS = 'one two three four five six seven eit nain ten ileven twelf threeten fourten fivten'.split(' ');

describe('tile paths', () => {
  it('encodes indexes in three-digit groups, all but the last prefixed with x', () => {
    assert.equal(tilePath(0, 1234067), 'tile/0/x001/x234/067');
    assert.equal(tilePath(2, 0, 1), 'tile/2/000.p/1');
    assert.equal(tilePath(1, 999), 'tile/1/999');
    assert.equal(tilePath(1, 1000, 255), 'tile/1/x001/000.p/255');
    assert.equal(entriesPath(1234067, 3), 'tile/entries/x001/x234/067.p/3');
    assert.equal(entriesPath(0), 'tile/entries/000');
  });

  it('parses canonical paths and refuses every other spelling', () => {
    assert.deepEqual(parseTilePath('tile/0/x001/x234/067'), { kind: 'hash', level: 0, index: 1234067, width: 256 });
    assert.deepEqual(parseTilePath('tile/entries/000.p/15'), { kind: 'entries', level: 0, index: 0, width: 15 });
    assert.deepEqual(parseTilePath('tile/63/005'), { kind: 'hash', level: 63, index: 5, width: 256 });
    const bad = [
      'tile/0/x000/001',
      'tile/00/000',
      'tile/64/000',
      'tile/0/000.p/256',
      'tile/0/000.p/0',
      'tile/0/000.p/05',
      'tile/0/1',
      'tile/0/x001',
      'tile/0/0001',
      'tile/entries/x001/x234/67',
      '/tile/0/000',
      'tile/0/000/',
      'tile/-1/000',
      'tile/0/000.p/',
    ];
    for (const path of bad) assert.throws(() => parseTilePath(path), LogVerificationError, path);
  });

  it('lists the tiles of a size as the spec describes (70,000 and 256)', () => {
    const tiles = tilesForSize(70_000);
    assert.equal(tiles.filter((t) => t.level === 0 && t.width === 256).length, 273);
    assert.deepEqual(
      tiles.filter((t) => t.width < 256),
      [
        { level: 0, index: 273, width: 112 },
        { level: 1, index: 1, width: 17 },
        { level: 2, index: 0, width: 1 },
      ],
    );
    assert.deepEqual(
      tiles.filter((t) => t.level === 1 && t.width === 256),
      [{ level: 1, index: 0, width: 256 }],
    );
    assert.deepEqual(tilesForSize(256), [
      { level: 0, index: 0, width: 256 },
      { level: 1, index: 0, width: 1 },
    ]);
    assert.deepEqual(tilesForSize(0), []);
  });
});

describe('entry bundles', () => {
  it('decode the tessera bundle to its 15 entries', () => {
    const entries = decodeEntryBundle(readFileSync(join(TESSERA, 'tile/entries/000.p/15')), 15);
    assert.deepEqual(
      entries.map((e) => Buffer.from(e).toString('utf8')),
      WORDS,
    );
    assert.deepEqual(Buffer.from(encodeEntryBundle(entries)), readFileSync(join(TESSERA, 'tile/entries/000.p/15')));
  });

  it('refuse truncation, trailing bytes, a wrong count and oversized entries', () => {
    const bundle = encodeEntryBundle([utf8('ab'), utf8('cde')]);
    assert.deepEqual(decodeEntryBundle(bundle).length, 2);
    assert.throws(() => decodeEntryBundle(bundle.subarray(0, bundle.length - 1)), /entry 1 is truncated/);
    assert.throws(() => decodeEntryBundle(Uint8Array.of(...bundle, 0)), /truncated length prefix of entry 2/);
    assert.throws(() => decodeEntryBundle(bundle, 3), /2 entries, expected 3/);
    assert.throws(
      () => encodeEntryBundle([new Uint8Array(65_536)]),
      (e: unknown) => e instanceof LogVerificationError && e.code === 'too_large',
    );
    assert.equal(decodeEntryBundle(encodeEntryBundle([new Uint8Array(65_535)]))[0]!.length, 65_535);
  });
});

describe('hash tiles', () => {
  const readFrom = (levels: Uint8Array[][]) => async (level: number, index: number, width: number) =>
    tileHashes(levels, level, index, width);

  it('the tessera level-0 tile holds the leaf hashes of its entries', async () => {
    const tile = readFileSync(join(TESSERA, 'tile/0/000.p/15'));
    const hashes = WORDS.map((w) => leafHash(utf8(w)));
    assert.deepEqual(Buffer.from(tileHashes(tileLevels(hashes), 0, 0, 15)), tile);
    const root = await rootFromTiles(15, async (level, index, width) => readFileSync(join(TESSERA, tilePath(level, index, width))));
    assert.equal(toBase64(root), 'rKbDipCvhuX1GZ7g5BBe8sA6BbJ7ja/1nk427v383cs=');
  });

  for (const size of [255, 256, 257, 513, 65_536, 65_537]) {
    it(`recompute the root of ${size} entries from tiles alone`, async () => {
      const hashes = Array.from({ length: size }, (_, i) => leafHash(utf8(`e${i}`)));
      const levels = tileLevels(hashes);
      assert.deepEqual(await rootFromTiles(size, readFrom(levels)), rootOf(hashes));
      await checkTilesAgainstEntries(size, hashes, readFrom(levels));
      if (size >= 256) assert.deepEqual(levels[1]![0], tileRoot(tileHashes(levels, 0, 0, 256)));
    });
  }

  it('name the first tile that differs, at level 1 too', async () => {
    const size = 65_537;
    const hashes = Array.from({ length: size }, (_, i) => leafHash(utf8(`e${i}`)));
    const levels = tileLevels(hashes);
    const altered = (path: string) => async (level: number, index: number, width: number) => {
      const tile = tileHashes(levels, level, index, width).slice();
      if (tilePath(level, index, width) === path) tile[40 % tile.length]! ^= 1;
      return tile;
    };
    await assert.rejects(
      checkTilesAgainstEntries(size, hashes, altered('tile/1/000')),
      /^LogVerificationError: tile\/1\/000: hash 1 is .* but the 256 entries from 256 hash to/,
    );
    await assert.rejects(checkTilesAgainstEntries(size, hashes, altered('tile/2/000.p/1')), /tile\/2\/000\.p\/1: hash 0/);
    await assert.rejects(
      checkTilesAgainstEntries(size, hashes, altered('tile/0/256.p/1')),
      /tile\/0\/256\.p\/1: hash 0 is .* but entry 65536 hashes to/,
    );
  });
});
