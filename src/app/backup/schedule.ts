/**
 * The rolling backup `serve` keeps in `<data>/backups/`: one file every interval, named by the
 * time it was made, the oldest removed beyond the number to keep. It runs inside the serving
 * process because that process holds the store. The clock and timers are passed in, so tests
 * run a day in a moment.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CaravanError } from '../../core/errors.ts';
import { type WrittenBackup, writeBackup } from './backup.ts';
import type { AppContext } from '../context.ts';

const NAME = /^caravan-backup-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.tar\.gz$/;
/** How long after start an overdue backup waits, so it never slows start-up or a short run. */
export const OVERDUE_GRACE_MS = 10 * 60_000;

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

/** Milliseconds until the next backup is due: an interval after the newest, or soon after start when overdue. */
export function nextBackupDelay(newest: Date | undefined, now: Date, intervalMs: number, graceMs = OVERDUE_GRACE_MS): number {
  const due = newest ? newest.getTime() + intervalMs - now.getTime() : 0;
  return Math.min(intervalMs, Math.max(due, graceMs));
}

/** The files beyond the newest `keep`: what to remove. */
export function backupsToRemove<T>(oldestFirst: readonly T[], keep: number): T[] {
  return oldestFirst.slice(0, Math.max(0, oldestFirst.length - keep));
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface BackupScheduleOptions {
  intervalMs: number;
  keep: number;
  graceMs?: number;
  timers?: Timers;
  onResult?: (r: { status: 'written'; backup: WrittenBackup; removed: string[] } | { status: 'failed'; message: string }) => void;
}

export interface BackupSchedule {
  /** Makes one backup now and prunes (what each timer tick runs). */
  runOnce(): Promise<void>;
  /** Stops the timer and waits for a backup under way. */
  stop(): Promise<void>;
}

export function startBackupSchedule(ctx: AppContext, o: BackupScheduleOptions): BackupSchedule {
  const timers: Timers = o.timers ?? { setTimeout: (fn, ms) => setTimeout(fn, ms).unref(), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };
  const folder = backupsFolder(ctx.config.dataDir);
  let handle: unknown;
  let running: Promise<void> | undefined;
  let stopped = false;

  const runOnce = async () => {
    try {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      // A backup cut short by a crash leaves its temporary file: never a backup, always removable.
      for (const name of await readdir(folder)) if (/^\.caravan-backup-.*\.tmp$/.test(name)) await rm(join(folder, name), { force: true });
      const backup = await writeBackup(ctx, join(folder, backupFileName(ctx.now())));
      const removed: string[] = [];
      for (const old of backupsToRemove(await listBackups(folder), o.keep)) {
        await rm(old.file, { force: true });
        removed.push(old.file);
      }
      o.onResult?.({ status: 'written', backup, removed });
    } catch (err) {
      o.onResult?.({ status: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  };
  const schedule = (ms: number) => {
    if (stopped) return;
    handle = timers.setTimeout(() => {
      running = runOnce().finally(() => {
        running = undefined;
        schedule(o.intervalMs);
      });
    }, ms);
  };
  void listBackups(folder)
    .then((list) => schedule(nextBackupDelay(list.at(-1)?.madeAt, ctx.now(), o.intervalMs, o.graceMs)))
    .catch(() => schedule(o.graceMs ?? OVERDUE_GRACE_MS));
  return {
    runOnce,
    async stop() {
      stopped = true;
      timers.clearTimeout(handle);
      await running;
    },
  };
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
  const why = (cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)).replace(/\.? ?Build with -sASSERTIONS for more info\.?/, '');
  const backups = backupsFolder(dataDir);
  const newest = (await listBackups(backups).catch(() => [])).at(-1);
  const next = newest
    ? `If it is damaged, restore the newest backup, ${newest.file} (made ${newest.madeAt.toISOString()}): mv ${folder} ${folder}.damaged && caravan restore ${newest.file}`
    : `No backup was found in ${backups}: keep the folder as it is, and restore a backup made elsewhere ("caravan restore <file>") or start anew with another CARAVAN_DATA`;
  return new StoreUnopenableError(`the embedded store in ${folder} cannot be opened (${why.split('\n', 1)[0]!.slice(0, 200)}). ${next}`);
}
