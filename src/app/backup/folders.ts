/**
 * Where backups and snapshots live in a data folder, and what opening a store needs from them
 * before any context exists: the newest backup to name when the store cannot be opened, and
 * removing snapshots a stopped process left behind.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CaravanError } from '../../core/errors.ts';
import { foldersLeftBehind } from '../../store/lock.ts';

const NAME = /^caravan-backup-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.tar\.gz$/;
export const backupsFolder = (dataDir: string) => join(dataDir, 'backups');

/** `caravan-backup-20220105T143000Z.tar.gz` */
export function backupFileName(at: Date): string {
  return `caravan-backup-${at.toISOString().replace(/[-:]|\.\d+/g, '')}.tar.gz`;
}

/** The rolling backups in a folder, oldest first, with the time their names give. */
export async function listBackups(folder: string): Promise<Array<{ file: string; madeAt: Date }>> {
  const names = await readdir(folder).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return [];
    throw err;
  });
  const out: Array<{ file: string; madeAt: Date }> = [];
  for (const name of names) {
    const m = NAME.exec(name);
    if (m) out.push({ file: join(folder, name), madeAt: new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) });
  }
  return out.sort((a, b) => a.madeAt.getTime() - b.madeAt.getTime());
}

/** Copies of the store a backup reads from while the server goes on writing. */
export const snapshotsOf = (dataDir: string) => join(dataDir, 'snapshots');

/** Removes the snapshots that backups of processes that stopped midway left: whole copies of the store. */
export async function removeLeftSnapshots(dataDir: string): Promise<void> {
  for (const left of await foldersLeftBehind(snapshotsOf(dataDir))) await rm(left, { recursive: true, force: true });
}

export class StoreUnopenableError extends CaravanError {
  override name = 'StoreUnopenableError';
  constructor(message: string) {
    super('store_unopenable', message);
  }
}

/**
 * What to say when PGlite cannot open the embedded store (it throws, or aborts inside its
 * WebAssembly, on a damaged folder): one line naming the folder and the way back.
 */
export async function unopenableStoreError(dataDir: string, folder: string, cause: unknown): Promise<StoreUnopenableError> {
  // Emscripten's hint about a debug build means nothing to the person reading this.
  const why = (cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)).replace(
    /\.? ?Build with -sASSERTIONS for more info\.?/,
    '',
  );
  const backups = backupsFolder(dataDir);
  const newest = (await listBackups(backups).catch(() => [])).at(-1);
  const next = newest
    ? `If it is damaged, restore the newest backup, ${newest.file} (made ${newest.madeAt.toISOString()}): mv ${folder} ${folder}.damaged && caravan restore ${newest.file}`
    : `No backup was found in ${backups}: keep the folder as it is, and restore a backup made elsewhere ("caravan restore <file>") or start anew with another CARAVAN_DATA`;
  return new StoreUnopenableError(`the embedded store in ${folder} cannot be opened (${why.split('\n', 1)[0]!.slice(0, 200)}). ${next}`);
}
