import { ConflictError, NotFoundError } from '../core/errors.ts';
import type { HowKnown, ReportChannel, ReportInput, ReportState } from '../core/report.ts';
import type { Queryable } from './db.ts';
import type { ReportLang } from '../core/reading/language.ts';
import type { Reading } from '../core/reading/read.ts';
import { getPlace } from '../core/gazetteer/search.ts';
import { type PlaceTime, SHORT_TEXT_WORDS, placeTimeLink } from '../core/reading/incidents.ts';
import { isPartOfDayOrFiner, isTimePrecision } from '../core/time.ts';

export interface ReportRow {
  id: number;
  receipt_code: string;
  channel: ReportChannel;
  received_at: Date;
  what: string;
  claimed_when: string | null;
  claimed_where: string | null;
  how_known: HowKnown;
  contact_sealed: string | null;
  /** Private fields encrypted on the reporter's device to the editors' age recipients. */
  contact_age: string | null;
  lang: ReportLang | null;
  place_id: string | null;
  source_id: number | null;
  state: ReportState;
  claimed_by: number | null;
  claimed_by_name?: string | null;
  claimed_at: Date | null;
  event_id: number | null;
  duplicate_of: number | null;
  state_note: string | null;
  updated_at: Date;
  /** From the channel (SMS, Telegram) and from the reporter's device (the offline page). */
  sent_at?: Date | null;
  written_at?: Date | null;
  /** What the desk read (migration 017): null until read. */
  hedged?: boolean | null;
  event_place_id?: string | null;
  event_settlement?: string | null;
  event_start?: Date | null;
  event_end?: Date | null;
  event_precision?: string | null;
  event_type?: string | null;
}

export interface NewReport {
  input: ReportInput;
  channel: ReportChannel;
  /**
   * The receipt code, or a function that draws one: a drawn code another report already holds
   * is drawn again (RECEIPT_DRAWS times at most), inside the caller's transaction, which the
   * collision does not abort. A fixed code (a device's) that is taken is a ConflictError.
   */
  receiptCode: string | (() => string);
  /** Sealed contact details (never the clear text). */
  contactSealed?: string;
  placeId?: string;
  sourceId?: number;
  /** Chosen by the sender so that a retried submission is stored once. */
  idempotencyKey?: string;
  receivedAt?: Date;
  /** What the desk read in it (core/reading/read.ts); without it, `caravan serve` reads it later. */
  reading?: Reading;
  /** When the reporter wrote it on their device (the offline page). */
  writtenAt?: Date | undefined;
}

const INSERT_REPORT = `insert into reports (receipt_code, channel, received_at, what, claimed_when, claimed_where, how_known,
       contact_sealed, place_id, source_id, idempotency_key, contact_age, lang, text_fold,
       written_at, hedged, event_place_id, event_settlement, event_start, event_end, event_precision, event_type, suggested)
     values ($1, $2, coalesce($3, now()), $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)
     on conflict do nothing`;

/** 60 random bits: a second draw is already astronomically unlikely to be needed. */
export const RECEIPT_DRAWS = 5;

function insertParams(r: NewReport, receiptCode: string): unknown[] {
  return [
    receiptCode,
    r.channel,
    r.receivedAt ?? null,
    r.input.what,
    r.input.when ?? null,
    r.input.where ?? null,
    r.input.howKnown,
    r.contactSealed ?? null,
    r.placeId ?? null,
    r.sourceId ?? null,
    r.idempotencyKey ?? null,
    r.input.contactAge ?? null,
    r.reading?.lang ?? null,
    r.reading?.textFold ?? null,
    r.writtenAt ?? null,
    r.reading?.hedged ?? null,
    r.reading?.eventPlaceId ?? null,
    r.reading?.eventSettlement ?? null,
    r.reading?.eventStart ?? null,
    r.reading?.eventEnd ?? null,
    r.reading?.eventPrecision ?? null,
    r.reading?.eventType ?? null,
    r.reading !== undefined,
  ];
}

/**
 * Inserts, or finds the report stored earlier under the same idempotency key. The insert skips
 * on either unique column, so the one statement covers a resent report and a receipt code
 * drawn twice: which of the two it was is told by looking for the earlier report.
 */
