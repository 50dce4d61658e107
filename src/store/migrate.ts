import { readdir, readFile } from 'node:fs/promises';
import type { Db } from './db.ts';
import { lockForTransaction } from './locks.ts';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export async function loadMigrations(): Promise<Migration[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return Promise.all(
    files.map(async (f) => ({
      version: Number(f.slice(0, 3)),
      name: f.slice(4, -4),
      sql: await readFile(new URL(f, MIGRATIONS_DIR), 'utf8'),
    })),
  );
}

/**
 * Applies the migrations not yet applied, each in its own transaction, in order. An advisory
 * lock keeps two processes starting against one server from racing. `upTo` stops at a version
 * (tests that need a store as an older Caravan left it).
 */
export async function migrate(db: Db, options: { upTo?: number } = {}): Promise<number[]> {
  const migrations = await loadMigrations();
  await db.exec(`create table if not exists schema_migrations (
    version int primary key, name text not null, applied_at timestamptz not null default now())`);
  const applied: number[] = [];
  for (const m of migrations.filter((m) => options.upTo === undefined || m.version <= options.upTo)) {
    const done = await db.transaction(async (tx) => {
      await lockForTransaction(tx, 'schema');
      const rows = await tx.query('select 1 from schema_migrations where version = $1', [m.version]);
      if (rows.length > 0) return false;
      await tx.exec(m.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}
