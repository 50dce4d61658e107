import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { foldText } from '../../core/reading/fold.ts';
import type { Db } from '../../store/db.ts';
import { insertReport } from '../../store/reports.ts';
import { openTestDb } from '../../store/testing.ts';
import { loadConfig } from '../config.ts';
import { contextFor } from '../context.ts';
import { rereadReports } from './reread.ts';

describe('reading reports again', () => {
  let db: Db;
  before(async () => {
    db = await openTestDb();
  });
  after(async () => {
    await db?.close();
  });

  const old = (what: string, n: number) =>
    insertReport(db, { input: { what, howKnown: 'saw' }, channel: 'web', receiptCode: `READ-0000-${String(n).padStart(4, '0')}` });

  it('reads the reports stored before the desk read them, once', async () => {
    const ctx = contextFor(loadConfig({ CARAVAN_DATA: '/nonexistent' }), db);
    for (let i = 0; i < 1203; i++) await old(i % 2 ? 'Алматыда адамдар жиналды' : 'Shots near the akimat', i);
    assert.equal(await rereadReports(ctx), 1203, 'every unread report, across batches');
    const rows = await db.query<{ lang: string; text_fold: string; n: number }>(
      'select lang, text_fold, count(*)::int as n from reports group by 1, 2 order by 1',
    );
    assert.deepEqual(rows, [
      { lang: 'en', text_fold: foldText('Shots near the akimat'), n: 602 },
      { lang: 'kk', text_fold: foldText('Алматыда адамдар жиналды'), n: 601 },
    ]);
    assert.equal(await rereadReports(ctx), 0, 'nothing is left to read');
    assert.equal(await rereadReports(ctx, { all: true }), 1203, 'on demand, every report');
  });

  it('stops when told to', async () => {
    const ctx = contextFor(loadConfig({ CARAVAN_DATA: '/nonexistent' }), db);
    const abort = new AbortController();
    abort.abort();
    assert.equal(await rereadReports(ctx, { all: true, signal: abort.signal }), 0);
  });
});
