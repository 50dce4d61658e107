/**
 * A backup of one chronicle as one gzip'd POSIX tar file, owner-only since it holds the keys:
 *
 *   db/<NNNNNN>-<table>.ndjson   a batch of a table's rows (row_to_json, one per line), in order
 *   files/keys/…                 <data>/keys: the log, contact, sender and witness keys
 *   files/media/…, files/evidence/…   reporters' photos and videos
 *   caravan-backup.json          the manifest, last: format, migrations, row counts, and the size
 *                                and SHA-256 of every member before it
 *
 * `restoreBackup` reads the whole file once and checks it against its manifest before touching
 * anything, then restores the database in one transaction (store/backup.ts) while it stages the
 * files, and puts the files in place only once that transaction has committed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, lstat, mkdir, mkdtemp, open, readdir, readFile, rename, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import * as tar from 'tar-stream';
import { CaravanError } from '../../core/errors.ts';
import { type RowBatch, type StoreDump, dumpStore, restoreStore } from '../../store/backup.ts';
import { openDb } from '../../store/open.ts';
import { processFolder } from '../../store/lock.ts';
import type { AppContext } from '../context.ts';
import { removeLeftSnapshots, snapshotsOf } from './folders.ts';

export const BACKUP_FORMAT = 'caravan-backup';
export const BACKUP_VERSION = 1;
const MANIFEST = 'caravan-backup.json';
/** The folders of `<data>` a backup carries; `incoming/` and `backups/` stay out. */
export const BACKED_UP_FOLDERS = ['keys', 'media', 'evidence'] as const;
/**
 * A batch is held in memory whole, as one string, while restored: V8 caps a string near 512 MiB.
 * The dump cuts batches at 4 MiB; only one huge row (a mirrored 100 MiB video is 200 MiB of hex)
 * makes a bigger one.
 */
const MAX_DB_MEMBER_BYTES = 512 << 20;

export interface BackupMember {
  name: string;
  bytes: number;
  sha256: string;
  /** db/ members: the table and how many rows. */
  table?: string;
  rows?: number;
  /** files/ members: the permission bits to put back. */
  mode?: number;
}

export interface BackupManifest extends StoreDump {
  format: typeof BACKUP_FORMAT;
  version: number;
  madeAt: string;
  /** The engine it was made from; either restores on either. */
  store: 'pglite' | 'postgres';
  origin: string;
  members: BackupMember[];
}

export class BackupError extends CaravanError {
  override name = 'BackupError';
  constructor(message: string) {
    super('bad_backup', message);
  }
}

const sha256Hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const DB_MEMBER = /^db\/\d{6}-([a-z_][a-z0-9_]*)\.ndjson$/;
const FILE_MEMBER = new RegExp(`^files/(${BACKED_UP_FOLDERS.join('|')})(/[A-Za-z0-9_][A-Za-z0-9._-]*)+$`);

/** Regular files under the backed-up folders, as paths relative to `dataDir`, and what was left out. */
async function dataFiles(dataDir: string): Promise<{ files: string[]; skipped: string[] }> {
  const out: string[] = [];
  const skipped: string[] = [];
  const walk = async (rel: string) => {
    const entries = await readdir(join(dataDir, rel), { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return [];
      throw err;
    });
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = `${rel}/${e.name}`;
      if (e.isDirectory()) await walk(path);
      // Caravan names its files plainly; links, hidden files and odd names stay out, and are listed.
      else if (e.isFile() && FILE_MEMBER.test(`files/${path}`)) out.push(path);
      else skipped.push(path);
    }
  };
  for (const folder of BACKED_UP_FOLDERS) await walk(folder);
  return { files: out, skipped };
}

export interface WrittenBackup {
  file: string;
  bytes: number;
  tables: number;
  rows: number;
  files: number;
  /** Files under the backed-up folders that were left out (links, hidden or oddly named files). */
  skipped: string[];
  level: number;
}

