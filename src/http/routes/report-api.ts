/**
 * The JSON intake API, for relays, scripts and the offline queue (publish/client/). Errors are mapped by
 * the app's onError: 400 malformed, 413 oversize, 422 with each field named.
 *
 * There is deliberately no GET for status: a receipt code in a query string ends up in access
 * logs, proxies and browser history. The code goes in a POST body.
 */
import type { Hono } from 'hono';
import { CaravanError, Problems } from '../../core/errors.ts';
import { normalizeReceiptCode } from '../../core/report.ts';
import { reportContractProblems } from '../../core/report-contract.ts';
import type { AppContext } from '../../app/context.ts';
import { describeForLog, refusalOf } from '../database-errors.ts';
import { type Ctx, type Env, shortJson } from '../common.ts';
import { type AcceptedReport, acceptReport, eventPath, lookupReceipt } from '../../app/intake/accept.ts';
import { readJsonBody } from './report-body.ts';
import { RELAY_HEADER } from '../../app/relay/relay.ts';

/** The Idempotency-Key header is a structured-field string: quotes are allowed and not part of the key. */
function headerKey(c: Ctx): string | undefined {
  const raw = c.req.header('idempotency-key');
  if (raw === undefined) return undefined;
  const m = /^\s*"(.*)"\s*$/.exec(raw);
  return m ? m[1]! : raw.trim();
}

function methodNotAllowed(c: Ctx, message: string) {
  c.header('Allow', 'POST');
  return c.json({ error: { code: 'method_not_allowed', message } }, 405);
}

export function registerReportApiRoutes(app: Hono<Env>, ctx: AppContext): void {
  app.post('/api/v1/reports', async (c) => {
    const body = await readJsonBody(c.req.raw);
    // The published schema first, so what it refuses is refused here by name and nothing else is.
    reportContractProblems(body).throwIfAny();
    let receipt: AcceptedReport;
    try {
      // The header only labels the channel: a relay cannot choose a receipt code, it sends a device
      // key, whose code any client could have had.
      const channel = c.req.header(RELAY_HEADER) === '1' ? 'relay' : 'api';
      receipt = await acceptReport(ctx, body, { channel, idempotencyKey: headerKey(c) });
    } catch (err) {
      if (err instanceof CaravanError) throw err;
      const refusal = refusalOf(err);
      if (refusal) throw refusal;
      // Storage failed: a 503 tells the client to retry with the same key, which stores the
      // report once. Only the error is logged, never the report.
      console.error(`report intake failed: ${describeForLog(err)}`);
      return c.json(
        { error: { code: 'not_stored', message: 'the report was not stored; send it again with the same idempotency key' } },
        503,
      );
    }
    c.header('Cache-Control', 'no-store');
    return shortJson(
      c,
      { receiptCode: receipt.receiptCode, state: receipt.state, statusUrl: `${ctx.config.origin}/report/status` },
      receipt.created ? 201 : 200,
    );
  });

  app.get('/api/v1/reports', (c) => methodNotAllowed(c, 'reports are sent with POST; they cannot be listed'));

  app.post('/api/v1/reports/status', async (c) => {
    const body = await readJsonBody(c.req.raw);
    const p = new Problems();
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      p.add('body', 'must be an object like {"code": "7K3M-9QX2-AB4D"}');
      p.throwIfAny();
    }
    const fields = body as Record<string, unknown>;
    for (const key of Object.keys(fields)) if (key !== 'code') p.add(key.slice(0, 100), 'is not a status field');
    const code = normalizeReceiptCode(fields.code);
    if (!code) p.add('code', fields.code === undefined ? 'is required' : 'is not a receipt code (12 letters and digits)');
    p.throwIfAny();
    const status = await lookupReceipt(ctx, code!);
    if (!status) throw new CaravanError('not_found', 'no report with this code');
    c.header('Cache-Control', 'no-store');
    return c.json({
      state: status.state,
      receivedAt: status.receivedOn,
      ...(status.publishedEventId === undefined ? {} : { eventUrl: `${ctx.config.origin}${eventPath(status.publishedEventId)}` }),
    });
  });

  app.get('/api/v1/reports/status', (c) =>
    methodNotAllowed(c, 'send the code in a POST body as {"code": "..."}; codes do not belong in URLs'),
  );
}
