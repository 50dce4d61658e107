import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { bytesEqual, fromBase64, fromHex, fromUtf8, sha256, toBase64, toHex, utf8 } from './hash.ts';

describe('encodings', () => {
  it('base64 matches Node for every length up to 64', () => {
    for (let n = 0; n <= 64; n++) {
      const bytes = new Uint8Array(randomBytes(n));
      const text = Buffer.from(bytes).toString('base64');
      assert.equal(toBase64(bytes), text);
      assert.deepEqual(fromBase64(text), bytes);
    }
  });

  it('base64 refuses bad padding, bad characters and non-canonical trailing bits', () => {
    for (const bad of ['AAA', 'AA=A', 'A===', '=AAA', 'AB==', 'AAB=', 'AA-_', 'AA A', 'AAAA\n', 'QQ']) {
      assert.throws(() => fromBase64(bad), /base64/, bad);
    }
    assert.deepEqual(fromBase64('AA=='), Uint8Array.of(0));
  });

  it('hex, UTF-8 and equality', () => {
    assert.equal(toHex(Uint8Array.of(0, 15, 255)), '000fff');
    assert.deepEqual(fromHex('000FfF'), Uint8Array.of(0, 15, 255));
    assert.throws(() => fromHex('abc'), /not hexadecimal/);
    assert.throws(() => fromHex('zz'), /not hexadecimal/);
    assert.equal(fromUtf8(utf8('Алматы')), 'Алматы');
    assert.throws(() => fromUtf8(Uint8Array.of(0xc3)));
    assert.ok(bytesEqual(utf8('a'), utf8('a')));
    assert.ok(!bytesEqual(utf8('a'), utf8('ab')));
    assert.equal(toHex(sha256(utf8('abc'))), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
