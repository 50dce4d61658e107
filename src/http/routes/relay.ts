/**
 * The relay's intake: `POST /api/v1/relay/<origin host>/reports` takes the same JSON body as the
 * origin's `POST /api/v1/reports` and answers 202 once the report is held here. The body is kept
 * byte for byte, so what reaches the origin is what the reporter sent (an age-encrypted contact
 * included). The origin is named by host because a reporter may only know "kz.example.org".
 */
import type { Hono } from 'hono';
import { CaravanError } from '../../core/errors.ts';
import type { AppContext } from '../../app/context.ts';
import { describeForLog, refusalOf } from '../database-errors.ts';
import type { Env } from '../common.ts';
import { type RelayReceipt, acceptRelayedReport } from '../../app/relay/relay.ts';
import { readCappedBody, readJsonBody } from './report-body.ts';

export function registerRelayRoutes(app: Hono<Env>, ctx: AppContext): void {
  app.post('/api/v1/relay/:origin/reports', async (c) => {
    const bytes = await readCappedBody(c.req.raw);
    // The origin's own reader, over the bytes kept: the same 400s for the same bodies.
    const body = await readJsonBody(
      new Request('http://relay.invalid/', {
        method: 'POST',
        headers: { 'content-type': c.req.header('content-type') ?? '' },
        body: bytes,
      }),
    );
    let receipt: RelayReceipt;
    try {
      receipt = await acceptRelayedReport(ctx, c.req.param('origin'), bytes, body, headerKey(c.req.header('idempotency-key')));
    } catch (err) {
      if (err instanceof CaravanError) throw err;
      const refusal = refusalOf(err);
      if (refusal) throw refusal;
      console.error(`relay intake failed: ${describeForLog(err)}`);
      return c.json(
        { error: { code: 'not_stored', message: 'the report was not stored; send it again with the same idempotency key' } },
        503,
      );
    }
    c.header('Cache-Control', 'no-store');
    return c.json({ receiptCode: receipt.receiptCode, relayedTo: receipt.relayedTo, statusUrl: `${receipt.relayedTo}/report/status` }, 202);
  });
}

/** The Idempotency-Key header is a structured-field string: quotes are allowed and not part of the key. */
function headerKey(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const m = /^\s*"(.*)"\s*$/.exec(raw);
  return m ? m[1]! : raw.trim();
}
