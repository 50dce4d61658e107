/**
 * Slowing down and then refusing password guesses, per client and per account, without a way to
 * lock an editor out for good. The policy (README, "Login throttling"):
 *
 * - A client (keyed hash of its address) gets `slowAfter` wrong passwords free; each further one
 *   is answered later and later (1 s, doubling, at most 8 s); after `refuseAfter` the client is
 *   refused with 429 for `lockMinutes`, without its passwords being checked.
 * - An account gets more (the editors behind one office address share a client), then the same
 *   slowing and refusing, but only for browsers that have never logged in to it: a browser that
 *   has carries a "known device" cookie and is held by the client limits alone, so a guesser
 *   elsewhere cannot keep the account's owner out.
 * - Every count is forgotten `windowMinutes` after its first failure, when the lock ends, and when
 *   the period's key rotates; a client's also when it logs in. Nothing of it is stored.
 */
import { type ClientKeys, clientNetwork } from './client-key.ts';

export interface ThrottlePolicy {
  slowAfter: number;
  refuseAfter: number;
}

export const LOGIN_POLICY = {
  client: { slowAfter: 3, refuseAfter: 10 } satisfies ThrottlePolicy,
  account: { slowAfter: 5, refuseAfter: 20 } satisfies ThrottlePolicy,
  windowMinutes: 15,
  lockMinutes: 15,
  firstDelayMs: 1000,
  maxDelayMs: 8000,
};

export type LoginLimitName = 'login_client' | 'login_account';

export type LoginVerdict = { delayMs: number } | { refused: LoginLimitName; retryAfter: number };

interface Strikes {
  failures: number;
  since: number;
  lockedUntil: number;
}

const MAX_ENTRIES = 100_000;

class StrikeBook {
  readonly #entries = new Map<string, Strikes>();

  constructor(private readonly policy: ThrottlePolicy) {}

  clear(): void {
    this.#entries.clear();
  }

  /** Undefined while the key is not locked; else the seconds the lock still lasts. */
  lockedFor(key: string, now: number): number | undefined {
    const s = this.#current(key, now);
    return s && s.lockedUntil > now ? Math.ceil((s.lockedUntil - now) / 1000) : undefined;
  }

  delayMs(key: string, now: number): number {
    const failures = this.#current(key, now)?.failures ?? 0;
    if (failures < this.policy.slowAfter) return 0;
    return Math.min(LOGIN_POLICY.firstDelayMs * 2 ** (failures - this.policy.slowAfter), LOGIN_POLICY.maxDelayMs);
  }

  fail(key: string, now: number): void {
    let s = this.#current(key, now);
    if (!s) {
      if (this.#entries.size >= MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
      s = { failures: 0, since: now, lockedUntil: 0 };
      this.#entries.set(key, s);
    }
    s.failures += 1;
    if (s.failures >= this.policy.refuseAfter) s.lockedUntil = now + LOGIN_POLICY.lockMinutes * 60_000;
  }

  forget(key: string): void {
    this.#entries.delete(key);
  }

  #current(key: string, now: number): Strikes | undefined {
    const s = this.#entries.get(key);
    if (!s) return undefined;
    const lockOver = s.lockedUntil !== 0 && s.lockedUntil <= now;
    const windowOver = s.lockedUntil === 0 && now - s.since >= LOGIN_POLICY.windowMinutes * 60_000;
    if (lockOver || windowOver) {
      this.#entries.delete(key);
      return undefined;
    }
    return s;
  }
}

/**
 * Who is trying: the client's address (undefined off a socket), which the throttle turns into a
 * keyed hash before it keeps anything, and the account name typed.
 */
export interface LoginAttempt {
  client: string | undefined;
  account: string;
  /** The browser has logged in to this account before (a valid known-device cookie). */
  knownDevice: boolean;
}

export class LoginThrottle {
  readonly #clients = new StrikeBook(LOGIN_POLICY.client);
  readonly #accounts = new StrikeBook(LOGIN_POLICY.account);

  constructor(
    private readonly keys: ClientKeys,
    private readonly now: () => Date,
  ) {
    keys.onRotate(() => {
      this.#clients.clear();
      this.#accounts.clear();
    });
  }

  /** Asked before the password is checked: refuse at once, or check it after a delay. */
  verdict(a: LoginAttempt): LoginVerdict {
    const now = this.#now();
    const client = a.client === undefined ? undefined : this.#clientKey(a.client);
    const account = this.keys.keyOf(`account:${a.account}`);
    const clientLock = client === undefined ? undefined : this.#clients.lockedFor(client, now);
    if (clientLock !== undefined) return { refused: 'login_client', retryAfter: clientLock };
    const accountLock = a.knownDevice ? undefined : this.#accounts.lockedFor(account, now);
    if (accountLock !== undefined) return { refused: 'login_account', retryAfter: accountLock };
    const clientDelay = client === undefined ? 0 : this.#clients.delayMs(client, now);
    const accountDelay = a.knownDevice ? 0 : this.#accounts.delayMs(account, now);
    return { delayMs: Math.max(clientDelay, accountDelay) };
  }

  failed(a: LoginAttempt): void {
    const now = this.#now();
    if (a.client !== undefined) this.#clients.fail(this.#clientKey(a.client), now);
    // A known device's failures are its owner's typos: they count against the client only.
    if (!a.knownDevice) this.#accounts.fail(this.keys.keyOf(`account:${a.account}`), now);
  }

  /**
   * The client's count starts over; the account's does not: the owner getting in says nothing
   * about the guesses made elsewhere, which must not win a fresh allowance by it.
   */
  succeeded(a: LoginAttempt): void {
    if (a.client !== undefined) this.#clients.forget(this.#clientKey(a.client));
  }

  #clientKey(address: string): string {
    return this.keys.keyOf(`client:${clientNetwork(address)}`);
  }

  #now(): number {
    this.keys.period();
    return this.now().getTime();
  }
}
