/**
 * Following another chronicle: fetch its checkpoint, verify everything new against it and
 * against the tree already verified, and only then store entries, tiles, checkpoint and read
 * model in one transaction. Downloads wait in a staging table so an interrupted sync resumes
 * where it stopped; a checkpoint that contradicts verified history is refused and kept, with
 * the one it contradicts, as evidence.
 */
import type { Checkpoint } from '../log/checkpoint.ts';
import { decodeLogEntry } from '../log/entry.ts';
import { LogVerificationError } from '../log/errors.ts';
import { fromBase64, fromUtf8, toBase64 } from '../log/hash.ts';
import { TILE_WIDTH, bundlesForSize, decodeEntryBundle, entriesPath } from '../log/tiles.ts';
import { verifyTiledLog } from '../log/verify-log.ts';
import type { Db, Queryable } from '../store/db.ts';
import {
  type MirrorEntry,
  type MirrorRow,
  clearStaging,
  commitMirrorSync,
  getMirror,
  getMirrorTile,
  getStaged,
  insertMirror,
  insertMirrorAlarm,
  listMirrorEntryData,
  putStaged,
  recordMirrorCheck,
} from '../store/mirrors.ts';
import { compareCheckpoint, openCheckpoint } from './checkpoint-note.ts';
import { copyMirrorMedia } from './media-sync.ts';
import { discoverVerifierKey } from './discover.ts';
import { refreshMirrorWitnesses } from './witness-list.ts';
import { type FetchLike, type LogSource, type TransferCounter, SourceUnavailableError, httpSource, logRootUrl, pinCheckpoint } from './sources.ts';

export interface MirrorDeps {
  db: Db;
  now(): Date;
  /** The transport; tests wrap it to cut a sync short. */
  fetch?: FetchLike;
  counter?: TransferCounter;
  timeoutMs?: number;
  attempts?: number;
  retryDelayMs?: number;
}

export type SyncOutcome =
  | { status: 'updated'; origin: string; from: number; size: number; root: string }
  | { status: 'unchanged'; origin: string; size: number; root: string }
  /** The origin presented history that contradicts or rolls back what was verified. */
  | { status: 'refused'; origin: string; reason: 'fork' | 'rollback'; message: string }
  /** Nothing could be verified this time (unreachable, malformed, bad signature). */
  | { status: 'failed'; origin: string; message: string };

export class MirrorError extends Error {
  override name = 'MirrorError';
  readonly code = 'mirror';
}

function sourceFor(deps: MirrorDeps, logUrl: string): LogSource {
  const options: Parameters<typeof httpSource>[1] = {};
  if (deps.fetch) options.fetch = deps.fetch;
  if (deps.counter) options.counter = deps.counter;
  if (deps.timeoutMs !== undefined) options.timeoutMs = deps.timeoutMs;
  if (deps.attempts !== undefined) options.attempts = deps.attempts;
  if (deps.retryDelayMs !== undefined) options.retryDelayMs = deps.retryDelayMs;
  return httpSource(logUrl, options);
}

/**
 * Follows the chronicle at `url`. Without `key`, the key is read from the chronicle's own /log
 * page: trust on first use, which the caller must say out loud.
 */
export async function addMirror(deps: MirrorDeps, url: string, key?: string): Promise<{ origin: string; key: string; discovered: boolean; size: number }> {
  const logUrl = logRootUrl(url);
  const source = sourceFor(deps, logUrl);
  const note = await source.read('checkpoint');
  if (!note) throw new MirrorError(`${logUrl}checkpoint does not exist: is ${url} a Caravan chronicle?`);
  const verifierKey = key ?? (await discoverVerifierKey(logUrl, fromUtf8(note), deps.fetch));
  const cp = openCheckpoint(note, verifierKey);
  const existing = await getMirror(deps.db, cp.origin);
  if (existing && existing.verifier_key !== verifierKey) {
    throw new MirrorError(`${cp.origin} is already followed with another key (${existing.verifier_key}); refusing to change it`);
  }
  await insertMirror(deps.db, { origin: cp.origin, logUrl, verifierKey, now: deps.now() });
  return { origin: cp.origin, key: verifierKey, discovered: key === undefined, size: cp.size };
}

