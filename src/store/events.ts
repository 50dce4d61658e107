import { ConflictError, NotFoundError } from '../core/errors.ts';
import type { EventData } from '../core/event.ts';
import type { EventFilter } from '../core/filter.ts';
import { admin1Of, getPlace } from '../core/gazetteer/search.ts';
import { type PublicEvent, toPublicEvent } from '../core/public-event.ts';
import type { Queryable } from './db.ts';
import { type LogEntry, encodeLogEntry } from '../log/entry.ts';
import { appendLogEntry } from './log.ts';
import { countPublishedByDay, dayOfOffset, lastCountsByDay } from './published.ts';
import { type FilterColumns, filterWhere } from './filter-sql.ts';

export interface EventRow {
  id: number;
  created_at: Date;
  latest_revision: number;
  published_revision: number | null;
  first_published_at: Date | null;
  published_at: Date | null;
}

export interface RevisionRow {
  event_id: number;
  revision: number;
  editor_id: number | null;
  editor_name: string | null;
  created_at: Date;
  reason: string;
  data: EventData;
  published_at: Date | null;
}

/** Creates an event with its first revision (a draft until published). */
export async function createEvent(q: Queryable, editorId: number | null, data: EventData, reason: string, at?: Date): Promise<number> {
  const rows = await q.query<{ id: number }>(
    'insert into events (created_by, latest_revision, created_at) values ($1, 1, coalesce($2, now())) returning id',
    [editorId, at ?? null],
  );
  const id = rows[0]!.id;
  await q.query(
    'insert into event_revisions (event_id, revision, editor_id, reason, data, created_at) values ($1, 1, $2, $3, $4, coalesce($5, now()))',
    [id, editorId, reason, JSON.stringify(data), at ?? null],
  );
  return id;
}

/**
 * Adds a revision. `baseRevision` is the revision the editor started from: if someone else
 * saved in between, the save is refused instead of silently overwriting their work.
 */
export async function reviseEvent(
  q: Queryable,
  id: number,
  editorId: number | null,
  data: EventData,
  reason: string,
  baseRevision: number,
  at?: Date,
): Promise<number> {
  const rows = await q.query<{ latest_revision: number }>(
    'update events set latest_revision = latest_revision + 1 where id = $1 and latest_revision = $2 returning latest_revision',
    [id, baseRevision],
  );
  if (!rows[0]) {
    await getEventRow(q, id);
    throw new ConflictError('the event was changed by someone else since you opened it; reload and apply your change again');
  }
  const revision = rows[0].latest_revision;
  await q.query(
    'insert into event_revisions (event_id, revision, editor_id, reason, data, created_at) values ($1, $2, $3, $4, $5, coalesce($6, now()))',
    [id, revision, editorId, reason, JSON.stringify(data), at ?? null],
  );
  return revision;
}

const EVENT_ROW = 'select id, created_at, latest_revision, published_revision, first_published_at, published_at from events where id = $1';

export async function getEventRow(q: Queryable, id: number): Promise<EventRow> {
  const rows = await q.query<EventRow>(EVENT_ROW, [id]);
  if (!rows[0]) throw new NotFoundError(`event ${id}`);
  return rows[0];
}

/**
 * Reads the event's row and locks it until the caller's transaction ends, so publishing,
 * correcting, retracting and unpublishing one event serialize: whoever comes second reads
 * what the first committed.
 */
export async function lockEventRow(q: Queryable, id: number): Promise<EventRow> {
  const rows = await q.query<EventRow>(`${EVENT_ROW} for update`, [id]);
  if (!rows[0]) throw new NotFoundError(`event ${id}`);
  return rows[0];
}

export async function listRevisions(q: Queryable, id: number): Promise<RevisionRow[]> {
  return q.query<RevisionRow>(
    `select r.*, u.username as editor_name from event_revisions r left join users u on u.id = r.editor_id
     where r.event_id = $1 order by r.revision`,
    [id],
  );
}

export async function getRevision(q: Queryable, id: number, revision: number): Promise<RevisionRow> {
  const rows = await q.query<RevisionRow>(
    `select r.*, u.username as editor_name from event_revisions r left join users u on u.id = r.editor_id
     where r.event_id = $1 and r.revision = $2`,
    [id, revision],
  );
  if (!rows[0]) throw new NotFoundError(`revision ${revision} of event ${id}`);
  return rows[0];
}

