/**
 * The one intake path. Every channel ends here: the web form, the JSON API and the offline
 * queue, armored blocks and what a relay forwards through `acceptReport`; SMS gateways and
 * Telegram exports through `storeExternalReport` (external.ts), which replaces what a phone
 * cannot help sending instead of refusing it. Both run `checkReportFields`, read keys with
 * `idempotencyKeyOf` and store with `writeReport`, the one writer of report rows; a relay holding
 * a report for another chronicle runs the same checks first (relay/relay.ts). The report is
 * durable before `acceptReport` resolves, which is what lets a channel acknowledge it.
 */
import { createHash } from 'node:crypto';
import { ConflictError, Problems, ValidationError } from '../../core/errors.ts';
import { resolvePlace } from '../../core/gazetteer/search.ts';
import { readReport } from '../../core/reading/read.ts';
import { unstorableReason } from '../../core/storable-text.ts';
import {
  type ReportChannel,
  type ReportInput,
  type ReportState,
  DEVICE_RECEIPT_PREFIX,
  receiptCodeFromBytes,
  validateReportInput,
} from '../../core/report.ts';
import type { Queryable } from '../../store/db.ts';
import { getPublishedEvent } from '../../store/events.ts';
import { type NewReport, type ReceiptRow, type ReportRow, findReportByReceipt, insertReportForReceipt } from '../../store/reports.ts';
import type { AppContext } from '../context.ts';

export interface AcceptOptions {
  channel: ReportChannel;
  /**
   * Chosen by the sender so a resent submission is stored once. Takes precedence over an
   * `idempotencyKey` inside the input; the two must agree when both are given.
   */
  idempotencyKey?: string | undefined;
  /**
   * Stores what came with the report (media) inside the report's transaction, so both commit
   * or neither does. Not called when the idempotency key returns an earlier report.
   */
  attach?: ((tx: Queryable, reportId: number) => Promise<void>) | undefined;
}

export interface AcceptedReport {
  receiptCode: string;
  /** False when the idempotency key was seen before and the earlier report is returned. */
  created: boolean;
  state: ReportState;
}

/** A top candidate at least this good is recorded; the reporter never picks from a list. */
export const PLACE_SCORE_THRESHOLD = 0.8;

/** UUIDs, base64 and base64url tokens fit; nothing that could carry a message or a NUL. */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._~:+/=-]{8,128}$/;

/** `device:` and 16 to 32 random bytes in base64url: see core/armor.ts. */
const DEVICE_KEY = /^device:[A-Za-z0-9_-]{22,43}$/;

export function isDeviceKey(key: string): boolean {
  return DEVICE_KEY.test(key);
}

/** The receipt code a device key always gets (DEVICE_RECEIPT_PREFIX in core/report.ts). */
export function receiptCodeForDeviceKey(key: string): string {
  return receiptCodeFromBytes(
    createHash('sha256')
      .update(DEVICE_RECEIPT_PREFIX + key, 'utf8')
      .digest(),
  );
}

export function isIdempotencyKey(value: unknown): value is string {
  return typeof value === 'string' && IDEMPOTENCY_KEY.test(value);
}

/**
 * Validates, resolves the place, seals the contact, stores in one transaction and returns the
 * receipt. Throws ValidationError naming each bad field (nothing stored), or ConflictError
 * when the idempotency key was already used for a different report.
 */
