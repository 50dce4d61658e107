/**
 * An SMS, whichever Android app relayed it, becomes one report. The keypad format fills in
 * place and time when the sender used it; the text is kept exactly as sent either way. The
 * sender's number is sealed as the report's contact (revealed only by an admin, recorded) and
 * otherwise appears only as a keyed hash that groups one sender's messages.
 *
 * Gateways resend until they see a success they understand, and some resend under a new id, so
 * deduplication is by the message itself: sender, time sent and text. The same SMS delivered
 * three hundred times is one report; the same words sent again a minute later are another.
 */
import { createHmac } from 'node:crypto';
import { toStorableText } from '../../core/storable-text.ts';
import { parseKeypadMessage } from '../../channels/sms-format.ts';
import type { AppContext } from '../context.ts';
import { storeExternalReport } from './external.ts';
import { normalizePhoneNumber, senderHash } from '../keys/sender-key.ts';

export interface IncomingSms {
  /** The sender's number. */
  from: string;
  message: string;
  /** The gateway's id for this delivery, kept for tracing. */
  deliveryId?: string | undefined;
  /** When the SMS was sent (or received by the gateway phone), as the gateway says. */
  sentAt?: Date | undefined;
  gateway: 'smssync' | 'sms-gateway';
}

export interface AcceptedSms {
  reportId: number;
  /** False when this SMS was already stored. */
  created: boolean;
}

/** Stores the SMS as a report, or finds the one it already is. Throws ValidationError for an unusable SMS. */
export async function acceptSms(ctx: AppContext, given: IncomingSms): Promise<AcceptedSms> {
  // The id is only for tracing: a NUL in it must not cost the message (the text and the sender
  // are cleaned the same way when the report is stored).
  const sms = given.deliveryId === undefined ? given : { ...given, deliveryId: toStorableText(given.deliveryId) };
  const keypad = parseKeypadMessage(sms.message);
  const report = {
    channel: 'sms' as const,
    // The whole text as sent: the keypad fields are a reading of it, not a replacement.
    input: { what: sms.message, where: keypad.where, when: keypad.when, contact: sms.from.trim() },
    dedupeKey: smsDedupeKey(ctx.senderKey, sms),
    externalId: sms.deliveryId === undefined ? undefined : `${sms.gateway}:${sms.deliveryId}`,
    sentAt: sms.sentAt,
    senderHash: senderHash(ctx.senderKey, sms.from),
  };
  const stored = await ctx.db.transaction((tx) => storeExternalReport(ctx, tx, report));
  return { reportId: stored.id, created: stored.created };
}

/**
 * Keyed, so the stored key says nothing about the number or the text. Without a time, the
 * gateway's delivery id stands in; without either, one sender's identical texts are one report.
 */
export function smsDedupeKey(key: Uint8Array, sms: IncomingSms): string {
  const when = sms.sentAt ? `t:${Math.floor(sms.sentAt.getTime() / 1000)}` : sms.deliveryId ? `id:${sms.gateway}:${sms.deliveryId}` : '';
  const mac = createHmac('sha256', key)
    .update(['sms', normalizePhoneNumber(sms.from), when, sms.message.trim()].join('\0'))
    .digest('base64url');
  return `sms:${mac}`;
}
