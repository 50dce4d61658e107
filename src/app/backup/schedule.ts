/**
 * The rolling backup `serve` keeps in `<data>/backups/`: one file every interval, named by the
 * time it was made, the oldest removed beyond the number to keep. It runs inside the serving
 * process because that process holds the store. The clock and timers are passed in, so tests
 * run a day in a moment.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type WrittenBackup, writeBackup } from './backup.ts';
import { backupFileName, backupsFolder, listBackups } from './folders.ts';
import type { AppContext } from '../context.ts';
import { type Timers, startPeriodic } from '../repeat.ts';

/** How long after start an overdue backup waits, so it never slows start-up or a short run. */
export const OVERDUE_GRACE_MS = 10 * 60_000;

/** Milliseconds until the next backup is due: an interval after the newest, or soon after start when overdue. */
export function nextBackupDelay(newest: Date | undefined, now: Date, intervalMs: number, graceMs = OVERDUE_GRACE_MS): number {
  const due = newest ? newest.getTime() + intervalMs - now.getTime() : 0;
  return Math.min(intervalMs, Math.max(due, graceMs));
}

/** The files beyond the newest `keep`: what to remove. */
export function backupsToRemove<T>(oldestFirst: readonly T[], keep: number): T[] {
  return oldestFirst.slice(0, Math.max(0, oldestFirst.length - keep));
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
  const folder = backupsFolder(ctx.config.dataDir);
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
  const loop = startPeriodic(runOnce, {
    name: 'rolling backup',
    firstDelayMs: () =>
      listBackups(folder).then(
        (list) => nextBackupDelay(list.at(-1)?.madeAt, ctx.now(), o.intervalMs, o.graceMs),
        () => o.graceMs ?? OVERDUE_GRACE_MS,
      ),
    delayMs: o.intervalMs,
    ...(o.timers ? { timers: o.timers } : {}),
  });
  return { runOnce, stop: () => loop.stop() };
}
