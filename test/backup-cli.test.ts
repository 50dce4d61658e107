/**
 * `caravan backup` and `caravan restore` on embedded stores in real folders, as a user runs them,
 * and what `caravan` says when a folder's store is damaged: one line naming the folder and the
 * newest backup, instead of PGlite's WebAssembly abort.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, open, readdir, readFile, rename, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/main.ts';
import { sampleEventData } from '../src/core/testing.ts';
import { backupFileName } from '../src/app/backup/folders.ts';
import { loadConfig } from '../src/app/config.ts';
import { createContext } from '../src/app/context.ts';
import type { Db } from '../src/store/db.ts';
import { publishSampleEvent } from '../src/store/testing.ts';
import { insertUser } from '../src/store/users.ts';

const BIN = fileURLToPath(new URL('../bin/caravan.js', import.meta.url));

async function contents(db: Db): Promise<string> {
  const tables = await db.query<{ name: string }>(
    `select relname as name from pg_class where relnamespace = current_schema()::regnamespace and relkind = 'r' and relname <> 'schema_migrations' order by relname`,
  );
  const parts: string[] = [];
  for (const { name } of tables)
    parts.push(name, ...(await db.query<{ r: string }>(`select row_to_json(t)::text as r from ${name} t`)).map((x) => x.r).sort());
  return parts.join('\n');
}

/** Runs the real command and collects what it prints. */
function caravan(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// The environment given to each command names no DATABASE_URL: these are embedded stores whatever the run.
describe('caravan backup and restore on the embedded store', () => {
  let tmp: string;
  const env = (folder: string) => ({ CARAVAN_DATA: join(tmp, folder), CARAVAN_ORIGIN: 'https://kz.example' });
  let file: string;
  let before_: string;

  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'caravan-backup-cli-'));
    const ctx = await createContext(loadConfig(env('source')));
    try {
      await insertUser(ctx.db, 'alice', 'not a real hash', 'admin');
      await publishSampleEvent(ctx.db, sampleEventData({ summary: { en: 'Crowd on Republic Square' } }));
      before_ = await contents(ctx.db);
    } finally {
      await ctx.db.close();
    }
    file = join(tmp, 'kz.tar.gz');
    assert.equal(await main(['backup', file], env('source')), 0);
  });
  after(() => rm(tmp, { recursive: true, force: true }));

  it('restores into a new folder, and refuses a store with data unless --force', async () => {
    assert.equal(await main(['restore', file], env('target')), 0);
    const ctx = await createContext(loadConfig(env('target')));
    try {
      assert.equal(await contents(ctx.db), before_);
    } finally {
      await ctx.db.close();
    }
    assert.deepEqual(await readFile(join(tmp, 'target', 'keys', 'log.key')), await readFile(join(tmp, 'source', 'keys', 'log.key')));
    assert.equal(await main(['restore', file], env('target')), 1, 'not empty');
    assert.equal(await main(['restore', file, '--force'], env('target')), 0);
    assert.equal(await main(['restore'], env('target')), 2);
  });

  it('refuses a truncated file before a store is even made', async () => {
    const bytes = await readFile(file);
    const cut = join(tmp, 'cut.tar.gz');
    await writeFile(cut, bytes.subarray(0, bytes.length - 200));
    assert.equal(await main(['restore', cut], env('never')), 1);
    await assert.rejects(stat(join(tmp, 'never')), /ENOENT/, 'no data folder was made');
    assert.equal(await main(['backup', join(tmp, 'no-such-folder', 'kz.tar.gz')], env('source')), 1);
  });

  it('says the same when the write-ahead log is overwritten, for serve too', async () => {
    const damaged = join(tmp, 'wal-damaged');
    await cp(join(tmp, 'source'), damaged, { recursive: true });
    const wal = join(damaged, 'pglite', 'pg_wal');
    for (const name of (await readdir(wal)).filter((n) => /^[0-9A-F]{24}$/.test(n))) {
      const handle = await open(join(wal, name), 'r+');
      await handle.write(randomBytes(64 << 10), 0, 64 << 10, 0);
      await handle.close();
    }
    const run = await caravan(['serve'], { ...env('wal-damaged'), PORT: '0' });
    assert.equal(run.code, 1, run.stderr);
    assert.match(
      run.stderr,
      /^caravan serve: the embedded store in \S+wal-damaged\/pglite cannot be opened \(RuntimeError: Aborted\(\)\)\. No backup was found in \S+wal-damaged\/backups[^\n]*\n$/,
    );
  });

  it('names the folder and the newest backup when the store is damaged', async () => {
    const damaged = join(tmp, 'damaged');
    await cp(join(tmp, 'source'), damaged, { recursive: true });
    await mkdir(join(damaged, 'backups'));
    const newest = join(damaged, 'backups', backupFileName(new Date('2022-01-06T00:00:00Z')));
    await cp(file, newest);
    await cp(file, join(damaged, 'backups', backupFileName(new Date('2022-01-05T00:00:00Z'))));
    await truncate(join(damaged, 'pglite', 'global', 'pg_control'), 0);
    const run = await caravan(['user', 'list'], env('damaged'));
    assert.equal(run.code, 1, run.stderr);
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines.length, 1, run.stderr);
    assert.ok(lines[0]!.startsWith(`caravan user: the embedded store in ${join(damaged, 'pglite')} cannot be opened`), lines[0]);
    assert.ok(lines[0]!.includes(`caravan restore ${newest}`), lines[0]);
    // Following the advice brings the chronicle back.
    await rename(join(damaged, 'pglite'), join(damaged, 'pglite.damaged'));
    assert.equal(await main(['restore', newest], env('damaged')), 0);
    const ctx = await createContext(loadConfig(env('damaged')));
    try {
      assert.equal(await contents(ctx.db), before_);
    } finally {
      await ctx.db.close();
    }
  });
});
