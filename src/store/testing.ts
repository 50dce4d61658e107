/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a schema of its own on the
 * PostgreSQL server named by DATABASE_URL (dropped again on close).
 */
import { randomBytes } from 'node:crypto';
import type { Db } from './db.ts';
import { openDb } from './open.ts';
import { migrate } from './migrate.ts';

/** `migrateTo` stops at that migration version (a store as an older Caravan left it). */
export async function openTestDb(options: { migrateTo?: number } = {}): Promise<Db> {
  const url = process.env.DATABASE_URL;
  const upTo = options.migrateTo === undefined ? {} : { upTo: options.migrateTo };
  if (!url) {
    const db = await openDb({});
    await migrate(db, upTo);
    return db;
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const db = await openDb({ databaseUrl: url, schema });
  await migrate(db, upTo);
  return {
    ...db,
    async close() {
      await db.query(`drop schema ${schema} cascade`);
      await db.close();
    },
  };
}

/** Creates and publishes an event in one go; returns its id. */
export async function publishSampleEvent(
  db: Db,
  data: import('../core/event.ts').EventData,
  at = new Date('2022-01-06T00:00:00Z'),
): Promise<number> {
  const { createEvent, publishEvent } = await import('./events.ts');
  return db.transaction(async (tx) => {
    const id = await createEvent(tx, null, data, 'created in a test');
    await publishEvent(tx, id, null, at);
    return id;
  });
}
