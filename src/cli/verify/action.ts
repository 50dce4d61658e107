/**
 * `caravan verify`: checks a chronicle's log from wherever it is (its URL, a static copy in a
 * folder) against its signature, its own entries, and what this machine saw of it before.
 */
import { stat } from 'node:fs/promises';
import { decodeLogEntry } from '../../log/entry.ts';
import { LogVerificationError } from '../../log/errors.ts';
import { fromBase64, fromUtf8, toBase64 } from '../../log/hash.ts';
import { verifyTiledLog } from '../../log/verify-log.ts';
import { countCosignatures } from '../../log/witness.ts';
import { compareCheckpoint, openCheckpoint } from '../../app/mirror/checkpoint-note.ts';
import { discoverVerifierKey } from '../../app/mirror/discover.ts';
import { type KnownOrigin, knownOriginsPath, loadKnownOrigins, saveKnownOrigins } from '../../app/mirror/known-origins.ts';
import { bundleSource } from '../../app/mirror/bundle.ts';
import { type LogSource, folderSource, httpSource, logRootUrl, pinCheckpoint } from '../../app/mirror/sources.ts';
import type { Env } from '../command.ts';

export interface VerifyOptions {
  target: string;
  key?: string;
  /** Witness vkeys (type 0x04) and how many of them must have cosigned the checkpoint. */
  witnesses?: { keys: string[]; required: number };
  env: Env;
  now?: Date;
  /** Where messages go; tests collect them. */
  out?: (line: string) => void;
  err?: (line: string) => void;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

async function openSource(target: string): Promise<LogSource> {
  if (isUrl(target)) return httpSource(logRootUrl(target), { attempts: 3, timeoutMs: 60_000 });
  // A regular file is a bundle (`caravan bundle export`); its structure and media are checked as it is read.
  if ((await stat(target).catch(() => undefined))?.isFile()) return bundleSource(target);
  return folderSource(target);
}

/** The origin line of a checkpoint, unverified: only to look up which key to verify it with. */
function claimedOrigin(note: string): string {
  return note.split('\n', 1)[0] ?? '';
}

/** Verifies and prints one line; returns the exit code (0 verified, 1 something does not match). */
export async function verifyAction(o: VerifyOptions): Promise<number> {
  const out = o.out ?? ((l: string) => console.log(l));
  const err = o.err ?? ((l: string) => console.error(l));
  const now = o.now ?? new Date();
  const stateFile = knownOriginsPath(o.env);
  const fail = (message: string) => {
    err(`caravan verify: ${message}`);
    return 1;
  };

  let source: LogSource;
  let noteBytes: Uint8Array | undefined;
  try {
    source = await openSource(o.target);
    noteBytes = await source.read('checkpoint');
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
  if (!noteBytes) return fail(`${source.description}: there is no checkpoint`);
  let note: string;
  try {
    note = fromUtf8(noteBytes);
  } catch {
    return fail(`${source.description}: the checkpoint is not UTF-8`);
  }

  const known = await loadKnownOrigins(stateFile);
  const claimed = claimedOrigin(note);
  const remembered: KnownOrigin | undefined = known[claimed];
  let key = o.key ?? remembered?.key;
  let firstUse = false;
  if (!key) {
    if (!isUrl(o.target)) return fail(`no verifier key is known for "${claimed}"; pass it with --key <vkey>`);
    try {
      key = await discoverVerifierKey(source.description, note);
    } catch (e) {
      return fail(e instanceof Error ? e.message : String(e));
    }
    firstUse = true;
  }
  if (remembered && remembered.key !== key) {
    return fail(
      `${claimed}: key ${key} is not the key first seen for this origin (${remembered.key}, last used ${remembered.seenAt}); if the chronicle really changed its key, remove it from ${stateFile}`,
    );
  }

  try {
    const cp = openCheckpoint(note, key);
    if (remembered) {
      const cmp = await compareCheckpoint(cp, { size: remembered.size, root: remembered.root });
      if (cmp.kind === 'fork') return fail(`${cp.origin}: FORK: ${cmp.message} (seen ${remembered.seenAt})`);
      if (cmp.kind === 'older') {
        return fail(
          `${cp.origin}: checkpoint of size ${cp.size} is older than the ${remembered.size} entries verified on ${remembered.seenAt}: a replayed or rolled-back checkpoint`,
        );
      }
    }
    const previous = remembered && remembered.size > 0 ? { size: remembered.size, root: fromBase64(remembered.root) } : undefined;
    const verifying = pinCheckpoint(source, noteBytes);
    // Entries are decoded as they are hashed, so each bundle is fetched once.
    let badEntry: string | undefined;
    const onEntry = (index: number, entry: Uint8Array) => {
      if (badEntry) return;
      try {
        decodeLogEntry(entry);
      } catch (e) {
        badEntry = `entry ${index} is not a Caravan log entry: ${(e as Error).message}`;
      }
    };
    await verifyTiledLog(verifying, {
      verifierKey: key,
      origin: cp.origin,
      onEntry,
      ...(previous ? { previous } : {}),
      ...(o.witnesses ? { witnesses: o.witnesses } : {}),
    });
    if (badEntry) return fail(`${cp.origin}: ${badEntry}`);
    const root = toBase64(cp.root);
    known[cp.origin] = { key, source: source.description, size: cp.size, root, checkpoint: note, seenAt: now.toISOString() };
    await saveKnownOrigins(stateFile, known);
    let summary = `verified ${cp.origin}: ${cp.size} entries, root ${root}`;
    if (remembered) summary += `, consistent with the ${remembered.size} seen on ${remembered.seenAt}`;
    if (o.witnesses)
      summary += `, cosigned by ${countCosignatures(note, o.witnesses.keys)} of the ${new Set(o.witnesses.keys).size} witnesses given`;
    out(summary);
    if (firstUse) {
      err(
        `caravan verify: first time seeing ${cp.origin}; trusting its key on first use:\n  ${key}\nThis key came from the chronicle's own server. Compare it with one the chronicle published elsewhere (print, social media, a friend's copy); later runs will refuse any other key. Remembered in ${stateFile}.`,
      );
    }
    return 0;
  } catch (e) {
    if (e instanceof LogVerificationError) return fail(`${claimed}: ${e.message}`);
    return fail(e instanceof Error ? e.message : String(e));
  }
}