async function insertOrFind<T>(
  q: Queryable,
  r: NewReport,
  returning: string,
): Promise<{ report: T; created: true } | { report: ReportRow; created: false }> {
  for (let draw = 1; ; draw++) {
    const receiptCode = typeof r.receiptCode === 'string' ? r.receiptCode : r.receiptCode();
    const rows = await q.query<T>(`${INSERT_REPORT} returning ${returning}`, insertParams(r, receiptCode));
    if (rows[0]) return { report: rows[0], created: true };
    if (r.idempotencyKey !== undefined) {
      const earlier = await q.query<ReportRow>('select * from reports where idempotency_key = $1', [r.idempotencyKey]);
      if (earlier[0]) return { report: earlier[0], created: false };
    }
    // Not stored, and no earlier report under its key: another report holds the receipt code.
    if (typeof r.receiptCode === 'string') throw new ConflictError('another report already holds this receipt code');
    if (draw >= RECEIPT_DRAWS) throw new ConflictError(`no free receipt code in ${RECEIPT_DRAWS} draws`);
  }
}

/**
 * Stores a report. When the idempotency key was seen before, the earlier report is returned
 * and nothing new is stored: a resent form or a retrying relay yields one report.
 */
export async function insertReport(q: Queryable, r: NewReport): Promise<{ report: ReportRow; created: boolean }> {
  return insertOrFind<ReportRow>(q, r, '*');
}

/** What a receipt needs of a new report. */
export type ReceiptRow = Pick<ReportRow, 'id' | 'receipt_code' | 'state'>;

/**
 * `insertReport` for the intake's hot path: a new report returns only what its receipt needs,
 * since decoding the whole row back costs as much as the insert itself on PGlite. An earlier
 * report under the same key comes whole, to be compared with the one resent.
 */
export async function insertReportForReceipt(
  q: Queryable,
  r: NewReport,
): Promise<{ report: ReceiptRow; created: true } | { report: ReportRow; created: false }> {
  return insertOrFind<ReceiptRow>(q, r, 'id, receipt_code, state');
}

export async function findReportByReceipt(q: Queryable, receiptCode: string): Promise<ReportRow | undefined> {
  const rows = await q.query<ReportRow>('select * from reports where receipt_code = $1', [receiptCode]);
  return rows[0];
}

export async function getReport(q: Queryable, id: number): Promise<ReportRow> {
  const rows = await q.query<ReportRow>(
    `select r.*, u.username as claimed_by_name from reports r left join users u on u.id = r.claimed_by where r.id = $1`,
    [id],
  );
  if (!rows[0]) throw new NotFoundError(`report ${id}`);
  return rows[0];
}

export interface ReportQuery {
  states?: ReportState[];
  limit?: number;
  offset?: number;
}

const OPEN_STATES = ['new', 'claimed'];

/** The triage queue: oldest first, so nothing waits forever. */
export async function listReports(q: Queryable, query: ReportQuery = {}): Promise<ReportRow[]> {
  const states = query.states ?? ['new', 'claimed'];
  return q.query<ReportRow>(
    `select r.*, u.username as claimed_by_name from reports r left join users u on u.id = r.claimed_by
     where r.state = any($1::text[]) order by r.received_at, r.id limit $2 offset $3`,
    [states, query.limit ?? 100, query.offset ?? 0],
  );
}

/** A place in the queue's order: the received time and id of a report, as the pager carries it. */
export interface QueueKey {
  at: Date;
  id: number;
}

export interface QueuePageQuery {
  /** Oldest first (the default: nothing waits forever) or newest first. */
  order: 'oldest' | 'newest';
  /** Reports after this key in that order (the next page), or before it (the previous page). */
  after?: QueueKey | undefined;
  before?: QueueKey | undefined;
  limit: number;
  /** Only reports in this language (as the desk read it) or from this channel. */
  filter?: QueueFilter;
}

export interface QueueFilter {
  lang?: ReportLang | undefined;
  channel?: ReportChannel | undefined;
  /** Reports that say themselves they are hearsay (true), or that do not (false). */
  hedged?: boolean | undefined;
  /** Reports whose event place, as the desk read it, is one of these (a region and its places). */
  placeIds?: readonly string[] | undefined;
}

