/**
 * One process at a time on an embedded store. PGlite has no lock of its own: two processes that
 * open one data folder both write its files and corrupt it. The lock is a file beside the
 * database holding the owner's pid and, on Linux, its start time (so a reused pid is not taken
 * for the owner). A lock whose owner has died (kill -9, power cut) is stale and taken over; a
 * live owner makes every other opener refuse at once.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { CaravanError } from '../core/errors.ts';

export interface LockHolder {
  pid: number;
  /** What the owner runs, e.g. "caravan serve". */
  command: string;
  /** ISO 8601 time the lock was taken. */
  since: string;
  host: string;
  /** The owner's start time in clock ticks since boot (Linux), to tell a reused pid apart. */
  started: string | null;
  /** Distinguishes two locks of one process (a test opening, closing and opening again). */
  token: string;
}

/** The store is held by a live process; `holder` says which. */
export class StoreBusyError extends CaravanError {
  override name = 'StoreBusyError';
  readonly holder: LockHolder;
  constructor(dir: string, holder: LockHolder) {
    const serving = holder.command.includes('serve');
    super(
      'store_busy',
      `the embedded store in ${dir} is in use by ${holder.command} (process ${holder.pid}, since ${holder.since}).\n` +
        (serving
          ? 'Stop that server first (Ctrl-C in its terminal), then run this command again; or do it in the editor workspace while it serves.'
          : 'Wait for that command to finish, then run this one again.') +
        '\nTwo processes writing one embedded store would corrupt it. With DATABASE_URL (a PostgreSQL server) commands run beside any number of servers.',
    );
    this.holder = holder;
  }
}

export interface StoreLock {
  readonly path: string;
  release(): void;
}

/** The start time of a process in clock ticks since boot, or null where /proc is not there. */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (the command) is in parentheses and may hold spaces; field 22 is the start time.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return rest[19] ?? null;
  } catch {
    return null;
  }
}

/**
 * Whether process `pid` of this machine, started at `started` ({@link processStart}), still
 * runs: a pid the system reused for another process is not it. Where the start cannot be told
 * (no /proc), a live pid is taken for it.
 */
export function isProcessAlive(pid: number, started: string | null): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  if (started === null) return true;
  const now = processStart(pid);
  return now === null || now === started;
}

/**
 * `<parent>/<pid>-<start>`: a folder of this process's own. Another process can tell it was left
 * behind once this one is gone ({@link foldersLeftBehind}), at once, with no age to wait for,
 * even on a PostgreSQL store where commands and servers share the data folder without a lock.
 */
export function processFolder(parent: string): string {
  return join(parent, `${process.pid}-${processStart(process.pid) ?? 'x'}`);
}

/** The folders {@link processFolder} made under `parent` for processes that no longer run. */
export async function foldersLeftBehind(parent: string): Promise<string[]> {
  const names = await readdir(parent).catch(() => [] as string[]);
  return names
    .filter((name) => {
      const m = /^(\d+)-(\d+|x)$/.exec(name);
      return !m || !isProcessAlive(Number(m[1]), m[2] === 'x' ? null : m[2]!);
    })
    .map((name) => join(parent, name));
}

function isAlive(holder: LockHolder): boolean {
  // On another machine (a shared folder) we cannot tell: assume it is alive.
  if (holder.host !== hostname()) return true;
  return isProcessAlive(holder.pid, holder.started);
}

function readHolder(path: string): LockHolder | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    if (typeof h.pid === 'number' && typeof h.token === 'string') {
      return {
        pid: h.pid,
        command: String(h.command),
        since: String(h.since),
        host: String(h.host),
        started: h.started ?? null,
        token: h.token,
      };
    }
  } catch {
    // Only a damaged disk leaves a lock that does not parse (locks are linked in whole).
  }
  return { pid: -1, command: 'a damaged lock file', since: '', host: hostname(), started: null, token: text };
}

/**
 * Creates `path` with `text` only if it does not exist. The text is written and synced under a
 * name of its own first and then linked into place, so nobody ever reads a half-written lock.
 */
function createExclusive(path: string, text: string, token: string): boolean {
  const temp = `${path}.${token}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    unlinkSync(temp);
  }
}

function removeIf(path: string, token: string): void {
  const now = readHolder(path);
  if (now && now.token === token) {
    try {
      unlinkSync(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
}

/**
 * Takes the lock at `path` for this process, taking over a stale one. Throws StoreBusyError if a
 * live process holds it.
 */
export function lockStore(path: string, dir: string, command: string): StoreLock {
  const me: LockHolder = {
    pid: process.pid,
    command,
    since: new Date().toISOString(),
    host: hostname(),
    started: processStart(process.pid),
    token: randomBytes(12).toString('hex'),
  };
  const text = `${JSON.stringify(me)}\n`;
  for (let attempt = 0; attempt < 20; attempt++) {
    if (createExclusive(path, text, me.token)) {
      return { path, release: () => removeIf(path, me.token) };
    }
    const holder = readHolder(path);
    if (!holder) continue;
    if (holder.pid !== -1 && isAlive(holder)) throw new StoreBusyError(dir, holder);
    // Stale. Two processes may find it stale at once: a takeover file of their own decides which
    // of them removes it, and the loser then finds the winner's live lock.
    const takeover = `${path}.takeover`;
    if (createExclusive(takeover, text, me.token)) {
      try {
        removeIf(path, holder.token);
      } finally {
        removeIf(takeover, me.token);
      }
    } else {
      const other = readHolder(takeover);
      // A takeover file left by a process that died in those few lines is itself stale.
      if (other && (other.pid === -1 || !isAlive(other))) removeIf(takeover, other.token);
    }
  }
  const holder = readHolder(path);
  throw holder ? new StoreBusyError(dir, holder) : new CaravanError('store_busy', `could not take the lock ${path}`);
}
