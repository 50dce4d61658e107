/**
 * Followed chronicles: their verified logs, the staging area of a sync in progress, the alarms
 * raised when one contradicts its own history, and the read model their pages render from.
 * Only `commitMirrorSync` writes verified data, in the caller's transaction.
 */
import { admin1Of, getPlace } from '../core/gazetteer/search.ts';
import type { EventFilter } from '../core/filter.ts';
import type { PublicEvent } from '../core/public-event.ts';
import { TILE_WIDTH, encodeEntryBundle, parseTilePath } from '../log/tiles.ts';
import type { CopyColumn } from './copy-rows.ts';
import type { Queryable } from './db.ts';
import { type PointRow, type PublishedPoint, pointOf } from './published.ts';
import { type WithdrawnEvent, recordMatches } from './withdrawals.ts';
import { type FilterColumns, filterWhere } from './filter-sql.ts';

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
  /** For a publish, {@link shownColumnsOf} its record. */
  shown?: ShownColumns;
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

const MIRROR_COLUMNS =
  'origin, log_url, verifier_key, added_at, size, root, checkpoint, last_check_at, last_success_at, last_error, failures';

export async function insertMirror(q: Queryable, m: { origin: string; logUrl: string; verifierKey: string; now: Date }): Promise<boolean> {
  const rows = await q.query(
    `insert into mirrors (origin, log_url, verifier_key, added_at) values ($1, $2, $3, $4) on conflict (origin) do nothing returning origin`,
    [m.origin, m.logUrl, m.verifierKey, m.now],
  );
  return rows.length > 0;
}

/**
 * Forgets a followed chronicle and everything stored of it, in one statement: the other tables
 * cascade; its entries and read model (no foreign keys: migration 013) go with it here.
 */
/** Locks a mirror's row until the transaction ends; its size and key as stored. */
export async function lockMirror(tx: Queryable, origin: string): Promise<{ size: number; verifier_key: string } | undefined> {
  const [row] = await tx.query<{ size: number; verifier_key: string }>(
    'select size, verifier_key from mirrors where origin = $1 for update',
    [origin],
  );
  return row;
}

export async function removeMirror(q: Queryable, origin: string): Promise<void> {
  await q.query(
    `with entries as (delete from mirror_entries where origin = $1), shown as (delete from mirror_events where origin = $1)
     delete from mirrors where origin = $1`,
    [origin],
  );
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
    await q.query('update mirrors set last_check_at = $2, last_success_at = $2, last_error = null, failures = 0 where origin = $1', [
      origin,
      now,
    ]);
  } else {
    await q.query('update mirrors set last_check_at = $2, last_error = $3, failures = failures + 1 where origin = $1', [
      origin,
      now,
      error,
    ]);
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
    const rows = await q.query<{ data: Uint8Array }>(
      'select data from mirror_entries where origin = $1 and idx >= $2 and idx < $3 order by idx',
      [origin, start, start + width],
    );
    return rows.length === width ? encodeEntryBundle(rows.map((r) => r.data)) : undefined;
  }
  const rows = await q.query<{ data: Uint8Array }>('select data from mirror_tiles where origin = $1 and path = $2', [origin, path]);
  return rows[0]?.data;
}

/** The stored entries' bytes from `from` on, in order: to recompute an earlier tree. */
export async function listMirrorEntryData(q: Queryable, origin: string, from: number, to: number): Promise<Uint8Array[]> {
  const rows = await q.query<{ data: Uint8Array }>(
    'select data from mirror_entries where origin = $1 and idx >= $2 and idx < $3 order by idx',
    [origin, from, to],
  );
  return rows.map((r) => r.data);
}

/** How a verified sync ends, once its entries are appended. */
export interface SyncEnd {
  origin: string;
  checkpoint: string;
  size: number;
  root: string;
  /** Staged tiles and bundles the verification read, to keep for later syncs. */
  tilePaths: readonly string[];
  /** Tiles and bundles the verification read from a file at hand, never staged. */
  tiles?: ReadonlyMap<string, Uint8Array>;
  now: Date;
}

export interface VerifiedSync extends SyncEnd {
  /** The entries after the previously verified size, in order. */
  entries: readonly MirrorEntry[];
}

/** Rows per bulk statement: about 6 MB of entries. */
const BATCH = 5000;

