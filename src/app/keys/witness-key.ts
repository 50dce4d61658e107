/**
 * The witness key: an Ed25519 seed in `<dataDir>/keys/witness.key`, readable by its owner only,
 * kept in the signed-note signer key format. Cosignatures are timestamped (tlog-cosignature
 * v1), so the key readers configure is the type 0x04 vkey of the same public key. Witnessing
 * is on when this file exists.
 */
import { CaravanError, ConflictError, NotFoundError } from '../../core/errors.ts';
import { witnessVerifierKey } from '../../log/cosignature.ts';
import { type Signer, generateSignerKey, isValidKeyName, parseSignerKey, verifierKeyParts } from '../../log/note.ts';
import { publicAddress } from './log-key.ts';
import { createKeyFile, keyFilePath, readKeyFile } from './key-file.ts';

export interface WitnessKey {
  name: string;
  signer: Signer;
  /** The vkey (type 0x04) logs and verifiers are configured with. */
  verifierKey: string;
}

export function witnessKeyPath(dataDir: string): string {
  return keyFilePath(dataDir, 'witness.key');
}

/** "<public host and path>/witness": unique per chronicle, and a valid note key name. */
export function defaultWitnessName(publicUrl: string): string {
  return `${publicAddress(publicUrl)}/witness`;
}

function witnessKeyOf(signerKey: string): WitnessKey {
  const signer = parseSignerKey(signerKey);
  return { name: signer.name, signer, verifierKey: witnessVerifierKey(signer.name, verifierKeyParts(signer.verifierKey).publicKey) };
}

/** Creates the key file; refuses to replace one (logs would stop accepting its cosignatures). */
export async function createWitnessKey(dataDir: string, name: string): Promise<WitnessKey> {
  if (!isValidKeyName(name)) throw new CaravanError('bad_request', `"${name}" is not a valid key name (no spaces, no "+")`);
  const file = witnessKeyPath(dataDir);
  const { signerKey } = generateSignerKey(name);
  if (!(await createKeyFile(file, signerKey))) throw new ConflictError(`${file} already exists; a witness key is never replaced`);
  return witnessKeyOf(signerKey);
}

/** Reads the key file; NotFoundError when this chronicle is not a witness. */
export async function readWitnessKey(dataDir: string): Promise<WitnessKey> {
  const file = witnessKeyPath(dataDir);
  const text = await readKeyFile(file);
  if (text === undefined) throw new NotFoundError(`witness key ${file}`);
  try {
    return witnessKeyOf(text);
  } catch (err) {
    throw new Error(`${file} does not hold a signer key: ${(err as Error).message}`);
  }
}

/** The key, or undefined when there is none (witnessing off). */
export async function loadWitnessKey(dataDir: string): Promise<WitnessKey | undefined> {
  try {
    return await readWitnessKey(dataDir);
  } catch (err) {
    if (err instanceof NotFoundError) return undefined;
    throw err;
  }
}

/** An in-memory key for tests. */
export function ephemeralWitnessKey(name: string): WitnessKey {
  return witnessKeyOf(generateSignerKey(name).signerKey);
}
