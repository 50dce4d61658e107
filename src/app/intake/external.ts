/**
 * Storing a report that another system delivered (an SMS gateway, a Telegram export): the same
 * validation, place lookup and sealing as `acceptReport`, plus the channel's own time and id,
 * the sender's pseudonym and media hashes, all in the caller's transaction. Deduplication is by
 * a key the caller derives from the message itself, so a gateway that delivers one SMS three
 * hundred times, or an export imported twice, leaves one report.
 */
import { toStorableText } from '../../core/storable-text.ts';
import { type ReportChannel, type ReportInput, receiptCodeFromBytes, validateReportInput } from '../../core/report.ts';
import type { Queryable } from '../../store/db.ts';
import { type MediaRef, addMediaRefs, setReportOrigin } from '../../store/report-origins.ts';
import { insertReport } from '../../store/reports.ts';
import type { AppContext } from '../context.ts';
import { placeIdFor } from './accept.ts';

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


/**
 * Checks the report as the form's rules would; throws a ValidationError naming each bad field.
 * Control characters and broken UTF-16 that a phone or an export hands us are replaced first:
 * refusing them would lose the message.
 */
export function validateExternalInput(r: ExternalReport['input']): ReportInput {
  const input: Record<string, string> = { what: toStorableText(r.what), howKnown: 'other' };
  if (r.where) input.where = toStorableText(r.where);
  if (r.when) input.when = toStorableText(r.when);
  if (r.contact) input.contact = toStorableText(r.contact);
  return validateReportInput(input);
}

export async function storeExternalReport(ctx: AppContext, tx: Queryable, r: ExternalReport): Promise<StoredExternalReport> {
  const input = validateExternalInput(r.input);
  const placeId = placeIdFor(input.where);
  const { report, created } = await insertReport(tx, {
    input,
    channel: r.channel,
    receiptCode: () => receiptCodeFromBytes(ctx.randomBytes(8)),
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

