/**
 * The advisory locks Caravan takes, named in one place so no two uses can share an id by
 * accident. Transaction-scoped (pg_advisory_xact_lock): each ends with its transaction, on both
 * stores, and a killed process holds none.
 */
export const LOCKS = {
  /** Migrating or restoring the schema: one process at a time, over every table. */
  schema: 4242,
  /** Loading the demo chronicle into an empty store. */
  demo: 4243,
  /** Appending to the transparency log: entries get consecutive indexes, in commit order. */
  logAppend: 4244,
  /**
   * Updating the map's tallies of published events; taken inside the trigger of migration 010,
   * which holds the number itself (a migration is never edited), listed here so nothing reuses it.
   */
  placeTallies: 4246,
} as const;

export type LockName = keyof typeof LOCKS;

/** Waits for the lock, held until the caller's transaction ends. */
export async function lockForTransaction(
  q: { query(sql: string, params?: readonly unknown[]): Promise<unknown> },
  name: LockName,
): Promise<void> {
  await q.query('select pg_advisory_xact_lock($1)', [LOCKS[name]]);
}