/** Writes a backup through a temporary file in the same folder, fsynced and renamed; never replaces a file. */
export async function writeBackup(ctx: AppContext, file: string): Promise<WrittenBackup> {
  if (await stat(file).catch(() => undefined)) throw new BackupError(`${file} already exists; choose a new name`);
  if (!(await stat(dirname(file)).catch(() => undefined))?.isDirectory())
    throw new BackupError(`the folder ${dirname(file)} does not exist`);
  const tmp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const pack = tar.pack();
  const written = pipeline([pack as unknown as Readable, createGzip(), createWriteStream(tmp, { flags: 'wx', mode: 0o600 })]);
  written.catch(() => {});
  const madeAt = ctx.now();
  const members: BackupMember[] = [];
  const header = (name: string, size: number, mode = 0o600) => ({ name, size, mode, mtime: madeAt, type: 'file' as const });
  const add = (name: string, bytes: Uint8Array) =>
    new Promise<void>((resolve, reject) =>
      pack.entry(header(name, bytes.length), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), (e) => (e ? reject(e) : resolve())),
    );
  try {
    const dump = await dumpOf(ctx, async ({ table, lines }) => {
      const bytes = Buffer.from(`${lines.join('\n')}\n`);
      const name = `db/${String(members.length + 1).padStart(6, '0')}-${table}.ndjson`;
      await add(name, bytes);
      members.push({ name, bytes: bytes.length, sha256: sha256Hex(bytes), table, rows: lines.length });
    });
    // After the snapshot: every file a row of it names was in place before that row committed.
    const { files, skipped } = await dataFiles(ctx.config.dataDir);
    for (const path of files) {
      const full = join(ctx.config.dataDir, path);
      const info = await stat(full);
      const hash = createHash('sha256');
      const hashing = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          hash.update(chunk);
          cb(null, chunk);
        },
      });
      let entry!: Writable;
      const done = new Promise<void>((resolve, reject) => {
        entry = pack.entry(header(`files/${path}`, info.size, info.mode & 0o777), (e) =>
          e ? reject(e) : resolve(),
        ) as unknown as Writable;
      });
      await Promise.all([pipeline(createReadStream(full), hashing, entry), done]);
      members.push({ name: `files/${path}`, bytes: info.size, sha256: hash.digest('hex'), mode: info.mode & 0o777 });
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      madeAt: madeAt.toISOString(),
      store: ctx.db.kind,
      origin: ctx.config.origin,
      ...dump,
      members,
    };
    await add(MANIFEST, Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`));
    pack.finalize();
    await written;
    const handle = await open(tmp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
    await syncFolder(dirname(file));
    return {
      file,
      bytes: (await stat(file)).size,
      tables: dump.tables.length,
      rows: dump.tables.reduce((n, t) => n + t.rows, 0),
      files: members.filter((m) => m.mode !== undefined).length,
      skipped,
      level: dump.migrations.at(-1)?.version ?? 0,
    };
  } catch (err) {
    pack.destroy(err instanceof Error ? err : new Error(String(err)));
    await written.catch(() => {});
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * The database's rows. On the embedded store they are read from a snapshot of its files, opened
 * as a store of its own: the dump's one long transaction would otherwise hold the only
 * connection, and every request would wait for it (minutes on a large chronicle), where the
 * copy holds the store for as long as its files take to copy. Where no copy fits on the disk,
 * the store itself is read, as on a server, whose other connections go on meanwhile.
 */
async function dumpOf(ctx: AppContext, onBatch: (batch: RowBatch) => Promise<void>): Promise<StoreDump> {
  const { db } = ctx;
  if (!db.snapshot) return dumpStore(db, onBatch);
  await removeLeftSnapshots(ctx.config.dataDir);
  const mine = processFolder(snapshotsOf(ctx.config.dataDir));
  await mkdir(mine, { recursive: true, mode: 0o700 });
  const folder = join(mine, randomBytes(6).toString('hex'));
  try {
    try {
      await db.snapshot(folder);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (code === 'ENOSPC' || code === 'EDQUOT') return await dumpStore(db, onBatch);
      throw err;
    }
    const copy = await openDb({ dataDir: folder, holder: 'a backup reading its snapshot' });
    try {
      return await dumpStore(copy, onBatch);
    } finally {
      await copy.close();
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
    await rm(`${folder}.lock`, { force: true });
    await rmdir(mine).catch(() => undefined); // another backup of this process may be using it
  }
}

/** Makes a rename durable: the folder's entry is written, not only the file. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function describeReadError(err: unknown, member: string): string {
  const e = err as NodeJS.ErrnoException;
  const message = e instanceof Error ? e.message : String(err);
  const where = member ? ` (in or after ${member})` : '';
  if (/unexpected end of (data|file)/i.test(message)) return `truncated: the file ends in the middle of the archive${where}`;
  if (typeof e?.code === 'string' && e.code.startsWith('Z_')) return `damaged: gzip says "${message}"${where}`;
  if (/invalid tar header|header exceeds/i.test(message)) return `damaged: a tar header is corrupted${where}`;
  return `${message}${where}`;
}

/**
 * Reads every member in order, checking names and types and hashing each; `visit` sees a
 * member's bytes (db/ members whole, others as a stream) before its hash is known.
 */
async function readMembers(
  file: string,
  visit: (m: { name: string; size: number }, data: Readable) => Promise<{ sha256: string; lines?: number } | undefined>,
): Promise<{ members: BackupMember[]; manifest: Uint8Array }> {
  if (!(await stat(file).catch(() => undefined))?.isFile()) throw new BackupError(`${file} is not a file`);
  const extract = tar.extract();
  const feeding = pipeline([createReadStream(file), createGunzip(), extract as unknown as Writable]);
  feeding.catch(() => {});
  const members: BackupMember[] = [];
  const seen = new Set<string>();
  let manifest: Uint8Array | undefined;
  let current = '';
  try {
    for await (const entry of extract) {
      const { name, size = 0, type } = entry.header;
      current = name;
      if (manifest) throw new BackupError(`${name} comes after the manifest`);
      if (type !== 'file') throw new BackupError(`${name} is a ${type ?? 'special member'}, not a regular file`);
      if (seen.has(name)) throw new BackupError(`${name} appears twice`);
      seen.add(name);
      if (name === MANIFEST) {
        if (size > 64 << 20) throw new BackupError('the manifest is larger than 64 MiB');
        const chunks: Buffer[] = [];
        for await (const c of entry) chunks.push(c as Buffer);
        manifest = Buffer.concat(chunks);
        continue;
      }
      const db = DB_MEMBER.exec(name);
      if (!db && !FILE_MEMBER.test(name))
        throw new BackupError(`${name} is not part of a backup's layout (db/…, files/keys|media|evidence/…)`);
      if (db && size > MAX_DB_MEMBER_BYTES) throw new BackupError(`${name} is larger than ${MAX_DB_MEMBER_BYTES} bytes`);
      const seenBy = await visit({ name, size }, entry as unknown as Readable);
      let sha256 = seenBy?.sha256;
      let lines = seenBy?.lines;
      if (!sha256) {
        const hash = createHash('sha256');
        let newlines = 0;
        for await (const c of entry) {
          hash.update(c as Buffer);
          if (db) for (const b of c as Buffer) if (b === 0x0a) newlines++;
        }
        sha256 = hash.digest('hex');
        if (db) lines = newlines;
      }
      members.push({ name, bytes: size, sha256, ...(db ? { table: db[1]!, rows: lines ?? 0 } : {}) });
    }
    await feeding;
  } catch (err) {
    extract.destroy();
    if (err instanceof CaravanError) throw new BackupError(`${file}: ${err.message}`);
    throw new BackupError(`${file}: ${describeReadError(err, current)}`);
  }
  if (!manifest)
    throw new BackupError(`${file}: truncated or not a Caravan backup: ${MANIFEST} is missing (after ${current || 'the start'})`);
  return { members, manifest };
}

