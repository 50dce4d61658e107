/**
 * C2SP tlog-witness, the add-checkpoint exchange, as pure functions: the request body both
 * sides write and read, and the witness's decision, so the HTTP handler only loads state,
 * stores what the decision says (atomically with its old-size check) and answers.
 *
 * Request body:
 *     old <size>\n
 *     <base64 consistency proof hash>\n      (0 to 63 lines)
 *     \n
 *     <checkpoint note, with one or more signature lines>
 */
import { parseCheckpoint } from './checkpoint.ts';
import { cosignCheckpoint, verifyCosignature } from './cosignature.ts';
import { LogVerificationError } from './errors.ts';
import { HASH_SIZE, bytesEqual, fromBase64, toBase64 } from './hash.ts';
import { verifyConsistency } from './merkle.ts';
import { openNote, parseVerifierKey, signatureLines, splitNote } from './note.ts';
import type { Signer } from './note.ts';
import { CaravanError } from '../core/errors.ts';

export const MAX_PROOF_HASHES = 63;
/** What a 409 answer carries when the old size is not the one the witness holds. */
export const TLOG_SIZE_CONTENT_TYPE = 'text/x.tlog.size';

export interface AddCheckpointRequest {
  oldSize: number;
  proof: Uint8Array[];
  /** The signed checkpoint note, exactly as sent. */
  note: string;
}

/** A request body that does not follow the format; the message names what is wrong. */
export class WitnessRequestError extends CaravanError {
  override name = 'WitnessRequestError';
  constructor(message: string) {
    super('bad_request', message);
  }
}

const DECIMAL = /^(0|[1-9][0-9]*)$/;

export function formatAddCheckpointRequest(req: AddCheckpointRequest): string {
  if (!Number.isSafeInteger(req.oldSize) || req.oldSize < 0) throw new RangeError(`old size ${req.oldSize} is not a non-negative integer`);
  if (req.proof.length > MAX_PROOF_HASHES)
    throw new RangeError(`a consistency proof has at most ${MAX_PROOF_HASHES} hashes, got ${req.proof.length}`);
  return `old ${req.oldSize}\n${req.proof.map((h) => `${toBase64(h)}\n`).join('')}\n${req.note}`;
}

/** Parses a request body strictly; throws WitnessRequestError naming the first problem. */
export function parseAddCheckpointRequest(body: string): AddCheckpointRequest {
  const bad = (message: string) => new WitnessRequestError(message);
  const firstEnd = body.indexOf('\n');
  if (firstEnd < 0) throw bad('the body must start with a line "old <size>"');
  const first = body.slice(0, firstEnd);
  if (!first.startsWith('old ')) throw bad(`the first line must be "old <size>", got ${JSON.stringify(first.slice(0, 40))}`);
  const sizeText = first.slice(4);
  if (!DECIMAL.test(sizeText)) throw bad(`old size ${JSON.stringify(sizeText.slice(0, 40))} is not a decimal number without leading zeros`);
  const oldSize = Number(sizeText);
  if (!Number.isSafeInteger(oldSize)) throw bad(`old size ${sizeText.slice(0, 40)} is too large`);
  const proof: Uint8Array[] = [];
  let at = firstEnd + 1;
  for (;;) {
    const end = body.indexOf('\n', at);
    if (end < 0) throw bad('the body has no empty line between the consistency proof and the checkpoint');
    const line = body.slice(at, end);
    at = end + 1;
    if (line === '') break;
    if (proof.length === MAX_PROOF_HASHES) throw bad(`the consistency proof has more than ${MAX_PROOF_HASHES} lines`);
    let hash: Uint8Array;
    try {
      hash = fromBase64(line);
    } catch (error) {
      throw bad(`consistency proof line ${proof.length + 1}: ${(error as Error).message}`);
    }
    if (hash.length !== HASH_SIZE) throw bad(`consistency proof line ${proof.length + 1} is ${hash.length} bytes, not ${HASH_SIZE}`);
    proof.push(hash);
  }
  const note = body.slice(at);
  if (note === '') throw bad('the checkpoint after the empty line is missing');
  if (note.startsWith('\n')) throw bad('there is more than one empty line before the checkpoint');
  // Checked before anything looks the origin up: a NUL in it is malformed, not a question for the store.
  try {
    splitNote(note);
  } catch (error) {
    throw bad(`the checkpoint note is malformed: ${(error as Error).message}`);
  }
  return { oldSize, proof, note };
}

/** The origin line of the note, unverified: only to find which log key to check it with. */
export function claimedOrigin(note: string): string {
  return note.slice(0, Math.max(0, note.indexOf('\n')));
}

/** What the witness holds for one log: the latest checkpoint it cosigned. */
export interface WitnessedCheckpoint {
  size: number;
  root: Uint8Array;
}

