import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LogVerificationError } from './errors.ts';
import { utf8 } from './hash.ts';
import { addSignatures, generateSignerKey, openNote, parseSignerKey, parseVerifierKey, signNote, signatureLines } from './note.ts';

const FOO_VKEY = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
const FOO_NOTE =
  'This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';
const PETER_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const PETER_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_LINE = '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=';

describe('signed notes: published examples', () => {
  it('verifies the C2SP example.com/foo note', () => {
    const opened = openNote(FOO_NOTE, [parseVerifierKey(FOO_VKEY)]);
    assert.equal(opened.text, 'This is an example message.\n');
    assert.deepEqual(opened.verified, [{ name: 'example.com/foo', keyHash: 0x530d903a }]);
    assert.deepEqual(opened.unknown, []);
  });

  it('signs the PeterNeumann text to exactly the published signature line', () => {
    const signer = parseSignerKey(PETER_SKEY);
    assert.equal(signer.verifierKey, PETER_VKEY);
    assert.equal(signer.keyHash, 0xc74f20a3);
    const note = signNote(PETER_TEXT, [signer]);
    assert.equal(note, `${PETER_TEXT}\n${PETER_LINE}\n`);
    assert.deepEqual(signatureLines(note), [PETER_LINE]);
    assert.equal(openNote(note, [parseVerifierKey(PETER_VKEY)]).text, PETER_TEXT);
  });

  it('refuses a note signed only by keys it does not know, naming them', () => {
    assert.throws(
      () => openNote(FOO_NOTE, [parseVerifierKey(PETER_VKEY)]),
      (e: unknown) => e instanceof LogVerificationError && e.code === 'unknown_key' && /example\.com\/foo\+530d903a/.test(e.message),
    );
  });

  it('refuses a key whose key ID does not match it', () => {
    assert.throws(() => parseVerifierKey(FOO_VKEY.replace('530d903a', '530d903b')), /does not match the key/);
    assert.throws(() => parseSignerKey(PETER_SKEY.replace('c74f20a3', 'c74f20a4')), /does not match the key/);
  });
});

describe('signed notes: round trip and tampering', () => {
  const seed = new Uint8Array(32).fill(7);
  const { signerKey, verifierKey } = generateSignerKey('chronicle.example/kz', seed);
  const signer = parseSignerKey(signerKey);
  const verifier = parseVerifierKey(verifierKey);

  it('generates keys that round-trip, deterministically from a seed', () => {
    assert.match(signerKey, /^PRIVATE\+KEY\+chronicle\.example\/kz\+[0-9a-f]{8}\+A/);
    assert.deepEqual(generateSignerKey('chronicle.example/kz', seed), { signerKey, verifierKey });
    assert.notEqual(generateSignerKey('chronicle.example/kz').signerKey, signerKey);
    assert.throws(() => generateSignerKey('has space'), LogVerificationError);
  });

  it('detects a flip of any single byte of a signed note', () => {
    const note = signNote('a\nb\n', [signer]);
    const bytes = utf8(note);
    assert.equal(openNote(note, [verifier]).text, 'a\nb\n');
    for (let i = 0; i < bytes.length; i++) {
      for (const bit of [0x01, 0x80]) {
        const flipped = bytes.slice();
        flipped[i]! ^= bit;
        const text = new TextDecoder().decode(flipped);
        assert.throws(() => openNote(text, [verifier]), LogVerificationError, `byte ${i} bit ${bit} flipped: still verified`);
      }
    }
  });

  it('keeps unknown signatures and appends extra ones', () => {
    const other = parseSignerKey(generateSignerKey('other.example', new Uint8Array(32).fill(9)).signerKey);
    const note = signNote('hello\n', [signer, other]);
    const opened = openNote(note, [verifier]);
    assert.deepEqual(
      opened.verified.map((v) => v.name),
      ['chronicle.example/kz'],
    );
    assert.deepEqual(
      opened.unknown.map((u) => u.name),
      ['other.example'],
    );
    const single = signNote('hello\n', [signer]);
    const line = signatureLines(note)[1]!;
    assert.equal(addSignatures(single, [line]), note);
    assert.equal(addSignatures(note, [line]), note, 'a line already present is not repeated');
  });

  it('rejects a bad signature from a known key even when another known key signed', () => {
    const note = signNote('hello\n', [signer]);
    const forged = addSignatures(note, [signatureLines(signNote('other text\n', [signer]))[0]!]);
    assert.throws(
      () => openNote(forged, [verifier]),
      (e: unknown) =>
        e instanceof LogVerificationError && e.code === 'bad_signature' && /signature 2 by chronicle\.example\/kz\+/.test(e.message),
    );
  });

  it('rejects malformed notes and texts', () => {
    assert.throws(() => signNote('no newline', [signer]), LogVerificationError);
    assert.throws(() => signNote('tab\there\n', [signer]), LogVerificationError);
    assert.throws(() => openNote('text\n— chronicle.example/kz AAAA\n', [verifier]), /blank line/);
  });
});
