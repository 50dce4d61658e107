/**
 * The log's storage against a real database (PGlite, or the DATABASE_URL server): appends
 * ride the transaction of the change they record, stay gapless under concurrency, and keep
 * the incremental tree equal to a tree built from scratch.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sampleEventData } from '../core/testing.ts';
import { decodeLogEntry } from '../log/entry.ts';
import { leafHash, rootOf } from '../log/merkle.ts';
import type { Db } from './db.ts';
import { createEvent, publishEvent, unpublishEvent } from './events.ts';
import { encodeEntryBundle } from '../log/tiles.ts';
import { appendLogEntries, getLogTreeHead, readEncodedEntries, readLogEntries, readTileBytes, readTileHashes } from './log.ts';
import { openTestDb } from './testing.ts';

let db: Db;
before(async () => {
  db = await openTestDb();
});
after(() => db?.close());

const bytesOf = (s: string) => new TextEncoder().encode(s);

describe('the log in the store', () => {
  it('is appended in the publishing transaction, and rolled back with it', async () => {
    const before = (await getLogTreeHead(db)).size;
    await assert.rejects(
      db.transaction(async (tx) => {
        const id = await createEvent(tx, null, sampleEventData(), 'draft');
        await publishEvent(tx, id, null, new Date('2022-01-06T00:00:00Z'));
        assert.equal((await getLogTreeHead(tx)).size, before + 1, 'the entry is there inside the transaction');
        throw new Error('the editor’s request failed after publishing');
      }),
      /request failed/,
    );
    assert.equal((await getLogTreeHead(db)).size, before);
    assert.deepEqual(await readLogEntries(db, before, 10), []);

    const id = await db.transaction(async (tx) => {
      const id = await createEvent(tx, null, sampleEventData(), 'draft');
      await publishEvent(tx, id, null, new Date('2022-01-06T00:00:00Z'), 'First account');
      await unpublishEvent(tx, id, null, new Date('2022-01-07T00:00:00Z'), 'Witness asked us to take it down');
      return id;
    });
    const [published, withdrawn] = (await readLogEntries(db, before, 10)).map(decodeLogEntry);
    assert.equal(published?.type, 'publish');
    assert.equal(published?.event, id);
    assert.equal(published?.record?.summary.en, sampleEventData().summary.en);
    assert.equal(published?.note, 'First account');
    assert.deepEqual(withdrawn, { v: 1, type: 'unpublish', event: id, revision: 1, at: '2022-01-07T00:00:00.000Z' });
    assert.ok(!JSON.stringify(withdrawn).includes('Witness asked'), 'the team’s reason for a withdrawal stays private');
  });

  it('gives 50 concurrent publications gapless indexes in commit order', async () => {
    const start = (await getLogTreeHead(db)).size;
    const ids = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        db.transaction(async (tx) => {
          const id = await createEvent(tx, null, sampleEventData({ tags: [`n${i}`] }), 'draft');
          await publishEvent(tx, id, null, new Date(Date.UTC(2022, 0, 6, 0, i)));
          return id;
        }),
      ),
    );
    const entries = (await readLogEntries(db, start, 100)).map(decodeLogEntry);
    assert.equal(entries.length, 50);
    assert.deepEqual(
      entries.map((e) => e.event).sort((a, b) => a - b),
      [...ids].sort((a, b) => a - b),
    );
    const rows = await db.query<{ idx: number }>('select idx from log_entries where idx >= $1 order by idx', [start]);
    assert.deepEqual(
      rows.map((r) => Number(r.idx)),
      Array.from({ length: 50 }, (_, i) => start + i),
    );
    assert.equal((await getLogTreeHead(db)).size, start + 50);
  });

  it('keeps the root and the tile hashes equal to a tree built from all the leaves', async () => {
    const start = (await getLogTreeHead(db)).size;
    const extra = Array.from({ length: 1100 - start }, (_, i) => bytesOf(`{"n":${start + i}}`));
    // Uneven batches, so subtrees complete inside a batch and across batches, and one batch
    // is larger than the 1,000 rows the store writes per statement.
    for (const [from, to] of [
      [0, 1010],
      [1010, 1011],
      [1011, extra.length],
    ] as const) {
      await db.transaction((tx) => appendLogEntries(tx, extra.slice(from, to)));
    }
    const head = await getLogTreeHead(db);
    assert.equal(head.size, 1100);
    const leaves = await readTileHashes(db, 0, 0, 2000);
    assert.equal(leaves.length, 1100);
    const data = await readLogEntries(db, 0, 2000);
    assert.deepEqual(data.map(leafHash), leaves);
    assert.deepEqual(head.root, rootOf(leaves));
    const level1 = await readTileHashes(db, 1, 0, 256);
    assert.equal(level1.length, 4, 'one hash per complete run of 256 leaves');
    for (const [i, h] of level1.entries()) assert.deepEqual(h, rootOf(leaves.slice(i * 256, (i + 1) * 256)), `level 1 hash ${i}`);
    assert.deepEqual(await readTileHashes(db, 2, 0, 256), []);
  });

  it('puts entry bundles and tiles together in SQL byte for byte as tlog-tiles lays them out', async () => {
    const start = (await getLogTreeHead(db)).size;
    // Lengths around the uint16 prefix's byte boundaries and above int2's range.
    const entries = [1, 255, 256, 40_000, 65_535].map((n, i) => bytesOf(`${i}`.padEnd(n, 'x')));
    await db.transaction((tx) => appendLogEntries(tx, entries));
    assert.deepEqual(Buffer.from((await readEncodedEntries(db, start, entries.length))!), Buffer.from(encodeEntryBundle(entries)));
    assert.equal(await readEncodedEntries(db, start, entries.length + 1), undefined);
    const hashes = await readTileHashes(db, 0, start, entries.length);
    assert.deepEqual(Buffer.from((await readTileBytes(db, 0, start, entries.length))!), Buffer.concat(hashes));
    assert.equal(await readTileBytes(db, 0, start, entries.length + 1), undefined);
  });
});