export type AddCheckpointOutcome =
  | { status: 400 | 403 | 404 | 422; message: string }
  /** The old size is not the witness's: the body tells the client which size to prove from. */
  | { status: 409; message: string; latestSize: number }
  /** Same size as the one cosigned, different root: a fork. */
  | { status: 409; message: string; latestSize?: undefined }
  | {
      status: 200;
      /** To store only if the stored size is still `oldSize`; otherwise answer 409 with the new one. */
      persist: { origin: string; oldSize: number; size: number; root: Uint8Array; note: string };
      /** The cosignature line, without its newline. */
      cosignature: string;
    };

export interface AddCheckpointInput {
  request: AddCheckpointRequest;
  /** The verifier keys (type 0x01) trusted for the note's origin; empty when the origin is unknown. */
  logKeys: readonly string[];
  /** The latest checkpoint cosigned for that origin, if any. */
  latest: WitnessedCheckpoint | undefined;
  witness: Signer;
  /** Now, in POSIX seconds. */
  timestamp: number;
}

/** The witness's whole decision on one add-checkpoint request, in the order the spec checks. */
export function decideAddCheckpoint(input: AddCheckpointInput): AddCheckpointOutcome {
  const { request } = input;
  const origin = claimedOrigin(request.note);
  if (input.logKeys.length === 0)
    return { status: 404, message: `this witness does not follow a log with origin ${JSON.stringify(origin.slice(0, 200))}` };
  let text: string;
  try {
    const verifiers = input.logKeys.map((k) => parseVerifierKey(k));
    text = openNote(request.note, verifiers).text;
  } catch (error) {
    if (error instanceof LogVerificationError && (error.code === 'malformed' || error.code === 'too_large')) {
      return { status: 400, message: `the checkpoint note is malformed: ${error.message}` };
    }
    return { status: 403, message: `the checkpoint is not signed by the key this witness trusts for ${origin}` };
  }
  let checkpoint: ReturnType<typeof parseCheckpoint>;
  try {
    checkpoint = parseCheckpoint(text);
  } catch (error) {
    return { status: 400, message: (error as Error).message };
  }
  if (checkpoint.origin !== origin) return { status: 400, message: 'the checkpoint origin does not match its first line' };
  const old = request.oldSize;
  if (old > checkpoint.size) return { status: 400, message: `old size ${old} is larger than the checkpoint size ${checkpoint.size}` };
  const latestSize = input.latest?.size ?? 0;
  if (old !== latestSize)
    return { status: 409, message: `old size ${old} is not ${latestSize}, the size last cosigned for ${origin}`, latestSize };
  if (old === 0) {
    if (request.proof.length > 0) return { status: 422, message: 'a consistency proof from size 0 must be empty' };
  } else if (old === checkpoint.size) {
    if (request.proof.length > 0) return { status: 422, message: `a consistency proof between equal sizes ${old} must be empty` };
    if (!bytesEqual(input.latest!.root, checkpoint.root)) {
      return {
        status: 409,
        message: `the checkpoint has size ${old} like the one cosigned before, but a different root: ${origin} forked`,
      };
    }
  } else {
    try {
      verifyConsistency(old, checkpoint.size, input.latest!.root, checkpoint.root, request.proof);
    } catch (error) {
      return {
        status: 422,
        message: `the consistency proof from ${old} to ${checkpoint.size} does not verify: ${(error as Error).message}`,
      };
    }
  }
  return {
    status: 200,
    persist: { origin, oldSize: old, size: checkpoint.size, root: checkpoint.root, note: request.note },
    cosignature: cosignCheckpoint(text, input.witness, input.timestamp),
  };
}

/** The lines of a 200 answer that verify as cosignatures by `witnessKey` over the note's body. */
export function cosignaturesFrom(answer: string, note: string, witnessKey: string): string[] {
  const { text } = openNoteText(note);
  const found: string[] = [];
  for (const line of answer.split('\n')) {
    if (line === '') continue;
    try {
      verifyCosignature(text, line, witnessKey);
      found.push(line);
    } catch {
      // Another key's line, or garbage: the spec tells clients to ignore it.
    }
  }
  return found;
}

function openNoteText(note: string): { text: string } {
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new LogVerificationError('malformed', 'note has no blank line before its signatures');
  return { text: note.slice(0, split + 1) };
}

/**
 * How many of `witnessKeys` (type 0x04 vkeys) have a valid cosignature on the note; each key
 * counts once, malformed keys and lines count for nothing.
 */
export function countCosignatures(note: string, witnessKeys: readonly string[]): number {
  let lines: string[];
  try {
    lines = signatureLines(note);
  } catch {
    return 0;
  }
  const { text } = openNoteText(note);
  let count = 0;
  for (const key of new Set(witnessKeys)) {
    const valid = lines.some((line) => {
      try {
        verifyCosignature(text, line, key);
        return true;
      } catch {
        return false;
      }
    });
    if (valid) count++;
  }
  return count;
}
