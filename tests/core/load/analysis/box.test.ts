import { describe, expect, it } from "vitest";
import { boxMinus, boxWithin, coveredBy, meetBoxes, type Box } from "../../../../src/core/load/analysis/box.js";
import { presentNumbers, type NumberDomain } from "../../../../src/core/load/analysis/constraint.js";
import { between } from "../../../../src/core/load/analysis/intervals.js";

const domain: NumberDomain = { kind: "numbers", range: between(0, false, 10, false), whole: true };
/** A box on facts x and y, each `[low, high]` (omitted: anything, absent included). */
const box = (x?: [number, number], y?: [number, number]): Box => {
  const entries: [string, ReturnType<typeof presentNumbers>][] = [];
  if (x) entries.push(["x", presentNumbers(domain, between(x[0], false, x[1], false))]);
  if (y) entries.push(["y", presentNumbers(domain, between(y[0], false, y[1], false))]);
  return new Map(entries);
};

describe("boxes", () => {
  it("meet per dimension, and are undefined when empty", () => {
    expect(meetBoxes(box([0, 5]), box([3, 9], [1, 1]))?.get("x")?.set).toEqual(between(3, false, 5, false));
    expect(meetBoxes(box([0, 2]), box([3, 9]))).toBeUndefined();
  });

  it("lie within a box that constrains less (an unconstrained dimension allows absence too)", () => {
    expect(boxWithin(box([2, 3], [1, 1]), box([0, 5]))).toBe(true);
    expect(boxWithin(box([0, 5]), box([0, 5], [0, 10]))).toBe(false);
  });

  it("split into what lies outside another box", () => {
    expect(boxMinus(box([0, 10]), box([0, 5])).map((b) => b.get("x")?.set)).toEqual([between(6, false, 10, false)]);
    expect(boxMinus(box([0, 5]), box([0, 5], [3, 4]))).toHaveLength(1);
  });

  it("are covered by several boxes together, exactly", () => {
    const halves = [box([0, 4]), box([5, 10])];
    expect(coveredBy(box([0, 10]), halves, { steps: 100 })).toBe(true);
    expect(coveredBy(box([0, 10]), [box([0, 4]), box([6, 10])], { steps: 100 })).toBe(false);
    expect(coveredBy(box([0, 10], [0, 10]), [box([0, 4]), box(undefined, [0, 10]), box([5, 10])], { steps: 100 })).toBe(
      true,
    );
  });

  it("give up when the budget runs out", () => {
    expect(coveredBy(box([0, 10]), [box([0, 4]), box([5, 10])], { steps: 0 })).toBeUndefined();
  });
});
