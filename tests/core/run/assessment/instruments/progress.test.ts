import { describe, expect, it } from "vitest";
import { changeOf, overallOf } from "../../../../../src/core/run/assessment/instruments/progress.js";
import { factsOf } from "../factories.js";

/** A follow-up visit: today's ODI and NPRS against the baseline's. */
function progressAt(baseline: { odiPercent?: number; painIntensity?: number }, odi?: number, pain?: number) {
  const facts = factsOf({
    pain: { durationWeeks: 10, ...(pain === undefined ? {} : { intensity: pain }) },
    ...(odi === undefined ? {} : { questionnaires: { odi: { percent: odi } } }),
    followUp: { weeksSinceBaseline: 6, baseline },
  });
  const names = ["odiChange", "odiChangePercent", "function", "painChange", "painChangePercent", "pain", "overall"];
  return Object.fromEntries(
    names.flatMap((name) => {
      const value = facts.get(`progress.${name}`);
      return value === undefined ? [] : [[name, value]];
    }),
  );
}

const ODI = { points: 10, percent: 30, floor: 5 };
const NPRS = { points: 2, percent: 30, floor: 1 };

describe("progress since baseline (Ostelo 2008 minimal important change)", () => {
  it("works a hand-checked case: ODI 46 → 30 is 16 points, 34.8 %, improved", () => {
    expect(progressAt({ odiPercent: 46, painIntensity: 6 }, 30, 5)).toEqual({
      odiChange: 16,
      odiChangePercent: 34.8,
      function: "improved",
      painChange: 1,
      painChangePercent: 16.7,
      pain: "unchanged",
      overall: "improved",
    });
  });

  it("ODI: 10 points improves, 9 does not (unless 30 % and 5 points)", () => {
    expect(changeOf(60, 50, ODI).change).toBe("improved"); // 10 points, 16.7 %
    expect(changeOf(60, 51, ODI).change).toBe("unchanged"); // 9 points, 15 %
    expect(changeOf(50, 60, ODI).change).toBe("worse");
    expect(changeOf(50, 59, ODI).change).toBe("unchanged");
  });

  it("ODI: 30 % with at least 5 points improves; 29 % does not; 30 % under the 5-point floor does not", () => {
    expect(changeOf(20, 14, ODI)).toEqual({ points: 6, percent: 30, change: "improved" });
    expect(changeOf(24, 17, ODI)).toEqual({ points: 7, percent: 29.2, change: "unchanged" });
    expect(changeOf(10, 6, ODI)).toEqual({ points: 4, percent: 40, change: "unchanged" }); // under the floor
    expect(changeOf(10, 5, ODI)).toEqual({ points: 5, percent: 50, change: "improved" }); // at the floor
  });

  it("NPRS: 2 points, or 30 % with at least 1 point", () => {
    expect(changeOf(6, 4, NPRS).change).toBe("improved");
    expect(changeOf(8, 7, NPRS)).toEqual({ points: 1, percent: 12.5, change: "unchanged" });
    expect(changeOf(3, 2, NPRS)).toEqual({ points: 1, percent: 33.3, change: "improved" });
    expect(changeOf(1, 0.5, NPRS)).toEqual({ points: 0.5, percent: 50, change: "unchanged" }); // under the floor
    expect(changeOf(4, 6, NPRS).change).toBe("worse");
  });

  it("a baseline of 0 gives no percentage, never an infinite one, and only points can decide", () => {
    expect(changeOf(0, 12, ODI)).toEqual({ points: -12, percent: undefined, change: "worse" });
    expect(changeOf(0, 4, ODI)).toEqual({ points: -4, percent: undefined, change: "unchanged" });
    expect(progressAt({ odiPercent: 0, painIntensity: 0 }, 0, 0)).toEqual({
      odiChange: 0,
      function: "unchanged",
      painChange: 0,
      pain: "unchanged",
      overall: "unchanged",
    });
  });

  it("overall: improved when one improved and neither is worse; worse when one is worse and neither improved", () => {
    expect(overallOf(["improved", "unchanged"])).toBe("improved");
    expect(overallOf(["worse", "unchanged"])).toBe("worse");
    expect(overallOf(["improved", "worse"])).toBe("unchanged");
    expect(overallOf(["unchanged", "unchanged"])).toBe("unchanged");
  });

  it("leaves a fact absent when an input is: no baseline, no score today, or only one of the two for overall", () => {
    expect(progressAt({}, 30, 5)).toEqual({});
    expect(progressAt({ odiPercent: 46 }, undefined, 5)).toEqual({});
    expect(progressAt({ odiPercent: 46, painIntensity: 6 }, 30, undefined)).toEqual({
      odiChange: 16,
      odiChangePercent: 34.8,
      function: "improved",
    });
    expect(factsOf({ pain: { durationWeeks: 3, intensity: 5 } }).has("progress.pain")).toBe(false);
  });

  it("scores today's ODI from its items as the ODI instrument does", () => {
    const facts = factsOf({
      pain: { durationWeeks: 10, intensity: 4 },
      questionnaires: { odi: { items: [2, 2, 2, 2, 2, 2, 2, 2, 2, null] } },
      followUp: { baseline: { odiPercent: 60, painIntensity: 4 } },
    });
    expect(facts.get("odi.percent")).toBe(40);
    expect(facts.get("progress.odiChange")).toBe(20);
  });
});
