/**
 * Bytes through the store: what goes in comes back byte for byte, as the same kind of value on
 * both engines (a Buffer, which `pg` returns and PGlite's codecs are set to return too).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Db } from './db.ts';
import { openTestDb } from './testing.ts';

let db: Db;
before(async () => {
  db = await openTestDb();
});
after(() => db?.close());

describe('bytea', () => {
  it('round-trips every byte value, empty and large values, and views at an offset', async () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const large = randomBytes(300_000);
    const view = new Uint8Array(randomBytes(64).buffer, 7, 33);
    for (const value of [all, new Uint8Array(0), large, view, Buffer.from('caravan')]) {
      const [row] = await db.query<{ b: Uint8Array; n: number }>('select $1::bytea as b, length($1::bytea) as n', [value]);
      assert.ok(Buffer.isBuffer(row!.b), `a Buffer on ${db.kind}`);
      assert.equal(row!.n, value.length);
      assert.equal(Buffer.from(row!.b).compare(Buffer.from(value.buffer, value.byteOffset, value.byteLength)), 0);
    }
  });

  it('reads what SQL wrote, and takes text as the server does', async () => {
    const [row] = await db.query<{ b: Uint8Array }>("select decode('00ff10', 'hex') as b");
    assert.deepEqual([...row!.b], [0, 255, 16]);
    const [text] = await db.query<{ b: Uint8Array }>('select $1::bytea as b', ['\\x0aff']);
    assert.deepEqual([...text!.b], [10, 255]);
    const [nul] = await db.query<{ b: Uint8Array | null }>('select $1::bytea as b', [null]);
    assert.equal(nul!.b, null);
    const [arr] = await db.query<{ a: Uint8Array[] }>("select array[decode('01', 'hex'), decode('0203', 'hex')] as a");
    assert.deepEqual(
      arr!.a.map((b) => [...b]),
      [[1], [2, 3]],
    );
  });
});
