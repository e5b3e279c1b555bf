/** `coverageShortfalls`: which gated measures fall below `--min-coverage`. */
import { describe, expect, it } from "vitest";
import { coverageShortfalls } from "../../../src/authoring/scenarios/coverage-gate.js";
import type { CoverageSummary, Measure } from "../../../src/authoring/scenarios/coverage.js";

const of = (covered: number, total: number): Measure => ({
  covered,
  total,
  percent: Math.floor((covered * 1000) / total) / 10,
});

const summary = (rules: Measure, thresholds: Measure): CoverageSummary => ({
  rules,
  thresholds,
  conditions: of(1, 10),
  boundaries: of(0, 4),
});

describe("coverageShortfalls", () => {
  it("holds rules and thresholds to the minimum, never conditions or boundaries", () => {
    expect(coverageShortfalls(summary(of(10, 10), of(4, 4)), 100)).toEqual([]);
    expect(coverageShortfalls(summary(of(9, 10), of(3, 4)), 80)).toEqual([
      { measure: "thresholds", required: 80, measured: of(3, 4) },
    ]);
    expect(coverageShortfalls(summary(of(9, 10), of(3, 4)), 95).map((s) => s.measure)).toEqual(["rules", "thresholds"]);
  });

  it("judges exact counts, not the rounded percentage", () => {
    const nearly = of(2499, 2500); // 99.96%, shown as 99.9
    expect(coverageShortfalls(summary(nearly, of(1, 1)), 100).map((s) => s.measure)).toEqual(["rules"]);
    expect(coverageShortfalls(summary(nearly, of(1, 1)), 99.96)).toEqual([]);
    expect(coverageShortfalls(summary(of(0, 0), of(0, 0)), 100)).toEqual([]);
  });
});
