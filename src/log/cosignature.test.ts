import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ed25519 } from '@noble/curves/ed25519.js';
import { cosignCheckpoint, verifyCosignature, witnessVerifierKey } from './cosignature.ts';
import { utf8 } from './hash.ts';
import { addSignatures, generateSignerKey, openNote, parseSignerKey, parseVerifierKey, signNote, signatureLines } from './note.ts';

describe('cosignatures (tlog-cosignature v1, Ed25519)', () => {
  const body = 'chronicle.example/kz\n3\nrKbDipCvhuX1GZ7g5BBe8sA6BbJ7ja/1nk427v383cs=\n';
  const seed = new Uint8Array(32).fill(3);
  const wkey = witnessVerifierKey('mirror.example/w', ed25519.getPublicKey(seed));

  it('round-trips and carries the timestamp', () => {
    const line = cosignCheckpoint(body, { name: 'mirror.example/w', seed }, 1_641_000_000);
    assert.deepEqual(verifyCosignature(body, line, wkey), { timestamp: 1_641_000_000 });
  });

  it('signs "cosignature/v1\\ntime <t>\\n" + body with key ID over type 0x04', () => {
    const line = cosignCheckpoint(body, { name: 'mirror.example/w', seed }, 42);
    const raw = Buffer.from(line.split(' ')[2]!, 'base64');
    const keyId = raw.readUInt32BE(0);
    assert.equal(wkey.split('+')[1], keyId.toString(16).padStart(8, '0'));
    assert.equal(raw.readBigUInt64BE(4), 42n);
    assert.ok(ed25519.verify(raw.subarray(12), utf8(`cosignature/v1\ntime 42\n${body}`), ed25519.getPublicKey(seed)));
  });

  it('is accepted by openNote beside the log signature, and a Signer can cosign', () => {
    const log = parseSignerKey(generateSignerKey('chronicle.example/kz', new Uint8Array(32).fill(1)).signerKey);
    const note = signNote(body, [log]);
    const witness = parseSignerKey(generateSignerKey('mirror.example/w2', seed).signerKey);
    const w2key = witnessVerifierKey('mirror.example/w2', ed25519.getPublicKey(seed));
    const cosigned = addSignatures(note, [cosignCheckpoint(body, witness, 7)]);
    const opened = openNote(cosigned, [parseVerifierKey(log.verifierKey), parseVerifierKey(w2key)]);
    assert.deepEqual(
      opened.verified.map((v) => v.name),
      ['chronicle.example/kz', 'mirror.example/w2'],
    );
    assert.equal(verifyCosignature(body, signatureLines(cosigned)[1]!, w2key).timestamp, 7);
  });

  it('fails for another checkpoint, a changed timestamp or another witness', () => {
    const line = cosignCheckpoint(body, { name: 'mirror.example/w', seed }, 100);
    assert.throws(() => verifyCosignature(body.replace('\n3\n', '\n4\n'), line, wkey), /does not verify/);
    const raw = Buffer.from(line.split(' ')[2]!, 'base64');
    raw[11]! ^= 1;
    assert.throws(() => verifyCosignature(body, `— mirror.example/w ${raw.toString('base64')}`, wkey), /does not verify/);
    const other = witnessVerifierKey('mirror.example/w', ed25519.getPublicKey(new Uint8Array(32).fill(4)));
    assert.throws(() => verifyCosignature(body, line, other), /expected mirror\.example\/w\+/);
  });
});
