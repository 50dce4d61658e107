/**
 * The relay outbox: reports held for another chronicle until its origin confirms them. A row
 * is claimed for an attempt by pushing its next attempt past a lease, so two forwarders on one
 * server never send the same row at once, and a forwarder that dies mid-attempt leaves the row
 * to be picked up again when the lease runs out.
 */
import type { Queryable } from './db.ts';

export interface RelayItem {
  id: number;
  origin_url: string;
  /** The request body exactly as the reporter sent it. */
  envelope: Uint8Array;
  idempotency_key: string;
  receipt_code: string;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  /** Set when the origin refused the report; the row is then kept, not retried. */
  failed_at: Date | null;
  created_at: Date;
}

export interface NewRelayItem {
  originUrl: string;
  envelope: Uint8Array;
  idempotencyKey: string;
  receiptCode: string;
  createdAt: Date;
}

function toItem(row: RelayItem): RelayItem {
  // pg returns a Buffer, PGlite a Uint8Array; callers compare bytes, so give them one kind.
  return { ...row, envelope: new Uint8Array(row.envelope.buffer, row.envelope.byteOffset, row.envelope.byteLength) };
}

/**
 * Stores an envelope for forwarding, due at once. When the origin and key were seen before,
 * the held row is returned and nothing is stored, so a resent report is carried once.
 */
export async function insertRelayItem(q: Queryable, item: NewRelayItem): Promise<{ item: RelayItem; created: boolean }> {
  // Two rounds at most: a held row confirmed and deleted between the insert and the select is
  // stored again, which is safe because the origin answers a known key with what it holds.
  for (let round = 1; ; round++) {
    const rows = await q.query<RelayItem>(
      `insert into relay_outbox (origin_url, envelope, idempotency_key, receipt_code, next_attempt_at, created_at)
       values ($1, $2, $3, $4, $5, $5)
       on conflict (origin_url, idempotency_key) do nothing
       returning *`,
      [item.originUrl, item.envelope, item.idempotencyKey, item.receiptCode, item.createdAt],
    );
    if (rows[0]) return { item: toItem(rows[0]), created: true };
    const existing = await q.query<RelayItem>('select * from relay_outbox where origin_url = $1 and idempotency_key = $2', [
      item.originUrl,
      item.idempotencyKey,
    ]);
    if (existing[0]) return { item: toItem(existing[0]), created: false };
    if (round >= 2) throw new Error('relay_outbox row vanished twice while being stored');
  }
}

/**
 * Claims up to `limit` rows that are due at `now`: counts the attempt and moves the next one
 * to `leaseUntil`, which holds until the attempt's outcome is recorded.
 */
export async function claimDueRelayItems(q: Queryable, now: Date, leaseUntil: Date, limit: number): Promise<RelayItem[]> {
  const rows = await q.query<RelayItem>(
    `update relay_outbox set attempts = attempts + 1, next_attempt_at = $2
     where id in (
       select id from relay_outbox where failed_at is null and next_attempt_at <= $1
       order by next_attempt_at, id limit $3 for update skip locked)
     returning *`,
    [now, leaseUntil, limit],
  );
  return rows.map(toItem).sort((a, b) => a.id - b.id);
}

/** The origin holds the report: the relay's copy goes. */
export async function deleteRelayItem(q: Queryable, id: number): Promise<void> {
  await q.query('delete from relay_outbox where id = $1', [id]);
}

/** The attempt failed in a way worth retrying (origin down, 5xx, timeout). */
export async function scheduleRelayRetry(q: Queryable, id: number, nextAttemptAt: Date, error: string): Promise<void> {
  await q.query('update relay_outbox set next_attempt_at = $2, last_error = $3 where id = $1', [id, nextAttemptAt, error]);
}

/** The origin refused the report; it stays here, visible in `caravan relay status`, and is not retried. */
export async function markRelayItemFailed(q: Queryable, id: number, at: Date, error: string): Promise<void> {
  await q.query('update relay_outbox set failed_at = $2, last_error = $3 where id = $1', [id, at, error]);
}

/** Puts a failed row back in line, for after the cause was fixed. Returns whether it was failed. */
export async function retryFailedRelayItem(q: Queryable, id: number, now: Date): Promise<boolean> {
  const rows = await q.query(
    'update relay_outbox set failed_at = null, next_attempt_at = $2 where id = $1 and failed_at is not null returning id',
    [id, now],
  );
  return rows.length > 0;
}

/** Every held row, failed ones first, without the envelopes. */
export async function listRelayItems(q: Queryable): Promise<Omit<RelayItem, 'envelope'>[]> {
  return q.query(
    `select id, origin_url, idempotency_key, receipt_code, attempts, next_attempt_at, last_error, failed_at, created_at
     from relay_outbox order by failed_at is null, created_at, id`,
  );
}