/** What a mirror's pages filter and order a published record by, as columns. */
export interface ShownColumns {
  localDate: string;
  startAt: string | null;
  /** Its place's first-level unit, else the region the record names. */
  region: string | null;
  eventType: string;
  status: string;
  publishedAt: string;
  lon: number | null;
  lat: number | null;
  placeId: string | null;
  placeName: string | null;
}

const isInstant = (v: unknown): v is string => typeof v === 'string' && Number.isFinite(Date.parse(v));
const isLocalDate = (v: unknown): v is string =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const coordinate = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * The read model's columns of a verified record. Throws when the record lacks one: a signed log
 * can still carry a record no Caravan wrote, and such a log is refused as a whole.
 */
export function shownColumnsOf(record: PublicEvent): ShownColumns {
  const r = record as Partial<PublicEvent>;
  if (!isLocalDate(r.localDate)) throw new TypeError('its record has no localDate (YYYY-MM-DD)');
  const start: unknown = r.time?.start;
  if (start !== undefined && start !== null && !isInstant(start)) throw new TypeError("its record's time.start is not a time");
  if (typeof r.eventType !== 'string') throw new TypeError('its record has no eventType');
  if (typeof r.status !== 'string') throw new TypeError('its record has no status');
  if (!isInstant(r.publishedAt)) throw new TypeError("its record's publishedAt is not a time");
  const location = r.location ?? ({} as Partial<PublicEvent['location']>);
  const place = typeof location.placeId === 'string' ? getPlace(location.placeId) : undefined;
  const region = (place ? admin1Of(place) : undefined)?.id ?? (typeof location.admin1 === 'string' ? location.admin1 : null);
  return {
    localDate: r.localDate,
    startAt: typeof start === 'string' ? start : null,
    region,
    eventType: r.eventType,
    status: r.status,
    publishedAt: r.publishedAt,
    lon: coordinate(location.lon),
    lat: coordinate(location.lat),
    placeId: typeof location.placeId === 'string' ? location.placeId : null,
    placeName: typeof location.name === 'string' ? location.name : null,
  };
}

const ENTRY_COLUMNS: readonly CopyColumn[] = [
  { name: 'origin', type: 'text' },
  { name: 'idx', type: 'int4' },
  { name: 'data', type: 'bytea' },
  { name: 'type', type: 'text' },
  { name: 'event_id', type: 'int4' },
  { name: 'revision', type: 'int4' },
  { name: 'at', type: 'timestamptz' },
  { name: 'note', type: 'text' },
];

const EVENT_COLUMNS: readonly CopyColumn[] = [
  { name: 'origin', type: 'text' },
  { name: 'event_id', type: 'int4' },
  { name: 'revision', type: 'int4' },
  { name: 'idx', type: 'int4' },
  { name: 'local_date', type: 'date' },
  { name: 'start_at', type: 'timestamptz' },
  { name: 'region', type: 'text' },
  { name: 'event_type', type: 'text' },
  { name: 'status', type: 'text' },
  { name: 'published_at', type: 'timestamptz' },
  { name: 'lon', type: 'float8' },
  { name: 'lat', type: 'float8' },
  { name: 'place_id', type: 'text' },
  { name: 'place_name', type: 'text' },
];

/**
 * Stores a verified sync: entries, tiles, the checkpoint, and the read model brought forward.
 * Must run in one transaction with nothing unverified in its arguments.
 */
export async function commitMirrorSync(tx: Queryable, s: VerifiedSync): Promise<void> {
  await appendMirrorEntries(tx, s.origin, s.entries);
  await finishMirrorSync(tx, s);
}

/**
 * Appends verified entries, in log order, in bulk (copy-rows.ts), and brings the read model
 * forward to them: each event's row comes from its last entry so far, if that publishes. Each
 * entry crosses to the database once; pages read records out of its bytes. A sync may append
 * while it still verifies (app/mirror/sync.ts), in a transaction that rolls back if the rest does
 * not verify, and hands on its next batch without waiting for this one: every statement is
 * issued here, before the first answers, and a transaction runs its statements in the order
 * issued (db.ts). The database works through them while the caller goes on hashing; awaiting
 * each answer would leave them waiting for this thread instead.
 */
