import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateSignerKey } from '../../log/note.ts';
import type { Db } from '../../store/db.ts';
import { getMirror, insertMirror } from '../../store/mirrors.ts';
import { openTestDb } from '../../store/testing.ts';
import { manualTime, until } from '../testing.ts';
import { startMirrorPoller } from './poller.ts';
import type { SyncOutcome } from './sync.ts';

const MINUTE = 60_000;

describe('the mirror poller', () => {
  let db: Db;
  before(async () => {
    db = await openTestDb();
  });
  after(async () => {
    await db?.close();
  });

  it('waits longer after each failure, on the clock it is given', async () => {
    const time = manualTime(new Date('2022-01-06T00:00:00Z'));
    const origin = 'silent.test';
    await insertMirror(db, {
      origin,
      logUrl: `https://${origin}/log/`,
      verifierKey: generateSignerKey(origin).verifierKey,
      now: time.now(),
    });
    const asked: number[] = [];
    const start = time.now().getTime();
    const outcomes: SyncOutcome[] = [];
    const poller = startMirrorPoller(
      {
        db,
        now: time.now,
        attempts: 1,
        fetch: async () => {
          asked.push((time.now().getTime() - start) / MINUTE);
          throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
        },
      },
      { intervalMs: MINUTE, random: () => 1, timers: time.timers, onOutcome: (o) => outcomes.push(o) },
    );
    try {
      // Every round is scheduled a quarter interval after the last; run 40 minutes of them.
      while (time.now().getTime() - start < 40 * MINUTE) {
        const rounds = outcomes.length;
        await until('the poller schedules its next round', () => time.pending().length > 0);
        time.fireNext();
        await until('the round ends', () => time.pending().length > 0 || outcomes.length > rounds);
      }
    } finally {
      await poller.stop();
    }
    assert.ok(outcomes.every((o) => o.status === 'failed'));
    // Failures 1, 2, 3, 4 wait 1, 2, 4, 8 minutes, each rounded up to the next quarter-minute round.
    assert.deepEqual(asked, [0, 1, 3, 7, 15, 31]);
    assert.equal((await getMirror(db, origin))?.failures, 6);
    assert.deepEqual(time.pending(), [], 'stopped: no timer left');
  });
});
