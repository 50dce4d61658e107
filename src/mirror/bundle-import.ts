/**
 * Loading a bundle carried by hand into this chronicle's mirrors: everything in it is verified
 * first (the signed log, every entry, every media file), then it goes through the same sync
 * engine as an online mirror, so a fork or rollback is caught the same way and the pages read
 * the same tables. A refused bundle changes nothing.
 */
import { readFile } from 'node:fs/promises';
import type { Checkpoint } from '../log/checkpoint.ts';
import { decodeLogEntry } from '../log/entry.ts';
import { LogVerificationError } from '../log/errors.ts';
import { fromUtf8 } from '../log/hash.ts';
import { verifyTiledLog } from '../log/verify-log.ts';
import { getMirror, insertMirror, listMirrorEntryData, removeMirror } from '../store/mirrors.ts';
import { listMirrorMediaHashes, putMirrorMedia } from '../store/mirror-media.ts';
import { BundleError, type OpenedBundle, logEntries, mediaReferences, openBundle } from './bundle.ts';
import { compareCheckpoint } from './checkpoint-note.ts';
import { knownOriginsPath, loadKnownOrigins } from './known-origins.ts';
import { logRootUrl } from './sources.ts';
import { type MirrorDeps, syncMirror } from './sync.ts';

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

/** What verification established about a bundle, before anything is stored. */
interface CheckedBundle {
  checkpoint: Checkpoint;
  origin: string;
  size: number;
  /** Media the entries reference, with the type their record gives. */
  referenced: Map<string, string>;
  logUrl: string;
}

function verificationMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function checkBundle(bundle: OpenedBundle, key: string, claimed: string): Promise<CheckedBundle> {
  let verified;
  try {
    verified = await verifyTiledLog(bundle.source, { verifierKey: key, origin: claimed });
  } catch (err) {
    if (err instanceof LogVerificationError) throw new BundleError(`${bundle.file}: ${err.message}`);
    throw err;
  }
  const { origin, size } = verified.checkpoint;
  // bundle.json decides nothing, but one that names another chronicle means the file was tampered with.
  if (bundle.manifest.origin !== origin) {
    throw new BundleError(`${bundle.file}: bundle.json says origin "${bundle.manifest.origin}", but the signed checkpoint is for "${origin}"`);
  }
  let logUrl: string;
  try {
    logUrl = logRootUrl(bundle.manifest.url);
  } catch (err) {
    throw new BundleError(`${bundle.file}: bundle.json: url ${verificationMessage(err)}`);
  }
  const referenced = new Map<string, string>();
  for await (const { idx, data } of logEntries(bundle.source, size)) {
    let entry;
    try {
      entry = decodeLogEntry(data);
    } catch (err) {
      throw new BundleError(`${bundle.file}: entry ${idx} is not a Caravan log entry: ${verificationMessage(err)}`);
    }
    for (const m of mediaReferences(entry)) if (!referenced.has(m.sha256) || m.mime) referenced.set(m.sha256, m.mime);
  }
  for (const sha256 of bundle.media.keys()) {
    if (!referenced.has(sha256)) throw new BundleError(`${bundle.file}: media/${sha256} is not referenced by any entry of the log`);
  }
  return { checkpoint: verified.checkpoint, origin, size, referenced, logUrl };
}

/** Stores the bundle's media the mirror lacks, in one transaction. */
async function loadMedia(deps: MirrorDeps, bundle: OpenedBundle, checked: CheckedBundle): Promise<MediaReport> {
  const have = new Set(await listMirrorMediaHashes(deps.db, checked.origin));
  const adding = [...bundle.media].filter(([sha256]) => !have.has(sha256));
  await deps.db.transaction(async (tx) => {
    for (const [sha256, file] of adding) {
      const data = new Uint8Array(await readFile(file.path!));
      await putMirrorMedia(tx, checked.origin, { sha256, mime: checked.referenced.get(sha256) || 'application/octet-stream', data });
    }
  });
  const missingMedia = [...checked.referenced.keys()].filter((sha) => !have.has(sha) && !bundle.media.has(sha)).sort();
  return { mediaAdded: adding.length, missingMedia };
}

/** The key to verify with: never one carried inside the bundle. */
async function verifierKeyFor(deps: MirrorDeps, o: ImportBundleOptions, claimed: string): Promise<string> {
  const followed = await getMirror(deps.db, claimed);
  if (o.key && followed && followed.verifier_key !== o.key) {
    throw new BundleError(`${claimed} is already followed with another key (${followed.verifier_key}); refusing the bundle`);
  }
  const key = o.key ?? followed?.verifier_key ?? (await loadKnownOrigins(knownOriginsPath(o.env)))[claimed]?.key;
  if (!key) throw new BundleError(`no verifier key is known for "${claimed}"; pass it with --key <vkey> (a key carried inside a bundle is never trusted)`);
  return key;
}

/**
 * Verifies the bundle in `o.file` and loads it as a mirror of its chronicle. Throws
 * BundleError, having stored nothing, when the bundle is damaged, altered or unverifiable.
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
    const checked = await checkBundle(bundle, key, claimed);
    const { origin } = checked;

    const existing = await getMirror(deps.db, origin);
    if (existing?.root && existing.size > 0) {
      const cmp = await compareCheckpoint(checked.checkpoint, { size: existing.size, root: existing.root }, () =>
        listMirrorEntryData(deps.db, origin, 0, checked.size),
      );
      if (cmp.kind === 'same' || cmp.kind === 'older') {
        return { status: 'nothing-new', origin, size: existing.size, bundleSize: checked.size, ...(await loadMedia(deps, bundle, checked)) };
      }
    }

    const created = !existing && (await insertMirror(deps.db, { origin, logUrl: checked.logUrl, verifierKey: key, now: deps.now() }));
    let loaded = false;
    try {
      const outcome = await syncMirror(deps, origin, bundle.source);
      if (outcome.status === 'refused') return outcome;
      if (outcome.status === 'failed') throw new BundleError(`${o.file}: ${outcome.message}`);
      const media = await loadMedia(deps, bundle, checked);
      loaded = true;
      if (outcome.status === 'unchanged') return { status: 'nothing-new', origin, size: outcome.size, bundleSize: checked.size, ...media };
      return { status: 'loaded', origin, from: outcome.from, size: outcome.size, root: outcome.root, created, ...media };
    } finally {
      if (created && !loaded) await removeMirror(deps.db, origin);
    }
  } finally {
    await bundle.close();
  }
}
