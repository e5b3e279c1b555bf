import { describe, expect, it } from "vitest";
import { decide } from "../../../../src/core/present/explain/findings.js";
import type { FactValue } from "../../../../src/core/run/facts/types.js";
import type { Condition } from "../../../../src/core/generated/types.js";

const facts = new Map<string, FactValue>([
  ["phq9.total", 12],
  ["gad7.total", 4],
  ["lifestyle.smoker", false],
  ["preferences.activities", ["walking", "yoga"]],
]);
const texts = (condition: Condition) => {
  const { truth, findings } = decide(condition, facts);
  return [truth, findings.map((f) => f.text)];
};

describe("decide: the leaves behind a condition's outcome", () => {
  it("keeps, under any, the leaves that made it true; under all, those that made it false", () => {
    expect(
      texts({
        any: [
          { fact: "phq9.total", operator: "greaterThanInclusive", value: 10 },
          { fact: "gad7.total", operator: "greaterThanInclusive", value: 10 },
        ],
      }),
    ).toEqual([true, ["phq9.total ≥ 10 (found 12)"]]);
    expect(
      texts({
        all: [
          { fact: "phq9.total", operator: "greaterThanInclusive", value: 10 },
          { fact: "gad7.total", operator: "greaterThanInclusive", value: 10 },
          { fact: "lifestyle.smoker", operator: "equal", value: true },
        ],
      }),
    ).toEqual([false, ["gad7.total ≥ 10 (found 4)", "lifestyle.smoker = true (found false)"]]);
  });

  it("names the unrecorded leaves of an undetermined condition, and marks those under a not", () => {
    expect(
      texts({
        all: [
          { fact: "phq9.total", operator: "greaterThanInclusive", value: 10 },
          { not: { fact: "lifestyle.bmi", operator: "greaterThanInclusive", value: 30 } },
        ],
      }),
    ).toEqual(["unknown", ["not lifestyle.bmi ≥ 30 (not recorded)"]]);
  });

  it("lists values and list conditions in words", () => {
    const { findings } = decide(
      { not: { fact: "preferences.activities", operator: "contains", value: "yoga" } },
      facts,
    );
    expect(findings).toEqual([
      {
        fact: "preferences.activities",
        operator: "contains",
        value: "yoga",
        negated: true,
        found: ["walking", "yoga"],
        text: "not preferences.activities includes yoga (found walking, yoga)",
      },
    ]);
    expect(
      texts({ fact: "examination.directionalPreference", operator: "in", value: ["extension", "flexion"] }),
    ).toEqual(["unknown", ["examination.directionalPreference is one of extension, flexion (not recorded)"]]);
  });
});