export async function acceptReport(ctx: AppContext, input: unknown, opts: AcceptOptions): Promise<AcceptedReport> {
  const problems = new Problems();
  const report = checkReportFields(problems, input);
  const key = idempotencyKeyOf(problems, input, opts.idempotencyKey);
  problems.throwIfAny();
  if (!report) throw new ValidationError([{ field: 'report', message: 'must be an object' }]);

  // Keys are scoped to their channel, so a relay's key can never meet a browser's; except keys
  // chosen on a reporter's device, which one report carries over every path (the API, an
  // armored block, a relay) and which therefore share one space.
  const storedKey = key === undefined ? undefined : isDeviceKey(key) ? key : `${opts.channel}:${key}`;
  const row = prepareReport(ctx, { input: report, channel: opts.channel, idempotencyKey: storedKey });
  // Grouped: reports arriving together share one commit and one fsync (store/group-commit.ts).
  const stored = await ctx.db.grouped(async (tx) => {
    const stored = await writeReport(tx, row);
    if (stored.created && opts.attach) await opts.attach(tx, stored.report.id);
    return stored;
  });
  if (!stored.created) assertSameReport(ctx, stored.report, report);
  return { receiptCode: stored.report.receipt_code, created: stored.created, state: stored.report.state };
}

/**
 * The checks every channel runs, each problem named by its field: the report's own rules
 * (`validate`: the form's, or the JSON API's contract), then text the store cannot keep (a NUL,
 * a lone surrogate). Undefined when the report is unusable; the problems say why.
 */
export function checkReportFields(
  p: Problems,
  input: unknown,
  validate: (input: unknown) => ReportInput = validateReportInput,
): ReportInput | undefined {
  let report: ReportInput;
  try {
    report = validate(input);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    p.list.push(...err.problems);
    return undefined;
  }
  for (const field of ['what', 'when', 'where', 'contact', 'contactAge'] as const) {
    const reason = report[field] === undefined ? undefined : unstorableReason(report[field]);
    if (reason !== undefined) p.add(field, reason);
  }
  return report;
}

export interface ReportToWrite {
  input: ReportInput;
  channel: ReportChannel;
  /** As stored: scoped to its channel, a device key as it is, or a key derived from the message. */
  idempotencyKey?: string | undefined;
  sourceId?: number | undefined;
  /** When the channel says it was sent, and when the reporter wrote it: what the event's time is read against. */
  sentAt?: Date | undefined;
  writtenAt?: Date | undefined;
}

/**
 * Everything a report row holds, derived the one way for every channel: the place the gazetteer
 * finds, the language and folded words the desk reads (core/reading/), the sealed contact, and
 * the receipt code rule (a device key's code is fixed; any other is drawn, and drawn again should
 * it be taken: store/reports.ts). Done before the write, so a grouped commit holds its
 * transaction only for the inserts.
 */
export function prepareReport(ctx: AppContext, r: ReportToWrite): NewReport {
  const placeId = placeIdFor(r.input.where);
  const receivedAt = ctx.now();
  // A device's clock can be wrong: what it wrote cannot have been written after we received it.
  const given = r.writtenAt ?? (r.input.writtenAt === undefined ? undefined : new Date(r.input.writtenAt));
  const writtenAt = given && given.getTime() > receivedAt.getTime() ? receivedAt : given;
  const deviceReceipt =
    r.idempotencyKey !== undefined && isDeviceKey(r.idempotencyKey) ? receiptCodeForDeviceKey(r.idempotencyKey) : undefined;
  return {
    input: r.input,
    channel: r.channel,
    receiptCode: deviceReceipt ?? (() => receiptCodeFromBytes(ctx.randomBytes(8))),
    receivedAt,
    reading: readReport({ what: r.input.what, where: r.input.where, when: r.input.when, sentAt: r.sentAt, writtenAt, receivedAt }),
    ...(writtenAt === undefined ? {} : { writtenAt }),
    ...(r.input.contact === undefined ? {} : { contactSealed: ctx.sealer.seal(r.input.contact) }),
    ...(placeId === undefined ? {} : { placeId }),
    ...(r.sourceId === undefined ? {} : { sourceId: r.sourceId }),
    ...(r.idempotencyKey === undefined ? {} : { idempotencyKey: r.idempotencyKey }),
  };
}

/**
 * The one writer of report rows, in the caller's transaction. An idempotency key seen before
 * returns the earlier report and stores nothing.
 */
