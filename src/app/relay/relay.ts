/**
 * Relaying: this node accepts reports for another chronicle (an origin it is configured to
 * relay for), holds each one in `relay_outbox` exactly as the reporter sent it, and forwards it
 * until the origin confirms it with the receipt code the reporter was given here.
 *
 * The receipt code is known before the origin is reached because every relayed report carries
 * a device key (`device:` and random base64url; the reporter's own, or one the relay draws), and
 * an origin derives a device key's receipt code from the key alone. The same key also makes the
 * origin store a report once however often the relay retries, so the relay can delete its copy
 * only after a confirmation and never lose one: if it dies between the origin's answer and the
 * delete, the next attempt is answered with the report the origin already holds.
 */
import { Buffer } from 'node:buffer';
import { ConflictError, ForbiddenError, Problems } from '../../core/errors.ts';
import { deviceKey } from '../../core/armor.ts';
import { type ReportInput, validateReportInput } from '../../core/report.ts';
import { validateReportJson } from '../../core/report-contract.ts';
import {
  claimDueRelayItems,
  deleteRelayItem,
  insertRelayItem,
  markRelayItemFailed,
  type RelayItem,
  scheduleRelayRetry,
} from '../../store/relay.ts';
import type { Config } from '../config.ts';
import type { AppContext } from '../context.ts';
import { type Periodic, type Timers, backoffMs, startPeriodic } from '../repeat.ts';
import { checkReportFields, idempotencyKeyOf, receiptCodeForDeviceKey } from '../intake/accept.ts';

/** Retry delays double from the configured interval up to `relayMaxDelay`, an hour by default. */

/** The path on an origin that takes relayed reports: its ordinary JSON intake. */
export const ORIGIN_INTAKE_PATH = '/api/v1/reports';

/** Tells an origin a report came through a relay, so it records the channel as `relay`. */
export const RELAY_HEADER = 'x-caravan-relay';

export interface RelayReceipt {
  receiptCode: string;
  relayedTo: string;
  /** False when the relay already held this report (same origin and key). */
  created: boolean;
}

/** The relayed origin a reporter names by host (`kz.example.org`, `127.0.0.1:8080`), if any. */
export function relayOriginFor(config: Pick<Config, 'relayFor'>, host: string): string | undefined {
  const wanted = host.toLowerCase();
  return config.relayFor.find((origin) => new URL(origin).host === wanted);
}

/**
 * Checks a report the way its origin will, stores the envelope unchanged and returns the
 * receipt code the origin will confirm. Durable before it resolves. Throws ForbiddenError for
 * an origin this node does not relay for, ValidationError naming each bad field, ConflictError
 * when the key was already used here for a different report.
 */
export async function acceptRelayedReport(
  ctx: AppContext,
  originHost: string,
  envelope: Uint8Array,
  body: unknown,
  headerKey: string | undefined,
): Promise<RelayReceipt> {
  const origin = relayOriginFor(ctx.config, originHost);
  if (!origin) {
    throw new ForbiddenError(
      ctx.config.relayFor.length === 0
        ? `this node relays for no chronicle, so not for ${originHost.slice(0, 200)}`
        : `this node does not relay for ${originHost.slice(0, 200)}`,
    );
  }
  const report = checkRelayedReport(body, headerKey);
  const idempotencyKey = report.key ?? deviceKey(Buffer.from(ctx.randomBytes(16)).toString('base64url'));
  const receiptCode = receiptCodeForDeviceKey(idempotencyKey);
  const { item, created } = await ctx.db.transaction((tx) =>
    insertRelayItem(tx, { originUrl: origin, envelope, idempotencyKey, receiptCode, createdAt: ctx.now() }),
  );
  if (!created && !sameEnvelope(item.envelope, envelope, report.input)) {
    throw new ConflictError('idempotencyKey was already used for a different report');
  }
  return { receiptCode: item.receipt_code, relayedTo: origin, created };
}

/** The intake's own checks (accept.ts), under the JSON API's contract: what the origin would refuse, the relay refuses. */
function checkRelayedReport(body: unknown, headerKey: string | undefined): { input: ReportInput; key?: string } {
  const problems = new Problems();
  const input = checkReportFields(problems, body, validateReportJson);
  const key = idempotencyKeyOf(problems, body, headerKey, true);
  problems.throwIfAny();
  return key === undefined ? { input: input! } : { input: input!, key };
}

function sameEnvelope(held: Uint8Array, sent: Uint8Array, input: ReportInput): boolean {
  if (Buffer.from(held).equals(Buffer.from(sent))) return true;
  // The same report resent with other spacing is still the same report.
  try {
    const heldInput = validateReportInput(JSON.parse(new TextDecoder().decode(held)));
    return JSON.stringify(heldInput) === JSON.stringify(input);
  } catch {
    return false;
  }
}

/**
 * Delay before attempt `failures + 1`, by the one backoff rule (`backoffMs`): doubling from the
 * interval up to the cap, jittered in the upper half of each step, so relays that lost the same
 * origin do not return in step.
 */
export function retryDelayMs(
  failures: number,
  config: Pick<Config, 'relayInterval' | 'relayMaxDelay'>,
  random: () => number = Math.random,
): number {
  return backoffMs(failures, { baseMs: config.relayInterval * 1000, maxMs: config.relayMaxDelay * 1000, random });
}

/** What to do with a held report after the origin answered (or did not). */
export type ForwardOutcome =
  | { kind: 'delivered' }
  | { kind: 'retry'; error: string; retryAfterMs?: number }
  | { kind: 'refused'; error: string };

