/**
 * Loading a bundle carried by hand into this chronicle's mirrors: everything in it is verified
 * first (the signed log, every entry, every media file), then it goes through the same sync
 * engine as an online mirror, so a fork or rollback is caught the same way and the pages read
 * the same tables. A refused bundle changes nothing.
 */
import { readFile } from 'node:fs/promises';
import type { Checkpoint } from '../../log/checkpoint.ts';
import { type LogEntry, decodeLogEntry } from '../../log/entry.ts';
import { LogVerificationError } from '../../log/errors.ts';
import { fromUtf8 } from '../../log/hash.ts';
import { verifyTiledLog } from '../../log/verify-log.ts';
import type { Queryable } from '../../store/db.ts';
import { getMirror, listMirrorEntryData } from '../../store/mirrors.ts';
import { listMirrorMediaHashes, putMirrorMedia } from '../../store/mirror-media.ts';
import { BundleError, type OpenedBundle, mediaReferences, openBundle } from './bundle.ts';
import { compareCheckpoint, openCheckpoint } from './checkpoint-note.ts';
import { knownOriginsPath, loadKnownOrigins } from './known-origins.ts';
import { logRootUrl } from './sources.ts';
import type { MirrorDeps } from './sources.ts';
import { syncMirror } from './sync.ts';

export interface ImportBundleOptions {
  file: string;
  /** The chronicle's verifier key; else the followed mirror's, else the one `caravan verify` remembers. */
  key?: string;
  /** Where `caravan verify` keeps what it remembers ($CARAVAN_STATE, $HOME). */
  env: Record<string, string | undefined>;
  /** Where media wait while the bundle is checked; defaults to the OS temporary folder. */
  spoolDir?: string;
}

interface MediaReport {
  /** Media files stored now (already stored ones are not counted). */
  mediaAdded: number;
  /** Referenced by an entry but in neither the bundle nor the mirror. */
  missingMedia: string[];
}

export type ImportOutcome =
  | ({ status: 'loaded'; origin: string; from: number; size: number; root: string; created: boolean } & MediaReport)
  /** The bundle is what is already verified, or an older state of it. */
  | ({ status: 'nothing-new'; origin: string; size: number; bundleSize: number } & MediaReport)
  /** The bundle contradicts verified history: both checkpoints are kept and the alarm is up. */
  | { status: 'refused'; origin: string; reason: 'fork' | 'rollback'; message: string };

/** What a bundle says about itself, its checkpoint's signature checked; its log not verified yet. */
interface OpenedLog {
  checkpoint: Checkpoint;
  origin: string;
  logUrl: string;
}

function verificationMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function openLog(bundle: OpenedBundle, note: Uint8Array, key: string, claimed: string): OpenedLog {
  let checkpoint: Checkpoint;
  try {
    checkpoint = openCheckpoint(note, key, claimed);
  } catch (err) {
    if (err instanceof LogVerificationError) throw new BundleError(`${bundle.file}: checkpoint: ${err.message}`);
    throw err;
  }
  const { origin } = checkpoint;
  // bundle.json decides nothing, but one that names another chronicle means the file was tampered with.
  if (bundle.manifest.origin !== origin) {
    throw new BundleError(
      `${bundle.file}: bundle.json says origin "${bundle.manifest.origin}", but the signed checkpoint is for "${origin}"`,
    );
  }
  let logUrl: string;
  try {
    logUrl = logRootUrl(bundle.manifest.url);
  } catch (err) {
    throw new BundleError(`${bundle.file}: bundle.json: url ${verificationMessage(err)}`);
  }
  return { checkpoint, origin, logUrl };
}

/** Collects the media the entries reference, with the type their record gives. */
function mediaCollector(): { referenced: Map<string, string>; onEntry: (index: number, entry: LogEntry) => void } {
  const referenced = new Map<string, string>();
  return {
    referenced,
    onEntry: (_index, entry) => {
      for (const m of mediaReferences(entry)) if (!referenced.has(m.sha256) || m.mime) referenced.set(m.sha256, m.mime);
    },
  };
}

/** Every media file in a bundle must be one an entry of its log references. */
function checkMediaReferenced(bundle: OpenedBundle, referenced: ReadonlyMap<string, string>): void {
  for (const sha256 of bundle.media.keys()) {
    if (!referenced.has(sha256)) throw new BundleError(`${bundle.file}: media/${sha256} is not referenced by any entry of the log`);
  }
}

/**
 * Verifies a bundle that brings nothing new to the log, for its media only: every entry is
 * still checked, since only a verified entry may vouch for a media file.
 */
async function verifyForMedia(bundle: OpenedBundle, key: string, origin: string): Promise<Map<string, string>> {
  const media = mediaCollector();
  let problem: string | undefined;
  try {
    await verifyTiledLog(bundle.source, {
      verifierKey: key,
      origin,
      onEntry: (index, data) => {
        if (problem) return;
        try {
          media.onEntry(index, decodeLogEntry(data));
        } catch (err) {
          problem = `entry ${index} is not a Caravan log entry: ${verificationMessage(err)}`;
        }
      },
    });
  } catch (err) {
    if (err instanceof LogVerificationError) throw new BundleError(`${bundle.file}: ${err.message}`);
    throw err;
  }
  if (problem) throw new BundleError(`${bundle.file}: ${problem}`);
  checkMediaReferenced(bundle, media.referenced);
  return media.referenced;
}

