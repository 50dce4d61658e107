import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatCheckpoint, parseCheckpoint } from './checkpoint.ts';
import { LogVerificationError } from './errors.ts';
import { fromBase64 } from './hash.ts';

const ROOT = 'rKbDipCvhuX1GZ7g5BBe8sA6BbJ7ja/1nk427v383cs=';

describe('checkpoints (C2SP tlog-checkpoint v1.0.0)', () => {
  it('round-trips, extension lines included', () => {
    const body = `example.com/log/testdata\n15\n${ROOT}\nextra one\n`;
    const cp = parseCheckpoint(body);
    assert.deepEqual(cp, { origin: 'example.com/log/testdata', size: 15, root: fromBase64(ROOT), extensions: ['extra one'] });
    assert.equal(formatCheckpoint(cp), body);
  });

  it('refuses anything not strictly in the format', () => {
    const bad = [
      `o\n15\n${ROOT}`,
      `\n15\n${ROOT}\n`,
      `o\n015\n${ROOT}\n`,
      `o\n+15\n${ROOT}\n`,
      `o\n1.5\n${ROOT}\n`,
      `o\n 15\n${ROOT}\n`,
      `o\n15\n${ROOT.slice(0, -1)}\n`,
      `o\n15\n${ROOT.replace('=', '')}\n`,
      `o\n15\nAAAA\n`,
      `o\n15\n`,
      `o\n15\n${ROOT}\n\n`,
      `o\n99999999999999999999\n${ROOT}\n`,
    ];
    for (const body of bad) assert.throws(() => parseCheckpoint(body), LogVerificationError, JSON.stringify(body));
    assert.throws(() => formatCheckpoint({ origin: '', size: 1, root: fromBase64(ROOT), extensions: [] }), /origin/);
  });
});
