/**
 * Witnesses in the store, from three sides: this chronicle as a witness (the latest checkpoint
 * it cosigned per followed log), as a log (the witnesses it asks and the cosignatures they
 * returned), and as a mirror (the witness keys a followed chronicle lists).
 */
import type { Queryable } from './db.ts';

const bytes = (b: Uint8Array) => (b.constructor !== Uint8Array ? new Uint8Array(b.buffer, b.byteOffset, b.byteLength) : b);

export interface WitnessedCheckpointRow {
  origin: string;
  size: number;
  root: Uint8Array;
  note: string;
  cosignedAt: Date;
}

export async function getWitnessedCheckpoint(q: Queryable, origin: string): Promise<WitnessedCheckpointRow | undefined> {
  const [row] = await q.query<{ origin: string; size: number; root: Uint8Array; note: string; cosigned_at: Date }>(
    'select origin, size, root, note, cosigned_at from witness_checkpoints where origin = $1',
    [origin],
  );
  return row
    ? { origin: row.origin, size: Number(row.size), root: bytes(row.root), note: row.note, cosignedAt: row.cosigned_at }
    : undefined;
}

/**
 * Stores a newly cosigned checkpoint if the stored size is still `oldSize` (none stored counts
 * as 0), in one statement: of two concurrent requests proving from the same size, one wins and
 * the other finds the size moved. Returns whether it was stored.
 */
export async function advanceWitnessedCheckpoint(
  q: Queryable,
  c: { origin: string; oldSize: number; size: number; root: Uint8Array; note: string; now: Date },
): Promise<boolean> {
  const rows =
    c.oldSize === 0
      ? await q.query(
          `insert into witness_checkpoints (origin, size, root, note, cosigned_at) values ($1, $2, $3, $4, $5)
           on conflict (origin) do update set size = excluded.size, root = excluded.root, note = excluded.note, cosigned_at = excluded.cosigned_at
           where witness_checkpoints.size = 0
           returning origin`,
          [c.origin, c.size, c.root, c.note, c.now],
        )
      : await q.query(
          'update witness_checkpoints set size = $2, root = $3, note = $4, cosigned_at = $5 where origin = $1 and size = $6 returning origin',
          [c.origin, c.size, c.root, c.note, c.now, c.oldSize],
        );
  return rows.length > 0;
}

/** The log keys trusted for an origin: the chronicles this one mirrors are the ones it witnesses. */
export async function trustedLogKeys(q: Queryable, origin: string): Promise<string[]> {
  const rows = await q.query<{ verifier_key: string }>('select verifier_key from mirrors where origin = $1', [origin]);
  return rows.map((r) => r.verifier_key);
}

export interface LogWitnessRow {
  name: string;
  verifier_key: string;
  url: string;
  added_at: Date;
  size: number;
  last_attempt_at: Date | null;
  last_success_at: Date | null;
  last_error: string | null;
  failures: number;
}

const WITNESS_COLUMNS = 'name, verifier_key, url, added_at, size, last_attempt_at, last_success_at, last_error, failures';
const witnessRow = (r: LogWitnessRow): LogWitnessRow => ({ ...r, size: Number(r.size) });

/** Registers a witness; false when one with that name or key is already there. */
export async function insertLogWitness(q: Queryable, w: { name: string; verifierKey: string; url: string; now: Date }): Promise<boolean> {
  const rows = await q.query(
    'insert into log_witnesses (name, verifier_key, url, added_at) values ($1, $2, $3, $4) on conflict do nothing returning name',
    [w.name, w.verifierKey, w.url, w.now],
  );
  return rows.length > 0;
}

export async function listLogWitnesses(q: Queryable): Promise<LogWitnessRow[]> {
  return (await q.query<LogWitnessRow>(`select ${WITNESS_COLUMNS} from log_witnesses order by name`)).map(witnessRow);
}

export async function removeLogWitness(q: Queryable, name: string): Promise<boolean> {
  return (await q.query('delete from log_witnesses where name = $1 returning name', [name])).length > 0;
}

/** Records one attempt to get a cosignature: the size now cosigned, or the error. */
export async function recordWitnessAttempt(
  q: Queryable,
  name: string,
  now: Date,
  result: { size: number } | { error: string },
): Promise<void> {
  if ('size' in result) {
    await q.query(
      'update log_witnesses set size = greatest(size, $3), last_attempt_at = $2, last_success_at = $2, last_error = null, failures = 0 where name = $1',
      [name, now, result.size],
    );
  } else {
    await q.query('update log_witnesses set last_attempt_at = $2, last_error = $3, failures = failures + 1 where name = $1', [
      name,
      now,
      result.error,
    ]);
  }
}

/** Keeps a verified cosignature of the checkpoint of `size`; a second one by the same key is dropped. */
export async function saveCosignature(
  q: Queryable,
  c: { size: number; witnessKey: string; line: string; cosignedAt: Date; now: Date },
): Promise<void> {
  await q.query(
    'insert into log_cosignatures (size, witness_key, line, cosigned_at, received_at) values ($1, $2, $3, $4, $5) on conflict (size, witness_key) do nothing',
    [c.size, c.witnessKey, c.line, c.cosignedAt, c.now],
  );
}

export interface CosignatureRow {
  witness_key: string;
  line: string;
  cosigned_at: Date;
}

/** The cosignatures received for the checkpoint of exactly this size, in arrival order. */
export async function listCosignatures(q: Queryable, size: number): Promise<CosignatureRow[]> {
  return q.query<CosignatureRow>(
    'select witness_key, line, cosigned_at from log_cosignatures where size = $1 order by received_at, witness_key',
    [size],
  );
}

/** The witness keys a followed chronicle lists (as a mirror). */
export async function getMirrorWitnessKeys(q: Queryable, origin: string): Promise<string[]> {
  const [row] = await q.query<{ witness_keys: string }>('select witness_keys from mirrors where origin = $1', [origin]);
  return (row?.witness_keys ?? '').split('\n').filter((k) => k !== '');
}

export async function setMirrorWitnessKeys(q: Queryable, origin: string, keys: readonly string[]): Promise<void> {
  await q.query('update mirrors set witness_keys = $2 where origin = $1', [origin, keys.join('\n')]);
}

/**
 * A followed chronicle served the checkpoint already verified with more signature lines
 * (cosignatures arrive after a checkpoint is signed): keep the fuller note. The caller has
 * checked the log's signature and that size and root are the verified ones.
 */
export async function replaceMirrorCheckpointNote(q: Queryable, origin: string, size: number, note: string): Promise<void> {
  await q.query('update mirrors set checkpoint = $3 where origin = $1 and size = $2', [origin, size, note]);
}

/** How many witnesses cosigned the latest signed checkpoint (what readers are told). */
export async function countLatestCosignatures(q: Queryable): Promise<number> {
  const [row] = await q.query<{ n: number }>(
    'select count(*)::int as n from log_cosignatures where size = (select max(size) from log_checkpoints)',
  );
  return row?.n ?? 0;
}