function parseManifest(file: string, bytes: Uint8Array): BackupManifest {
  let m: Partial<BackupManifest> | null;
  try {
    m = JSON.parse(Buffer.from(bytes).toString('utf8')) as Partial<BackupManifest> | null;
  } catch {
    throw new BackupError(`${file}: ${MANIFEST} is not JSON`);
  }
  if (typeof m !== 'object' || m === null || m.format !== BACKUP_FORMAT) throw new BackupError(`${file}: not a Caravan backup`);
  if (m.version !== BACKUP_VERSION)
    throw new BackupError(`${file}: format version ${String(m.version)}, this Caravan reads version ${BACKUP_VERSION}`);
  if (!Array.isArray(m.members) || !Array.isArray(m.tables) || !Array.isArray(m.migrations) || !Array.isArray(m.sequences)) {
    throw new BackupError(`${file}: the manifest lacks its member, table, migration or sequence lists`);
  }
  return m as BackupManifest;
}

/** Reads the whole file and checks every member against the manifest; nothing is written. */
export async function checkBackup(file: string): Promise<BackupManifest> {
  const { members, manifest: bytes } = await readMembers(file, async () => undefined);
  const manifest = parseManifest(file, bytes);
  const listed = new Map(manifest.members.map((m) => [m.name, m]));
  if (listed.size !== members.length)
    throw new BackupError(`${file}: the manifest lists ${listed.size} members, the archive holds ${members.length}`);
  const rows = new Map<string, number>();
  for (const got of members) {
    const want = listed.get(got.name);
    if (!want) throw new BackupError(`${file}: ${got.name} is not in the manifest`);
    if (want.bytes !== got.bytes || want.sha256 !== got.sha256)
      throw new BackupError(`${file}: ${got.name} does not match its SHA-256 in the manifest: the file was damaged or altered`);
    if (got.table !== undefined) {
      if (want.table !== got.table || want.rows !== got.rows)
        throw new BackupError(`${file}: ${got.name} holds ${got.rows} rows, the manifest says ${String(want.rows)}`);
      rows.set(got.table, (rows.get(got.table) ?? 0) + got.rows!);
    }
  }
  for (const t of manifest.tables) {
    if ((rows.get(t.name) ?? 0) !== t.rows)
      throw new BackupError(`${file}: ${t.name} should have ${t.rows} rows, the archive holds ${rows.get(t.name) ?? 0}`);
    rows.delete(t.name);
  }
  if (rows.size > 0) throw new BackupError(`${file}: rows of ${[...rows.keys()].join(', ')}, which the manifest does not list`);
  return manifest;
}