/** Reads an origin's answer; `body` is its parsed JSON, if it sent any. */
export function judgeOriginAnswer(status: number, body: unknown, expectedCode: string, retryAfter?: string | null): ForwardOutcome {
  const answer = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  if (status === 200 || status === 201) {
    if (answer.receiptCode === expectedCode) return { kind: 'delivered' };
    // The origin holds the report but under another code, so the reporter's code will not work
    // there: an operator has to see this, and retrying cannot change it.
    return {
      kind: 'refused',
      error: `origin stored the report under receipt code ${String(answer.receiptCode).slice(0, 40)}, not ${expectedCode}`,
    };
  }
  const error = answer.error as { code?: unknown; message?: unknown } | undefined;
  const said = error ? `: ${String(error.code ?? '')} ${String(error.message ?? '')}`.slice(0, 500) : '';
  if (status === 408 || status === 429 || status >= 500) {
    const seconds = retryAfter && /^\d{1,7}$/.test(retryAfter.trim()) ? Number(retryAfter.trim()) : undefined;
    return { kind: 'retry', error: `origin answered ${status}${said}`, ...(seconds === undefined ? {} : { retryAfterMs: seconds * 1000 }) };
  }
  if (status >= 300 && status < 400)
    return { kind: 'refused', error: `origin answered ${status} (a redirect); relay for the URL it redirects to` };
  return { kind: 'refused', error: `origin refused the report with ${status}${said}` };
}

export interface ForwarderOptions {
  /** Replaceable for tests; defaults to the global fetch. */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /** Per attempt; an origin that does not answer in time is tried again later. */
  timeoutMs?: number;
  /** Rows sent at once. */
  batch?: number;
  random?: () => number;
  /** Aborts attempts under way (shutdown). */
  signal?: AbortSignal;
}

export interface ForwardSummary {
  delivered: number;
  retrying: number;
  refused: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * One pass: sends every due report to its origin and records each outcome. Returns counts; errors
 * of single attempts are recorded on their rows, not thrown.
 */
export async function forwardDueReports(ctx: AppContext, opts: ForwarderOptions = {}): Promise<ForwardSummary> {
  const summary: ForwardSummary = { delivered: 0, retrying: 0, refused: 0 };
  const batch = opts.batch ?? 10;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  for (;;) {
    if (opts.signal?.aborted) return summary;
    const now = ctx.now();
    // The lease outlasts the attempt, so a row is not sent twice at once, yet comes back if this
    // process dies before recording the outcome.
    const items = await claimDueRelayItems(ctx.db, now, new Date(now.getTime() + timeoutMs + 60_000), batch);
    await Promise.all(
      items.map(async (item) => {
        const outcome = await forwardOne(item, opts, timeoutMs);
        await recordOutcome(ctx, item, outcome, opts.random);
        if (outcome.kind === 'delivered') summary.delivered++;
        else if (outcome.kind === 'retry') summary.retrying++;
        else summary.refused++;
      }),
    );
    if (items.length < batch) return summary;
  }
}

async function forwardOne(item: RelayItem, opts: ForwarderOptions, timeoutMs: number): Promise<ForwardOutcome> {
  const doFetch = opts.fetch ?? ((url: string, init: RequestInit) => fetch(url, init));
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  try {
    const res = await doFetch(item.origin_url + ORIGIN_INTAKE_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': item.idempotency_key, [RELAY_HEADER]: '1' },
      body: item.envelope as Uint8Array<ArrayBuffer>,
      // A redirected POST may arrive as a GET elsewhere; the operator should fix the origin URL.
      redirect: 'manual',
      signal,
    });
    let body: unknown;
    try {
      body = res.status === 204 ? undefined : await res.json();
    } catch {
      body = undefined;
    }
    return judgeOriginAnswer(res.status, body, item.receipt_code, res.headers.get('retry-after'));
  } catch (err) {
    const reason = timeout.aborted ? `no answer within ${timeoutMs / 1000} s` : describeNetworkError(err);
    return { kind: 'retry', error: `origin unreachable: ${reason}` };
  }
}

function describeNetworkError(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string } };
  return `${e?.cause?.code ?? e?.name ?? 'error'} ${e?.message ?? ''}`.trim().slice(0, 300);
}

async function recordOutcome(ctx: AppContext, item: RelayItem, outcome: ForwardOutcome, random?: () => number): Promise<void> {
  const now = ctx.now();
  if (outcome.kind === 'delivered') {
    await deleteRelayItem(ctx.db, item.id);
  } else if (outcome.kind === 'refused') {
    await markRelayItemFailed(ctx.db, item.id, now, outcome.error);
  } else {
    const backoff = retryDelayMs(item.attempts, ctx.config, random);
    const delay = Math.min(ctx.config.relayMaxDelay * 1000, Math.max(backoff, outcome.retryAfterMs ?? 0));
    await scheduleRelayRetry(ctx.db, item.id, new Date(now.getTime() + delay), outcome.error);
  }
}

/** Polls the outbox every `config.relayInterval` seconds until stopped; `stop` aborts attempts under way and waits for their outcomes to be recorded. */
export function startRelayForwarder(ctx: AppContext, opts: Omit<ForwarderOptions, 'signal'> & { timers?: Timers } = {}): Periodic {
  const { timers, ...forward } = opts;
  return startPeriodic((signal) => forwardDueReports(ctx, { ...forward, signal }), {
    name: 'relay forwarder',
    delayMs: ctx.config.relayInterval * 1000,
    ...(timers ? { timers } : {}),
  });
}
