/**
 * Storing a report that another system delivered (an SMS gateway, a Telegram export): the same
 * validation, place lookup and sealing as `acceptReport`, plus the channel's own time and id,
 * the sender's pseudonym and media hashes, all in the caller's transaction. Deduplication is by
 * a key the caller derives from the message itself, so a gateway that delivers one SMS three
 * hundred times, or an export imported twice, leaves one report.
 */
import { type ReportChannel, type ReportInput, receiptCodeFromBytes, validateReportInput } from '../core/report.ts';
import type { Queryable } from '../store/db.ts';
import { type MediaRef, addMediaRefs, setReportOrigin } from '../store/report-origins.ts';
import { insertReport } from '../store/reports.ts';
import type { AppContext } from './context.ts';
import { placeIdFor } from './intake.ts';

export interface ExternalReport {
  channel: ReportChannel;
  /** What the report says; `contact` is sealed before it is stored. */
  input: { what: string; where?: string | undefined; when?: string | undefined; contact?: string | undefined };
  /** Stored as the report's idempotency key; the same key again returns the first report. */
  dedupeKey: string;
  externalId?: string | undefined;
  sentAt?: Date | undefined;
  senderHash?: string | undefined;
  sourceId?: number | undefined;
  media?: readonly MediaRef[] | undefined;
}

export interface StoredExternalReport {
  id: number;
  receiptCode: string;
  created: boolean;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A phone or an export may hand us control characters or broken UTF-16 that a person would
 * never have typed into the form; refusing them would lose the message, so they are replaced.
 */
export function cleanText(text: string): string {
  return text.replace(CONTROL, ' ').replace(LONE_SURROGATE, '\uFFFD');
}

/** Checks the report as the form's rules would; throws a ValidationError naming each bad field. */
export function validateExternalInput(r: ExternalReport['input']): ReportInput {
  const input: Record<string, string> = { what: cleanText(r.what), howKnown: 'other' };
  if (r.where) input.where = cleanText(r.where);
  if (r.when) input.when = cleanText(r.when);
  if (r.contact) input.contact = cleanText(r.contact);
  return validateReportInput(input);
}

export async function storeExternalReport(ctx: AppContext, tx: Queryable, r: ExternalReport): Promise<StoredExternalReport> {
  const input = validateExternalInput(r.input);
  const placeId = placeIdFor(input.where);
  const { report, created } = await insertReport(tx, {
    input,
    channel: r.channel,
    receiptCode: receiptCodeFromBytes(ctx.randomBytes(8)),
    receivedAt: ctx.now(),
    ...(input.contact === undefined ? {} : { contactSealed: ctx.sealer.seal(input.contact) }),
    ...(placeId === undefined ? {} : { placeId }),
    ...(r.sourceId === undefined ? {} : { sourceId: r.sourceId }),
    idempotencyKey: r.dedupeKey,
  });
  if (created) {
    await setReportOrigin(tx, report.id, { sentAt: r.sentAt, externalId: r.externalId, senderHash: r.senderHash });
    if (r.media?.length) await addMediaRefs(tx, report.id, r.media);
  }
  return { id: report.id, receiptCode: report.receipt_code, created };
}

