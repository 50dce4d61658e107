/**
 * What a mirror keeps about a followed chronicle's witnesses: the witness keys it lists at
 * /log/witnesses, and the fullest signed note of the verified checkpoint (cosignatures arrive
 * after a checkpoint is signed, so a later fetch of the same checkpoint carries more of them).
 * Pages count the cosignatures that verify against the listed keys. Never fails a sync.
 */
import { COSIGNATURE_V1_TYPE, verifierKeyParts } from '../../log/note.ts';
import { getMirror } from '../../store/mirrors.ts';
import { replaceMirrorCheckpointNote, setMirrorWitnessKeys } from '../../store/witness.ts';
import { download } from './download.ts';
import type { MirrorDeps } from './sources.ts';

/** A list of a few dozen witness keys; a longer answer is not a witness list. */
const MAX_WITNESS_LIST_BYTES = 64 * 1024;

const MAX_KEYS = 100;

/** The type 0x04 keys in a /log/witnesses answer; other lines are skipped. */
export function parseWitnessList(text: string): string[] {
  const keys: string[] = [];
  for (const line of text.split('\n')) {
    const key = line.trim();
    if (key === '' || keys.includes(key)) continue;
    try {
      if (verifierKeyParts(key).type === COSIGNATURE_V1_TYPE) keys.push(key);
    } catch {
      // Not a key: a newer format's line, or noise.
    }
    if (keys.length === MAX_KEYS) break;
  }
  return keys;
}

/**
 * After a sync verified a checkpoint: keep its note if it is the stored checkpoint with other
 * signature lines (`sameCheckpoint`), and, when syncing from the origin itself, refresh the
 * witness list. Only called when the note changed, so an unchanged poll stays one request.
 */
export async function refreshMirrorWitnesses(
  deps: MirrorDeps,
  origin: string,
  opts: { sameCheckpoint?: { size: number; note: string }; fetchList: boolean },
): Promise<void> {
  try {
    if (opts.sameCheckpoint) await replaceMirrorCheckpointNote(deps.db, origin, opts.sameCheckpoint.size, opts.sameCheckpoint.note);
    const m = opts.fetchList ? await getMirror(deps.db, origin) : undefined;
    if (!m) return;
    const got = await download(new URL('witnesses', m.log_url).href, {
      fetch: deps.fetch,
      accept: 'text/plain',
      maxBytes: MAX_WITNESS_LIST_BYTES,
      timeoutMs: deps.timeoutMs ?? 30_000,
      attempts: 1,
    });
    if (got.kind === 'absent') return await setMirrorWitnessKeys(deps.db, origin, []);
    if (got.kind === 'ok') await setMirrorWitnessKeys(deps.db, origin, parseWitnessList(new TextDecoder().decode(got.bytes)));
  } catch {
    // The list is informational; the next changed checkpoint tries again.
  }
}
