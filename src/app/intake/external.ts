/**
 * Storing a report that another system delivered (an SMS gateway, a Telegram export): the same
 * checks and the same writer as `acceptReport` (accept.ts), plus the channel's own time and id,
 * the sender's pseudonym and media hashes, all in the caller's transaction. Deduplication is by
 * a key the caller derives from the message itself, so a gateway that delivers one SMS three
 * hundred times, or an export imported twice, leaves one report.
 */
import { toStorableText } from '../../core/storable-text.ts';
import { Problems } from '../../core/errors.ts';
import type { ReportChannel, ReportInput } from '../../core/report.ts';
import type { Queryable } from '../../store/db.ts';
import { type MediaRef, addMediaRefs, setReportOrigin } from '../../store/report-origins.ts';
import type { AppContext } from '../context.ts';
import { checkReportFields, prepareReport, writeReport } from './accept.ts';

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
  const problems = new Problems();
  const report = checkReportFields(problems, input);
  problems.throwIfAny();
  return report!;
}

export async function storeExternalReport(ctx: AppContext, tx: Queryable, r: ExternalReport): Promise<StoredExternalReport> {
  const input = validateExternalInput(r.input);
  const { report, created } = await writeReport(
    tx,
    prepareReport(ctx, { input, channel: r.channel, idempotencyKey: r.dedupeKey, sourceId: r.sourceId, sentAt: r.sentAt }),
  );
  if (created) {
    await setReportOrigin(tx, report.id, { sentAt: r.sentAt, externalId: r.externalId, senderHash: r.senderHash });
    if (r.media?.length) await addMediaRefs(tx, report.id, r.media);
  }
  return { id: report.id, receiptCode: report.receipt_code, created };
}
