import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { type RowBatch, type StoreDump, dumpStore, restoreStore, StoreRestoreError, tablesInUse, tablesOf } from './backup.ts';
import type { Db } from './db.ts';
import { loadMigrations } from './migrate.ts';
import { openTestDb } from './testing.ts';

/** Every table's rows as text, in key order: what "restored exactly" is compared on. */
async function contents(db: Db): Promise<Record<string, string[]>> {
  const tables = await db.query<{ name: string }>(
    `select relname as name from pg_class where relnamespace = current_schema()::regnamespace and relkind = 'r' and relname <> 'schema_migrations' order by relname`,
  );
  const out: Record<string, string[]> = {};
  for (const { name } of tables)
    out[name] = (await db.query<{ r: string }>(`select row_to_json(t)::text as r from ${name} t`)).map((x) => x.r).sort();
  return out;
}

async function fill(db: Db): Promise<void> {
  await db.query(`insert into settings (key, value) values ('chronicle', $1::jsonb)`, [
    JSON.stringify({ title: 'Қазақстан', n: 1.5e-7, deep: { a: [1, null, 'x'] } }),
  ]);
  const [u] = await db.query<{ id: number }>(
    `insert into users (username, password_hash, role, created_at) values ('alice', 'h', 'admin', '2022-01-05T10:11:12.345678Z') returning id`,
  );
  await db.query(`insert into users (username, password_hash, role) values ('gone', 'h', 'editor')`);
  await db.query(`delete from users where username = 'gone'`);
  const [s] = await db.query<{ id: number }>(
    `insert into sources (kind, name, notes) values ('witness', 'W', E'line\\nbreak "quoted" \\\\ back')`,
  );
  await db.query(`insert into sessions (token_hash, user_id, csrf_token, expires_at) values ('t', $1, 'c', now() + interval '1 day')`, [
    u!.id,
  ]);
  for (let i = 0; i < 40; i++) {
    await db.query(
      `insert into relay_outbox (origin_url, envelope, idempotency_key, receipt_code) values ('https://kz.example', $1, $2, 'r')`,
      [randomBytes(200 + i), `device:${i}`],
    );
  }
  void s;
}

let source: Db;
let dump: StoreDump;
const batches: RowBatch[] = [];

before(async () => {
  source = await openTestDb();
  await fill(source);
  dump = await dumpStore(source, async (b) => void batches.push({ table: b.table, lines: [...b.lines] }), { fetchRows: 7, maxRows: 10 });
});
after(() => source.close());

test('the tables read from the migrations are the tables a migrated store has', async () => {
  const rows = await source.query<{ name: string }>(
    `select relname as name from pg_class where relnamespace = current_schema()::regnamespace and relkind = 'r' order by relname`,
  );
  assert.deepEqual(
    tablesOf(await loadMigrations()),
    rows.map((r) => r.name).filter((n) => n !== 'schema_migrations'),
  );
});

test('a dump lists tables after those they reference, in batches no bigger than asked', () => {
  const order = dump.tables.map((t) => t.name);
  assert.ok(order.indexOf('users') < order.indexOf('sessions'));
  assert.ok(order.indexOf('reports') < order.indexOf('media'));
  assert.equal(dump.tables.find((t) => t.name === 'relay_outbox')!.rows, 40);
  assert.ok(batches.filter((b) => b.table === 'relay_outbox').length >= 4);
  assert.ok(batches.every((b) => b.lines.length <= 10));
  assert.equal(dump.migrations.at(-1)!.version, Math.max(...dump.migrations.map((m) => m.version)));
});

test('a dump is one snapshot: rows written while it runs are neither in it nor lost', async () => {
  const db = await openTestDb();
  try {
    for (let i = 0; i < 30; i++) await db.query(`insert into sources (kind, name) values ('outlet', $1)`, [`before ${i}`]);
    const writes: Promise<unknown>[] = [];
    const seen: RowBatch[] = [];
    const dumped = await dumpStore(
      db,
      async (b) => {
        seen.push(b);
        // Not awaited: on PGlite a write waits for the dump's transaction; on a server it commits at once.
        writes.push(db.query(`insert into sources (kind, name) values ('outlet', $1)`, [`during ${seen.length}`]));
        if (seen.length === 1) writes.push(db.query(`delete from sources where name = 'before 29'`));
      },
      { fetchRows: 4, maxRows: 4 },
    );
    await Promise.all(writes);
    const names = seen.filter((b) => b.table === 'sources').flatMap((b) => b.lines.map((l) => (JSON.parse(l) as { name: string }).name));
    assert.deepEqual(
      names,
      Array.from({ length: 30 }, (_, i) => `before ${i}`),
    );
    assert.equal(dumped.tables.find((t) => t.name === 'sources')!.rows, 30);
    const [after] = await db.query<{ n: number }>(`select count(*)::int as n from sources`);
    assert.equal(after!.n, 30 - 1 + seen.length, 'every write went through');
  } finally {
    await db.close();
  }
});

