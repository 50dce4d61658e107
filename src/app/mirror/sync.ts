/**
 * Following another chronicle: fetch its checkpoint, verify everything new against it and
 * against the tree already verified, and only then store entries, tiles, checkpoint and read
 * model in one transaction. Downloads wait in a staging table so an interrupted sync resumes
 * where it stopped; a checkpoint that contradicts verified history is refused and kept, with
 * the one it contradicts, as evidence.
 */
import type { Checkpoint } from '../../log/checkpoint.ts';
import { type LogEntry, decodeLogEntry } from '../../log/entry.ts';
import { LogVerificationError } from '../../log/errors.ts';
import { fromBase64, fromUtf8, toBase64 } from '../../log/hash.ts';
import { verifyTiledLog } from '../../log/verify-log.ts';
import type { Queryable } from '../../store/db.ts';
import {
  type MirrorEntry,
  type MirrorRow,
  appendMirrorEntries,
  clearStaging,
  finishMirrorSync,
  getMirror,
  getMirrorTile,
  getStaged,
  insertMirror,
  insertMirrorAlarm,
  listMirrorEntryData,
  lockMirror,
  putStaged,
  recordMirrorCheck,
  shownColumnsOf,
} from '../../store/mirrors.ts';
import { compareCheckpoint, openCheckpoint } from './checkpoint-note.ts';
import { copyMirrorMedia } from './media-sync.ts';
import { discoverVerifierKey } from './discover.ts';
import { refreshMirrorWitnesses } from './witness-list.ts';
import { type LogSource, type MirrorDeps, SourceUnavailableError, httpSource, logRootUrl } from './sources.ts';
import { CaravanError } from '../../core/errors.ts';

export type SyncOutcome =
  | { status: 'updated'; origin: string; from: number; size: number; root: string }
  | { status: 'unchanged'; origin: string; size: number; root: string }
  /** The origin presented history that contradicts or rolls back what was verified. */
  | { status: 'refused'; origin: string; reason: 'fork' | 'rollback'; message: string }
  /** Nothing could be verified this time (unreachable, malformed, bad signature). */
  | { status: 'failed'; origin: string; message: string };

/** What a caller loading a log of its own (a bundle) adds to a sync. */
export interface SyncOptions {
  /** Follow the chronicle from this sync on: its row is created in the transaction that stores the log. */
  create?: { logUrl: string; verifierKey: string };
  /** Sees every entry of the presented log, decoded, while it is verified: not trusted before the commit. */
  onEntry?: (index: number, entry: LogEntry) => void;
  /** Runs in the transaction that stores the sync; throwing rolls it all back and is thrown on. */
  inCommit?: (tx: Queryable) => Promise<void>;
}

/** Carries an error of `SyncOptions.inCommit` past the sync's own error handling. */
class CallerError extends Error {
  constructor(readonly original: unknown) {
    super('caller error');
  }
}