/** The region (admin1) key the chronology filters on: the gazetteer id where known. */
export function regionKeyOf(location: EventData['location']): string | null {
  const place = location.placeId ? getPlace(location.placeId) : undefined;
  const region = place ? admin1Of(place) : undefined;
  return region?.id ?? location.admin1 ?? null;
}

/**
 * Makes the latest revision public: records the publication and refreshes the read model in
 * the caller's transaction. `publicNote` is what readers see in the event's history ("death
 * toll revised after the prosecutor's statement"); revision reasons stay internal.
 */
export async function publishEvent(
  q: Queryable,
  id: number,
  editorId: number | null,
  now: Date,
  publicNote?: string,
): Promise<PublicEvent> {
  const ev = await lockEventRow(q, id);
  if (ev.published_revision === ev.latest_revision) throw new ConflictError(`revision ${ev.latest_revision} is already published`);
  const rev = await getRevision(q, id, ev.latest_revision);
  const firstPublished = ev.first_published_at ?? now;
  const record = toPublicEvent(id, rev.revision, rev.data, now.toISOString(), firstPublished.toISOString());
  // The row is locked; the guard keeps a publication from ever being recorded twice all the same.
  const updated = await q.query(
    `update events set published_revision = $2, published_at = $3, first_published_at = coalesce(first_published_at, $3),
       pub_start = $4, pub_local_date = $5, pub_region = $6, pub_event_type = $7, pub_status = $8, pub_record = $9,
       pub_lon = $10, pub_lat = $11, pub_place_id = $12, pub_place_name = $13
     where id = $1 and latest_revision = $2 and published_revision is distinct from $2 returning id`,
    [
      id,
      rev.revision,
      now,
      record.time.start,
      record.localDate,
      regionKeyOf(rev.data.location),
      record.eventType,
      record.status,
      JSON.stringify(record),
      record.location.lon,
      record.location.lat,
      record.location.placeId ?? null,
      record.location.name,
    ],
  );
  if (!updated[0]) throw new ConflictError(`revision ${rev.revision} was published meanwhile`);
  await q.query('update event_revisions set published_at = $3 where event_id = $1 and revision = $2', [id, rev.revision, now]);
  await q.query(
    `insert into publications (event_id, revision, action, editor_id, reason, at, record) values ($1, $2, 'publish', $3, $4, $5, $6)`,
    [id, rev.revision, editorId, publicNote ?? null, now, JSON.stringify(record)],
  );
  const entry: LogEntry = { v: 1, type: 'publish', event: id, revision: rev.revision, at: now.toISOString(), record };
  if (publicNote) entry.note = publicNote;
  await appendLogEntry(q, encodeLogEntry(entry));
  return record;
}

/** Takes an event off the public site. The publication history keeps that it was public. */
export async function unpublishEvent(q: Queryable, id: number, editorId: number | null, now: Date, reason: string): Promise<void> {
  const ev = await lockEventRow(q, id);
  if (ev.published_revision === null) throw new ConflictError('the event is not published');
  const updated = await q.query(
    `update events set published_revision = null, published_at = null, pub_start = null, pub_local_date = null,
       pub_region = null, pub_event_type = null, pub_status = null, pub_record = null,
       pub_lon = null, pub_lat = null, pub_place_id = null, pub_place_name = null
     where id = $1 and published_revision = $2 returning id`,
    [id, ev.published_revision],
  );
  if (!updated[0]) throw new ConflictError('the event was unpublished meanwhile');
  await q.query(`insert into publications (event_id, revision, action, editor_id, reason, at) values ($1, $2, 'unpublish', $3, $4, $5)`, [
    id,
    ev.published_revision,
    editorId,
    reason,
    now,
  ]);
  // The log says that the event was withdrawn, not why: the reason stays with the team.
  await appendLogEntry(q, encodeLogEntry({ v: 1, type: 'unpublish', event: id, revision: ev.published_revision, at: now.toISOString() }));
}

