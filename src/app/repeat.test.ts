import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffMs, sleep, startPeriodic } from './repeat.ts';
import { manualTime } from './testing.ts';

describe('backoffMs', () => {
  const b = { baseMs: 1000, maxMs: 60_000 };

  it('doubles per failure after the first and stops at the ceiling', () => {
    const top = (failures: number) => backoffMs(failures, { ...b, random: () => 1 });
    assert.deepEqual([0, 1, 2, 3, 4, 6, 7, 50].map(top), [1000, 1000, 2000, 4000, 8000, 32_000, 60_000, 60_000]);
  });

  it('waits at least half its step: the jitter is in the upper half', () => {
    assert.equal(backoffMs(3, { ...b, random: () => 0 }), 2000);
    for (let i = 0; i < 200; i++) {
      const ms = backoffMs(3, b);
      assert.ok(ms >= 2000 && ms <= 4000, `${ms}`);
    }
  });

  it('is never shorter than the base when the ceiling is set below it', () => {
    assert.equal(backoffMs(5, { baseMs: 5000, maxMs: 10, random: () => 1 }), 5000);
  });
});

describe('startPeriodic', () => {
  it('runs rounds one after another with the wait between, never overlapping', async () => {
    const t = manualTime();
    let active = 0;
    let rounds = 0;
    const releases: Array<() => void> = [];
    const loop = startPeriodic(
      async () => {
        active++;
        assert.equal(active, 1, 'two rounds at once');
        rounds++;
        await new Promise<void>((r) => releases.push(r));
        active--;
      },
      { name: 'test', delayMs: 100, timers: t.timers },
    );
    await t.advance(0);
    assert.equal(rounds, 1);
    await t.advance(1000);
    assert.equal(rounds, 1, 'a round started while one was under way');
    releases.shift()!();
    await t.advance(99);
    assert.equal(rounds, 1, 'the wait after a round was cut short');
    await t.advance(1);
    assert.equal(rounds, 2);
    releases.shift()!();
    await loop.stop();
  });

  it('keeps going after a round fails, and reports the failure', async () => {
    const t = manualTime();
    const errors: unknown[] = [];
    let rounds = 0;
    const loop = startPeriodic(
      async () => {
        rounds++;
        if (rounds === 1) throw new Error('origin unreachable');
      },
      { name: 'test', delayMs: 10, timers: t.timers, onError: (e) => errors.push(e) },
    );
    await t.advance(30);
    assert.equal(rounds, 4);
    assert.deepEqual(
      errors.map((e) => (e as Error).message),
      ['origin unreachable'],
    );
    await loop.stop();
  });

  it('takes the next wait from what the round returned, and the first from its own option', async () => {
    const t = manualTime();
    const at: number[] = [];
    const loop = startPeriodic(
      async () => {
        at.push(t.now().getTime());
        return at.length * 10;
      },
      { name: 'test', firstDelayMs: async () => 5, delayMs: (r) => r as number, timers: t.timers },
    );
    await t.advance(70);
    assert.deepEqual(at, [5, 15, 35, 65]);
    await loop.stop();
  });

  it('stop aborts the round under way, waits for it, and schedules nothing more', async () => {
    const t = manualTime();
    let sawAbort = false;
    let ended = false;
    const loop = startPeriodic(
      async (signal) => {
        await new Promise<void>((r) => signal.addEventListener('abort', () => r()));
        sawAbort = signal.aborted;
        await Promise.resolve();
        ended = true;
      },
      { name: 'test', delayMs: 10, timers: t.timers, onError: () => assert.fail('an aborted round is not a failure') },
    );
    await t.advance(0);
    await loop.stop();
    assert.ok(sawAbort && ended, 'stop returned before the round ended');
    assert.deepEqual(t.pending(), []);
  });
});

describe('sleep', () => {
  it('ends at the time, or at once on abort', async () => {
    const t = manualTime();
    let done = false;
    void sleep(50, undefined, t.timers).then(() => (done = true));
    await t.advance(49);
    assert.equal(done, false);
    await t.advance(1);
    assert.equal(done, true);
    const abort = new AbortController();
    const cut = sleep(10_000, abort.signal, t.timers);
    abort.abort();
    await cut;
    assert.deepEqual(t.pending(), []);
  });
});
