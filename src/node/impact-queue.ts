/**
 * The cohort's positions in ranges, taken in turn by whichever planning thread is free. The next
 * range is a counter in shared memory, so a worker takes its next range without asking the
 * command's thread, which may be busy for a second reading the scenario tests.
 */

/** What a worker is given of the queue (`workerData`): the counter is shared, not copied. */
export interface SharedQueue {
  readonly counter: SharedArrayBuffer;
  /** The cohort's size. */
  readonly size: number;
  /** Positions per range (the last may hold fewer). */
  readonly step: number;
}

/** Range `index` of the queue: positions `start` to `end - 1`. */
export interface QueuedRange {
  readonly index: number;
  readonly start: number;
  readonly end: number;
}

/**
 * Ranges per planning thread: small enough that no thread waits long for the last one, large
 * enough that posting each outcome costs nothing.
 */
const RANGES_PER_THREAD = 16;
const MIN_RANGE = 50;

/** A queue over `size` positions, for `threads` threads (one range in all for one thread). */
export function sharedQueue(size: number, threads: number): SharedQueue {
  const step = threads <= 1 ? Math.max(1, size) : Math.max(MIN_RANGE, Math.ceil(size / (threads * RANGES_PER_THREAD)));
  return { counter: new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT), size, step };
}

/**
 * The next range nobody has taken, or `undefined` once the cohort is taken; each range is taken
 * once, by one thread, in order of position.
 *
 * @example for (let r = takeRange(queue); r !== undefined; r = takeRange(queue)) plan(r.start, r.end);
 */
export function takeRange({ counter, size, step }: SharedQueue): QueuedRange | undefined {
  const index = Atomics.add(new Int32Array(counter), 0, 1);
  const start = index * step;
  return start >= size ? undefined : { index, start, end: Math.min(size, start + step) };
}

/** How many positions no thread has taken yet. */
export function untaken({ counter, size, step }: SharedQueue): number {
  return Math.max(0, size - Atomics.load(new Int32Array(counter), 0) * step);
}
