/** Opens the store the configuration names: a PostgreSQL server, or PGlite in a folder or in memory. */
import type { Db } from './db.ts';

export interface DbOptions {
  /** postgres:// URL of a server; when absent PGlite is used. */
  databaseUrl?: string;
  /** Folder for PGlite's files; absent means in memory. */
  dataDir?: string;
  /** Schema to work in on a server (tests use one schema each). */
  schema?: string;
  /** What opens the embedded store ("caravan serve"), named to anyone else who tries to. */
  holder?: string;
}

export async function openDb(options: DbOptions): Promise<Db> {
  if (options.databaseUrl) {
    const { openPostgres } = await import('./postgres.ts');
    return openPostgres(options.databaseUrl, options.schema);
  }
  const { openPglite } = await import('./pglite.ts');
  return openPglite(options.dataDir, options.holder ? { holder: options.holder } : {});
}