export function writeReport(
  tx: Queryable,
  report: NewReport,
): Promise<{ report: ReceiptRow; created: true } | { report: ReportRow; created: false }> {
  return insertReportForReceipt(tx, report);
}

/**
 * The idempotency key, from the Idempotency-Key header or the body (they must agree when both are
 * given); undefined when there is none. `devicesOnly`: only a device key is accepted (a relay
 * can promise the origin's receipt code for no other).
 */
export function idempotencyKeyOf(p: Problems, input: unknown, given: string | undefined, devicesOnly = false): string | undefined {
  const inBody =
    typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>).idempotencyKey : undefined;
  if (given !== undefined && inBody !== undefined && given !== inBody) {
    p.add('idempotencyKey', 'differs between the Idempotency-Key header and the body');
    return undefined;
  }
  const key = given ?? inBody;
  if (key === undefined || key === null || key === '') return undefined;
  if (devicesOnly && !(isIdempotencyKey(key) && isDeviceKey(key))) {
    p.add('idempotencyKey', 'must be a device key ("device:" and 22 to 43 letters, digits, - or _), or left out for the relay to choose');
    return undefined;
  }
  if (!isIdempotencyKey(key)) {
    p.add('idempotencyKey', 'must be 8 to 128 letters, digits or ._~:+/=- characters');
    return undefined;
  }
  return key;
}

/** The gazetteer id of the place the text names, when the match is good enough to trust. */
export function placeIdFor(where: string | undefined): string | undefined {
  if (!where) return undefined;
  try {
    const top = resolvePlace(where, { limit: 1 })[0];
    return top && top.score >= PLACE_SCORE_THRESHOLD ? top.place.id : undefined;
  } catch (err) {
    // Locating is an aid for editors; a gazetteer bug must not cost a report. Only the error's
    // name is logged: its message could quote the reporter's text.
    console.error(`place resolution failed: ${(err as Error)?.name ?? 'unknown error'}`);
    return undefined;
  }
}

/**
 * A replayed key must come with the same report. Otherwise anyone who learned or guessed a
 * careless client's key could collect that report's receipt code.
 */
function assertSameReport(ctx: AppContext, row: ReportRow, report: ReportInput): void {
  let contact: string | undefined;
  try {
    contact = row.contact_sealed === null ? undefined : ctx.sealer.open(row.contact_sealed);
  } catch {
    contact = undefined;
  }
  const same =
    row.what === report.what &&
    (row.claimed_when ?? undefined) === report.when &&
    (row.claimed_where ?? undefined) === report.where &&
    row.how_known === report.howKnown &&
    contact === report.contact &&
    (row.contact_age ?? undefined) === report.contactAge;
  if (!same) throw new ConflictError('idempotencyKey was already used for a different report');
}

export interface ReceiptStatus {
  state: ReportState;
  /**
   * UTC day of receipt. The day is all a reporter needs; an exact time would help whoever holds
   * a seized phone match the submission against network logs.
   */
  receivedOn: string;
  /** Set only while the linked event is published. */
  publishedEventId?: number;
}

/**
 * What the holder of a receipt code may learn: the state, the day, and the public event the
 * report went into. Never the text, the contact, the editors' notes or other reports.
 * `code` must already be normalized (normalizeReceiptCode).
 */
export async function lookupReceipt(ctx: AppContext, code: string): Promise<ReceiptStatus | undefined> {
  const row = await findReportByReceipt(ctx.db, code);
  if (!row) return undefined;
  const status: ReceiptStatus = { state: row.state, receivedOn: row.received_at.toISOString().slice(0, 10) };
  if (row.state === 'linked' && row.event_id !== null && (await getPublishedEvent(ctx.db, row.event_id))) {
    status.publishedEventId = row.event_id;
  }
  return status;
}

/** Public path of an event's permalink. */
export function eventPath(id: number): string {
  return `/events/${id}`;
}