export interface RestoredBackup {
  file: string;
  madeAt: string;
  tables: number;
  rows: number;
  files: number;
  /** Migrations applied after the rows, when the backup is older than this Caravan. */
  migrated: number[];
  /** Files that were in the way (with --force), kept under another name. */
  keptAside: string[];
}

/**
 * Checks the backup whole (unless `checked` is the manifest `checkBackup` just returned), then
 * restores it into the context's store (refused when the store holds data, unless `force`) and
 * puts keys and media back with their modes.
 */
export async function restoreBackup(
  ctx: AppContext,
  file: string,
  options: { force?: boolean; checked?: BackupManifest } = {},
): Promise<RestoredBackup> {
  // Checked again in full when the caller did not: the second read below only compares hashes.
  const manifest = options.checked ?? (await checkBackup(file));
  const listed = new Map(manifest.members.map((m) => [m.name, m]));
  const dataDir = ctx.config.dataDir;
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const staging = await mkdtemp(join(dataDir, '.restore-'));
  const staged: Array<{ path: string; mode: number }> = [];
  try {
    const result = await restoreStore(
      ctx.db,
      manifest,
      async (load: (batch: RowBatch) => Promise<void>) => {
        // Read again: each member is checked against the manifest before it is used.
        await readMembers(file, async ({ name }, data) => {
          const want = listed.get(name);
          if (!want) throw new BackupError(`${name} is not in the manifest`);
          const hash = createHash('sha256');
          if (want.table !== undefined) {
            const chunks: Buffer[] = [];
            for await (const c of data) chunks.push(c as Buffer);
            const bytes = Buffer.concat(chunks);
            const sha256 = hash.update(bytes).digest('hex');
            if (sha256 !== want.sha256) throw new BackupError(`${name} changed since it was checked`);
            const lines = bytes.toString('utf8').split('\n');
            lines.pop();
            await load({ table: want.table, lines });
            return { sha256, lines: lines.length };
          }
          const path = name.slice('files/'.length);
          const to = join(staging, path);
          await mkdir(dirname(to), { recursive: true, mode: 0o700 });
          const hashing = new Transform({
            transform(chunk: Buffer, _enc, cb) {
              hash.update(chunk);
              cb(null, chunk);
            },
          });
          await pipeline(data, hashing, createWriteStream(to, { flags: 'wx', mode: 0o600 }));
          const sha256 = hash.digest('hex');
          if (sha256 !== want.sha256) throw new BackupError(`${name} changed since it was checked`);
          staged.push({ path, mode: (want.mode ?? 0o600) & 0o777 });
          return { sha256 };
        });
      },
      { force: options.force ?? false },
    );
    const keptAside = await placeFiles(dataDir, staging, staged, manifest.madeAt, result.replaced);
    return {
      file,
      madeAt: manifest.madeAt,
      tables: result.tables,
      rows: result.rows,
      files: staged.length,
      migrated: result.migrated,
      keptAside,
    };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Moves staged files into the data folder. When the store held data, a different file in the way
 * (a key above all) is kept beside it; in an empty store's folder it is one `createContext` just
 * made, which nothing depends on.
 */
async function placeFiles(
  dataDir: string,
  staging: string,
  staged: ReadonlyArray<{ path: string; mode: number }>,
  madeAt: string,
  keep: boolean,
): Promise<string[]> {
  const keptAside: string[] = [];
  const stamp = madeAt.replace(/[-:]|\.\d+/g, '');
  for (const { path, mode } of staged) {
    const to = join(dataDir, path);
    await mkdir(dirname(to), { recursive: true, mode: 0o700 });
    const existing = await lstat(to).catch(() => undefined);
    if (existing) {
      const same = existing.isFile() && (await readFile(to)).equals(await readFile(join(staging, path)));
      if (!same && keep) {
        const aside = `${to}.before-restore-${stamp}`;
        await rename(to, aside);
        keptAside.push(aside);
      }
    }
    await chmod(join(staging, path), mode);
    await rename(join(staging, path), to);
  }
  for (const folder of new Set(staged.map((s) => dirname(join(dataDir, s.path))))) await syncFolder(folder);
  return keptAside;
}
