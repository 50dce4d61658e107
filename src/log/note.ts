/**
 * C2SP signed-note v1.0.0 with Ed25519 keys (signature type 0x01), plus verifiers for
 * timestamped witness cosignatures (type 0x04, see cosignature.ts) so one `openNote` call can
 * check a checkpoint's log signature and its cosignatures.
 *
 * Keys travel as strings:
 *   verifier key  <name>+<key ID, 8 hex>+base64(type || 32-byte public key)
 *   signer key    PRIVATE+KEY+<name>+<key ID>+base64(type || 32-byte seed)
 * Key ID = first 4 bytes, big-endian, of SHA-256(name || "\n" || type || public key).
 * Signature lines are handled without their final newline.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { LogVerificationError } from './errors.ts';
import { concatBytes, fromBase64, sha256, toBase64, utf8 } from './hash.ts';

export const ED25519_TYPE = 0x01;
export const COSIGNATURE_V1_TYPE = 0x04;
/** The spec asks verifiers to accept at least 16; more than this is refused as abuse. */
export const MAX_SIGNATURES = 100;

export interface Signer {
  name: string;
  keyHash: number;
  sign(msg: Uint8Array): Uint8Array;
  verifierKey: string;
}

export interface Verifier {
  name: string;
  keyHash: number;
  verify(msg: Uint8Array, sig: Uint8Array): boolean;
}

export interface SignatureLine {
  name: string;
  keyHash: number;
  signature: Uint8Array;
}

const malformed = (message: string) => new LogVerificationError('malformed', message);

export function isValidKeyName(name: string): boolean {
  return name !== '' && !/[\s+]/u.test(name) && !hasControl(name);
}

function hasControl(text: string): boolean {
  return /[\u0000-\u0009\u000b-\u001f\u007f]/.test(text);
}

export function keyHash(name: string, type: number, publicKey: Uint8Array): number {
  const h = sha256(concatBytes(utf8(`${name}\n`), Uint8Array.of(type), publicKey));
  return ((h[0]! << 24) | (h[1]! << 16) | (h[2]! << 8) | h[3]!) >>> 0;
}

const hex8 = (n: number) => n.toString(16).padStart(8, '0');

/** Builds the vkey string for a public key of the given signature type. */
export function formatVerifierKey(name: string, type: number, publicKey: Uint8Array): string {
  if (!isValidKeyName(name)) throw malformed(`key name ${JSON.stringify(name)} is empty or has spaces or "+"`);
  return `${name}+${hex8(keyHash(name, type, publicKey))}+${toBase64(concatBytes(Uint8Array.of(type), publicKey))}`;
}

/** Splits "<name>+<hash>+<base64>" and checks the key ID against the key. */
function parseKeyParts(s: string, what: string): { name: string; keyHash: number; type: number; key: Uint8Array } {
  // The base64 key may itself contain "+"; name and key ID may not.
  const first = s.indexOf('+');
  const second = s.indexOf('+', first + 1);
  if (first < 0 || second < 0) throw malformed(`${what}: expected <name>+<key ID>+<key>`);
  const name = s.slice(0, first);
  const hashText = s.slice(first + 1, second);
  const keyText = s.slice(second + 1);
  if (!isValidKeyName(name)) throw malformed(`${what}: key name ${JSON.stringify(name)} is not valid`);
  if (!/^[0-9a-f]{8}$/.test(hashText)) throw malformed(`${what}: key ID ${JSON.stringify(hashText)} is not 8 lowercase hex digits`);
  let raw: Uint8Array;
  try {
    raw = fromBase64(keyText);
  } catch (error) {
    throw malformed(`${what}: ${(error as Error).message}`);
  }
  if (raw.length !== 33) throw malformed(`${what}: key is ${raw.length} bytes, expected a type byte and 32 bytes`);
  return { name, keyHash: parseInt(hashText, 16), type: raw[0]!, key: raw.subarray(1) };
}

/**
 * Verifications that succeeded, by SHA-256 of (public key, signature, message). Mirrors and
 * verifiers re-read the same checkpoint again and again; Ed25519 verification is a pure
 * function of these three, so a hit is as good as a verification, and failures are never kept.
 */
const verifiedSignatures = new Set<string>();
const MAX_REMEMBERED = 256;

