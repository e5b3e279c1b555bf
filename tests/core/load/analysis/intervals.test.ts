import { describe, expect, it } from "vitest";
import {
  between,
  complementIntervals,
  intersectIntervals,
  points,
  wholeNumbers,
  type Intervals,
} from "../../../../src/core/load/analysis/intervals.js";

/** `[0, 27]`, `(9.5, ∞)`, joined by ` ∪ `. */
const show = (set: Intervals) =>
  set.map((i) => `${i.lowOpen ? "(" : "["}${i.low}, ${i.high}${i.highOpen ? ")" : "]"}`).join(" ∪ ") || "∅";
const range = between(0, false, 27, false);

describe("intervals", () => {
  it("are empty when they hold no number", () => {
    expect(show(between(5, false, 5, false))).toBe("[5, 5]");
    expect(show(between(5, true, 5, false))).toBe("∅");
    expect(show(between(6, false, 5, false))).toBe("∅");
    expect(show(between(-Infinity, false, 3, false))).toBe("(-Infinity, 3]");
  });

  it("intersect, keeping the stricter end", () => {
    expect(show(intersectIntervals(between(0, false, 10, true), between(10, false, 20, false)))).toBe("∅");
    expect(
      show(
        intersectIntervals([...between(0, false, 3, false), ...between(5, true, 9, false)], between(2, false, 6, true)),
      ),
    ).toBe("[2, 3] ∪ (5, 6)");
  });

  it("complement within a range, open where the set was closed", () => {
    expect(show(complementIntervals(between(10, false, Infinity, true), range))).toBe("[0, 10)");
    expect(show(complementIntervals(points([3, 5]), range))).toBe("[0, 3) ∪ (3, 5) ∪ (5, 27]");
    expect(show(complementIntervals([], range))).toBe("[0, 27]");
    expect(show(complementIntervals(range, range))).toBe("∅");
  });

  it("keep only whole numbers as closed bounds", () => {
    expect(show(wholeNumbers(between(9.5, true, 27, false)))).toBe("[10, 27]");
    expect(show(wholeNumbers(between(9, true, 10, true)))).toBe("∅");
    expect(show(wholeNumbers(complementIntervals(points([3]), range)))).toBe("[0, 2] ∪ [4, 27]");
    expect(show(wholeNumbers(points([2.5])))).toBe("∅");
  });
});
