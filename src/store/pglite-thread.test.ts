import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { Db } from './db.ts';
import { openPglite } from './pglite.ts';

describe('the embedded store on its own thread', () => {
  let dir: string;
  let db: Db;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'caravan-thread-'));
    db = await openPglite(join(dir, 'pglite'));
    await db.exec('create table t (n int primary key, b bytea, at timestamptz, j jsonb)');
  });
  after(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('returns rows as the in-process store does: Buffers, Dates, parsed jsonb', async () => {
    const at = new Date('2022-01-05T10:00:00Z');
    await db.query('insert into t values ($1, $2, $3, $4)', [1, Buffer.from([0, 1, 255]), at, JSON.stringify({ city: 'Almaty' })]);
    const [row] = await db.query<{ n: number; b: Buffer; at: Date; j: { city: string } }>('select * from t where n = 1');
    assert.ok(Buffer.isBuffer(row!.b), 'bytea is a Buffer');
    assert.equal(row!.b.toString('hex'), '0001ff');
    assert.ok(row!.at instanceof Date);
    assert.equal(row!.at.toISOString(), at.toISOString());
    assert.deepEqual(row!.j, { city: 'Almaty' });
  });

  it('passes database errors with their code and constraint', async () => {
    const err: unknown = await db.query('insert into t (n) values (1)').catch((e: unknown) => e);
    assert.ok(err instanceof Error);
    const fields = err as Error & { code?: string; constraint?: string };
    assert.equal(fields.code, '23505');
    assert.equal(fields.constraint, 't_pkey');
    assert.match(String(err.message), /duplicate key/);
  });

  it('refuses a parameter that cannot reach the thread, and goes on', async () => {
    // Before, the question stayed pending for ever and kept the process alive.
    await assert.rejects(db.query('select $1::text as v', [() => 'x']), /could not be cloned/);
    assert.deepEqual(await db.query('select 1 as v'), [{ v: 1 }]);
  });

  it('commits a transaction whole and rolls it back whole', async () => {
    await db.transaction(async (tx) => {
      await tx.query('insert into t (n) values (2)');
      await tx.query('insert into t (n) values (3)');
    });
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.query('insert into t (n) values (4)');
        await tx.query('insert into t (n) values (2)');
      }),
      /duplicate key/,
    );
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.query('insert into t (n) values (5)');
        throw new Error('changed my mind');
      }),
      /changed my mind/,
    );
    const ns = (await db.query<{ n: number }>('select n from t order by n')).map((r) => r.n);
    assert.deepEqual(ns, [1, 2, 3]);
  });

  it('keeps transactions that overlap in time apart', async () => {
    const slow = db.transaction(async (tx) => {
      await tx.query('insert into t (n) values (10)');
      await new Promise((r) => setTimeout(r, 50));
      await tx.query('insert into t (n) values (11)');
      return (await tx.query<{ c: number }>('select count(*)::int as c from t where n >= 10'))[0]!.c;
    });
    const other = db.transaction(async (tx) => {
      await tx.query('insert into t (n) values (12)');
      return (await tx.query<{ c: number }>('select count(*)::int as c from t where n >= 10'))[0]!.c;
    });
    assert.deepEqual(await Promise.all([slow, other]), [2, 3]);
  });

  it('stores writes that arrive together in one commit, and fails a failing one alone', async () => {
    // Sent to the thread without waiting on each other: the duplicate aborts the shared
    // transaction under the statements queued behind it, which then run again alone.
    const results = await Promise.allSettled(
      [20, 21, 20, 22, 23].map((n) => db.grouped((tx) => tx.query('insert into t (n) values ($1)', [n]))),
    );
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled'],
    );
    assert.match(String((results[2] as PromiseRejectedResult).reason), /duplicate key/);
    const ns = (await db.query<{ n: number }>('select n from t where n >= 20 order by n')).map((r) => r.n);
    assert.deepEqual(ns, [20, 21, 22, 23]);
  });

  it('lets a command that never closes its store exit, with what it wrote kept', async () => {
    const folder = join(dir, 'unclosed');
    const script = `
      import { openPglite } from ${JSON.stringify(new URL('./pglite.ts', import.meta.url).pathname)};
      const db = await openPglite(${JSON.stringify(folder)});
      await db.exec('create table kept (n int)');
      await db.query('insert into kept values (7)');
    `;
    await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 60_000 });
    // The writer exited without closing: its lock is stale and its commit is on disk.
    const again = await openPglite(folder);
    try {
      assert.deepEqual(await again.query('select n from kept'), [{ n: 7 }]);
    } finally {
      await again.close();
    }
  });

  it('stops a running process whose store thread died, failing what waited on it, and loses no commit', async () => {
    const folder = join(dir, 'died');
    // The thread is ended from outside, as when PGlite aborts inside it; the process otherwise
    // keeps running, as a server does, and must not go on answering without its store.
    const script = `
      import { Worker } from 'node:worker_threads';
      let thread;
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (...args) { thread = this; return post.apply(this, args); };
      const { openPglite } = await import(${JSON.stringify(new URL('./pglite.ts', import.meta.url).pathname)});
      const db = await openPglite(${JSON.stringify(folder)});
      await db.exec('create table kept (n int)');
      await db.query('insert into kept values (8)');
      setInterval(() => {}, 1000);
      const waiting = db.query('select pg_sleep(2)').then(() => 'answered', (err) => 'failed: ' + err.message);
      setTimeout(() => void thread.terminate(), 100);
      console.log(await waiting);
    `;
    const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
      execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 60_000 }, (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr }),
      ),
    );
    assert.notEqual(run.code, 0, 'the process stopped with an error, not as if done');
    assert.equal(run.code === null, false, 'it stopped by itself, before the timeout');
    assert.match(run.stdout, /failed: the embedded store's thread stopped/);
    assert.match(run.stderr, /the embedded store's thread stopped/);
    const again = await openPglite(folder);
    try {
      assert.deepEqual(await again.query('select n from kept'), [{ n: 8 }]);
    } finally {
      await again.close();
    }
  });
});
