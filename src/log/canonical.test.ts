import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { canonicalBytes, canonicalJson, isCanonicalText } from './canonical.ts';
import { toHex } from './hash.ts';

const JCS = fileURLToPath(new URL('../../test/vectors/jcs-rfc8785/testdata', import.meta.url));

describe('RFC 8785 published vectors', () => {
  const inputs = readdirSync(join(JCS, 'input')).filter((f) => f.endsWith('.json'));

  it('finds the vectors', () => assert.ok(inputs.length >= 6));

  for (const file of inputs) {
    it(`canonicalizes ${file} byte for byte`, () => {
      const value: unknown = JSON.parse(readFileSync(join(JCS, 'input', file), 'utf8'));
      const expected = readFileSync(join(JCS, 'output', file));
      const bytes = canonicalBytes(value);
      assert.equal(Buffer.from(bytes).toString('utf8'), expected.toString('utf8'));
      assert.deepEqual(Buffer.from(bytes), expected);
      const hex = readFileSync(join(JCS, 'outhex', file.replace(/\.json$/, '.txt')), 'utf8')
        .replace(/\s+/g, '')
        .toLowerCase();
      assert.equal(toHex(bytes), hex);
    });
  }
});

describe('canonicalJson refuses what JSON cannot say', () => {
  it('names the path of undefined, functions and non-finite numbers', () => {
    assert.throws(() => canonicalJson({ a: { b: undefined } }), /\$\.a\.b is undefined/);
    assert.throws(() => canonicalJson([1, () => 2]), /\$\[1\] is a function/);
    assert.throws(() => canonicalJson({ n: Number.NaN }), /\$\.n is NaN/);
    assert.throws(() => canonicalJson({ n: Infinity }), /\$\.n is Infinity/);
    assert.throws(() => canonicalJson(undefined), /\$ is undefined/);
    assert.throws(() => canonicalJson({ m: new Map() }), /\$\.m is a Map/);
  });

  it('sorts keys by UTF-16 code units and writes numbers the ES6 way', () => {
    assert.equal(canonicalJson({ b: 1, a: [1e21, 0.000001, -0], é: 'x', Z: null }), '{"Z":null,"a":[1e+21,0.000001,0],"b":1,"é":"x"}');
    assert.equal(canonicalJson({ when: new Date('2022-01-05T00:00:00Z') }), '{"when":"2022-01-05T00:00:00.000Z"}');
  });
});

describe('isCanonicalText', () => {
  const check = (text: string) => isCanonicalText(text, JSON.parse(text));

  it('accepts exactly the published canonical outputs, and refuses their inputs where they differ', () => {
    for (const file of readdirSync(join(JCS, 'input')).filter((f) => f.endsWith('.json'))) {
      const output = readFileSync(join(JCS, 'output', file), 'utf8');
      const input = readFileSync(join(JCS, 'input', file), 'utf8');
      assert.equal(check(output), true, file);
      assert.equal(check(input), input === output, file);
    }
  });

  it('refuses unsorted keys, spaces, duplicate keys and other spellings of a number', () => {
    assert.equal(check('{"a":1,"b":[true,null,"x"]}'), true);
    assert.equal(check('{"b":1,"a":2}'), false);
    assert.equal(check('{"a": 1}'), false);
    assert.equal(check('{"a":1,"a":1}'), false);
    assert.equal(check('{"a":1.0}'), false);
    assert.equal(check('{"a":"A"}'), true);
    assert.equal(check(String.raw`{"a":"\u0041"}`), false, 'an escaped letter');
    assert.equal(check(String.raw`{"a":"\u001f\n"}`), true, 'control characters as JSON.stringify writes them');
  });

  it('accepts integer-like keys in UTF-16 order, which engines enumerate otherwise', () => {
    assert.equal(check('{"10":1,"9":2}'), true);
    assert.equal(check('{"9":2,"10":1}'), false);
  });
});
