/**
 * Followed chronicles: their verified logs, the staging area of a sync in progress, the alarms
 * raised when one contradicts its own history, and the read model their pages render from.
 * Only `commitMirrorSync` writes verified data, in the caller's transaction.
 */
import { admin1Of, getPlace } from '../core/gazetteer/search.ts';
import type { EventFilter } from '../core/filter.ts';
import type { PublicEvent } from '../core/public-event.ts';
import { TILE_WIDTH, encodeEntryBundle, parseTilePath } from '../log/tiles.ts';
import type { Queryable } from './db.ts';

export interface MirrorRow {
  origin: string;
  log_url: string;
  verifier_key: string;
  added_at: Date;
  size: number;
  root: string | null;
  checkpoint: string | null;
  last_check_at: Date | null;
  last_success_at: Date | null;
  last_error: string | null;
  failures: number;
}

export interface MirrorAlarmRow {
  id: number;
  origin: string;
  kind: 'fork' | 'rollback';
  detected_at: Date;
  message: string;
  verified_checkpoint: string;
  presented_checkpoint: string;
}

/** One verified entry, decoded by the caller (store/ does not read the log's format). */
export interface MirrorEntry {
  idx: number;
  data: Uint8Array;
  type: 'publish' | 'unpublish';
  eventId: number;
  revision: number;
  at: string;
  note?: string;
  /** For a publish, {@link regionOfRecord} of its record: the read model's region column. */
  region?: string | null;
}

export interface MirrorEntryRow {
  idx: number;
  type: 'publish' | 'unpublish';
  event_id: number;
  revision: number;
  at: Date;
  note: string | null;
  record: PublicEvent | null;
}

/**
 * Bulk bytes go to the database as base64 text decoded by SQL: through PGlite that is about a
 * quarter cheaper than its hex form (the message is two thirds the size), and a server takes
 * either.
 */
function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

const MIRROR_COLUMNS = 'origin, log_url, verifier_key, added_at, size, root, checkpoint, last_check_at, last_success_at, last_error, failures';

export async function insertMirror(q: Queryable, m: { origin: string; logUrl: string; verifierKey: string; now: Date }): Promise<boolean> {
  const rows = await q.query(
    `insert into mirrors (origin, log_url, verifier_key, added_at) values ($1, $2, $3, $4) on conflict (origin) do nothing returning origin`,
    [m.origin, m.logUrl, m.verifierKey, m.now],
  );
  return rows.length > 0;
}

/** Forgets a followed chronicle and everything stored of it (the tables cascade). */
export async function removeMirror(q: Queryable, origin: string): Promise<void> {
  await q.query('delete from mirrors where origin = $1', [origin]);
}

export async function getMirror(q: Queryable, origin: string): Promise<MirrorRow | undefined> {
  const rows = await q.query<MirrorRow>(`select ${MIRROR_COLUMNS} from mirrors where origin = $1`, [origin]);
  return rows[0];
}

export async function listMirrors(q: Queryable): Promise<MirrorRow[]> {
  return q.query<MirrorRow>(`select ${MIRROR_COLUMNS} from mirrors order by origin`);
}

/** Records a check that did not end in new verified data: the error, if any, and the failure streak. */
export async function recordMirrorCheck(q: Queryable, origin: string, now: Date, error?: string): Promise<void> {
  if (error === undefined) {
    await q.query('update mirrors set last_check_at = $2, last_success_at = $2, last_error = null, failures = 0 where origin = $1', [origin, now]);
  } else {
    await q.query('update mirrors set last_check_at = $2, last_error = $3, failures = failures + 1 where origin = $1', [origin, now, error]);
  }
}

export async function getStaged(q: Queryable, origin: string, path: string): Promise<Uint8Array | undefined> {
  const rows = await q.query<{ data: Uint8Array }>('select data from mirror_staging where origin = $1 and path = $2', [origin, path]);
  return rows[0]?.data;
}

export async function putStaged(q: Queryable, origin: string, path: string, data: Uint8Array): Promise<void> {
  await q.query(
    "insert into mirror_staging (origin, path, data) values ($1, $2, decode($3, 'base64')) on conflict (origin, path) do update set data = excluded.data",
    [origin, path, base64(data)],
  );
}