test('a restore gives back every row exactly, and sequences go on where they were', async () => {
  const target = await openTestDb();
  try {
    assert.deepEqual(await tablesInUse(target), [], 'a migrated store counts as empty');
    const result = await restoreStore(target, dump, async (load) => {
      // Any order: foreign keys are set aside while loading.
      for (const b of [...batches].reverse()) await load(b);
    });
    assert.equal(
      result.rows,
      dump.tables.reduce((n, t) => n + t.rows, 0),
    );
    assert.deepEqual(await contents(target), await contents(source));
    const [next] = await target.query<{ id: number }>(
      `insert into users (username, password_hash, role) values ('bob', 'h', 'editor') returning id`,
    );
    const [expected] = await source.query<{ id: number }>(
      `insert into users (username, password_hash, role) values ('bob', 'h', 'editor') returning id`,
    );
    assert.equal(next!.id, expected!.id, 'the id after the deleted user is not handed out again');
    await source.query(`delete from users where username = 'bob'`);
    await assert.rejects(
      target.query(`insert into sessions (token_hash, user_id, csrf_token, expires_at) values ('x', 999, 'c', now())`),
      /foreign key/,
      'foreign keys are back',
    );
    await assert.rejects(
      restoreStore(target, dump, async (load) => {
        for (const b of batches) await load(b);
      }),
      (e: unknown) => e instanceof StoreRestoreError && /not empty/.test(e.message),
    );
  } finally {
    await target.close();
  }
});

test('a restore that does not get every row keeps nothing', async () => {
  const target = await openTestDb();
  try {
    await target.query(`insert into sources (kind, name) values ('outlet', 'kept')`);
    const before = await contents(target);
    await assert.rejects(
      restoreStore(
        target,
        dump,
        async (load) => {
          for (const b of batches.slice(1)) await load(b);
        },
        { force: true },
      ),
      (e: unknown) => e instanceof StoreRestoreError && /the backup lists \d+ rows, \d+ were restored/.test(e.message),
    );
    assert.deepEqual(await contents(target), before);
    await restoreStore(
      target,
      dump,
      async (load) => {
        for (const b of batches) await load(b);
      },
      { force: true },
    );
    assert.deepEqual(await contents(target), await contents(source), '--force replaces what was there');
  } finally {
    await target.close();
  }
});

test('a backup from before the latest migrations is restored and then migrated', async () => {
  const migrations = await loadMigrations();
  const old = await openTestDb({ migrateTo: migrations.at(-2)!.version });
  const target = await openTestDb();
  try {
    await fill(old);
    const got: RowBatch[] = [];
    const oldDump = await dumpStore(old, async (b) => void got.push(b));
    assert.equal(oldDump.migrations.length, migrations.length - 1);
    const result = await restoreStore(target, oldDump, async (load) => {
      for (const b of got) await load(b);
    });
    assert.deepEqual(result.migrated, [migrations.at(-1)!.version]);
    const applied = await target.query<{ version: number }>('select version from schema_migrations order by version');
    assert.deepEqual(
      applied.map((r) => r.version),
      migrations.map((m) => m.version),
    );
    assert.deepEqual((await contents(target)).relay_outbox, (await contents(old)).relay_outbox);
  } finally {
    await old.close();
    await target.close();
  }
});

test('a backup from a newer Caravan is refused before anything changes', async () => {
  const target = await openTestDb();
  try {
    const newer: StoreDump = { ...dump, migrations: [...dump.migrations, { version: 999, name: 'from_the_future' }] };
    await assert.rejects(
      restoreStore(target, newer, async () => {}),
      (e: unknown) => e instanceof StoreRestoreError && /migration 999/.test(e.message),
    );
    const renamed: StoreDump = { ...dump, migrations: dump.migrations.map((m, i) => (i === 0 ? { ...m, name: 'other' } : m)) };
    await assert.rejects(
      restoreStore(target, renamed, async () => {}),
      /not the same schema/,
    );
  } finally {
    await target.close();
  }
});
