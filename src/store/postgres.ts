import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db, Queryable } from './db.ts';
import { binaryCopyData, copyStatement } from './copy-rows.ts';
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
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params?: readonly unknown[]) {
      const res = await c.query(sql, params ? [...params] : undefined);
      return res.rows as T[];
    },
    async exec(sql: string) {
      await c.query(sql);
    },
    async copyRows(table, columns, rows) {
      if (rows.length === 0) return;
      const sql = copyStatement(table, columns, 'stdin');
      const data = binaryCopyData(columns, rows);
      // The pool lends a connection for the COPY; a transaction's client is used as it is.
      const client = c instanceof pg.Pool ? await c.connect() : (c as pg.PoolClient);
      try {
        await pipeline(Readable.from([data]), client.query(copyFrom(sql)));
      } finally {
        if (client !== c) client.release();
      }
    },
  });
  // A transaction's statements may be issued before the previous one answers (a bundle is stored
  // while it is verified); one connection takes them one at a time, in order.
  const inOrder = (q: Queryable): Queryable => {
    let last: Promise<unknown> = Promise.resolve();
    const queued = <T>(run: () => Promise<T>): Promise<T> => {
      const next = last.then(run);
      last = next.catch(() => undefined);
      return next;
    };
    return {
      query: (sql, params) => queued(() => q.query(sql, params)),
      exec: (sql) => queued(() => q.exec(sql)),
      copyRows: (table, columns, rows) => queued(() => q.copyRows(table, columns, rows)),
    };
  };
  const base = wrap(pool);
  const transactionOn =
    (from: pg.Pool): Db['transaction'] =>
    async (fn) => {
      const client = await from.connect();
      // begin, commit and rollback wait their turn behind every statement issued before them.
      const tx = inOrder(wrap(client));
      try {
        await tx.exec('begin');
        const out = await fn(tx);
        await tx.exec('commit');
        return out;
      } catch (err) {
        await tx.exec('rollback').catch(() => {});
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
    copyRows: base.copyRows,
    transaction,
    grouped: groupCommit(transactionOn(writers)),
    close: async () => {
      await Promise.all([pool.end(), writers.end()]);
    },
  };
}
