/**
 * The database half of a backup, the same on PGlite and a PostgreSQL server: every Caravan table
 * read in one repeatable-read, read-only snapshot (consistent while a server keeps writing), as
 * `row_to_json` lines in batches, and put back with `json_populate_recordset`, which gives bytea,
 * jsonb, timestamps and floats back exactly. Rows are read through a cursor, so a large table
 * never sits in memory.
 *
 * A restore rebuilds the schema by replaying the migrations up to the backup's level, loads the
 * rows with foreign keys set aside (so row order never matters and cycles are fine), puts the
 * keys back and checks them, sets each sequence where it was, then replays the migrations added
 * since: all in one transaction, so a failure leaves the store as it was.
 */
import { CaravanError } from '../core/errors.ts';
import type { Db, Queryable } from './db.ts';
import { type Migration, loadMigrations } from './migrate.ts';
import { lockForTransaction } from './locks.ts';

export class StoreRestoreError extends CaravanError {
  override name = 'StoreRestoreError';
  constructor(message: string) {
    super('restore_refused', message);
  }
}

export interface DumpedTable {
  name: string;
  rows: number;
}

export interface DumpedSequence {
  name: string;
  /** Decimal text (int8 does not fit a JavaScript number); null: never used since it was made. */
  lastValue: string | null;
}

export interface StoreDump {
  migrations: Array<{ version: number; name: string }>;
  /** In dependency order: a table comes after the tables it references. */
  tables: DumpedTable[];
  sequences: DumpedSequence[];
}

/** One batch of a table's rows: `row_to_json` text, one row per line. */
export interface RowBatch {
  table: string;
  lines: string[];
}

export interface DumpOptions {
  /** Rows fetched from the cursor at a time. */
  fetchRows?: number;
  /** A batch is handed over once it holds this many bytes of JSON or `maxRows` rows. */
  maxBatchBytes?: number;
  maxRows?: number;
}

/**
 * Rows a freshly migrated store already holds; they do not make a store "in use".
 * published_version is a counter the read model's trigger bumps: derived, never data of its own.
 */
const SEEDED_ROWS: Record<string, string> = { log_tree: 'size = 0', published_version: 'true' };

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The tables Caravan's migrations make, read from the migrations themselves. */
export function tablesOf(migrations: readonly Migration[]): string[] {
  const tables = new Set<string>();
  for (const m of migrations) {
    for (const [, name] of m.sql.matchAll(/create\s+(?:unlogged\s+)?table\s+(?:if\s+not\s+exists\s+)?([a-z_][a-z0-9_]*)/gi))
      tables.add(name!.toLowerCase());
    for (const [, name] of m.sql.matchAll(/drop\s+table\s+(?:if\s+exists\s+)?([a-z_][a-z0-9_]*)/gi)) tables.delete(name!.toLowerCase());
  }
  return [...tables].sort();
}

async function appliedMigrations(q: Queryable): Promise<Array<{ version: number; name: string }>> {
  const exists = await q.query<{ t: string | null }>(`select to_regclass('schema_migrations')::text as t`);
  if (!exists[0]?.t) return [];
  return q.query('select version, name from schema_migrations order by version');
}

/** Caravan's tables present in the current schema, each after the tables it references. */
async function tablesInOrder(q: Queryable, known: readonly string[]): Promise<string[]> {
  const present = await q.query<{ name: string }>(
    `select c.relname as name from pg_class c where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p') and c.relname = any($1::text[])`,
    [known],
  );
  const names = present.map((r) => r.name).sort();
  const refs = await q.query<{ child: string; parent: string }>(
    `select cl.relname as child, pa.relname as parent from pg_constraint k
       join pg_class cl on cl.oid = k.conrelid join pg_class pa on pa.oid = k.confrelid
     where k.contype = 'f' and k.connamespace = current_schema()::regnamespace`,
  );
  const parents = new Map<string, Set<string>>(names.map((n) => [n, new Set<string>()]));
  for (const r of refs) if (r.child !== r.parent && parents.has(r.child) && parents.has(r.parent)) parents.get(r.child)!.add(r.parent);
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < names.length) {
    const ready = names.filter((n) => !placed.has(n) && [...parents.get(n)!].every((p) => placed.has(p)));
    // A cycle of references: take the first remaining table; restoring sets foreign keys aside anyway.
    for (const n of ready.length > 0 ? ready : [names.find((n) => !placed.has(n))!]) {
      placed.add(n);
      order.push(n);
    }
  }
  return order;
}

