/**
 * What `caravan verify` remembers between runs, per log origin: the verifier key it was first
 * shown (trust on first use) and the last checkpoint it verified, so a later run can tell an
 * origin that only appended from one that rolled back, forked or changed its key.
 * Kept in `$CARAVAN_STATE/known-origins.json`, else `~/.config/caravan/known-origins.json`.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export interface KnownOrigin {
  key: string;
  /** Where it was last read from (URL or folder). */
  source: string;
  size: number;
  /** Base64 root hash of the tree of `size` entries. */
  root: string;
  /** The signed checkpoint note, kept as evidence should a later one contradict it. */
  checkpoint: string;
  /** ISO 8601. */
  seenAt: string;
}

export type KnownOrigins = Record<string, KnownOrigin>;

export function knownOriginsPath(env: Record<string, string | undefined>): string {
  if (env.CARAVAN_STATE) return join(env.CARAVAN_STATE, 'known-origins.json');
  const config = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return join(config, 'caravan', 'known-origins.json');
}

export async function loadKnownOrigins(file: string): Promise<KnownOrigins> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw err;
  }
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${file} is not a JSON object`);
  return parsed as KnownOrigins;
}

/** Written to a temporary file and renamed, so an interrupted run never leaves half a file. */
export async function saveKnownOrigins(file: string, known: KnownOrigins): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(known, null, 2)}\n`, { mode: 0o600 });
  await rename(tmp, file);
}