/** Stores the bundle's media the mirror lacks, in the caller's transaction. */
async function loadMedia(
  q: Queryable,
  bundle: OpenedBundle,
  origin: string,
  referenced: ReadonlyMap<string, string>,
): Promise<MediaReport> {
  const have = new Set(await listMirrorMediaHashes(q, origin));
  const adding = [...bundle.media].filter(([sha256]) => !have.has(sha256));
  for (const [sha256, file] of adding) {
    const data = new Uint8Array(await readFile(file.path!));
    await putMirrorMedia(q, origin, { sha256, mime: referenced.get(sha256) || 'application/octet-stream', data });
  }
  const missingMedia = [...referenced.keys()].filter((sha) => !have.has(sha) && !bundle.media.has(sha)).sort();
  return { mediaAdded: adding.length, missingMedia };
}

/** The key to verify with: never one carried inside the bundle. */
async function verifierKeyFor(deps: MirrorDeps, o: ImportBundleOptions, claimed: string): Promise<string> {
  const followed = await getMirror(deps.db, claimed);
  if (o.key && followed && followed.verifier_key !== o.key) {
    throw new BundleError(`${claimed} is already followed with another key (${followed.verifier_key}); refusing the bundle`);
  }
  const key = o.key ?? followed?.verifier_key ?? (await loadKnownOrigins(knownOriginsPath(o.env)))[claimed]?.key;
  if (!key)
    throw new BundleError(
      `no verifier key is known for "${claimed}"; pass it with --key <vkey> (a key carried inside a bundle is never trusted)`,
    );
  return key;
}

/**
 * Verifies the bundle in `o.file` and loads it as a mirror of its chronicle. Throws
 * BundleError, having stored nothing, when the bundle is damaged, altered or unverifiable.
 * The log is verified once, entries decoded as they are hashed; the log, the media and, for
 * a chronicle not followed yet, the mirror's row are stored in one transaction, so an import
 * cut short leaves nothing behind.
 */
export async function importBundle(deps: MirrorDeps, o: ImportBundleOptions): Promise<ImportOutcome> {
  const bundle = await openBundle(o.file, { spoolMedia: true, ...(o.spoolDir ? { spoolDir: o.spoolDir } : {}) });
  try {
    const note = (await bundle.source.read('checkpoint'))!;
    let claimed: string;
    try {
      claimed = fromUtf8(note).split('\n', 1)[0] ?? '';
    } catch {
      throw new BundleError(`${o.file}: log/checkpoint is not UTF-8`);
    }
    const key = await verifierKeyFor(deps, o, claimed);
    const opened = openLog(bundle, note, key, claimed);
    const { origin, checkpoint } = opened;

    const existing = await getMirror(deps.db, origin);
    if (existing?.root && existing.size > 0) {
      const cmp = await compareCheckpoint(checkpoint, { size: existing.size, root: existing.root }, () =>
        listMirrorEntryData(deps.db, origin, 0, checkpoint.size),
      );
      if (cmp.kind === 'same' || cmp.kind === 'older') {
        const referenced = await verifyForMedia(bundle, key, origin);
        const media = await deps.db.transaction((tx) => loadMedia(tx, bundle, origin, referenced));
        return { status: 'nothing-new', origin, size: existing.size, bundleSize: checkpoint.size, ...media };
      }
    }

    const collected = mediaCollector();
    let media: MediaReport | undefined;
    const outcome = await syncMirror(deps, origin, bundle.source, {
      ...(existing ? {} : { create: { logUrl: opened.logUrl, verifierKey: key } }),
      onEntry: collected.onEntry,
      inCommit: async (tx) => {
        checkMediaReferenced(bundle, collected.referenced);
        media = await loadMedia(tx, bundle, origin, collected.referenced);
      },
    });
    if (outcome.status === 'refused') return outcome;
    if (outcome.status === 'failed') throw new BundleError(`${o.file}: ${outcome.message}`);
    if (outcome.status === 'unchanged' || !media) {
      // Another process stored this log meanwhile: the media still come from here, if it follows the same key.
      const followed = await getMirror(deps.db, origin);
      if (followed?.verifier_key !== key)
        throw new BundleError(
          `${o.file}: ${origin} was followed meanwhile with another key (${followed?.verifier_key}); refusing the bundle`,
        );
      const referenced = await verifyForMedia(bundle, key, origin);
      const added = await deps.db.transaction((tx) => loadMedia(tx, bundle, origin, referenced));
      return { status: 'nothing-new', origin, size: outcome.size, bundleSize: checkpoint.size, ...added };
    }
    return { status: 'loaded', origin, from: outcome.from, size: outcome.size, root: outcome.root, created: !existing, ...media };
  } finally {
    await bundle.close();
  }
}