export class MirrorError extends CaravanError {
  override name = 'MirrorError';
  constructor(message: string) {
    super('mirror', message);
  }
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
export async function addMirror(
  deps: MirrorDeps,
  url: string,
  key?: string,
): Promise<{ origin: string; key: string; discovered: boolean; size: number }> {
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
export async function syncMirror(deps: MirrorDeps, origin: string, source?: LogSource, options: SyncOptions = {}): Promise<SyncOutcome> {
  let outcome: SyncOutcome;
  try {
    outcome = await syncMirrorLog(deps, origin, source, options);
  } catch (err) {
    throw err instanceof CallerError ? err.original : err;
  }
  // Media named by verified entries come from the origin's /media/; a bundle brings its own.
  if (!source && (outcome.status === 'updated' || outcome.status === 'unchanged')) await copyMirrorMedia(deps, origin);
  if (!source && outcome.status === 'updated') await refreshMirrorWitnesses(deps, origin, { fetchList: true });
  return outcome;
}

/** The row of a chronicle followed from this sync on, before it is stored. */
function newMirrorRow(origin: string, create: { logUrl: string; verifierKey: string }, now: Date): MirrorRow {
  return {
    origin,
    log_url: create.logUrl,
    verifier_key: create.verifierKey,
    added_at: now,
    size: 0,
    root: null,
    checkpoint: null,
    last_check_at: null,
    last_success_at: null,
    last_error: null,
    failures: 0,
  };
}

/** Entries handed on while a bundle is still being verified: about 6 MB at a time. */
const HAND_ON_EVERY = 5000;

/**
 * Decodes the entries verification hands over; the first that is not a Caravan entry is kept to
 * report. With `handOn`, entries leave in batches as they come.
 */
class EntryCollector {
  /** New entries not handed on yet. */
  entries: MirrorEntry[] = [];
  count = 0;
  problem: string | undefined;
  constructor(
    private readonly from: number,
    private readonly onEntry?: (index: number, entry: LogEntry) => void,
    private readonly handOn?: (entries: MirrorEntry[]) => void,
  ) {}
  readonly take = (idx: number, data: Uint8Array): void => {
    if (this.problem || (idx < this.from && !this.onEntry)) return;
    let e: LogEntry;
    try {
      e = decodeLogEntry(data);
    } catch (err) {
      this.problem = `entry ${idx}: ${describe(err)}`;
      return;
    }
    this.onEntry?.(idx, e);
    if (idx < this.from) return;
    const entry: MirrorEntry = { idx, data, type: e.type, eventId: e.event, revision: e.revision, at: e.at };
    if (e.note !== undefined) entry.note = e.note;
    if (e.record !== undefined) {
      try {
        entry.shown = shownColumnsOf(e.record);
      } catch (err) {
        this.problem = `entry ${idx}: ${describe(err)}`;
        return;
      }
    }
    this.count++;
    this.entries.push(entry);
    if (this.handOn && this.entries.length >= HAND_ON_EVERY) {
      this.handOn(this.entries);
      this.entries = [];
    }
  };
}

/** A verification problem found inside the transaction that was storing the log: it rolls back. */
class Unverifiable extends Error {}

async function syncMirrorLog(deps: MirrorDeps, origin: string, source: LogSource | undefined, options: SyncOptions): Promise<SyncOutcome> {
  const stored = await getMirror(deps.db, origin);
  if (!stored && !options.create) throw new MirrorError(`${origin} is not followed; add it with "caravan mirror add <url>"`);
  const m = stored ?? newMirrorRow(origin, options.create!, deps.now());
  // A bundle that does not verify says nothing about the origin: only online checks are recorded.
  const fail = async (message: string): Promise<SyncOutcome> => {
    if (!source) await recordMirrorCheck(deps.db, origin, deps.now(), message);
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
    // The origin's own address serving a signed checkpoint older than one it served before is
    // a rollback: someone hides entries from this mirror (or shows it a fork's past). A bundle
    // carried by hand is simply old; bundle-import.ts never brings one this far.
    if (reason === 'fork' || !source) {
      await insertMirrorAlarm(deps.db, {
        origin,
        kind: reason,
        now: deps.now(),
        message,
        verifiedCheckpoint: m.checkpoint ?? '',
        presentedCheckpoint: noteText,
      });
    }
    if (reason === 'fork') await clearStaging(deps.db, origin);
    await recordMirrorCheck(deps.db, origin, deps.now(), message);
    return { status: 'refused', origin, reason, message };
  };

  if (m.size > 0 && m.root) {
    const cmp = await compareCheckpoint(cp, { size: m.size, root: m.root }, () => listMirrorEntryData(deps.db, origin, 0, cp.size));
    if (cmp.kind === 'same') {
      if (noteText !== m.checkpoint)
        await refreshMirrorWitnesses(deps, origin, { sameCheckpoint: { size: m.size, note: noteText }, fetchList: !source });
      await recordMirrorCheck(deps.db, origin, deps.now());
      return { status: 'unchanged', origin, size: m.size, root: m.root };
    }
    if (cmp.kind === 'fork') return refuse('fork', `FORK: ${cmp.message}`);
    if (cmp.kind === 'older') {
      return refuse(
        'rollback',
        `ROLLBACK: refused a replayed older checkpoint: size ${cp.size}, but ${m.size} entries were already verified`,
      );
    }
  } else if (cp.size === 0) {
    return commit(deps, m, noteText, cp, options, { collector: new EntryCollector(m.size) }, fail);
  }

  const previous = m.size > 0 && m.root ? { size: m.size, root: fromBase64(m.root) } : undefined;
  const verify = async (from: LogSource) => {
    const collector = new EntryCollector(m.size, options.onEntry);
    await verifyTiledLog(from, { verifierKey: m.verifier_key, origin, onEntry: collector.take, ...(previous ? { previous } : {}) });
    return collector;
  };

  if (source) {
    // A file at hand: read once, straight from it, with nothing staged (there is no download to
    // resume), and stored while it is verified, in a transaction that rolls back unless all of it
    // verifies: the database works on its own thread (or server) while this one hashes.
    const files = new Map<string, Uint8Array>();
    const reading: LogSource = {
      description: source.description,
      async read(path) {
        if (path === 'checkpoint') return note;
        const data = await source.read(path);
        if (data) files.set(path, data);
        return data;
      },
    };
    try {
      return await deps.db.transaction(async (tx) => {
        if (!(await claimMirror(tx, deps, m, options))) return unchangedOutcome(m);
        const writes: Promise<void>[] = [];
        const collector = new EntryCollector(m.size, options.onEntry, (entries) => {
          const written = appendMirrorEntries(tx, m.origin, entries);
          written.catch(() => {}); // awaited below; a rollback follows anything thrown first
          writes.push(written);
        });
        await verifyTiledLog(reading, { verifierKey: m.verifier_key, origin, onEntry: collector.take, ...(previous ? { previous } : {}) });
        await Promise.all(writes);
        if (collector.problem) throw new Unverifiable(collector.problem);
        return storeVerified(tx, deps, m, noteText, cp, options, { collector, tiles: files });
      });
    } catch (err) {
      if (err instanceof CallerError) throw err;
      if (err instanceof Unverifiable) return fail(err.message);
      if (previous && err instanceof LogVerificationError && err.code === 'inconsistent') return refuse('fork', `FORK: ${err.message}`);
      return fail(describe(err));
    }
  }

  const first = resumableSource(deps.db, origin, remote, note, true);
  try {
    const collected = await verify(first.source);
    return await commit(deps, m, noteText, cp, options, { collector: collected, tilePaths: [...first.handedOut.keys()] }, fail);
  } catch (err) {
    if (err instanceof CallerError) throw err;
    if (err instanceof SourceUnavailableError) return fail(`${describe(err)}; downloads so far are kept for the next try`);
    if (!(err instanceof LogVerificationError) || !DATA_PROBLEMS.has(err.code)) return fail(describe(err));
    // Unverified downloads may be what is wrong; the next try starts afresh.
    await clearStaging(deps.db, origin);
    if (!previous) return fail(describe(err));
    // The old part came from our own verified copy. Verify the origin's log on its own to tell
    // a broken download from a history that no longer contains what we verified.
    const alone = resumableSource(deps.db, origin, remote, note, false);
    try {
      const collected = await verify(alone.source);
      return await commit(deps, m, noteText, cp, options, { collector: collected, tilePaths: [...alone.handedOut.keys()] }, fail);
    } catch (err2) {
      if (err2 instanceof CallerError) throw err2;
      if (err2 instanceof SourceUnavailableError) return fail(`${describe(err2)}; downloads so far are kept for the next try`);
      await clearStaging(deps.db, origin);
      if (err2 instanceof LogVerificationError && err2.code === 'inconsistent') return refuse('fork', `FORK: ${err2.message}`);
      return fail(describe(err));
    }
  }
}

interface VerifiedLog {
  /** The new entries, decoded while they were verified (some perhaps appended already), and the first problem. */
  collector: EntryCollector;
  /** Staged files the verification read, or the files themselves when nothing was staged. */
  tilePaths?: string[];
  tiles?: ReadonlyMap<string, Uint8Array>;
}

const unchangedOutcome = (m: MirrorRow): SyncOutcome => ({ status: 'unchanged', origin: m.origin, size: m.size, root: m.root ?? '' });

/**
 * Stores everything in one transaction (creating the mirror's row if this sync starts
 * following it), unless another process stored a sync of this mirror meanwhile.
 */
async function commit(
  deps: MirrorDeps,
  m: MirrorRow,
  note: string,
  cp: Checkpoint,
  options: SyncOptions,
  verified: VerifiedLog,
  fail: (message: string) => Promise<SyncOutcome>,
): Promise<SyncOutcome> {
  if (verified.collector.problem) {
    await clearStaging(deps.db, m.origin);
    return fail(verified.collector.problem);
  }
  return deps.db.transaction(async (tx) =>
    (await claimMirror(tx, deps, m, options)) ? storeVerified(tx, deps, m, note, cp, options, verified) : unchangedOutcome(m),
  );
}

/**
 * Locks the mirror's row until the commit, creating it if this sync starts following the
 * chronicle. False when another process stored a sync of it meanwhile: this one then stores nothing.
 */
async function claimMirror(tx: Queryable, deps: MirrorDeps, m: MirrorRow, options: SyncOptions): Promise<boolean> {
  if (options.create) await insertMirror(tx, { origin: m.origin, logUrl: m.log_url, verifierKey: m.verifier_key, now: deps.now() });
  const row = await lockMirror(tx, m.origin);
  return row?.size === m.size && row.verifier_key === m.verifier_key;
}

/** The rest of a verified sync, in the transaction that claimed the mirror. */
async function storeVerified(
  tx: Queryable,
  deps: MirrorDeps,
  m: MirrorRow,
  note: string,
  cp: Checkpoint,
  options: SyncOptions,
  verified: VerifiedLog,
): Promise<SyncOutcome> {
  const { collector } = verified;
  if (collector.count !== cp.size - m.size)
    throw new MirrorError(`read ${collector.count} new entries for a tree growing from ${m.size} to ${cp.size}`);
  await appendMirrorEntries(tx, m.origin, collector.entries);
  const root = toBase64(cp.root);
  const end = {
    origin: m.origin,
    checkpoint: note,
    size: cp.size,
    root,
    tilePaths: verified.tilePaths ?? [],
    tiles: verified.tiles ?? new Map(),
    now: deps.now(),
  };
  await finishMirrorSync(tx, end);
  if (options.inCommit) {
    try {
      await options.inCommit(tx);
    } catch (err) {
      throw new CallerError(err);
    }
  }
  return { status: 'updated', origin: m.origin, from: m.size, size: cp.size, root };
}
