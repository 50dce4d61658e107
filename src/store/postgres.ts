import pg from 'pg';
import type { Db, Queryable } from './db.ts';
import { groupCommit } from './group-commit.ts';

// Keep int8 (counts, sums) as JavaScript numbers, the way PGlite returns them.
pg.types.setTypeParser(20, (v) => Number(v));

export async function openPostgres(url: string, schema?: string): Promise<Db> {
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema name ${schema}`);
  const options = schema ? { options: `-c search_path=${schema}` } : {};
  const pool = new pg.Pool({ connectionString: url, max: 10, ...options });
  // Grouped writes (report intake) commit one batch at a time on a connection of their own, so
  // a crowd of readers holding the pool never makes an acknowledgement wait for a connection.
  const writers = new pg.Pool({ connectionString: url, max: 1, ...options });
  // A dropped connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  writers.on('error', () => {});
  if (schema) await pool.query(`create schema if not exists ${schema}`);
  const wrap = (c: { query: pg.Pool['query'] }): Queryable => ({
    async query<T>(sql: string, params?: readonly unknown[]) {
      const res = await c.query(sql, params ? [...params] : undefined);
      return res.rows as T[];
    },
    async exec(sql: string) {
      await c.query(sql);
    },
  });
  const base = wrap(pool);
  const transactionOn = (from: pg.Pool): Db['transaction'] => async (fn) => {
    const client = await from.connect();
    try {
      await client.query('begin');
      const out = await fn(wrap(client as unknown as { query: pg.Pool['query'] }));
      await client.query('commit');
      return out;
    } catch (err) {
      await client.query('rollback').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  };
  const transaction = transactionOn(pool);
  return {
    kind: 'postgres',
    query: base.query,
    exec: base.exec,
    transaction,
    grouped: groupCommit(transactionOn(writers)),
    close: async () => {
      await Promise.all([pool.end(), writers.end()]);
    },
  };
}
