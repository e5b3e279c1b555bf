/** The impact's range queue: every position in exactly one range, taken in order, whoever takes it. */
import { describe, expect, it } from "vitest";
import { sharedQueue, takeRange } from "../../src/node/impact-queue.js";

function takeAll(size: number, threads: number): { index: number; start: number; end: number }[] {
  const queue = sharedQueue(size, threads);
  const ranges = [];
  for (let range = takeRange(queue); range !== undefined; range = takeRange(queue)) ranges.push(range);
  return ranges;
}

describe("takeRange", () => {
  it("covers every position once, in order, the last range holding what is left", () => {
    for (const [size, threads] of [
      [10_000, 2],
      [801, 3],
      [49, 4],
      [1, 2],
    ] as const) {
      const ranges = takeAll(size, threads);
      expect(ranges.map((r) => r.index)).toEqual([...ranges.keys()]);
      expect(ranges[0]?.start).toBe(0);
      ranges.forEach((range, k) => {
        expect(range.end).toBeGreaterThan(range.start);
        if (k > 0) expect(range.start).toBe(ranges[k - 1]?.end);
      });
      expect(ranges.at(-1)?.end).toBe(size);
    }
  });

  it("gives one range to one thread, and many to several (at least 50 positions each)", () => {
    expect(takeAll(10_000, 1)).toEqual([{ index: 0, start: 0, end: 10_000 }]);
    expect(takeAll(10_000, 2)).toHaveLength(32);
    expect(takeAll(120, 2).map((r) => r.end - r.start)).toEqual([50, 50, 20]);
  });

  it("is empty for an empty cohort, and stays empty", () => {
    const queue = sharedQueue(0, 2);
    expect(takeRange(queue)).toBeUndefined();
    expect(takeRange(queue)).toBeUndefined();
  });
});
