/**
 * SMS Gateway for Android (capcom6/android-sms-gateway) webhooks. The phone posts a JSON
 * envelope per event:
 *
 *     {"deviceId": "...", "event": "sms:received", "id": "Ey6ECgOkVVFjz3CL48B8C", "webhookId": "...",
 *      "payload": {"messageId": "...", "message": "...", "phoneNumber": "+7...", "simNumber": 1,
 *                  "receivedAt": "2022-01-05T14:00:00.000+06:00"}}
 *
 * signed with HMAC-SHA256 over the raw body followed by the X-Timestamp header. `id` is the
 * event's id and stays the same across the app's retries; the payload's `messageId` is derived
 * from the content and, by the app's own documentation, not unique.
 */
import { type FieldProblem, ValidationError } from '../core/errors.ts';

export const GATEWAY_RECEIVED_EVENT = 'sms:received';

export interface GatewayEnvelope {
  /** The event's id: the same on every retry of one delivery. */
  id: string;
  event: string;
  deviceId?: string;
  webhookId?: string;
}

export interface GatewaySms {
  envelope: GatewayEnvelope;
  /** The sender's number. */
  phoneNumber: string;
  message: string;
  /** When the phone received the SMS (the app sends its local time with an offset). */
  receivedAt?: Date;
  messageId?: string;
}

const MAX_ID = 200;
const MAX_MESSAGE = 5000;
/** RFC 3339 with an offset or Z: a time without a zone would be read in the server's zone. */
const ZONED_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

function text(problems: FieldProblem[], obj: Record<string, unknown>, name: string, field: string, max: number): string | undefined {
  const v = obj[name];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') {
    problems.push({ field, message: 'must be text' });
    return undefined;
  }
  if (v.length > max) problems.push({ field, message: `must be at most ${max} characters` });
  return v;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a webhook body (already JSON-parsed). Returns the envelope alone for events other than
 * sms:received (pings, sent and delivery reports), which carry no report.
 */
export function parseGatewayWebhook(body: unknown): GatewayEnvelope | GatewaySms {
  const problems: FieldProblem[] = [];
  if (!isObject(body)) throw new ValidationError([{ field: 'body', message: 'must be a JSON object' }]);
  const id = text(problems, body, 'id', 'id', MAX_ID);
  if (!id && !problems.some((p) => p.field === 'id')) problems.push({ field: 'id', message: 'is required: the event id' });
  const event = text(problems, body, 'event', 'event', MAX_ID);
  if (!event && !problems.some((p) => p.field === 'event')) problems.push({ field: 'event', message: 'is required, e.g. sms:received' });
  const deviceId = text(problems, body, 'deviceId', 'deviceId', MAX_ID);
  const webhookId = text(problems, body, 'webhookId', 'webhookId', MAX_ID);
  if (problems.length > 0) throw new ValidationError(problems);
  const envelope: GatewayEnvelope = { id: id!, event: event! };
  if (deviceId) envelope.deviceId = deviceId;
  if (webhookId) envelope.webhookId = webhookId;
  if (event !== GATEWAY_RECEIVED_EVENT) return envelope;

  const payload = body.payload;
  if (!isObject(payload)) throw new ValidationError([{ field: 'payload', message: 'must be an object with the SMS' }]);
  // Releases have named the sender "phoneNumber"; "sender" is accepted for forks that rename it.
  const phoneNumber =
    text(problems, payload, 'phoneNumber', 'payload.phoneNumber', MAX_ID) ?? text(problems, payload, 'sender', 'payload.sender', MAX_ID);
  if (!phoneNumber && !problems.some((p) => p.field.startsWith('payload.'))) {
    problems.push({ field: 'payload.phoneNumber', message: 'is required: the sender of the SMS' });
  }
  const message = text(problems, payload, 'message', 'payload.message', MAX_MESSAGE);
  if (!message?.trim() && !problems.some((p) => p.field === 'payload.message')) {
    problems.push({ field: 'payload.message', message: 'is required: the text of the SMS' });
  }
  const messageId = text(problems, payload, 'messageId', 'payload.messageId', MAX_ID);
  const receivedText = text(problems, payload, 'receivedAt', 'payload.receivedAt', 64);
  let receivedAt: Date | undefined;
  if (receivedText !== undefined) {
    const t = ZONED_TIME.test(receivedText) ? Date.parse(receivedText) : NaN;
    if (Number.isNaN(t))
      problems.push({ field: 'payload.receivedAt', message: 'must be a time with its offset, e.g. 2022-01-05T14:00:00.000+06:00' });
    else receivedAt = new Date(t);
  }
  if (problems.length > 0) throw new ValidationError(problems);
  const sms: GatewaySms = { envelope, phoneNumber: phoneNumber!, message: message! };
  if (receivedAt) sms.receivedAt = receivedAt;
  if (messageId) sms.messageId = messageId;
  return sms;
}

export function isGatewaySms(v: GatewayEnvelope | GatewaySms): v is GatewaySms {
  return 'message' in v;
}
