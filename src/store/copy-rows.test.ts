import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CopyColumn } from './copy-rows.ts';
import type { Db } from './db.ts';
import { openPglite } from './pglite.ts';
import { openTestDb } from './testing.ts';

const COLUMNS: readonly CopyColumn[] = [
  { name: 'n', type: 'int4' },
  { name: 'ok', type: 'bool' },
  { name: 'x', type: 'float8' },
  { name: 'label', type: 'text' },
  { name: 'bytes', type: 'bytea' },
  { name: 'at', type: 'timestamptz' },
  { name: 'day', type: 'date' },
];

const TABLE = `create table copied (n int primary key, ok boolean, x float8, label text, bytes bytea, at timestamptz, day date)`;

interface Copied {
  n: number;
  ok: boolean | null;
  x: number | null;
  label: string | null;
  bytes: Buffer | null;
  at: Date | null;
  day: string | null;
}

const read = (db: Db) => db.query<Copied>("select n, ok, x, label, bytes, at, to_char(day, 'YYYY-MM-DD') as day from copied order by n");

/** Every store the rows can reach: this run's test store, and the embedded store on its thread. */
function copyTests(name: string, open: () => Promise<{ db: Db; close(): Promise<void> }>) {
  describe(`bulk rows into ${name}`, () => {
    let store: Awaited<ReturnType<typeof open>>;
    before(async () => {
      store = await open();
      await store.db.exec(TABLE);
    });
    after(() => store.close());

    it('stores every type as the same values an INSERT would, NULLs included', async () => {
      const { db } = store;
      const bytes = Buffer.from([0, 1, 127, 128, 255]);
      await db.copyRows('copied', COLUMNS, [
        [1, true, -76.95, 'Алматыда, Жаңаөзен 🔥', bytes, '2022-01-05T18:30:00.123Z', '2022-01-05'],
        [2, false, 0, '', new Uint8Array(0), new Date('1999-12-31T23:59:59Z'), '1986-12-16'],
        [3, null, null, null, null, null, null],
        [4, true, 1e300, 'x'.repeat(70_000), null, '1969-07-20T20:17:40.001Z', '2024-02-29'],
        [5, true, -0.5, '\u0000'.slice(1), null, '2262-04-11T23:47:16.854Z', '0099-12-31'],
      ]);
      const rows = await read(db);
      assert.deepEqual(
        rows.map((r) => [r.n, r.ok, r.x, r.label === null ? null : r.label.slice(0, 40), r.day]),
        [
          [1, true, -76.95, 'Алматыда, Жаңаөзен 🔥', '2022-01-05'],
          [2, false, 0, '', '1986-12-16'],
          [3, null, null, null, null],
          [4, true, 1e300, 'x'.repeat(40), '2024-02-29'],
          [5, true, -0.5, '', '0099-12-31'],
        ],
      );
      assert.equal(rows[3]!.label!.length, 70_000, 'a text larger than the first buffer');
      assert.equal(rows[3]!.at!.toISOString(), '1969-07-20T20:17:40.001Z', 'a time before 1970');
      assert.equal(rows[4]!.at!.toISOString(), '2262-04-11T23:47:16.854Z', 'a time whose microseconds need both halves of the int64');
      assert.equal(rows[0]!.bytes!.toString('hex'), bytes.toString('hex'));
      assert.equal(rows[1]!.bytes!.length, 0);
      assert.equal(rows[0]!.at!.toISOString(), '2022-01-05T18:30:00.123Z');
      assert.equal(rows[1]!.at!.toISOString(), '1999-12-31T23:59:59.000Z', 'a time before 2000 (negative in the format)');
      await db.exec('delete from copied');
    });

    it('refuses a value its column cannot hold, naming the column, and stores nothing', async () => {
      const { db } = store;
      for (const [bad, column] of [
        [[1, true, 1, 'a', Buffer.alloc(0), 'yesterday', '2022-01-05'], /at: not a time/],
        [[1, true, 1, 'a', Buffer.alloc(0), null, '2022-02-30'], /day: not a date/],
        [[1, true, 1, 'a', Buffer.alloc(0), null, '2023-02-29'], /day: not a date/],
        [[1, true, 1, 'a', Buffer.alloc(0), null, '1900-02-29'], /day: not a date/],
        [[1, true, 1, 'a', Buffer.alloc(0), null, '2022-13-01'], /day: not a date/],
        [[1.5, true, 1, 'a', null, null, null], /n: not an int4/],
        [[1, 'yes', 1, 'a', null, null, null], /ok: not a boolean/],
      ] as const) {
        await assert.rejects(db.copyRows('copied', COLUMNS, [[9, true, 1, 'fine', null, null, null], bad]), column);
      }
      await assert.rejects(
        db.copyRows('copied; drop table copied', COLUMNS, [[9, true, 1, 'fine', null, null, null]]),
        /not a plain SQL name/,
      );
      assert.deepEqual(await read(db), []);
    });

    it('keeps the order of statements issued without waiting, and rolls them all back with the transaction', async () => {
      const { db } = store;
      const rows = (from: number) =>
        Array.from({ length: 2000 }, (_, i) => [from + i, true, i / 3, `row ${from + i}`, Buffer.alloc(600, i % 256), null, null]);
      await db.transaction(async (tx) => {
        const issued = [
          tx.copyRows('copied', COLUMNS, rows(0)),
          tx.query('update copied set label = $1 where n = 1999', ['changed after the first copy']),
          tx.copyRows('copied', COLUMNS, rows(2000)),
        ];
        await Promise.all(issued);
      });
      const [stored] = await db.query<{ n: number; label: string }>(
        'select count(*)::int as n, (select label from copied where n = 1999) as label from copied',
      );
      assert.deepEqual(stored, { n: 4000, label: 'changed after the first copy' });

      await assert.rejects(
        db.transaction(async (tx) => {
          const issued = [tx.copyRows('copied', COLUMNS, rows(4000)), tx.copyRows('copied', COLUMNS, rows(0))];
          await Promise.all(issued);
        }),
        /duplicate key/,
      );
      const [after] = await db.query<{ n: number }>('select count(*)::int as n from copied');
      assert.equal(after!.n, 4000, 'the failed transaction stored none of its rows');
      await db.exec('delete from copied');
    });
  });
}

copyTests(process.env.DATABASE_URL ? 'the PostgreSQL server' : 'the embedded store in memory', async () => {
  const db = await openTestDb();
  return { db, close: () => db.close() };
});

copyTests('the embedded store on its thread', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'caravan-copy-'));
  const db = await openPglite(join(dir, 'pglite'));
  return {
    db,
    async close() {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