export async function appendMirrorEntries(tx: Queryable, origin: string, entries: readonly MirrorEntry[]): Promise<void> {
  const statements: Array<() => Promise<unknown>> = [];
  for (let i = 0; i < entries.length; i += BATCH) {
    const batch = entries.slice(i, i + BATCH);
    const entryRows = batch.map((e) => [origin, e.idx, e.data, e.type, e.eventId, e.revision, e.at, e.note ?? null]);
    statements.push(() => tx.copyRows('mirror_entries', ENTRY_COLUMNS, entryRows));
    const latest = new Map<number, MirrorEntry>();
    for (const e of batch) latest.set(e.eventId, e);
    const replaced = [...latest.keys()];
    statements.push(() => tx.query('delete from mirror_events where origin = $1 and event_id = any($2::int[])', [origin, replaced]));
    const rows = [...latest.values()]
      .filter((e) => e.type === 'publish')
      .map((e) => {
        const c = e.shown;
        if (!c) throw new TypeError(`entry ${e.idx} publishes event ${e.eventId} without the columns its pages read`);
        return [
          origin,
          e.eventId,
          e.revision,
          e.idx,
          c.localDate,
          c.startAt,
          c.region,
          c.eventType,
          c.status,
          c.publishedAt,
          c.lon,
          c.lat,
          c.placeId,
          c.placeName,
        ];
      });
    statements.push(() => tx.copyRows('mirror_events', EVENT_COLUMNS, rows));
  }
  // Built first, so a record that cannot be filed refuses the batch before any of it is sent.
  await Promise.all(statements.map((send) => send()));
}

/** After the entries: the tiles and the checkpoint. */
export async function finishMirrorSync(tx: Queryable, s: SyncEnd): Promise<void> {
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
    await tx.query(
      `insert into mirror_tiles (origin, path, data) values ${values.join(', ')} on conflict (origin, path) do nothing`,
      params,
    );
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

const MIRRORED: FilterColumns = {
  date: 'v.local_date',
  region: 'v.region',
  eventType: 'v.event_type',
  status: 'v.status',
  lon: 'v.lon',
  lat: 'v.lat',
};

function whereOf(origin: string, f: EventFilter, params: unknown[]): string {
  params.push(origin);
  return filterWhere(f, params, MIRRORED, [`v.origin = $${params.length}`]);
}

/** The read model, each row with its entry, whose bytes hold the record. */
const SHOWN = 'mirror_events v join mirror_entries e on e.origin = v.origin and e.idx = v.idx';

/** The record inside an entry's bytes, parsed here rather than by the database. */
function recordOf(row: { data: Uint8Array }): PublicEvent {
  const entry = JSON.parse(Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength).toString('utf8')) as {
    record: PublicEvent;
  };
  return entry.record;
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
  const [count] = await q.query<{ n: number }>(`select count(*)::int as n from ${SHOWN} where ${where}`, params);
  const rows = await q.query<{ data: Uint8Array }>(
    `select e.data from ${SHOWN} where ${where} order by v.local_date desc, v.start_at, v.event_id limit $${params.length + 1} offset $${params.length + 2}`,
    [...params, page.limit, page.offset],
  );
  return { events: rows.map(recordOf), total: count?.n ?? 0 };
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
      where += ` and (v.local_date, coalesce(v.start_at, 'epoch'::timestamptz), v.event_id) > ($${n - 2}::date, $${n - 1}::timestamptz, $${n}::int)`;
    }
    params.push(batchSize);
    const rows = await q.query<{ event_id: number; d: string; start_at: Date | null; data: Uint8Array }>(
      `select v.event_id, to_char(v.local_date, 'YYYY-MM-DD') as d, v.start_at, e.data from ${SHOWN} where ${where}
       order by v.local_date, coalesce(v.start_at, 'epoch'::timestamptz), v.event_id limit $${params.length}`,
      params,
    );
    for (const r of rows) yield recordOf(r);
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    after = { date: last.d, start: last.start_at, id: last.event_id };
  }
}

/** The latest publications under the filter, newest first (the feeds). */
export async function latestMirrorEvents(q: Queryable, origin: string, f: EventFilter, limit: number): Promise<PublicEvent[]> {
  const params: unknown[] = [];
  const where = whereOf(origin, f, params);
  const rows = await q.query<{ data: Uint8Array }>(
    `select e.data from ${SHOWN} where ${where} order by v.published_at desc, v.event_id desc limit $${params.length + 1}`,
    [...params, limit],
  );
  return rows.map(recordOf);
}

