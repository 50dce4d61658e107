/**
 * A fixed number of slots for work that costs memory in proportion to its input, such as
 * decoding a photo (a 40-megapixel JPEG takes 120 MB as pixels while sharp re-encodes it).
 * Whoever finds every slot taken waits its turn, so many requests at once cost the memory of
 * `max` decodes, not of all of them, and take longer instead.
 */
export interface Slots {
  /** Runs `task` in a slot, after waiting for one to be free. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now. */
  readonly active: number;
  /** Tasks waiting for a slot. */
  readonly waiting: number;
}

export function createSlots(max: number): Slots {
  if (!(max >= 1)) throw new RangeError(`a slot count must be at least 1, not ${max}`);
  let active = 0;
  const queue: Array<() => void> = [];
  const release = () => {
    const next = queue.shift();
    // The freed slot passes straight to the next in line, so a newcomer cannot overtake it.
    if (next) next();
    else active--;
  };
  return {
    async run(task) {
      if (active < max) active++;
      else await new Promise<void>((resolve) => queue.push(resolve));
      try {
        return await task();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}
