/**
 * SMSSync (Ushahidi's SMS gateway app for Android) posts each received SMS as a form:
 * from, message, message_id, sent_to, secret, device_id, sent_timestamp. It retries until the
 * reply is `{"payload":{"success":true,"error":null}}`, so a server that answers anything else
 * for a message it kept gets that message again and again.
 */
import { type FieldProblem, ValidationError } from '../core/errors.ts';
import { type SmsTimestampProblem, parseSmsTimestamp } from './sms-time.ts';

export interface SmsSyncMessage {
  /** The sender's number as the phone saw it. */
  from: string;
  message: string;
  /** SMSSync's id for the message (a UUID on current versions). */
  messageId?: string;
  /** The gateway phone's own number, when it knows it. */
  sentTo?: string;
  deviceId?: string;
  /** When the SMS was sent, from sent_timestamp (seconds or milliseconds since 1970). */
  sentAt?: Date;
  /** The secret the app was configured with; the server compares it. */
  secret?: string;
}

/** SMSSync's success reply: anything else makes it try the same message again later. */
export const SMSSYNC_SUCCESS = { payload: { success: true, error: null } } as const;

export function smsSyncFailure(error: string) {
  return { payload: { success: false, error } } as const;
}

const MAX_FIELD = 200;
const MAX_MESSAGE = 5000;

/** Reads SMSSync's form fields; throws a ValidationError naming each bad one. */
export function parseSmsSyncForm(form: Readonly<Record<string, string | undefined>>): SmsSyncMessage {
  const problems: FieldProblem[] = [];
  const short = (name: string): string | undefined => {
    const v = form[name]?.trim();
    if (!v) return undefined;
    if (v.length > MAX_FIELD) problems.push({ field: name, message: `must be at most ${MAX_FIELD} characters` });
    return v;
  };
  const from = short('from');
  if (!from) problems.push({ field: 'from', message: 'is required: the sender of the SMS' });
  const message = form.message ?? '';
  if (!message.trim()) problems.push({ field: 'message', message: 'is required: the text of the SMS' });
  if (message.length > MAX_MESSAGE) problems.push({ field: 'message', message: `must be at most ${MAX_MESSAGE} characters` });
  const messageId = short('message_id');
  const sentTo = short('sent_to');
  const deviceId = short('device_id');
  const secret = form.secret;
  let sentAt: Date | undefined;
  const stamp = form.sent_timestamp?.trim();
  if (stamp) {
    const parsed: Date | SmsTimestampProblem = parseSmsTimestamp(stamp);
    if (parsed instanceof Date) sentAt = parsed;
    else problems.push({ field: 'sent_timestamp', message: parsed.problem });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  const out: SmsSyncMessage = { from: from!, message };
  if (messageId) out.messageId = messageId;
  if (sentTo) out.sentTo = sentTo;
  if (deviceId) out.deviceId = deviceId;
  if (sentAt) out.sentAt = sentAt;
  if (secret !== undefined) out.secret = secret;
  return out;
}