/** The map's points of a mirrored chronology: its events counted per position, place, region and status. */
export async function mirrorPoints(q: Queryable, origin: string, f: EventFilter): Promise<PublishedPoint[]> {
  const params: unknown[] = [];
  const where = whereOf(origin, f, params);
  const rows = await q.query<PointRow>(
    `select v.lon, v.lat, coalesce(v.place_id, '') as place_id, coalesce(v.place_name, '') as place_name, coalesce(v.region, '') as region, v.status,
       count(*)::int as n
     from mirror_events v where ${where} and v.lon is not null and v.lat is not null and v.lon <> 'NaN' and v.lat <> 'NaN'
     group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6`,
    params,
  );
  return rows.map(pointOf);
}

/** The mirrored events under the filter at the given positions, in date order (the map's single marks and its list abroad). */
export async function mirrorEventsAt(
  q: Queryable,
  origin: string,
  f: EventFilter,
  positions: ReadonlyArray<readonly [number, number]>,
  limit: number,
): Promise<PublicEvent[]> {
  if (positions.length === 0 || limit <= 0) return [];
  const params: unknown[] = [];
  const where = whereOf(origin, f, params);
  params.push(
    positions.map((p) => p[0]),
    positions.map((p) => p[1]),
    limit,
  );
  const n = params.length;
  const rows = await q.query<{ data: Uint8Array }>(
    `select e.data from ${SHOWN}
     where ${where} and (v.lon, v.lat) in (select * from unnest($${n - 2}::float8[], $${n - 1}::float8[]))
     order by v.local_date, v.start_at, v.event_id limit $${n}`,
    params,
  );
  return rows.map(recordOf);
}

/** The log index of the entry that published an event's current revision; withdrawals after it are newer. */
export async function mirrorEventIdx(q: Queryable, origin: string, eventId: number): Promise<number> {
  const [row] = await q.query<{ idx: number }>('select idx from mirror_events where origin = $1 and event_id = $2', [origin, eventId]);
  return row?.idx ?? -1;
}

/**
 * Events of a mirrored chronicle withdrawn after entry `afterIdx` and not published again,
 * latest first, under the filter, with the record each had when last public (as
 * store/withdrawals.ts does for this chronicle's own).
 */
export async function mirrorWithdrawals(
  q: Queryable,
  origin: string,
  f: EventFilter,
  afterIdx: number,
  limit: number,
): Promise<WithdrawnEvent[]> {
  const rows = await q.query<{ id: number; at: Date; data: Uint8Array }>(
    `select u.event_id as id, u.at, p.data
       from mirror_entries u
       cross join lateral (
         select data from mirror_entries p
          where p.origin = u.origin and p.event_id = u.event_id and p.type = 'publish' and p.idx < u.idx
          order by p.idx desc limit 1) p
      where u.origin = $1 and u.type = 'unpublish' and u.idx > $2
        and not exists (select 1 from mirror_entries x where x.origin = u.origin and x.event_id = u.event_id and x.idx > u.idx)
      order by u.idx desc
      limit $3`,
    [origin, afterIdx, MAX_WITHDRAWALS_SCANNED],
  );
  return rows
    .map((r) => ({ id: r.id, withdrawnAt: r.at, record: recordOf(r) }))
    .filter((w) => recordMatches(w.record, f))
    .slice(0, limit);
}

/** Withdrawal scans stop here, as for this chronicle's own feeds. */
const MAX_WITHDRAWALS_SCANNED = 1000;

export async function getMirrorEvent(q: Queryable, origin: string, id: number): Promise<PublicEvent | undefined> {
  const rows = await q.query<{ data: Uint8Array }>(`select e.data from ${SHOWN} where v.origin = $1 and v.event_id = $2`, [origin, id]);
  return rows[0] ? recordOf(rows[0]) : undefined;
}

/** An event's entries in log order: its public history as the chronicle published it. */
export async function listMirrorEventEntries(q: Queryable, origin: string, id: number): Promise<MirrorEntryRow[]> {
  return q.query<MirrorEntryRow>(
    `select idx, type, event_id, revision, at, note, convert_from(data, 'UTF8')::jsonb -> 'record' as record
     from mirror_entries where origin = $1 and event_id = $2 order by idx`,
    [origin, id],
  );
}