export async function clearStaging(q: Queryable, origin: string): Promise<void> {
  await q.query('delete from mirror_staging where origin = $1', [origin]);
}

export async function countStaged(q: Queryable, origin: string): Promise<number> {
  const [row] = await q.query<{ n: number }>('select count(*)::int as n from mirror_staging where origin = $1', [origin]);
  return row?.n ?? 0;
}

const isEntryBundlePath = (path: string) => path.startsWith('tile/entries/');

/**
 * A verified tile or entry bundle. Entry bundles are put together from the verified entries
 * rather than kept a second time: they are most of a log's bytes.
 */
export async function getMirrorTile(q: Queryable, origin: string, path: string): Promise<Uint8Array | undefined> {
  if (isEntryBundlePath(path)) {
    let index: number;
    let width: number;
    try {
      ({ index, width } = parseTilePath(path));
    } catch {
      return undefined;
    }
    const start = index * TILE_WIDTH;
    const rows = await q.query<{ data: Uint8Array }>('select data from mirror_entries where origin = $1 and idx >= $2 and idx < $3 order by idx', [origin, start, start + width]);
    return rows.length === width ? encodeEntryBundle(rows.map((r) => r.data)) : undefined;
  }
  const rows = await q.query<{ data: Uint8Array }>('select data from mirror_tiles where origin = $1 and path = $2', [origin, path]);
  return rows[0]?.data;
}

/** The stored entries' bytes from `from` on, in order: to recompute an earlier tree. */
export async function listMirrorEntryData(q: Queryable, origin: string, from: number, to: number): Promise<Uint8Array[]> {
  const rows = await q.query<{ data: Uint8Array }>('select data from mirror_entries where origin = $1 and idx >= $2 and idx < $3 order by idx', [
    origin,
    from,
    to,
  ]);
  return rows.map((r) => r.data);
}

export interface VerifiedSync {
  origin: string;
  checkpoint: string;
  size: number;
  root: string;
  /** The entries after the previously verified size, in order. */
  entries: readonly MirrorEntry[];
  /** Staged tiles and bundles the verification read, to keep for later syncs. */
  tilePaths: readonly string[];
  /** Tiles and bundles the verification read from a file at hand, never staged. */
  tiles?: ReadonlyMap<string, Uint8Array>;
  now: Date;
}

const BATCH = 1000;

/** The region a mirrored record is filtered by: its place's first-level unit, else what it says. */
export function regionOfRecord(record: PublicEvent): string | null {
  const place = record.location.placeId ? getPlace(record.location.placeId) : undefined;
  const region = place ? admin1Of(place) : undefined;
  return region?.id ?? record.location.admin1 ?? null;
}

/**
 * Stores a verified sync: entries, tiles, the checkpoint, and the read model brought forward.
 * Must run in one transaction with nothing unverified in its arguments. Records are read back
 * out of the entries' own bytes by SQL, so each entry crosses to the database once.
 */