export interface PublicationRow {
  id: number;
  event_id: number;
  revision: number;
  action: 'publish' | 'unpublish';
  reason: string | null;
  at: Date;
  record: PublicEvent | null;
}

/** Every published version of an event, oldest first: what readers may cite. */
export async function listPublications(q: Queryable, id: number): Promise<PublicationRow[]> {
  return q.query<PublicationRow>(
    'select id, event_id, revision, action, reason, at, record from publications where event_id = $1 order by id',
    [id],
  );
}

/** The event's latest publish or unpublish, with who did it: what a refused second attempt is told. */
export async function lastPublication(
  q: Queryable,
  id: number,
): Promise<
  { action: 'publish' | 'unpublish'; revision: number; at: Date; editor_id: number | null; editor_name: string | null } | undefined
> {
  const rows = await q.query<{
    action: 'publish' | 'unpublish';
    revision: number;
    at: Date;
    editor_id: number | null;
    editor_name: string | null;
  }>(
    `select p.action, p.revision, p.at, p.editor_id, u.username as editor_name from publications p left join users u on u.id = p.editor_id
     where p.event_id = $1 order by p.id desc limit 1`,
    [id],
  );
  return rows[0];
}

export async function getPublishedEvent(q: Queryable, id: number): Promise<PublicEvent | undefined> {
  const rows = await q.query<{ pub_record: PublicEvent }>(
    'select pub_record from events where id = $1 and published_revision is not null',
    [id],
  );
  return rows[0]?.pub_record;
}

const PUBLISHED: FilterColumns = {
  date: 'pub_local_date',
  region: 'pub_region',
  eventType: 'pub_event_type',
  status: 'pub_status',
  lon: 'pub_lon',
  lat: 'pub_lat',
};

function whereOf(f: EventFilter, params: unknown[]): string {
  return filterWhere(f, params, PUBLISHED, ['published_revision is not null']);
}

/**
 * One page of the chronology: newest local day first, and within a day in time order. The total
 * and the day the page starts on come from the tallies, so page N reads its own rows and those
 * before it on its first day, not the N - 1 pages before it. Counts cached from an earlier page
 * are used at once and checked against the version the page query reads along with its rows.
 */
export async function queryPublished(
  q: Queryable,
  f: EventFilter,
  page: { limit: number; offset: number },
): Promise<{ events: PublicEvent[]; total: number }> {
  let counts = lastCountsByDay(q, f) ?? (await countPublishedByDay(q, f));
  for (let attempt = 0; ; attempt++) {
    const start = page.offset === 0 ? undefined : dayOfOffset(counts, page.offset);
    const params: unknown[] = [];
    const where = whereOf(f, params);
    const order = 'order by pub_local_date desc, pub_start, id';
    let rowsOf: string;
    if (page.offset > 0 && !start) {
      // Past the last page: no rows to read, but the version still says whether the counts hold.
      rowsOf = 'select null::jsonb as pub_record limit 0';
      params.length = 0;
    } else if (start?.hour) {
      // From the start of the hour the page begins in: the rest of that day, then earlier days.
      params.push(start.date, start.hour, page.limit + page.offset - start.before, page.limit, page.offset - start.before);
      const n = params.length;
      rowsOf = `select pub_record from (
          (select pub_record, pub_local_date, pub_start, id from events
            where ${where} and pub_local_date = $${n - 4}::date and pub_start >= $${n - 3}::timestamptz order by pub_start, id limit $${n - 2})
          union all
          (select pub_record, pub_local_date, pub_start, id from events where ${where} and pub_local_date < $${n - 4}::date ${order} limit $${n - 2})
        ) u ${order} limit $${n - 1} offset $${n}`;
    } else {
      let within = where;
      if (start) within += ` and pub_local_date <= $${params.push(start.date)}::date`;
      params.push(page.limit, page.offset - (start?.before ?? 0));
      rowsOf = `select pub_record from events where ${within} ${order} limit $${params.length - 1} offset $${params.length}`;
    }
    const rows = await q.query<{ version: string; pub_record: PublicEvent | null }>(
      `select v.n::text as version, e.pub_record from published_version v left join lateral (${rowsOf}) e on true`,
      params,
    );
    if (rows[0]?.version === counts.version || attempt > 0) {
      return { events: rows.flatMap((r) => (r.pub_record ? [r.pub_record] : [])), total: counts.total };
    }
    counts = await countPublishedByDay(q, f);
  }
}