function verifyEd25519(publicKey: Uint8Array, msg: Uint8Array, sig: Uint8Array): boolean {
  if (sig.length !== 64) return false;
  const id = toBase64(sha256(concatBytes(publicKey, sig, msg)));
  if (verifiedSignatures.has(id)) return true;
  let ok: boolean;
  try {
    ok = ed25519.verify(sig, msg, publicKey, { zip215: false });
  } catch {
    ok = false;
  }
  if (ok) {
    if (verifiedSignatures.size >= MAX_REMEMBERED) verifiedSignatures.delete(verifiedSignatures.values().next().value!);
    verifiedSignatures.add(id);
  }
  return ok;
}

/** The message a type 0x04 cosignature signs (c2sp.org/tlog-cosignature, Ed25519). */
export function cosignedMessage(timestamp: number | bigint, checkpointBody: Uint8Array): Uint8Array {
  return concatBytes(utf8(`cosignature/v1\ntime ${timestamp}\n`), checkpointBody);
}

export function parseVerifierKey(s: string): Verifier {
  const { name, keyHash: hash, type, key } = parseKeyParts(s, 'verifier key');
  if (type !== ED25519_TYPE && type !== COSIGNATURE_V1_TYPE)
    throw malformed(`verifier key ${name}: signature type 0x${type.toString(16).padStart(2, '0')} is not supported`);
  if (keyHash(name, type, key) !== hash) throw malformed(`verifier key ${name}: key ID ${hex8(hash)} does not match the key`);
  const publicKey = key.slice();
  if (type === ED25519_TYPE) return { name, keyHash: hash, verify: (msg, sig) => verifyEd25519(publicKey, msg, sig) };
  return {
    name,
    keyHash: hash,
    verify(msg, sig) {
      if (sig.length !== 72) return false;
      const timestamp = new DataView(sig.buffer, sig.byteOffset, 8).getBigUint64(0);
      if (timestamp >= 2n ** 63n) return false;
      return verifyEd25519(publicKey, cosignedMessage(timestamp, msg), sig.subarray(8));
    },
  };
}

/** The parts of a verifier key: signature type (0x01 log key, 0x04 witness key) and public key. */
export function verifierKeyParts(s: string): { name: string; keyHash: number; type: number; publicKey: Uint8Array } {
  const { name, keyHash: hash, type, key } = parseKeyParts(s, 'verifier key');
  return { name, keyHash: hash, type, publicKey: key.slice() };
}

function signerFromSeed(name: string, seed: Uint8Array): Signer {
  const publicKey = ed25519.getPublicKey(seed);
  const secret = seed.slice();
  return {
    name,
    keyHash: keyHash(name, ED25519_TYPE, publicKey),
    sign: (msg) => ed25519.sign(msg, secret),
    verifierKey: formatVerifierKey(name, ED25519_TYPE, publicKey),
  };
}

/** A new Ed25519 key pair as note key strings; random unless a 32-byte seed is given. */
export function generateSignerKey(name: string, seed?: Uint8Array): { signerKey: string; verifierKey: string } {
  if (!isValidKeyName(name)) throw malformed(`key name ${JSON.stringify(name)} is empty or has spaces or "+"`);
  const secret = seed ?? ed25519.utils.randomSecretKey();
  if (secret.length !== 32) throw new RangeError(`an Ed25519 seed is 32 bytes, got ${secret.length}`);
  const signer = signerFromSeed(name, secret);
  return {
    signerKey: `PRIVATE+KEY+${name}+${hex8(signer.keyHash)}+${toBase64(concatBytes(Uint8Array.of(ED25519_TYPE), secret))}`,
    verifierKey: signer.verifierKey,
  };
}

export function parseSignerKey(s: string): Signer {
  if (!s.startsWith('PRIVATE+KEY+')) throw malformed('signer key: does not start with PRIVATE+KEY+');
  const { name, keyHash: hash, type, key } = parseKeyParts(s.slice('PRIVATE+KEY+'.length), 'signer key');
  if (type !== ED25519_TYPE) throw malformed(`signer key ${name}: signature type 0x${type.toString(16).padStart(2, '0')} is not supported`);
  const signer = signerFromSeed(name, key);
  if (signer.keyHash !== hash) throw malformed(`signer key ${name}: key ID ${hex8(hash)} does not match the key`);
  return signer;
}

export function formatSignatureLine(line: SignatureLine): string {
  const id = new Uint8Array(4);
  new DataView(id.buffer).setUint32(0, line.keyHash);
  return `— ${line.name} ${toBase64(concatBytes(id, line.signature))}`;
}