/**
 * Reads through to the origin, keeping every download in staging and answering from what is
 * already verified or staged first. Remembers which staged or fetched paths it handed out.
 */
function resumableSource(db: Queryable, origin: string, remote: LogSource, checkpoint: Uint8Array, useVerified: boolean) {
  const handedOut = new Map<string, Uint8Array>();
  const source: LogSource = {
    description: remote.description,
    async read(path) {
      if (path === 'checkpoint') return checkpoint;
      const seen = handedOut.get(path);
      if (seen) return seen;
      if (useVerified) {
        const verified = await getMirrorTile(db, origin, path);
        if (verified) return verified;
      }
      let data = await getStaged(db, origin, path);
      if (!data) {
        data = await remote.read(path);
        if (!data) return undefined;
        await putStaged(db, origin, path, data);
      }
      handedOut.set(path, data);
      return data;
    },
  };
  return { source, handedOut };
}

const DATA_PROBLEMS = new Set(['root_mismatch', 'tile_mismatch', 'entry_mismatch', 'inconsistent', 'malformed', 'missing', 'too_large']);

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Syncs one followed chronicle once, from its log URL or from `source` (a bundle carried by
 * hand). Never throws for what the origin does; says it in the outcome.
 */
export async function syncMirror(deps: MirrorDeps, origin: string, source?: LogSource): Promise<SyncOutcome> {
  const outcome = await syncMirrorLog(deps, origin, source);
  // Media named by verified entries come from the origin's /media/; a bundle brings its own.
  if (!source && (outcome.status === 'updated' || outcome.status === 'unchanged')) await copyMirrorMedia(deps, origin);
  if (!source && outcome.status === 'updated') await refreshMirrorWitnesses(deps, origin, { fetchList: true });
  return outcome;
}

async function syncMirrorLog(deps: MirrorDeps, origin: string, source?: LogSource): Promise<SyncOutcome> {
  const m = await getMirror(deps.db, origin);
  if (!m) throw new MirrorError(`${origin} is not followed; add it with "caravan mirror add <url>"`);
  const fail = async (message: string): Promise<SyncOutcome> => {
    await recordMirrorCheck(deps.db, origin, deps.now(), message);
    return { status: 'failed', origin, message };
  };
  const remote = source ?? sourceFor(deps, m.log_url);
  let note: Uint8Array | undefined;
  let cp: Checkpoint;
  try {
    note = await remote.read('checkpoint');
    if (!note) return await fail(`${source ? `${source.description}: ` : m.log_url}checkpoint does not exist`);
    cp = openCheckpoint(note, m.verifier_key, origin);
  } catch (err) {
    return fail(describe(err));
  }
  const noteText = fromUtf8(note);
  const refuse = async (reason: 'fork' | 'rollback', message: string): Promise<SyncOutcome> => {
    if (reason === 'fork') {
      await insertMirrorAlarm(deps.db, {
        origin,
        kind: 'fork',
        now: deps.now(),
        message,
        verifiedCheckpoint: m.checkpoint ?? '',
        presentedCheckpoint: noteText,
      });
      await clearStaging(deps.db, origin);
    }
    await recordMirrorCheck(deps.db, origin, deps.now(), message);
    return { status: 'refused', origin, reason, message };
  };

  if (m.size > 0 && m.root) {
    const cmp = await compareCheckpoint(cp, { size: m.size, root: m.root }, () => listMirrorEntryData(deps.db, origin, 0, cp.size));
    if (cmp.kind === 'same') {
      if (noteText !== m.checkpoint) await refreshMirrorWitnesses(deps, origin, { sameCheckpoint: { size: m.size, note: noteText }, fetchList: !source });
      await recordMirrorCheck(deps.db, origin, deps.now());
      return { status: 'unchanged', origin, size: m.size, root: m.root };
    }
    if (cmp.kind === 'fork') return refuse('fork', `FORK: ${cmp.message}`);
    if (cmp.kind === 'older') {
      return refuse('rollback', `refused a replayed older checkpoint: size ${cp.size}, but ${m.size} entries were already verified`);
    }
  } else if (cp.size === 0) {
    return commit(deps, m, noteText, cp);
  }

  const previous = m.size > 0 && m.root ? { size: m.size, root: fromBase64(m.root) } : undefined;
  const first = resumableSource(deps.db, origin, remote, note, true);
  try {
    await verifyTiledLog(first.source, { verifierKey: m.verifier_key, origin, ...(previous ? { previous } : {}) });
    return await commit(deps, m, noteText, cp, first);
  } catch (err) {
    if (err instanceof SourceUnavailableError) return fail(`${describe(err)}; downloads so far are kept for the next try`);
    if (!(err instanceof LogVerificationError) || !DATA_PROBLEMS.has(err.code)) return fail(describe(err));
    // Unverified downloads may be what is wrong; the next try starts afresh.
    await clearStaging(deps.db, origin);
    if (!previous) return fail(describe(err));
    // The old part came from our own verified copy. Verify the origin's log on its own to tell
    // a broken download from a history that no longer contains what we verified.
    const alone = resumableSource(deps.db, origin, remote, note, false);
    try {
      await verifyTiledLog(alone.source, { verifierKey: m.verifier_key, origin, previous });
      return await commit(deps, m, noteText, cp, alone);
    } catch (err2) {
      if (err2 instanceof SourceUnavailableError) return fail(`${describe(err2)}; downloads so far are kept for the next try`);
      await clearStaging(deps.db, origin);
      if (err2 instanceof LogVerificationError && err2.code === 'inconsistent') return refuse('fork', `FORK: ${err2.message}`);
      return fail(describe(err));
    }
  }
}

