/**
 * What a mirror keeps about a followed chronicle's witnesses: the witness keys it lists at
 * /log/witnesses, and the fullest signed note of the verified checkpoint (cosignatures arrive
 * after a checkpoint is signed, so a later fetch of the same checkpoint carries more of them).
 * Pages count the cosignatures that verify against the listed keys. Never fails a sync.
 */
import { COSIGNATURE_V1_TYPE, verifierKeyParts } from '../../log/note.ts';
import { getMirror } from '../../store/mirrors.ts';
import { replaceMirrorCheckpointNote, setMirrorWitnessKeys } from '../../store/witness.ts';
import type { MirrorDeps } from './sync.ts';

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
    const doFetch = deps.fetch ?? ((url, init) => fetch(url, init));
    const res = await doFetch(new URL('witnesses', m.log_url).href, { signal: AbortSignal.timeout(deps.timeoutMs ?? 30_000), headers: { accept: 'text/plain' } });
    if (res.status === 404) {
      await res.body?.cancel();
      return await setMirrorWitnessKeys(deps.db, origin, []);
    }
    if (!res.ok) return void (await res.body?.cancel());
    await setMirrorWitnessKeys(deps.db, origin, parseWitnessList((await res.text()).slice(0, 64 * 1024)));
  } catch {
    // The list is informational; the next changed checkpoint tries again.
  }
}
