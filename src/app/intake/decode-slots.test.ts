import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSlots } from './decode-slots.ts';

function deferred() {
  let resolve!: () => void;
  let reject!: (err: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('createSlots', () => {
  it('runs at most `max` tasks at once; the rest wait, in order, and run as slots free', async () => {
    const slots = createSlots(2);
    const gates = Array.from({ length: 5 }, deferred);
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const done = gates.map((gate, i) =>
      slots.run(async () => {
        started.push(i);
        most = Math.max(most, ++running);
        try {
          await gate.promise;
        } finally {
          running--;
        }
        return i;
      }),
    );
    await settle();
    assert.deepEqual(started, [0, 1], 'two decode, three wait');
    assert.equal(slots.active, 2);
    assert.equal(slots.waiting, 3);
    gates[1]!.resolve();
    await settle();
    assert.deepEqual(started, [0, 1, 2], 'a freed slot goes to the first in line');
    const failed = assert.rejects(done[0]!, /damaged photo/);
    gates[0]!.reject(new Error('damaged photo'));
    await failed;
    await settle();
    assert.deepEqual(started, [0, 1, 2, 3], 'a failed task frees its slot too');
    for (const gate of gates.slice(2)) gate.resolve();
    assert.deepEqual(await Promise.all(done.slice(1)), [1, 2, 3, 4]);
    assert.equal(most, 2, 'never more than two at once');
    assert.equal(slots.active, 0);
    assert.equal(slots.waiting, 0);
  });

  it('refuses a count below one', () => {
    assert.throws(() => createSlots(0), RangeError);
  });
});
