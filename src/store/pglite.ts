/**
 * Opens the embedded store: in memory without a folder, else in that folder, durable
 * (pglite-engine.ts), locked against every other process until close (lock.ts), and run on a
 * thread of its own (pglite-thread.ts).
 */
import type { Db } from './db.ts';
import { lockStore } from './lock.ts';
import { openMemoryPglite } from './pglite-engine.ts';
import { openPgliteThread } from './pglite-thread.ts';

export interface PgliteOptions {
  /** What holds the store, shown to anyone else who tries to open it ("caravan serve"). */
  holder?: string;
}

export async function openPglite(dataDir?: string, options: PgliteOptions = {}): Promise<Db> {
  if (dataDir) {
    const lock = lockStore(`${dataDir}.lock`, dataDir, options.holder ?? 'another caravan command');
    let db: Db;
    try {
      db = await openPgliteThread(dataDir);
    } catch (err) {
      lock.release();
      throw err;
    }
    return {
      ...db,
      async close() {
        try {
          await db.close();
        } finally {
          lock.release();
        }
      },
    };
  }
  return openMemoryPglite();
}
