/**
 * C2SP tlog-checkpoint v1.0.0: the note body a log signs.
 *
 *     <origin>\n<decimal tree size>\n<base64 root hash>\n[<extension line>\n]...
 */
import { LogVerificationError } from './errors.ts';
import { HASH_SIZE, fromBase64, toBase64 } from './hash.ts';

export interface Checkpoint {
  /** Unique identity of the log: the chronicle's public URL without scheme. */
  origin: string;
  size: number;
  root: Uint8Array;
  /** Further non-empty lines, signed with the rest but given no meaning here. */
  extensions: string[];
}

const DECIMAL = /^(0|[1-9][0-9]*)$/;

function malformed(message: string): LogVerificationError {
  return new LogVerificationError('malformed', `checkpoint: ${message}`);
}

export function formatCheckpoint(cp: Checkpoint): string {
  if (cp.origin === '' || /[\n\r]/.test(cp.origin)) throw malformed('origin must be one non-empty line');
  if (!Number.isSafeInteger(cp.size) || cp.size < 0) throw malformed(`size ${cp.size} is not a non-negative integer`);
  if (cp.root.length !== HASH_SIZE) throw malformed(`root is ${cp.root.length} bytes, not ${HASH_SIZE}`);
  for (const line of cp.extensions)
    if (line === '' || /[\n\r]/.test(line)) throw malformed('extension lines must be single non-empty lines');
  return [cp.origin, String(cp.size), toBase64(cp.root), ...cp.extensions].map((line) => `${line}\n`).join('');
}

/** Parses a checkpoint note body (the text of a signed note, ending with a newline), strictly. */
export function parseCheckpoint(body: string): Checkpoint {
  if (!body.endsWith('\n')) throw malformed('does not end with a newline');
  const lines = body.slice(0, -1).split('\n');
  if (lines.length < 3) throw malformed(`has ${lines.length} lines, needs origin, size and root`);
  const [origin, sizeText, rootText, ...extensions] = lines as [string, string, string, ...string[]];
  if (origin === '') throw malformed('origin line is empty');
  if (!DECIMAL.test(sizeText)) throw malformed(`size ${JSON.stringify(sizeText)} is not a decimal number without leading zeros`);
  const size = Number(sizeText);
  if (!Number.isSafeInteger(size)) throw new LogVerificationError('too_large', `checkpoint: size ${sizeText} is too large`);
  let root: Uint8Array;
  try {
    root = fromBase64(rootText);
  } catch (error) {
    throw malformed(`root hash ${JSON.stringify(rootText)}: ${(error as Error).message}`);
  }
  if (root.length !== HASH_SIZE) throw malformed(`root hash is ${root.length} bytes, not ${HASH_SIZE}`);
  extensions.forEach((line, i) => {
    if (line === '') throw malformed(`extension line ${i + 1} is empty`);
  });
  return { origin, size, root, extensions };
}