/** The filter's conditions on `reports` (no alias), their values appended to `params`. */
function queueFilterWhere(f: QueueFilter | undefined, params: unknown[], alias = ''): string {
  let where = '';
  if (f?.lang) where += ` and ${alias}lang = $${params.push(f.lang)}`;
  if (f?.channel) where += ` and ${alias}channel = $${params.push(f.channel)}`;
  if (f?.hedged !== undefined) where += ` and ${alias}hedged is ${f.hedged ? 'true' : 'not true'}`;
  if (f?.placeIds) where += ` and ${alias}event_place_id = any($${params.push(f.placeIds)}::text[])`;
  return where;
}

/** How many open reports the filter leaves. */
export async function countOpenReports(q: Queryable, f: QueueFilter = {}): Promise<number> {
  const params: unknown[] = [OPEN_STATES];
  const [row] = await q.query<{ n: number }>(
    `select count(*)::int as n from reports where state = any($1::text[])${queueFilterWhere(f, params)}`,
    params,
  );
  return row?.n ?? 0;
}

export interface QueuePageRows {
  reports: ReportRow[];
  /** Open reports ahead of this page in its order: the page shows numbers `skipped + 1` on. */
  skipped: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

/**
 * One page of the open reports (new and claimed) by key, not by offset: page 50 costs what page
 * 1 does, and a report arriving while an editor pages does not shift the pages they have not
 * seen yet.
 */
export async function listOpenReports(q: Queryable, query: QueuePageQuery): Promise<QueuePageRows> {
  const newest = query.order === 'newest';
  const backwards = query.before !== undefined;
  const key = query.before ?? query.after;
  // Walking back from `before` reads the page in reverse and turns it round afterwards.
  const descending = newest !== backwards;
  const params: unknown[] = [OPEN_STATES, query.limit + 1];
  let where = 'r.state = any($1::text[])';
  if (key) {
    params.push(key.at, key.id);
    where += ` and (r.received_at, r.id) ${descending ? '<' : '>'} ($3::timestamptz, $4::int)`;
  }
  where += queueFilterWhere(query.filter, params, 'r.');
  const dir = descending ? 'desc' : '';
  const rows = await q.query<ReportRow>(
    `select r.*, u.username as claimed_by_name from reports r left join users u on u.id = r.claimed_by
     where ${where} order by r.received_at ${dir}, r.id ${dir} limit $2`,
    params,
  );
  const more = rows.length > query.limit;
  const reports = rows.slice(0, query.limit);
  if (backwards) reports.reverse();
  const first = reports[0];
  let skipped = 0;
  if (first) {
    const params: unknown[] = [OPEN_STATES, first.received_at, first.id];
    const [row] = await q.query<{ n: number }>(
      `select count(*)::int as n from reports where state = any($1::text[]) and (received_at, id) ${newest ? '>' : '<'} ($2::timestamptz, $3::int)${queueFilterWhere(query.filter, params)}`,
      params,
    );
    skipped = row?.n ?? 0;
  }
  return {
    reports,
    skipped,
    hasPrevious: backwards ? more : skipped > 0,
    hasNext: backwards ? key !== undefined : more,
  };
}

export async function reportExists(q: Queryable, id: number): Promise<boolean> {
  return (await q.query('select 1 from reports where id = $1', [id])).length > 0;
}

/**
 * For each of these reports, the earlier reports whose words are the same however they were
 * typed (core/reading/fold.ts), oldest first: what the desk flags as likely duplicates.
 */
export async function sameTextAs(q: Queryable, ids: readonly number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (ids.length === 0) return out;
  const rows = await q.query<{ id: number; earlier: number[] }>(
    `select r.id, array_agg(o.id order by o.id) as earlier
     from reports r join reports o on o.text_fold = r.text_fold and o.id < r.id and o.text_fold <> ''
     where r.id = any($1::int[]) and r.text_fold <> ''
     group by r.id`,
    [ids],
  );
  for (const r of rows) out.set(r.id, r.earlier.slice(0, 20));
  return out;
}

/**
 * For each of these reports, the other reports that carry the same photo or video (SHA-256 of the
 * bytes as received, uploaded or named in a Telegram export), oldest first: likely duplicates
 * whatever their words. A re-encoded copy has other bytes and is not found here.
 */
export async function sameMediaAs(q: Queryable, ids: readonly number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (ids.length === 0) return out;
  const rows = await q.query<{ id: number; others: number[] }>(
    `with mine as (
       select report_id, sha256 from media where report_id = any($1::int[])
       union select report_id, sha256 from report_media_refs where report_id = any($1::int[]) and sha256 is not null),
     same as (
       select m.report_id as id, o.report_id as other from mine m join media o on o.sha256 = m.sha256 and o.report_id <> m.report_id
       union
       select m.report_id, o.report_id from mine m join report_media_refs o on o.sha256 = m.sha256 and o.report_id <> m.report_id)
     select id, array_agg(other order by other) as others from same group by id`,
    [ids],
  );
  for (const r of rows) out.set(r.id, r.others.slice(0, 100));
  return out;
}

/**
 * For each of these reports, the other reports the desk would group into one incident with it,
 * by place and time (`placeTimeLink` in core/reading/incidents.ts, the rule the in-memory check
 * uses). Texts under four words and rejected reports are never grouped; same-text duplicates are
 * left to `sameTextAs`. Candidates are looked up by settlement and kind of event, or by place,
 * with a window ending within a day of this one's (windows longer than a day are not grouped by
 * place and time), so the check reads the reports of one city's day, not the store's.
 */
export async function sameIncidentAs(q: Queryable, ids: readonly number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (ids.length === 0) return out;
  type Side = { place: string; start: Date; end: Date; precision: string | null; type: string | null };
  const rows = await q.query<{ id: number; other: number; settlement: string; a: Side; b: Side }>(
    `select r.id, o.id as other, r.event_settlement as settlement,
       json_build_object('place', r.event_place_id, 'start', r.event_start, 'end', r.event_end,
                         'precision', r.event_precision, 'type', r.event_type) as a,
       json_build_object('place', o.event_place_id, 'start', o.event_start, 'end', o.event_end,
                         'precision', o.event_precision, 'type', o.event_type) as b
     from reports r join reports o
       on o.event_settlement = r.event_settlement and o.id <> r.id and o.state <> 'rejected'
      and (o.event_type = r.event_type or o.event_place_id = r.event_place_id)
      and o.event_end >= r.event_start - interval '2 hours' and o.event_end <= r.event_end + interval '26 hours'
      and o.event_start <= r.event_end + interval '2 hours'
      and o.text_fold is distinct from r.text_fold
      and array_length(string_to_array(o.text_fold, ' '), 1) >= $2
     where r.id = any($1::int[]) and r.event_settlement is not null
       and array_length(string_to_array(r.text_fold, ' '), 1) >= $2
     order by r.id, o.id`,
    [ids, SHORT_TEXT_WORDS],
  );
  const placeTime = (settlement: string, s: Side): PlaceTime => ({
    settlement,
    landmark: getPlace(s.place)?.kind === 'landmark' ? s.place : undefined,
    window: { start: Date.parse(String(s.start)), end: Date.parse(String(s.end)) },
    narrow: s.precision !== null && isTimePrecision(s.precision) && isPartOfDayOrFiner(s.precision),
    eventType: s.type ?? undefined,
  });
  for (const r of rows) {
    if (!placeTimeLink(placeTime(r.settlement, r.a), placeTime(r.settlement, r.b))) continue;
    const list = out.get(r.id) ?? [];
    if (list.length < 100) list.push(r.other);
    out.set(r.id, list);
  }
  return out;
}

/** The newest report's id, 0 in an empty store. */
export async function newestReportId(q: Queryable): Promise<number> {
  const [row] = await q.query<{ id: number }>('select coalesce(max(id), 0)::int as id from reports');
  return row?.id ?? 0;
}

/** How many reports came after `afterId`: a range of the primary key, short when few arrived. */
export async function countReportsAfter(q: Queryable, afterId: number): Promise<number> {
  const [row] = await q.query<{ n: number }>('select count(*)::int as n from reports where id > $1', [afterId]);
  return row?.n ?? 0;
}

/** Where a report stands in the queue's order (its received time and id), if it exists. */
export async function queueKeyOf(q: Queryable, id: number): Promise<QueueKey | undefined> {
  const [row] = await q.query<{ received_at: Date }>('select received_at from reports where id = $1', [id]);
  return row ? { at: row.received_at, id } : undefined;
}

export async function countReportsByState(q: Queryable): Promise<Record<string, number>> {
  const rows = await q.query<{ state: string; n: number }>('select state, count(*)::int as n from reports group by state');
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

async function recordAction(q: Queryable, reportId: number, userId: number | null, action: string, note?: string | null) {
  await q.query('insert into report_actions (report_id, user_id, action, note) values ($1, $2, $3, $4)', [
    reportId,
    userId,
    action,
    note ?? null,
  ]);
}

/** Records that an admin opened a reporter's sealed contact details: every look is accountable. */
export async function recordContactReveal(q: Queryable, reportId: number, userId: number): Promise<void> {
  await recordAction(q, reportId, userId, 'reveal_contact');
}

export async function listReportActions(q: Queryable, reportId: number) {
  return q.query<{ action: string; note: string | null; at: Date; username: string | null }>(
    `select a.action, a.note, a.at, u.username from report_actions a left join users u on u.id = a.user_id
     where a.report_id = $1 order by a.at, a.id`,
    [reportId],
  );
}

/**
 * Claims a report for one editor so two editors do not work on the same one. Claiming a
 * report someone else holds fails unless `force` (an admin taking over) or their claim was made
 * before `lapsedBefore` (a claim lapses, so a report is never stuck with an editor who left).
 */
export async function claimReport(q: Queryable, reportId: number, userId: number, force = false, lapsedBefore?: Date): Promise<ReportRow> {
  const rows = await q.query<ReportRow>(
    `update reports set state = 'claimed', claimed_by = $2, claimed_at = now(), updated_at = now()
     where id = $1 and (state = 'new' or (state = 'claimed' and (claimed_by = $2 or $3::boolean or claimed_at < $4)))
     returning *`,
    [reportId, userId, force, lapsedBefore ?? null],
  );
  if (!rows[0]) {
    const current = await getReport(q, reportId);
    if (current.state === 'claimed') throw new ConflictError(`report is claimed by ${current.claimed_by_name ?? 'another editor'}`);
    throw new ConflictError(`report is already ${current.state}`);
  }
  await recordAction(q, reportId, userId, 'claim');
  return rows[0];
}

export async function releaseReport(q: Queryable, reportId: number, userId: number, isAdmin = false): Promise<void> {
  const rows = await q.query(
    `update reports set state = 'new', claimed_by = null, claimed_at = null, updated_at = now()
     where id = $1 and state = 'claimed' and (claimed_by = $2 or $3::boolean) returning id`,
    [reportId, userId, isAdmin],
  );
  if (!rows[0]) throw new ConflictError('only the editor who claimed the report can release it');
  await recordAction(q, reportId, userId, 'release');
}

/**
 * Moves a report out of the queue. The editor must hold the claim (or the report must be
 * unclaimed); an admin may act on any open report.
 */
async function settle(
  q: Queryable,
  reportId: number,
  userId: number | null,
  isAdmin: boolean,
  set: { state: ReportState; eventId?: number; duplicateOf?: number; note?: string | null },
): Promise<ReportRow> {
  const rows = await q.query<ReportRow>(
    `update reports set state = $4, event_id = coalesce($5, event_id), duplicate_of = $6, state_note = $7,
       claimed_by = coalesce(claimed_by, $2), updated_at = now()
     where id = $1 and (state = 'new' or (state = 'claimed' and (claimed_by = $2 or $3::boolean)))
     returning *`,
    [reportId, userId, isAdmin, set.state, set.eventId ?? null, set.duplicateOf ?? null, set.note ?? null],
  );
  if (!rows[0]) {
    const current = await getReport(q, reportId);
    if (current.state === 'claimed') throw new ConflictError(`report is claimed by ${current.claimed_by_name ?? 'another editor'}`);
    throw new ConflictError(`report is already ${current.state}`);
  }
  await recordAction(
    q,
    reportId,
    userId,
    set.state,
    set.note ?? (set.eventId ? `event ${set.eventId}` : set.duplicateOf ? `duplicate of report ${set.duplicateOf}` : null),
  );
  return rows[0];
}

export async function markDuplicate(q: Queryable, reportId: number, of: number, userId: number | null, isAdmin = false) {
  if (of === reportId) throw new ConflictError('a report cannot duplicate itself');
  await getReport(q, of);
  return settle(q, reportId, userId, isAdmin, { state: 'duplicate', duplicateOf: of });
}

export async function rejectReport(q: Queryable, reportId: number, userId: number | null, note: string | null, isAdmin = false) {
  return settle(q, reportId, userId, isAdmin, { state: 'rejected', note });
}

export async function linkReport(q: Queryable, reportId: number, eventId: number, userId: number | null, isAdmin = false) {
  const ev = await q.query('select id from events where id = $1', [eventId]);
  if (!ev[0]) throw new NotFoundError(`event ${eventId}`);
  return settle(q, reportId, userId, isAdmin, { state: 'linked', eventId });
}

export async function reportsForEvent(q: Queryable, eventId: number): Promise<ReportRow[]> {
  return q.query<ReportRow>('select * from reports where event_id = $1 order by received_at', [eventId]);
}

export interface FoundReport {
  id: number;
  received_at: Date;
  channel: string;
  what: string;
  claimed_where: string | null;
  state: ReportState;
  lang: ReportLang | null;
}

/**
 * Reports whose folded words match a full-text query (`toTsQuery` in core/reading/search.ts),
 * best first, a page at a time, with how many match in all.
 */
export async function searchReports(
  q: Queryable,
  tsQuery: string,
  page: { limit: number; offset: number },
): Promise<{ reports: FoundReport[]; total: number }> {
  const matches = `to_tsvector('simple', coalesce(text_fold, '')) @@ to_tsquery('simple', $1)`;
  const [count, rows] = await Promise.all([
    q.query<{ n: number }>(`select count(*)::int as n from reports where ${matches}`, [tsQuery]),
    q.query<FoundReport>(
      `select id, received_at, channel, what, claimed_where, state, lang from reports where ${matches}
       order by ts_rank(to_tsvector('simple', coalesce(text_fold, '')), to_tsquery('simple', $1)) desc, id desc
       limit $2 offset $3`,
      [tsQuery, page.limit, page.offset],
    ),
  ]);
  return { reports: rows, total: count[0]?.n ?? 0 };
}

export interface ReportToReread {
  id: number;
  what: string;
  claimed_when: string | null;
  claimed_where: string | null;
  received_at: Date;
  sent_at: Date | null;
  written_at: Date | null;
}

/** Reports the desk has not read (from before it read on arrival), or every report when `all`, by id after `afterId`. */
export async function reportsToRead(q: Queryable, o: { afterId: number; limit: number; all: boolean }): Promise<ReportToReread[]> {
  return q.query(
    `select id, what, claimed_when, claimed_where, received_at, sent_at, written_at from reports
     where id > $1 ${o.all ? '' : 'and (lang is null or text_fold is null or not suggested)'} order by id limit $2`,
    [o.afterId, o.limit],
  );
}

export type SavedReading = Reading & { id: number };

/** Stores what the desk read in many reports at once. */
export async function saveReadings(q: Queryable, readings: readonly SavedReading[]): Promise<void> {
  if (readings.length === 0) return;
  const column = <K extends keyof SavedReading>(k: K) => readings.map((r) => r[k]);
  await q.query(
    `update reports r set lang = x.lang, text_fold = x.text_fold, hedged = x.hedged, event_place_id = x.event_place_id,
       event_settlement = x.event_settlement, event_start = x.event_start, event_end = x.event_end,
       event_precision = x.event_precision, event_type = x.event_type, suggested = true
     from unnest($1::int[], $2::text[], $3::text[], $4::boolean[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[],
                 $9::text[], $10::text[])
       as x(id, lang, text_fold, hedged, event_place_id, event_settlement, event_start, event_end, event_precision, event_type)
     where r.id = x.id`,
    [
      column('id'),
      column('lang'),
      column('textFold'),
      column('hedged'),
      column('eventPlaceId'),
      column('eventSettlement'),
      column('eventStart'),
      column('eventEnd'),
      column('eventPrecision'),
      column('eventType'),
    ],
  );
}
