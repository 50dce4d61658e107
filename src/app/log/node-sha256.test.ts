import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { toHex, useSha256, utf8 } from '../../log/hash.ts';
import { generateSignerKey } from '../../log/note.ts';
import { memoryLogFiles, mapSource } from '../../log/testing.ts';
import { verifyTiledLog } from '../../log/verify-log.ts';
import { nodeSha256, useNodeSha256 } from './node-sha256.ts';

describe('node:crypto SHA-256 for the log', () => {
  after(() => useSha256(nobleSha256));

  it('gives the digests of the pure-JavaScript one, on the FIPS vectors and on random data', () => {
    assert.equal(toHex(nodeSha256(new Uint8Array(0))), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(toHex(nodeSha256(utf8('abc'))), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    for (const n of [1, 33, 65, 1000, 70_000]) {
      const bytes = randomBytes(n).subarray(1);
      assert.equal(toHex(nodeSha256(bytes)), toHex(nobleSha256(bytes)), `${n - 1} bytes at an offset`);
    }
  });

  it('once installed, verifies a log built with the other, and rejects a changed entry', async () => {
    const entries = Array.from({ length: 600 }, (_, i) => utf8(`{"entry":${i}}`));
    const { signerKey, verifierKey } = generateSignerKey('example.org/log');
    const files = memoryLogFiles(entries, signerKey, 'example.org/log');
    useNodeSha256();
    assert.equal((await verifyTiledLog(mapSource(files), { verifierKey })).entries, 600);
    const bundle = files.get('tile/entries/001')!.slice();
    bundle[5] = bundle[5]! ^ 1;
    const altered = new Map(files).set('tile/entries/001', bundle);
    await assert.rejects(verifyTiledLog(mapSource(altered), { verifierKey }), /does not match|root/);
  });
});
