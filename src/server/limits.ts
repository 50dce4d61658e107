/** The in-memory limits a server keeps: intake budgets, login throttling, and the refusal counts. */
import type { Db } from '../store/db.ts';
import { ClientKeys } from './client-key.ts';
import type { Config } from './config.ts';
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
  };
}
