/**
 * The one plain object every handler and command receives first. Built once from the config;
 * tests build it around an in-memory database.
 */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CaravanError } from '../core/errors.ts';
import type { Db } from '../store/db.ts';
import { openDb } from '../store/open.ts';
import { migrate } from '../store/migrate.ts';
import { removeLeftSnapshots, unopenableStoreError } from './backup/folders.ts';
import type { Config } from './config.ts';
import { type Limits, createLimits } from './limits/limits.ts';
import { type LogSigner, ephemeralLogSigner, loadLogSigner } from './keys/log-key.ts';
import { removeLeftUploads } from './intake/media-upload.ts';
import { type Sealer, createSealer, loadSealingKey } from './keys/sealing.ts';
import { loadSenderKey } from './keys/sender-key.ts';
import { type WitnessKey, loadWitnessKey } from './keys/witness-key.ts';
import { type Witnessing, newWitnessing } from './witness/transport.ts';

export interface AppContext {
  config: Config;
  db: Db;
  /** The clock, replaceable in tests. */
  now(): Date;
  randomBytes(n: number): Uint8Array;
  /** Intake budgets and login throttling, in memory only (limits.ts). */
  limits: Limits;
  sealer: Sealer;
  /** Keys the pseudonyms of SMS senders (`<dataDir>/keys/sender.key`). */
  senderKey: Uint8Array;
  /** Signs the log's checkpoints (`<dataDir>/keys/log.key`). */
  logSigner: LogSigner;
  /** Cosigns checkpoints of followed logs (`<dataDir>/keys/witness.key`); undefined: witnessing off. */
  witnessKey: WitnessKey | undefined;
  /** How this chronicle reaches its witnesses, and the collection under way. */
  witnessing: Witnessing;
  /** While no account exists: the token of the one-time first-admin address (`first-account.ts`). */
  setupToken?: string | undefined;
}

/**
 * Opens the store and loads the keys. `holder` names what opens it ("caravan serve"): the
 * embedded store admits one process at a time, and anyone else who tries is told who holds it.
 */
export async function createContext(config: Config, holder = 'a caravan command'): Promise<AppContext> {
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  const db = await openStore(config, holder);
  await migrate(db);
  await removeLeftUploads(config.dataDir);
  await removeLeftSnapshots(config.dataDir);
  const key = await loadSealingKey(config.dataDir);
  const senderKey = await loadSenderKey(config.dataDir);
  const logSigner = await loadLogSigner(config.dataDir, config.origin);
  const witnessKey = await loadWitnessKey(config.dataDir);
  const base: Omit<AppContext, 'limits'> = {
    config,
    db,
    now: () => new Date(),
    randomBytes: (n) => randomBytes(n),
    sealer: createSealer(key),
    senderKey,
    logSigner,
    witnessKey,
    witnessing: newWitnessing(),
  };
  const ctx = base as AppContext;
  ctx.limits = createLimits(ctx);
  return ctx;
}

/** Opens a context, runs `fn`, and closes the store whatever happens: what every command does. */
export async function withContext<T>(config: Config, holder: string, fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await createContext(config, holder);
  try {
    return await fn(ctx);
  } finally {
    await ctx.db.close();
  }
}

/** The store; an embedded one that cannot be opened says so in one line, instead of a wasm stack trace. */
async function openStore(config: Config, holder: string): Promise<Db> {
  if (config.databaseUrl) return openDb({ databaseUrl: config.databaseUrl });
  const folder = join(config.dataDir, 'pglite');
  try {
    return await openDb({ dataDir: folder, holder });
  } catch (err) {
    // A store held by another process (StoreBusyError) is not damaged and says so itself.
    if (err instanceof CaravanError) throw err;
    throw await unopenableStoreError(config.dataDir, folder, err);
  }
}

/** A context around a given database, for tests and tools. */
export function contextFor(config: Config, db: Db, overrides: Partial<AppContext> = {}): AppContext {
  const ctx = {
    config,
    db,
    now: () => new Date(),
    randomBytes: (n) => randomBytes(n),
    sealer: createSealer(randomBytes(32)),
    senderKey: randomBytes(32),
    logSigner: ephemeralLogSigner(config.origin),
    witnessKey: undefined,
    witnessing: newWitnessing(),
    ...overrides,
  } as AppContext;
  // Built over the finished context, so a test's clock (even one swapped in later) drives them.
  ctx.limits ??= createLimits(ctx);
  return ctx;
}