/**
 * The published events matching the filter at the given positions, in date order: the map's
 * single marks and its list of events abroad.
 */
export async function publishedAt(
  q: Queryable,
  f: EventFilter,
  positions: ReadonlyArray<readonly [number, number]>,
  limit: number,
): Promise<PublicEvent[]> {
  if (positions.length === 0 || limit <= 0) return [];
  const params: unknown[] = [];
  const where = whereOf(f, params);
  params.push(
    positions.map((p) => p[0]),
    positions.map((p) => p[1]),
    limit,
  );
  const n = params.length;
  const rows = await q.query<{ pub_record: PublicEvent }>(
    `select pub_record from events
     where ${where} and (pub_lon, pub_lat) in (select * from unnest($${n - 2}::float8[], $${n - 1}::float8[]))
     order by pub_local_date, pub_start, id limit $${n}`,
    params,
  );
  return rows.map((r) => r.pub_record);
}

/**
 * Every published event matching the filter, in date order, fetched in batches by key so an
 * export of any size holds one batch in memory at a time.
 */
export async function* streamPublished(q: Queryable, f: EventFilter, batchSize = 500): AsyncGenerator<PublicEvent> {
  let after: { date: string; start: Date; id: number } | undefined;
  for (;;) {
    const params: unknown[] = [];
    let where = whereOf(f, params);
    if (after) {
      params.push(after.date, after.start, after.id);
      const n = params.length;
      where += ` and (pub_local_date, pub_start, id) > ($${n - 2}::date, $${n - 1}::timestamptz, $${n}::int)`;
    }
    params.push(batchSize);
    const rows = await q.query<{ id: number; d: string; pub_start: Date; pub_record: PublicEvent }>(
      `select id, to_char(pub_local_date, 'YYYY-MM-DD') as d, pub_start, pub_record from events where ${where}
       order by pub_local_date, pub_start, id limit $${params.length}`,
      params,
    );
    for (const r of rows) yield r.pub_record;
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    after = { date: last.d, start: last.pub_start, id: last.id };
  }
}

export interface EditorEventRow extends EventRow {
  data: EventData;
  editor_name: string | null;
  updated_at: Date;
}

/** Events for the editor workspace, most recently changed first. */
export async function listEditorEvents(q: Queryable, page: { limit: number; offset: number }): Promise<EditorEventRow[]> {
  return q.query<EditorEventRow>(
    `select e.id, e.created_at, e.latest_revision, e.published_revision, e.first_published_at, e.published_at,
       r.data, r.created_at as updated_at, u.username as editor_name
     from events e join event_revisions r on r.event_id = e.id and r.revision = e.latest_revision
     left join users u on u.id = r.editor_id
     order by r.created_at desc, e.id desc limit $1 offset $2`,
    [page.limit, page.offset],
  );
}

export async function countEvents(q: Queryable): Promise<{ all: number; published: number }> {
  const [row] = await q.query<{ all: number; published: number }>(
    'select count(*)::int as all, count(published_revision)::int as published from events',
  );
  return row ?? { all: 0, published: 0 };
}

/** The newest publications first (by when the current revision went public), for feeds. */
export async function latestPublished(q: Queryable, f: EventFilter, limit: number): Promise<PublicEvent[]> {
  const params: unknown[] = [];
  const where = whereOf(f, params);
  const rows = await q.query<{ pub_record: PublicEvent }>(
    `select pub_record from events where ${where} order by published_at desc, id desc limit $${params.length + 1}`,
    [...params, limit],
  );
  return rows.map((r) => r.pub_record);
}

/**
 * The last publish or unpublish anywhere in the chronicle: every public file changes only when
 * this does, so it keys their ETags.
 */
export async function latestPublication(q: Queryable): Promise<{ id: number; at: Date } | undefined> {
  const rows = await q.query<{ id: number; at: Date }>('select id, at from publications order by id desc limit 1');
  return rows[0];
}
