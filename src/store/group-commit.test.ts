import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from './db.ts';
import { groupCommit } from './group-commit.ts';
import { openTestDb } from './testing.ts';

describe('group commit', () => {
  let db: Db;
  before(async () => {
    db = await openTestDb();
    await db.exec('create table grouped_rows (n int primary key)');
  });
  after(() => db.close());
  const rows = async () => (await db.query<{ n: number }>('select n from grouped_rows order by n')).map((r) => r.n);

  it('commits writes that arrive together in one transaction', async () => {
    let commits = 0;
    const grouped = groupCommit(async (fn) => {
      commits++;
      return db.transaction(fn);
    });
    const insert = (n: number) => grouped((tx) => tx.query('insert into grouped_rows values ($1)', [n]).then(() => n));
    // 1..5 arrive in one turn of the event loop and share the first commit; 6..10 arrive while
    // it is under way and share the next one.
    const first = [1, 2, 3, 4, 5].map(insert);
    await new Promise((resolve) => setImmediate(resolve));
    const second = [6, 7, 8, 9, 10].map(insert);
    assert.deepEqual(await Promise.all([...first, ...second]), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.deepEqual(await rows(), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.equal(commits, 2, 'ten writes, two commits');
  });

  it('fails a failing write alone: the rest of its batch is stored', async () => {
    await db.exec('delete from grouped_rows');
    const runs = new Map<number, number>();
    const grouped = groupCommit((fn) => db.transaction(fn));
    const insert = (n: number) =>
      grouped(async (tx) => {
        runs.set(n, (runs.get(n) ?? 0) + 1);
        await tx.query('insert into grouped_rows values ($1)', [n]);
        return n;
      });
    const results = await Promise.allSettled([1, 2, 3, 2, 4, 5].map(insert));
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled'],
    );
    assert.match(String((results[3] as PromiseRejectedResult).reason), /duplicate key/);
    assert.deepEqual(await rows(), [1, 2, 3, 4, 5]);
    assert.ok((runs.get(5) ?? 0) >= 1);
  });

  it('tells nobody their write is stored when the commit itself fails', async () => {
    await db.exec('delete from grouped_rows');
    let fail = false;
    const grouped = groupCommit(async (fn) =>
      db.transaction(async (tx) => {
        const out = await fn(tx);
        if (fail) throw new Error('disk full at commit');
        return out;
      }),
    );
    const insert = (n: number) => grouped((tx) => tx.query('insert into grouped_rows values ($1)', [n]));
    const first = insert(100);
    fail = true;
    const rest = [101, 102, 103].map(insert);
    await first.catch(() => undefined);
    const settled = await Promise.allSettled(rest);
    assert.ok(settled.every((s) => s.status === 'rejected' && /disk full/.test(String(s.reason))));
    assert.ok(!(await rows()).some((n) => n >= 101), 'nothing of the failed batch is stored');
  });

  it('never puts more than its maximum into one commit', async () => {
    await db.exec('delete from grouped_rows');
    const sizes: number[] = [];
    const grouped = groupCommit(async (fn) => {
      let size = 0;
      const out = await db.transaction((tx) =>
        fn({
          ...tx,
          query: (sql, params) => {
            if (sql.startsWith('insert')) size++;
            return tx.query(sql, params);
          },
        } as typeof tx),
      );
      sizes.push(size);
      return out;
    }, 4);
    await Promise.all(Array.from({ length: 13 }, (_, n) => grouped((tx) => tx.query('insert into grouped_rows values ($1)', [n]))));
    assert.equal((await rows()).length, 13);
    assert.ok(Math.max(...sizes) <= 4, `batches ${sizes.join(',')}`);
  });
});
