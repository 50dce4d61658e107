/**
 * The intake routes' budgets as middleware: a request is admitted or refused before its body is
 * read, by its Content-Length; a body without one is counted as it arrives, so a refused upload
 * never reaches the disk whole.
 * Refusals are 429 with Retry-After and name the budget; the clients at fault and the ones merely
 * caught in an overall budget get the same status, since both are told to come back later. A disk
 * nearly full is 507: no budget of the client's is spent, and nothing will change by itself.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { LimitRefusedPage } from '../../publish/limit-pages.tsx';
import { smsSyncFailure } from '../../channels/smssync.ts';
import { clientAddress, clientNetwork } from '../../app/limits/client-key.ts';
import type { AppContext } from '../../app/context.ts';
import type { Env } from '../common.ts';
import type { IntakeBudget, IntakeRefusal } from '../../app/limits/intake-limits.ts';
import { isRefusal } from '../../app/limits/intake-limits.ts';

/** How a door answers a refusal: the report form's page, JSON, or SMSSync's own JSON. */
export type RefusalStyle = 'page' | 'json' | 'smssync';

/**
 * The SMS doors' budget, asked once the gateway has proven itself with its secret: only the
 * overall budgets apply, since one phone relays the messages of everyone who texts it. The
 * answer to send, or undefined to go on.
 */
export async function smsRefusal(
  c: Context<Env>,
  ctx: AppContext,
  bytes: number,
  style: 'json' | 'smssync',
): Promise<Response | undefined> {
  const full = await diskRefusal(ctx, bytes);
  if (full) {
    ctx.limits.hits.record(full.limit);
    return refusalResponse(c, ctx, full, style);
  }
  const admitted = ctx.limits.intake.admit(undefined, bytes);
  if (!isRefusal(admitted)) {
    admitted.addBytes(bytes);
    return undefined;
  }
  ctx.limits.hits.record(admitted.limit);
  return refusalResponse(c, ctx, admitted, style);
}

export function describeRefusal(r: IntakeRefusal, budget: IntakeBudget, periodSeconds: number): string {
  const period = periodSeconds % 3600 === 0 ? `${periodSeconds / 3600} h` : `${periodSeconds} s`;
  const mib = (n: number) => (n >= 2 ** 20 ? `${Math.round(n / 2 ** 20)} MiB` : `${Math.round(n / 1024)} KiB`);
  const what = {
    client_reports: `this client has sent ${budget.clientReports} reports in this period of ${period}, the most one client may`,
    client_bytes: `this client has sent ${mib(budget.clientBytes)} in this period of ${period}, the most one client may`,
    total_reports: `the chronicle has taken ${budget.totalReports} reports in this period of ${period}, all it takes`,
    total_bytes: `the chronicle has taken ${mib(budget.totalBytes)} in this period of ${period}, all it stores`,
    disk_reserve: 'the chronicle’s disk is nearly full and its editors have been told',
  }[r.limit];
  return `${what}; nothing was stored: send it again in ${r.retryAfter} seconds`;
}

async function refusalResponse(c: Context<Env>, ctx: AppContext, r: IntakeRefusal, style: RefusalStyle): Promise<Response> {
  const headers = { 'Retry-After': String(r.retryAfter), 'Cache-Control': 'no-store' };
  // A full disk is no fault of the client's: 507, which every client of ours retries like a 503.
  const status = r.limit === 'disk_reserve' ? 507 : 429;
  const message = describeRefusal(r, ctx.config.intakeBudget, ctx.config.limitPeriod);
  if (style === 'page') {
    const page = <LimitRefusedPage lang={c.get('lang')} path="/report" reason={r.limit} retryAfter={r.retryAfter} />;
    return new Response(await page.toString(), { status, headers: { ...headers, 'Content-Type': 'text/html; charset=UTF-8' } });
  }
  const code = r.limit === 'disk_reserve' ? 'store_full' : 'rate_limited';
  const body = style === 'smssync' ? smsSyncFailure(message) : { error: { code, limit: r.limit, message, retryAfter: r.retryAfter } };
  return Response.json(body, { status, headers });
}

/**
 * Counts a request body as it streams and errors it once a budget is spent. The socket's stream
 * is let go rather than cancelled: cancelling it would destroy the socket before the 429 is sent,
 * whereas the server drains what is left of a body it stopped reading.
 */
function countedBody(req: Request, charge: (n: number) => IntakeRefusal | undefined, refused: (r: IntakeRefusal) => void): Request {
  const reader = req.body!.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) return controller.close();
      const refusal = charge(value.byteLength);
      if (!refusal) return controller.enqueue(value);
      refused(refusal);
      reader.releaseLock();
      controller.error(new Error('intake budget spent'));
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return new Request(req.url, { method: req.method, headers: req.headers, body, duplex: 'half' } as RequestInit);
}

/** How long a client is asked to wait when the disk is nearly full: editors need time to act. */
const DISK_RETRY_SECONDS = 600;

/** A refusal when taking `bytes` more (or, unknown, any) would eat into the disk's reserve. */
async function diskRefusal(ctx: AppContext, bytes: number | undefined): Promise<IntakeRefusal | undefined> {
  const reserve = ctx.config.diskReserve;
  if (reserve === 0) return undefined;
  const free = await ctx.limits.freeBytes();
  if (free === undefined || free - (bytes ?? 0) >= reserve) return undefined;
  return { limit: 'disk_reserve', retryAfter: DISK_RETRY_SECONDS };
}

/** Budgets for one intake door that anyone may post to. */
export function intakeGuard(ctx: AppContext, style: 'page' | 'json'): MiddlewareHandler<Env> {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const limits = ctx.limits;
    const address = clientAddress(c, ctx.config.trustProxy);
    const client = address === undefined ? undefined : limits.keys.keyOf(`intake:${clientNetwork(address)}`);
    const length = c.req.header('content-length');
    const declared = length !== undefined && /^\d{1,15}$/.test(length) ? Number(length) : undefined;
    const full = await diskRefusal(ctx, declared);
    if (full) {
      limits.hits.record(full.limit);
      return refusalResponse(c, ctx, full, style);
    }
    const admitted = limits.intake.admit(client, declared);
    if (isRefusal(admitted)) {
      limits.hits.record(admitted.limit);
      return refusalResponse(c, ctx, admitted, style);
    }
    let late: IntakeRefusal | undefined;
    // A body with Content-Length was charged whole on admission; only one without is counted as it streams.
    if (declared === undefined && c.req.raw.body) c.req.raw = countedBody(c.req.raw, admitted.addBytes, (r) => (late = r));
    await next();
    if (late) {
      limits.hits.record(late.limit);
      c.res = undefined;
      c.res = await refusalResponse(c, ctx, late, style);
    }
  };
}