/** The entries from `from` to `to` out of the bundles the verification read. */
async function readEntries(source: LogSource, from: number, to: number): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const { index, width } of bundlesForSize(to)) {
    const start = index * TILE_WIDTH;
    if (start + width <= from) continue;
    const partial = width < TILE_WIDTH;
    let bytes = await source.read(entriesPath(index, width));
    let count = width;
    if (!bytes && partial) {
      bytes = await source.read(entriesPath(index));
      count = TILE_WIDTH;
    }
    if (!bytes) throw new MirrorError(`${entriesPath(index, width)} vanished after verification`);
    const entries = decodeEntryBundle(bytes, count).slice(0, width);
    for (let i = Math.max(0, from - start); i < width; i++) out.push(entries[i]!);
  }
  return out;
}

/**
 * Decodes the new entries (a log that verifies but holds something other than Caravan entries
 * is refused as a whole) and stores everything in one transaction, unless another process
 * stored a sync of this mirror meanwhile.
 */
async function commit(
  deps: MirrorDeps,
  m: MirrorRow,
  note: string,
  cp: Checkpoint,
  verified?: { source: LogSource; handedOut: Map<string, Uint8Array> },
): Promise<SyncOutcome> {
  const newEntries = verified ? await readEntries(verified.source, m.size, cp.size) : [];
  if (newEntries.length !== cp.size - m.size) throw new MirrorError(`read ${newEntries.length} new entries for a tree growing from ${m.size} to ${cp.size}`);
  const tilePaths = verified ? [...verified.handedOut.keys()] : [];
  const entries: MirrorEntry[] = [];
  for (let idx = m.size; idx < cp.size; idx++) {
    const data = newEntries[idx - m.size]!;
    let e;
    try {
      e = decodeLogEntry(data);
    } catch (err) {
      await clearStaging(deps.db, m.origin);
      await recordMirrorCheck(deps.db, m.origin, deps.now(), `entry ${idx}: ${describe(err)}`);
      return { status: 'failed', origin: m.origin, message: `entry ${idx}: ${describe(err)}` };
    }
    const entry: MirrorEntry = { idx, data, type: e.type, eventId: e.event, revision: e.revision, at: e.at };
    if (e.note !== undefined) entry.note = e.note;
    if (e.record !== undefined) entry.record = e.record;
    entries.push(entry);
  }
  const root = toBase64(cp.root);
  const stored = await deps.db.transaction(async (tx) => {
    const [row] = await tx.query<{ size: number }>('select size from mirrors where origin = $1 for update', [m.origin]);
    if (row?.size !== m.size) return false;
    await commitMirrorSync(tx, { origin: m.origin, checkpoint: note, size: cp.size, root, entries, tilePaths, now: deps.now() });
    return true;
  });
  if (!stored) return { status: 'unchanged', origin: m.origin, size: m.size, root: m.root ?? '' };
  return { status: 'updated', origin: m.origin, from: m.size, size: cp.size, root };
}
