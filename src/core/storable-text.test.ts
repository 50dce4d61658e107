import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toStorableText, unstorableReason } from './storable-text.ts';

test('a NUL and a lone surrogate cannot be stored; a pair, emoji and newlines can', () => {
  assert.match(unstorableReason('a\u0000b')!, /NUL/);
  assert.match(unstorableReason('broken \ud800 text')!, /lone surrogate/);
  assert.match(unstorableReason('\udfff')!, /lone surrogate/);
  for (const fine of ['', 'Алматы 😀', 'line\nbreak\ttab', '\ud83d\ude00', '\u0001 is odd but storable']) {
    assert.equal(unstorableReason(fine), undefined, JSON.stringify(fine));
  }
});

test('toStorableText keeps what it can: controls become spaces, lone surrogates U+FFFD', () => {
  assert.equal(toStorableText('a\u0000b\u0007c'), 'a b c');
  assert.equal(toStorableText('x\ud800y'), 'x\ufffdy');
  assert.equal(toStorableText('keep\nthis\t😀'), 'keep\nthis\t😀');
  assert.equal(unstorableReason(toStorableText('\u0000\udc00')), undefined);
});
