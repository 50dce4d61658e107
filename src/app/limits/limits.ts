/** The in-memory limits a server keeps: intake budgets, login throttling, and the refusal counts. */
import { statfs } from 'node:fs/promises';
import type { Db } from '../../store/db.ts';
import { ClientKeys } from './client-key.ts';
import type { Config } from '../config.ts';
import { IntakeLimits } from './intake-limits.ts';
import { LimitHits } from './limit-hits.ts';
import { LoginThrottle } from './login-throttle.ts';

export interface Limits {
  keys: ClientKeys;
  intake: IntakeLimits;
  login: LoginThrottle;
  hits: LimitHits;
  /** Waits before a throttled login is answered; tests replace it to see the delay without waiting. */
  sleep(ms: number): Promise<void>;
  /** Free bytes on the data folder's disk, undefined when unknown; tests replace it. */
  freeBytes(): Promise<number | undefined>;
}

/** A flood asks for the free space with every request; the disk is asked at most this often. */
const FREE_SPACE_TTL_MS = 2000;

function freeSpaceOf(dir: string, now: () => Date): () => Promise<number | undefined> {
  let cached: { at: number; bytes: number | undefined } | undefined;
  return async () => {
    const at = now().getTime();
    if (cached && at - cached.at < FREE_SPACE_TTL_MS) return cached.bytes;
    let bytes: number | undefined;
    try {
      const fs = await statfs(dir);
      bytes = fs.bavail * fs.bsize;
    } catch {
      bytes = undefined;
    }
    cached = { at, bytes };
    return bytes;
  };
}

export function createLimits(ctx: { config: Config; db: Db; now(): Date; randomBytes(n: number): Uint8Array }): Limits {
  const now = () => ctx.now();
  const periodMs = ctx.config.limitPeriod * 1000;
  const keys = new ClientKeys(periodMs, now, (n) => ctx.randomBytes(n));
  return {
    keys,
    intake: new IntakeLimits(ctx.config.intakeBudget, keys),
    login: new LoginThrottle(keys, now),
    hits: new LimitHits(() => ctx.db, periodMs, now),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    freeBytes: freeSpaceOf(ctx.config.dataDir, now),
  };
}