async function primaryKeyOf(q: Queryable, table: string): Promise<string[]> {
  const rows = await q.query<{ column: string }>(
    `select a.attname as column from pg_index i
       join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
     where i.indrelid = $1::regclass and i.indisprimary order by array_position(i.indkey::int2[], a.attnum)`,
    [quote(table)],
  );
  return rows.map((r) => r.column);
}

/** The sequences behind Caravan's serial columns. */
async function sequencesOf(q: Queryable, tables: readonly string[]): Promise<DumpedSequence[]> {
  const rows = await q.query<{ name: string; last_value: string | null }>(
    `select s.sequencename as name, s.last_value::text as last_value from pg_sequences s
       join pg_class c on c.relname = s.sequencename and c.relnamespace = current_schema()::regnamespace and c.relkind = 'S'
       join pg_depend d on d.objid = c.oid and d.deptype in ('a', 'i')
       join pg_class t on t.oid = d.refobjid
     where s.schemaname = current_schema() and t.relname = any($1::text[]) order by s.sequencename`,
    [tables],
  );
  return rows.map((r) => ({ name: r.name, lastValue: r.last_value }));
}

/**
 * Reads the whole store in one snapshot and hands its rows to `onBatch` table by table, in
 * dependency order; returns what was read, for the manifest.
 */
export async function dumpStore(db: Db, onBatch: (batch: RowBatch) => Promise<void>, options: DumpOptions = {}): Promise<StoreDump> {
  const fetchRows = options.fetchRows ?? 500;
  const maxBytes = options.maxBatchBytes ?? 4 << 20;
  const maxRows = options.maxRows ?? 5000;
  const known = tablesOf(await loadMigrations());
  return db.transaction(async (tx) => {
    await tx.exec('set transaction isolation level repeatable read, read only');
    const migrations = (await appliedMigrations(tx)).map((m) => ({ version: Number(m.version), name: m.name }));
    if (migrations.length === 0) throw new CaravanError('store_empty', 'the store has never been migrated: there is nothing to back up');
    const tables: DumpedTable[] = [];
    for (const table of await tablesInOrder(tx, known)) {
      const pk = await primaryKeyOf(tx, table);
      const order = pk.length > 0 ? ` order by ${pk.map((c) => `t.${quote(c)}`).join(', ')}` : '';
      await tx.exec(`declare caravan_dump no scroll cursor for select row_to_json(t)::text as r from ${quote(table)} t${order}`);
      let rows = 0;
      let lines: string[] = [];
      let bytes = 0;
      for (;;) {
        const got = await tx.query<{ r: string }>(`fetch forward ${fetchRows} from caravan_dump`);
        for (const { r } of got) {
          lines.push(r);
          bytes += r.length;
          if (lines.length >= maxRows || bytes >= maxBytes) {
            await onBatch({ table, lines });
            lines = [];
            bytes = 0;
          }
        }
        rows += got.length;
        if (got.length < fetchRows) break;
      }
      if (lines.length > 0) await onBatch({ table, lines });
      await tx.exec('close caravan_dump');
      tables.push({ name: table, rows });
    }
    return {
      migrations,
      tables,
      sequences: await sequencesOf(
        tx,
        tables.map((t) => t.name),
      ),
    };
  });
}

/** Tables holding anything beyond what migrating an empty store puts there. */
export async function tablesInUse(q: Queryable): Promise<string[]> {
  const known = tablesOf(await loadMigrations());
  const used: string[] = [];
  for (const table of await tablesInOrder(q, known)) {
    const seeded = SEEDED_ROWS[table];
    const rows = await q.query(`select 1 from ${quote(table)}${seeded ? ` where not (${seeded})` : ''} limit 1`);
    if (rows.length > 0) used.push(table);
  }
  return used;
}

/** Refuses a backup whose migrations this Caravan does not have, or has under other names. */
function checkMigrations(backup: StoreDump['migrations'], ours: readonly Migration[]): void {
  for (const [i, m] of backup.entries()) {
    const mine = ours[i];
    if (!mine || mine.version !== m.version) {
      throw new StoreRestoreError(
        `the backup was made at migration ${m.version} (${m.name}), which this Caravan does not have: restore it with the Caravan that made it, or a newer one`,
      );
    }
    if (mine.name !== m.name)
      throw new StoreRestoreError(
        `the backup's migration ${m.version} is "${m.name}", this Caravan's is "${mine.name}": not the same schema`,
      );
  }
}

async function applyMigration(tx: Queryable, m: Migration): Promise<void> {
  await tx.exec(m.sql);
  await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
}

export interface RestoreOptions {
  /** Replace a store that holds data; without it such a store is refused. */
  force?: boolean;
}

/**
 * Restores a dump in one transaction. `feed` calls `load` with every batch, in any order; the
 * rows each table ends up with must be the dump's counts, or nothing is kept. `replaced`: the
 * store held data before (only with `force`).
 */
