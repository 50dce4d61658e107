/**
 * Two doors for SMS relayed by an Android phone on the ground:
 *
 * - `POST /api/v1/sms/smssync`: SMSSync's form post, with the shared secret in the form. Every
 *   answer is SMSSync's own JSON, so the app shows our reason when it fails. A message that can
 *   never be stored gets the failure reply with 200, as SMSSync's documentation has it; only a
 *   failure a retry can mend answers 503.
 * - `POST /api/v1/sms/gateway`: SMS Gateway for Android's webhook, signed with HMAC-SHA256 over
 *   the raw body and X-Timestamp; a timestamp more than five minutes off is refused, so a
 *   captured request cannot be replayed later.
 *
 * Each door is closed (404) until its secret is configured.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Hono } from 'hono';
import { BadRequestError, CaravanError } from '../../core/errors.ts';
import { isGatewaySms, parseGatewayWebhook } from '../../channels/sms-gateway.ts';
import { SMSSYNC_SUCCESS, parseSmsSyncForm, smsSyncFailure } from '../../channels/smssync.ts';
import type { AppContext } from '../../app/context.ts';
import { describeForLog, refusalOf } from '../database-errors.ts';
import { type Ctx, type Env, errorJson, statusOf } from '../common.ts';
import { acceptSms } from '../../app/intake/sms.ts';
import { smsRefusal } from '../middleware/intake-guard.tsx';
import { readCappedBody, readFormBody } from './report-body.ts';

export const SMSSYNC_PATH = '/api/v1/sms/smssync';
export const SMS_GATEWAY_PATH = '/api/v1/sms/gateway';

/** How far X-Timestamp may be from our clock: the gateway app's documentation suggests five minutes. */
export const GATEWAY_CLOCK_SKEW_SECONDS = 300;

/** Compares two secrets in constant time whatever their lengths. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function notStored(err: unknown): string {
  // Only the error, never the message or the sender.
  console.error(`SMS intake failed: ${describeForLog(err)}`);
  return 'the SMS was not stored; send it again';
}

export function registerSmsRoutes(app: Hono<Env>, ctx: AppContext): void {
  app.post(SMSSYNC_PATH, async (c) => {
    c.header('Cache-Control', 'no-store');
    const secret = ctx.config.smssyncSecret;
    if (!secret) return c.json(smsSyncFailure('SMSSync intake is not configured on this server'), 404);
    try {
      const form = await readFormBody(c.req.raw);
      const fields = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]));
      if (!sameSecret(fields.secret ?? '', secret)) return c.json(smsSyncFailure('the secret key does not match this server'), 403);
      const refused = await smsRefusal(c, ctx, Number(c.req.header('content-length') ?? 0) || 0, 'smssync');
      if (refused) return refused;
      const sms = parseSmsSyncForm(fields);
      await acceptSms(ctx, { gateway: 'smssync', from: sms.from, message: sms.message, deliveryId: sms.messageId, sentAt: sms.sentAt });
      return c.json(SMSSYNC_SUCCESS, 200);
    } catch (err) {
      // A message we cannot store would fail the same way on every retry: SMSSync's documented
      // failure reply, with 200 and the field at fault, ends it. A 503 is only for what a retry can fix.
      const refusal = err instanceof CaravanError ? err : refusalOf(err);
      if (refusal) return c.json(smsSyncFailure(refusal.message), 200);
      return c.json(smsSyncFailure(notStored(err)), 503);
    }
  });

  app.post(SMS_GATEWAY_PATH, async (c) => {
    c.header('Cache-Control', 'no-store');
    const secret = ctx.config.smsGatewaySecret;
    if (!secret) return c.json({ error: { code: 'not_configured', message: 'SMS Gateway intake is not configured on this server' } }, 404);
    const raw = await readCappedBody(c.req.raw);
    const refusal = checkSignature(c, secret, raw, ctx.now());
    if (refusal) return c.json({ error: { code: 'bad_signature', message: refusal } }, 401);
    try {
      const event = parseGatewayWebhook(parseJson(raw));
      if (!isGatewaySms(event)) return c.json({ ok: true, stored: false, event: event.event }, 200);
      const refused = await smsRefusal(c, ctx, raw.byteLength, 'json');
      if (refused) return refused;
      const stored = await acceptSms(ctx, {
        gateway: 'sms-gateway',
        from: event.phoneNumber,
        message: event.message,
        deliveryId: event.envelope.id,
        sentAt: event.receivedAt,
      });
      return c.json({ ok: true, stored: stored.created, report: stored.reportId }, 200);
    } catch (err) {
      // A 4xx ends the app's retries; a 503 is only for what a retry can fix.
      const refusal = err instanceof CaravanError ? err : refusalOf(err);
      if (refusal) return c.json(errorJson(refusal), statusOf(refusal));
      return c.json({ error: { code: 'not_stored', message: notStored(err) } }, 503);
    }
  });
}

/** Why the request is refused, or undefined when its signature and time are good. */
function checkSignature(c: Ctx, secret: string, raw: Uint8Array, now: Date): string | undefined {
  const timestamp = c.req.header('x-timestamp')?.trim();
  const signature = c.req.header('x-signature')?.trim().toLowerCase();
  if (!timestamp || !signature) return 'X-Timestamp and X-Signature headers are required';
  if (!/^\d{1,12}$/.test(timestamp)) return 'X-Timestamp must be a Unix time in seconds';
  if (Math.abs(Number(timestamp) - now.getTime() / 1000) > GATEWAY_CLOCK_SKEW_SECONDS) {
    return `X-Timestamp is more than ${GATEWAY_CLOCK_SKEW_SECONDS / 60} minutes from this server's clock: check the phone's time`;
  }
  const expected = createHmac('sha256', secret).update(raw).update(timestamp).digest();
  const given = /^[0-9a-f]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : undefined;
  if (!given || !timingSafeEqual(given, expected)) return 'X-Signature does not match: check the signing key';
  return undefined;
}

function parseJson(raw: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new BadRequestError('the body is not valid UTF-8', 'bad_encoding');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadRequestError('the body is not valid JSON', 'malformed_json');
  }
}
