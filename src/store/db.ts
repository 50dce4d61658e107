/**
 * One typed database handle over two engines: embedded PGlite (default) and a PostgreSQL
 * server (when DATABASE_URL is set). Same SQL, same results: integer ids, Date timestamps,
 * parsed jsonb. Store functions take a `Queryable` so they also run inside a caller's
 * transaction.
 */
import type { CopyColumn, CopyRow } from './copy-rows.ts';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Appends rows to a table in one binary COPY (copy-rows.ts). No ON CONFLICT: the caller
   * clears what the rows replace.
   */
  copyRows(table: string, columns: readonly CopyColumn[], rows: readonly CopyRow[]): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` in one transaction; it commits when `fn` resolves and rolls back when it throws.
   * Statements issued on `tx` before the previous one answers run in the order issued, on
   * every engine: a caller may send a series without waiting (store/mirrors.ts).
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Like `transaction`, but shares one commit (one fsync) with the other grouped writes that
   * arrive while a commit is under way. When one write of a batch fails, the others run again
   * each alone, so `fn` may run twice and must not swallow its own database errors
   * (`group-commit.ts`). For small, independent writes on a hot path such as report intake.
   */
  grouped<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Only for the embedded store on a data folder: copies its files, as they are at one moment,
   * into `folder` (which must not exist), holding the store only while the files are copied.
   * The copy opens as a store of its own: a backup reads it there (app/backup/backup.ts) instead of
   * holding the only connection for as long as it reads.
   */
  snapshot?(folder: string): Promise<void>;
  close(): Promise<void>;
}