export async function restoreStore(
  db: Db,
  dump: StoreDump,
  feed: (load: (batch: RowBatch) => Promise<void>) => Promise<void>,
  options: RestoreOptions = {},
): Promise<{ tables: number; rows: number; migrated: number[]; replaced: boolean }> {
  const ours = await loadMigrations();
  checkMigrations(dump.migrations, ours);
  const level = dump.migrations.length;
  const known = tablesOf(ours);
  const expected = new Map(dump.tables.map((t) => [t.name, t.rows]));
  const atLevel = new Set(tablesOf(ours.slice(0, level)));
  for (const t of dump.tables)
    if (!atLevel.has(t.name)) throw new StoreRestoreError(`the backup holds a table "${t.name}" that migration ${level} does not make`);
  return db.transaction(async (tx) => {
    await lockForTransaction(tx, 'schema');
    const used = await tablesInUse(tx);
    if (used.length > 0 && !options.force) {
      throw new StoreRestoreError(
        `the store is not empty (${used.slice(0, 5).join(', ')}${used.length > 5 ? ', …' : ''} hold data): restore into a new store, or pass --force to replace it`,
      );
    }
    const present = await tablesInOrder(tx, [...known, 'schema_migrations']);
    if (present.length > 0) await tx.exec(`drop table ${present.map(quote).join(', ')} cascade`);
    await tx.exec(`create table schema_migrations (
      version int primary key, name text not null, applied_at timestamptz not null default now())`);
    for (const m of ours.slice(0, level)) await applyMigration(tx, m);
    const tables = await tablesInOrder(tx, known);
    await tx.exec(`truncate ${tables.map(quote).join(', ')}`);
    const keys = await tx.query<{ tbl: string; name: string; def: string }>(
      `select cl.relname as tbl, k.conname as name, pg_get_constraintdef(k.oid) as def from pg_constraint k join pg_class cl on cl.oid = k.conrelid
       where k.contype = 'f' and k.connamespace = current_schema()::regnamespace`,
    );
    for (const k of keys) await tx.exec(`alter table ${quote(k.tbl)} drop constraint ${quote(k.name)}`);
    // Rows come back as they were: a trigger a migration adds must not act on them again.
    for (const t of tables) await tx.exec(`alter table ${quote(t)} disable trigger user`);
    const columns = new Map<string, string>();
    for (const t of tables) {
      const cols = await tx.query<{ name: string }>(
        `select attname as name from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated = '' order by attnum`,
        [quote(t)],
      );
      columns.set(t, cols.map((c) => quote(c.name)).join(', '));
    }
    const loaded = new Map<string, number>();
    await feed(async ({ table, lines }) => {
      const cols = columns.get(table);
      if (!cols || !expected.has(table)) throw new StoreRestoreError(`rows for a table "${table}" the backup's manifest does not list`);
      if (lines.length === 0) return;
      await tx.query(
        `insert into ${quote(table)} (${cols}) overriding system value select ${cols} from json_populate_recordset(null::${quote(table)}, $1::json)`,
        [`[${lines.join(',')}]`],
      );
      loaded.set(table, (loaded.get(table) ?? 0) + lines.length);
    });
    let rows = 0;
    for (const [table, count] of expected) {
      const [got] = await tx.query<{ n: number }>(`select count(*)::int as n from ${quote(table)}`);
      if (got!.n !== count || (loaded.get(table) ?? 0) !== count)
        throw new StoreRestoreError(`${table}: the backup lists ${count} rows, ${got!.n} were restored`);
      rows += count;
    }
    for (const k of keys) await tx.exec(`alter table ${quote(k.tbl)} add constraint ${quote(k.name)} ${k.def}`);
    for (const t of tables) await tx.exec(`alter table ${quote(t)} enable trigger user`);
    const sequences = new Set((await sequencesOf(tx, tables)).map((s) => s.name));
    for (const s of dump.sequences) {
      if (!sequences.has(s.name))
        throw new StoreRestoreError(`the backup holds a sequence "${s.name}" that migration ${level} does not make`);
      if (s.lastValue === null)
        await tx.query(
          `select setval($1::regclass, (select start_value from pg_sequences where schemaname = current_schema() and sequencename = $2), false)`,
          [quote(s.name), s.name],
        );
      else await tx.query('select setval($1::regclass, $2::bigint)', [quote(s.name), s.lastValue]);
    }
    const migrated: number[] = [];
    for (const m of ours.slice(level)) {
      await applyMigration(tx, m);
      migrated.push(m.version);
    }
    return { tables: expected.size, rows, migrated, replaced: used.length > 0 };
  });
}