export function parseSignatureLine(line: string): SignatureLine {
  const m = /^— (\S+) (\S+)$/u.exec(line);
  if (!m) throw malformed(`signature line ${JSON.stringify(line.slice(0, 80))} is not "— <name> <base64>"`);
  const name = m[1]!;
  if (!isValidKeyName(name)) throw malformed(`signature line: key name ${JSON.stringify(name)} is not valid`);
  let raw: Uint8Array;
  try {
    raw = fromBase64(m[2]!);
  } catch (error) {
    throw malformed(`signature line for ${name}: ${(error as Error).message}`);
  }
  if (raw.length < 5) throw malformed(`signature line for ${name}: ${raw.length} bytes is too short`);
  const keyHashValue = new DataView(raw.buffer, raw.byteOffset, 4).getUint32(0);
  return { name, keyHash: keyHashValue, signature: raw.slice(4) };
}

function assertNoteText(text: string): void {
  if (text === '' || !text.endsWith('\n')) throw malformed('note text must be non-empty and end with a newline');
  if (hasControl(text)) throw malformed('note text contains a control character other than newline');
  if (/[\uD800-\uDFFF]/.test(text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''))) throw malformed('note text is not valid Unicode');
}

export function signNote(text: string, signers: Signer[]): string {
  assertNoteText(text);
  if (signers.length === 0) throw new RangeError('signNote needs at least one signer');
  const msg = utf8(text);
  const lines = signers.map((s) => formatSignatureLine({ name: s.name, keyHash: s.keyHash, signature: s.sign(msg) }));
  return `${text}\n${lines.map((l) => `${l}\n`).join('')}`;
}

/** Splits a note into its text and its signature lines, checking only the format. */
export function splitNote(note: string): { text: string; lines: string[] } {
  if (hasControl(note)) throw malformed('note contains a control character other than newline');
  if (!note.endsWith('\n')) throw malformed('note does not end with a newline');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw malformed('note has no blank line before its signatures');
  const text = note.slice(0, split + 1);
  assertNoteText(text);
  const lines = note.slice(split + 2, -1).split('\n');
  if (lines.length > MAX_SIGNATURES)
    throw new LogVerificationError('too_large', `note has ${lines.length} signatures, more than ${MAX_SIGNATURES}`);
  for (const line of lines) parseSignatureLine(line);
  return { text, lines };
}

export function signatureLines(note: string): string[] {
  return splitNote(note).lines;
}

/** Appends signature lines (cosignatures, say) to a signed note; lines already present are not repeated. */
export function addSignatures(note: string, extraLines: readonly string[]): string {
  const { text, lines } = splitNote(note);
  const all = [...lines];
  for (const raw of extraLines) {
    const line = raw.endsWith('\n') ? raw.slice(0, -1) : raw;
    parseSignatureLine(line);
    if (!all.includes(line)) all.push(line);
  }
  if (all.length > MAX_SIGNATURES)
    throw new LogVerificationError('too_large', `note would have ${all.length} signatures, more than ${MAX_SIGNATURES}`);
  return `${text}\n${all.map((l) => `${l}\n`).join('')}`;
}

const keyLabel = (name: string, hash: number) => `${name}+${hex8(hash)}`;

/**
 * Verifies a note: every signature from a known key (same name and key ID) must verify, and
 * at least one must be present. Signatures from other keys are returned, unchecked, in
 * `unknown`.
 */
export function openNote(
  note: string,
  verifiers: Verifier[],
): {
  text: string;
  verified: Array<{ name: string; keyHash: number }>;
  unknown: Array<{ name: string; keyHash: number; signature: Uint8Array }>;
} {
  const { text, lines } = splitNote(note);
  const msg = utf8(text);
  const verified: Array<{ name: string; keyHash: number }> = [];
  const unknown: Array<{ name: string; keyHash: number; signature: Uint8Array }> = [];
  for (const [i, line] of lines.entries()) {
    const sig = parseSignatureLine(line);
    const verifier = verifiers.find((v) => v.name === sig.name && v.keyHash === sig.keyHash);
    if (!verifier) {
      unknown.push(sig);
      continue;
    }
    if (!verifier.verify(msg, sig.signature)) {
      throw new LogVerificationError(
        'bad_signature',
        `signature ${i + 1} by ${keyLabel(sig.name, sig.keyHash)} does not verify over the note text`,
      );
    }
    verified.push({ name: sig.name, keyHash: sig.keyHash });
  }
  if (verified.length === 0) {
    const expected = verifiers.map((v) => keyLabel(v.name, v.keyHash)).join(', ') || 'none';
    const found = unknown.map((s) => keyLabel(s.name, s.keyHash)).join(', ');
    throw new LogVerificationError('unknown_key', `note is not signed by a known key (known: ${expected}; signed by: ${found})`);
  }
  return { text, verified, unknown };
}
