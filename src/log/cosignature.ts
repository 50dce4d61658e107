/**
 * C2SP tlog-cosignature v1, Ed25519 (signature type 0x04): a witness's statement that, at
 * `timestamp` (POSIX seconds), this checkpoint is the largest consistent one it has seen.
 * Signature = 8-byte big-endian timestamp || Ed25519 signature over
 * "cosignature/v1\ntime <timestamp>\n" || checkpoint body.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { LogVerificationError } from './errors.ts';
import { utf8 } from './hash.ts';
import {
  COSIGNATURE_V1_TYPE,
  cosignedMessage,
  formatSignatureLine,
  formatVerifierKey,
  keyHash,
  parseSignatureLine,
  parseVerifierKey,
  verifierKeyParts,
} from './note.ts';
import type { Signer } from './note.ts';

function assertTimestamp(timestamp: number): void {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0)
    throw new RangeError(`cosignature timestamp ${timestamp} is not a non-negative integer of seconds`);
}

/** Signs a checkpoint body as a witness; returns the signature line (without newline). */
export function cosignCheckpoint(checkpointBody: string, witness: { name: string; seed: Uint8Array } | Signer, timestamp: number): string {
  assertTimestamp(timestamp);
  if (!checkpointBody.endsWith('\n')) throw new LogVerificationError('malformed', 'checkpoint body must end with a newline');
  const msg = cosignedMessage(timestamp, utf8(checkpointBody));
  let publicKey: Uint8Array;
  let signature: Uint8Array;
  if ('seed' in witness) {
    publicKey = ed25519.getPublicKey(witness.seed);
    signature = ed25519.sign(msg, witness.seed);
  } else {
    publicKey = verifierKeyParts(witness.verifierKey).publicKey;
    signature = witness.sign(msg);
  }
  const stamped = new Uint8Array(8 + signature.length);
  new DataView(stamped.buffer).setBigUint64(0, BigInt(timestamp));
  stamped.set(signature, 8);
  return formatSignatureLine({ name: witness.name, keyHash: keyHash(witness.name, COSIGNATURE_V1_TYPE, publicKey), signature: stamped });
}

/** The vkey string (type 0x04) a log client is configured with for this witness. */
export function witnessVerifierKey(name: string, publicKey: Uint8Array): string {
  if (publicKey.length !== 32) throw new RangeError(`an Ed25519 public key is 32 bytes, got ${publicKey.length}`);
  return formatVerifierKey(name, COSIGNATURE_V1_TYPE, publicKey);
}

/** Checks one cosignature line over a checkpoint body; throws LogVerificationError saying why not. */
export function verifyCosignature(checkpointBody: string, line: string, witnessKey: string): { timestamp: number } {
  const verifier = parseVerifierKey(witnessKey);
  const label = `${verifier.name}+${verifier.keyHash.toString(16).padStart(8, '0')}`;
  if (verifierKeyParts(witnessKey).type !== COSIGNATURE_V1_TYPE) {
    throw new LogVerificationError('malformed', `${label} is not a cosignature (type 0x04) key`);
  }
  const sig = parseSignatureLine(line.endsWith('\n') ? line.slice(0, -1) : line);
  if (sig.name !== verifier.name || sig.keyHash !== verifier.keyHash) {
    throw new LogVerificationError(
      'unknown_key',
      `cosignature is by ${sig.name}+${sig.keyHash.toString(16).padStart(8, '0')}, expected ${label}`,
    );
  }
  if (sig.signature.length !== 72)
    throw new LogVerificationError('malformed', `cosignature by ${label} is ${sig.signature.length} bytes, expected 72`);
  if (!verifier.verify(utf8(checkpointBody), sig.signature)) {
    throw new LogVerificationError('bad_signature', `cosignature by ${label} does not verify over this checkpoint`);
  }
  const timestamp = Number(new DataView(sig.signature.buffer, sig.signature.byteOffset, 8).getBigUint64(0));
  return { timestamp };
}