export async function commitMirrorSync(tx: Queryable, s: VerifiedSync): Promise<void> {
  // Only the last entry of each event decides what readers see.
  const latest = new Map<number, MirrorEntry>();
  for (const e of s.entries) latest.set(e.eventId, e);
  const gone = [...latest.values()].filter((e) => e.type === 'unpublish').map((e) => e.eventId);
  if (gone.length > 0) await tx.query('delete from mirror_events where origin = $1 and event_id = any($2::int[])', [s.origin, gone]);
  const shown = new Set([...latest.values()].filter((e) => e.type === 'publish'));
  for (let i = 0; i < s.entries.length; i += BATCH) {
    const batch = s.entries.slice(i, i + BATCH);
    const params: unknown[] = [];
    const values = batch.map((e) => {
      params.push(s.origin, e.idx, base64(e.data), e.type, e.eventId, e.revision, e.at, e.note ?? null);
      const n = params.length;
      return `($${n - 7}, $${n - 6}, decode($${n - 5}, 'base64'), $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
    });
    const readers = batch.filter((e) => shown.has(e));
    params.push(readers.map((e) => e.idx), readers.map((e) => e.region ?? null));
    const n = params.length;
    // The read model is filled from the rows this statement inserts (joining the table instead
    // grew with its size: a scan per batch). `offset 0` keeps the planner from copying the
    // parse of `r` into each column that reads it: each entry's JSON is parsed once.
    await tx.query(
      `with e as (insert into mirror_entries (origin, idx, data, type, event_id, revision, at, note) values ${values.join(', ')}
                  returning idx, event_id, revision, data)
       insert into mirror_events (origin, event_id, revision, local_date, start_at, region, event_type, status, published_at, record)
       select $1, e.event_id, e.revision, (r->>'localDate')::date, (r->'time'->>'start')::timestamptz, n.region,
              r->>'eventType', r->>'status', (r->>'publishedAt')::timestamptz, r
       from unnest($${n - 1}::int[], $${n}::text[]) as n(idx, region)
       join e on e.idx = n.idx
       cross join lateral (select convert_from(e.data, 'UTF8')::jsonb -> 'record' as r offset 0) as rec
       on conflict (origin, event_id) do update set revision = excluded.revision, local_date = excluded.local_date,
         start_at = excluded.start_at, region = excluded.region, event_type = excluded.event_type, status = excluded.status,
         published_at = excluded.published_at, record = excluded.record`,
      params,
    );
  }
  // Entry bundles are not kept: getMirrorTile puts them together from the entries.
  const tilePaths = s.tilePaths.filter((path) => !isEntryBundlePath(path));
  if (tilePaths.length > 0) {
    await tx.query(
      `insert into mirror_tiles (origin, path, data) select origin, path, data from mirror_staging where origin = $1 and path = any($2::text[])
       on conflict (origin, path) do nothing`,
      [s.origin, tilePaths],
    );
  }
  const tiles = [...(s.tiles ?? [])].filter(([path]) => !isEntryBundlePath(path));
  for (let i = 0; i < tiles.length; i += 256) {
    const batch = tiles.slice(i, i + 256);
    const params: unknown[] = [s.origin];
    const values = batch.map(([path, data]) => `($1, $${params.push(path)}, decode($${params.push(base64(data))}, 'base64'))`);
    await tx.query(`insert into mirror_tiles (origin, path, data) values ${values.join(', ')} on conflict (origin, path) do nothing`, params);
  }
  await tx.query(
    `update mirrors set size = $2, root = $3, checkpoint = $4, last_check_at = $5, last_success_at = $5, last_error = null, failures = 0
     where origin = $1`,
    [s.origin, s.size, s.root, s.checkpoint, s.now],
  );
  await tx.query('delete from mirror_staging where origin = $1', [s.origin]);
}

export async function insertMirrorAlarm(
  q: Queryable,
  a: { origin: string; kind: 'fork' | 'rollback'; now: Date; message: string; verifiedCheckpoint: string; presentedCheckpoint: string },
): Promise<void> {
  // One alarm per distinct presented checkpoint: polling the same fork again adds nothing.
  await q.query(
    `insert into mirror_alarms (origin, kind, detected_at, message, verified_checkpoint, presented_checkpoint)
     select $1, $2, $3, $4, $5, $6
     where not exists (select 1 from mirror_alarms where origin = $1 and presented_checkpoint = $6)`,
    [a.origin, a.kind, a.now, a.message, a.verifiedCheckpoint, a.presentedCheckpoint],
  );
}

export async function listMirrorAlarms(q: Queryable, origin?: string): Promise<MirrorAlarmRow[]> {
  if (origin === undefined) return q.query<MirrorAlarmRow>('select * from mirror_alarms order by id');
  return q.query<MirrorAlarmRow>('select * from mirror_alarms where origin = $1 order by id', [origin]);
}

function whereOf(origin: string, f: EventFilter, params: unknown[]): string {
  params.push(origin);
  const clauses = ['origin = $1'];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    clauses.push(sql.replace('?', `$${params.length}`));
  };
  if (f.from) add('local_date >= ?::date', f.from);
  if (f.to) add('local_date <= ?::date', f.to);
  if (f.region) add('region = ?', f.region);
  if (f.eventType) add('event_type = ?', f.eventType);
  if (f.status) add('status = ?', f.status);
  if (f.bbox) {
    const [west, south, east, north] = f.bbox;
    add("(record->'location'->>'lon')::float8 >= ?", west);
    add("(record->'location'->>'lat')::float8 >= ?", south);
    add("(record->'location'->>'lon')::float8 <= ?", east);
    add("(record->'location'->>'lat')::float8 <= ?", north);
  }
  return clauses.join(' and ');
}

/** One page of a mirrored chronology, in the chronicle's own order. */
export async function queryMirrorEvents(
  q: Queryable,
  origin: string,
  f: EventFilter,
  page: { limit: number; offset: number },
): Promise<{ events: PublicEvent[]; total: number }> {
  const params: unknown[] = [];
  const where = whereOf(origin, f, params);
  const [count] = await q.query<{ n: number }>(`select count(*)::int as n from mirror_events where ${where}`, params);
  const rows = await q.query<{ record: PublicEvent }>(
    `select record from mirror_events where ${where} order by local_date desc, start_at, event_id limit $${params.length + 1} offset $${params.length + 2}`,
    [...params, page.limit, page.offset],
  );
  return { events: rows.map((r) => r.record), total: count?.n ?? 0 };
}

/** Every matching event of a mirrored chronology in date order (the map). */
export async function listMirrorEvents(q: Queryable, origin: string, f: EventFilter): Promise<PublicEvent[]> {
  const params: unknown[] = [];
  const where = whereOf(origin, f, params);
  const rows = await q.query<{ record: PublicEvent }>(`select record from mirror_events where ${where} order by local_date, start_at, event_id`, params);
  return rows.map((r) => r.record);
}

/**
 * Every matching event of a mirrored chronology in date order, in batches (the data files): the
 * same keyset walk as the chronicle's own exports, so memory stays flat at any size.
 */
export async function* streamMirrorEvents(q: Queryable, origin: string, f: EventFilter, batchSize = 500): AsyncGenerator<PublicEvent> {
  let after: { date: string; start: Date | null; id: number } | undefined;
  for (;;) {
    const params: unknown[] = [];
    let where = whereOf(origin, f, params);
    if (after) {
      params.push(after.date, after.start ?? new Date(0), after.id);
      const n = params.length;
      where += ` and (local_date, coalesce(start_at, 'epoch'::timestamptz), event_id) > ($${n - 2}::date, $${n - 1}::timestamptz, $${n}::int)`;
    }
    params.push(batchSize);
    const rows = await q.query<{ event_id: number; d: string; start_at: Date | null; record: PublicEvent }>(
      `select event_id, to_char(local_date, 'YYYY-MM-DD') as d, start_at, record from mirror_events where ${where}
       order by local_date, coalesce(start_at, 'epoch'::timestamptz), event_id limit $${params.length}`,
      params,
    );
    for (const r of rows) yield r.record;
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    after = { date: last.d, start: last.start_at, id: last.event_id };
  }
}

/** The latest publications, newest first (the feed). */
export async function recentMirrorEvents(q: Queryable, origin: string, limit: number): Promise<PublicEvent[]> {
  const rows = await q.query<{ record: PublicEvent }>(
    'select record from mirror_events where origin = $1 order by published_at desc, event_id desc limit $2',
    [origin, limit],
  );
  return rows.map((r) => r.record);
}

export async function getMirrorEvent(q: Queryable, origin: string, id: number): Promise<PublicEvent | undefined> {
  const rows = await q.query<{ record: PublicEvent }>('select record from mirror_events where origin = $1 and event_id = $2', [origin, id]);
  return rows[0]?.record;
}

/** An event's entries in log order: its public history as the chronicle published it. */
export async function listMirrorEventEntries(q: Queryable, origin: string, id: number): Promise<MirrorEntryRow[]> {
  return q.query<MirrorEntryRow>(
    `select idx, type, event_id, revision, at, note, convert_from(data, 'UTF8')::jsonb -> 'record' as record
     from mirror_entries where origin = $1 and event_id = $2 order by idx`,
    [origin, id],
  );
}
