/**
 * The log's signing key: a C2SP signed-note Ed25519 signer key in `<dataDir>/keys/log.key`,
 * readable by its owner only. Its name is the log's origin as it was when the key was made, and
 * stays the origin for the log's life; readers check checkpoints with the verifier key.
 */
import { ConflictError, NotFoundError } from '../../core/errors.ts';
import { type Signer, generateSignerKey, parseSignerKey } from '../../log/note.ts';
import { createKeyFile, keyFilePath, readKeyFile } from './key-file.ts';

export type LogSigner = Signer;

/** The chronicle's address without scheme: `https://chronicle.example.org/kz` → `chronicle.example.org/kz`. */
export function publicAddress(publicUrl: string): string {
  return publicUrl.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/+$/, '');
}

/**
 * The origin a new log gets: its tlog-tiles URL prefix without scheme (`chronicle.example.org/log`),
 * as C2SP tlog-tiles recommends. Logs made before keep the origin their key was named with
 * (the bare address); see logOriginOf.
 */
export function logOrigin(publicUrl: string): string {
  return `${publicAddress(publicUrl)}/log`;
}

/**
 * The origin this log's checkpoints carry: the one it already signed, if any, so no existing log
 * changes identity; otherwise its key's name.
 */
export function logOriginOf(signer: Pick<LogSigner, 'name'>, lastCheckpointNote?: string): string {
  const signed = lastCheckpointNote?.split('\n', 1)[0];
  return signed || signer.name;
}

export function logKeyPath(dataDir: string): string {
  return keyFilePath(dataDir, 'log.key');
}

/**
 * Creates a new key file; refuses to replace one, since a replaced key makes every checkpoint
 * signed so far unverifiable for readers who trusted the old verifier key.
 */
export async function createLogKey(dataDir: string, name: string): Promise<LogSigner> {
  const file = logKeyPath(dataDir);
  const { signerKey } = generateSignerKey(name);
  if (!(await createKeyFile(file, signerKey))) throw new ConflictError(`${file} already exists; a log key is never replaced`);
  return parseSignerKey(signerKey);
}

/** Reads the key file; NotFoundError when there is none yet. */
export async function readLogKey(dataDir: string): Promise<LogSigner> {
  const file = logKeyPath(dataDir);
  const text = await readKeyFile(file);
  if (text === undefined) throw new NotFoundError(`log key ${file}`);
  try {
    return parseSignerKey(text);
  } catch (err) {
    throw new Error(`${file} does not hold a signer key: ${(err as Error).message}`);
  }
}

/** The key the server signs with: read, or created on first start with the origin as its name. */
export async function loadLogSigner(dataDir: string, publicUrl: string): Promise<LogSigner> {
  try {
    return await readLogKey(dataDir);
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
  }
  try {
    return await createLogKey(dataDir, logOrigin(publicUrl));
  } catch (err) {
    // Another process created it first: use theirs.
    if (err instanceof ConflictError) return readLogKey(dataDir);
    throw err;
  }
}

/** An in-memory key for tests and tools that never sign anything lasting. */
export function ephemeralLogSigner(publicUrl: string): LogSigner {
  return parseSignerKey(generateSignerKey(logOrigin(publicUrl)).signerKey);
}
