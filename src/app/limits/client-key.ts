/**
 * Telling clients apart without knowing who they are. A client is named by an HMAC of its
 * address under a random key that lives only in this process's memory and is replaced every
 * period; when it is replaced, every per-client count kept under the old key is dropped with
 * it, so nothing can link a client across periods, and nothing of it is ever written down.
 */
import { createHmac } from 'node:crypto';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

export class ClientKeys {
  #key: Uint8Array = new Uint8Array();
  #period = Number.NaN;
  readonly #onRotate: (() => void)[] = [];

  constructor(
    readonly periodMs: number,
    private readonly now: () => Date,
    private readonly random: (n: number) => Uint8Array,
  ) {}

  /** The number of the current period; draws a new key and drops per-client state when it changes. */
  period(): number {
    const period = Math.floor(this.now().getTime() / this.periodMs);
    if (period !== this.#period) {
      this.#period = period;
      this.#key = this.random(32);
      for (const drop of this.#onRotate) drop();
    }
    return period;
  }

  /** Seconds until the current period (and everything counted in it) ends. */
  secondsLeft(): number {
    const end = (this.period() + 1) * this.periodMs;
    return Math.max(1, Math.ceil((end - this.now().getTime()) / 1000));
  }

  /** The keyed hash of a client's address (or an account name) in this period. */
  keyOf(text: string): string {
    this.period();
    return createHmac('sha256', this.#key).update(text).digest('base64url').slice(0, 22);
  }

  /** Registers state to forget when the key is replaced. */
  onRotate(drop: () => void): void {
    this.#onRotate.push(drop);
  }
}

/**
 * The network a client is counted by: an IPv4 address as it is, an IPv6 address by its /64, the
 * block one phone or one home gets (anyone holding one can use a new address in it every time).
 */
export function clientNetwork(address: string): string {
  const text = address.trim().toLowerCase().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (mapped) return mapped[1]!;
  if (!text.includes(':')) return text;
  const [head = '', tail] = text.split('::', 2) as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * The client's address as the socket sees it, or, behind a trusted reverse proxy, the last
 * X-Forwarded-For entry (the one the proxy appended; earlier ones are the client's to invent).
 * Undefined when the request did not come over a socket (tests calling the app directly).
 */
export function clientAddress(c: Context, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
    if (forwarded) return forwarded;
  }
  const env = c.env as { incoming?: unknown; server?: { incoming?: unknown } } | undefined;
  if (!env?.incoming && !env?.server?.incoming) return undefined;
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}
