/**
 * Reading a signed checkpoint before anything else is fetched: is it signed by the key we
 * trust, for the origin we follow, and how does it compare to the tree we already verified.
 */
import { type Checkpoint, parseCheckpoint } from '../../log/checkpoint.ts';
import { fromBase64, fromUtf8, toBase64, bytesEqual } from '../../log/hash.ts';
import { leafHash, rootOf } from '../../log/merkle.ts';
import { openNote, parseVerifierKey } from '../../log/note.ts';
import { LogVerificationError } from '../../log/errors.ts';

/** Verifies the note's signature with `verifierKey` and parses its body. */
export function openCheckpoint(note: Uint8Array | string, verifierKey: string, expectedOrigin?: string): Checkpoint {
  let text: string;
  try {
    text = typeof note === 'string' ? note : fromUtf8(note);
  } catch {
    throw new LogVerificationError('malformed', 'checkpoint is not UTF-8');
  }
  const opened = openNote(text, [parseVerifierKey(verifierKey)]);
  const cp = parseCheckpoint(opened.text);
  if (expectedOrigin !== undefined && cp.origin !== expectedOrigin) {
    throw new LogVerificationError('origin_mismatch', `checkpoint is for origin "${cp.origin}", not "${expectedOrigin}"`);
  }
  return cp;
}

/** Root hash of the first `entries.length` entries. */
export function rootOfEntries(entries: readonly Uint8Array[]): Uint8Array {
  return rootOf(entries.map((e) => leafHash(e)));
}

export interface KnownTree {
  size: number;
  /** base64 */
  root: string;
}

export type Comparison =
  | { kind: 'same' }
  | { kind: 'grown' }
  /** Consistent but smaller: a replayed older checkpoint. */
  | { kind: 'older' }
  /** Contradicts the known tree: a fork or a rewritten history. */
  | { kind: 'fork'; message: string };

/**
 * Compares a presented checkpoint with the known tree. A larger one needs the entries to
 * decide (the caller verifies them); an equal size must have the same root; a smaller one is
 * checked against `prefixEntries`, the known tree's first entries, when given.
 */
export function compareCheckpoint(
  presented: Checkpoint,
  known: KnownTree,
  prefixEntries?: () => Promise<Uint8Array[]>,
): Promise<Comparison> | Comparison {
  const knownRoot = fromBase64(known.root);
  if (presented.size === known.size) {
    if (bytesEqual(presented.root, knownRoot)) return { kind: 'same' };
    return {
      kind: 'fork',
      message: `checkpoint of size ${presented.size} has root ${toBase64(presented.root)}, but the verified tree of that size has root ${known.root}`,
    };
  }
  if (presented.size > known.size) return { kind: 'grown' };
  if (!prefixEntries) return { kind: 'older' };
  return prefixEntries().then((entries): Comparison => {
    const root = rootOfEntries(entries);
    if (bytesEqual(root, presented.root)) return { kind: 'older' };
    return {
      kind: 'fork',
      message: `older checkpoint of size ${presented.size} has root ${toBase64(presented.root)}, but the first ${presented.size} verified entries have root ${toBase64(root)}`,
    };
  });
}
