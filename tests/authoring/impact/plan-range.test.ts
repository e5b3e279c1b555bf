import { describe, expect, it } from "vitest";
import { safeParseAssessment } from "../../../src/core/run/assessment/index.js";
import { generateCohort } from "../../../src/authoring/cohort/index.js";
import { createEngine } from "../../../src/core/run/engine.js";
import {
  cohortSubjects,
  compareRulesets,
  generatedSubjects,
  impactReport,
  impactSides,
  planPrepared,
  planRange,
  prepareRange,
  scenarioSubjects,
  type AssessmentValidator,
  type ImpactInput,
  type RangeOutcome,
} from "../../../src/authoring/impact/index.js";
import { compileRuleset } from "../../../src/core/load/index.js";
import type { ScenarioTest } from "../../../src/core/load/types.js";
import { packWith } from "../../arbitraries/ruleset.js";
import { ALWAYS, COMPONENTS, add, rule } from "../../core/run/compose/fixture.js";

const pack = (threshold: number) =>
  compileRuleset(
    packWith({
      "components.yaml": COMPONENTS,
      "psych.yaml": `rules:\n${[
        rule("everyone", 100, ALWAYS, add("education-reassurance")),
        rule(
          "depression",
          500,
          `{ fact: phq9.total, operator: greaterThanInclusive, value: ${threshold} }`,
          add("mental-health-referral", "PHQ-9 {phq9.total}"),
        ),
      ].join("")}`,
      "tests/basic.yaml": undefined,
    }),
  );
const [base, head] = [pack(5), pack(12)];
const sides = impactSides(base, head);

/** A validator that counts how often it saw each input. */
function counting(): { validate: AssessmentValidator; seen: Map<unknown, number> } {
  const seen = new Map<unknown, number>();
  return {
    seen,
    validate: (input) => {
      seen.set(input, (seen.get(input) ?? 0) + 1);
      return safeParseAssessment(input);
    },
  };
}

describe("planRange", () => {
  it("validates each assessment once for both sides, valid or not", () => {
    const invalid = { patient: { age: "forty" }, pain: { durationWeeks: 2 } };
    const assessments = [...generateCohort(60, 2), invalid];
    const { validate, seen } = counting();
    const outcome = planRange(sides, cohortSubjects(assessments), 0, assessments.length, { validate });
    expect(seen.size).toBe(assessments.length);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    expect(outcome.planned).toBe(60);
    expect(outcome.changed.length).toBeGreaterThan(0);
    expect(outcome.skipped).toEqual([
      {
        subject: 60,
        skipped: {
          example: { kind: "cohort", index: 60, facts: {} },
          side: "both",
          problems: [expect.stringContaining("patient.age")],
        },
      },
    ]);
  });

  it("does not validate an assessment neither pack has the profile for, as the engine checks the profile first", () => {
    const { validate, seen } = counting();
    const outcome = planRange(sides, cohortSubjects(generateCohort(3, 1)), 0, 3, { validate, profile: "nowhere" });
    expect(seen.size).toBe(0);
    expect(outcome.skipped.map((s) => [s.subject, s.skipped.side])).toEqual([
      [0, "both"],
      [1, "both"],
      [2, "both"],
    ]);
  });

  it("plans a range prepared before the packs were known (made and validated once) as it plans the range itself", () => {
    const cohort = generatedSubjects(120, 6);
    const { validate, seen } = counting();
    const prepared = prepareRange(cohort, 10, 110, validate);
    expect(seen.size).toBe(100);
    const outcome = planPrepared(sides, prepared, { validate, profile: "nice-ng59" });
    expect(seen.size).toBe(100);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    expect(outcome).toEqual(planRange(sides, cohort, 10, 110, { profile: "nice-ng59" }));
  });

  it("plans only its range, and what it finds is what the engines find", () => {
    const cohort = generatedSubjects(200, 5);
    const outcome = planRange(sides, cohort, 50, 120);
    const [before, after] = [createEngine(base), createEngine(head)];
    const changed = generateCohort(200, 5).flatMap((assessment, i) => {
      if (i < 50 || i >= 120) return [];
      const [a, b] = [before.recommend(assessment), after.recommend(assessment)];
      return JSON.stringify(a.components) === JSON.stringify(b.components) ? [] : [i];
    });
    expect([outcome.start, outcome.end, outcome.planned]).toEqual([50, 120, 70]);
    expect(outcome.changed.map((c) => c.subject)).toEqual(changed);
    expect(changed.length).toBeGreaterThan(3);
  });
});

describe("impactReport", () => {
  const scenario = (name: string, phq: number, line: number): ScenarioTest => ({
    scenario: {
      name,
      assessment: { patient: { age: 40 }, pain: { durationWeeks: 3 }, questionnaires: { phq9: { total: phq } } },
      expect: {},
    },
    source: { file: "tests/a.yaml", line, column: 5 },
  });
  const input: ImpactInput = {
    scenarios: scenarioSubjects([{ scenarios: [scenario("a", 4, 1), scenario("b", 8, 9), scenario("c", 15, 20)] }]),
    cohort: generatedSubjects(400, 9),
    cohortSource: { kind: "generated", size: 400, seed: 9 },
  };
  const whole = JSON.stringify(
    compareRulesets(createEngine(base), createEngine(head), input, { examples: 4, profile: "nice-ng59" }),
  );

  /** The cohort planned in ranges cut at `cuts`, given in `order`. */
  function inRanges(cuts: readonly number[], order: (ranges: RangeOutcome[]) => RangeOutcome[]): string {
    const bounds = [0, ...cuts, 400];
    const ranges = bounds
      .slice(1)
      .map((end, i) => planRange(sides, input.cohort, bounds[i] ?? 0, end, { profile: "nice-ng59" }));
    const scenarios = [planRange(sides, input.scenarios, 0, 3, { profile: "nice-ng59" })];
    return JSON.stringify(
      impactReport(base, head, input, { scenarios, cohort: order(ranges) }, { examples: 4, profile: "nice-ng59" }),
    );
  }

  it("merges ranges by position: the same report however the cohort was split, and in whatever order they came", () => {
    expect((JSON.parse(whole) as { cohort: { changed: number } }).cohort.changed).toBeGreaterThan(10);
    expect(inRanges([200], (r) => r)).toBe(whole);
    expect(inRanges([1, 2, 3, 150, 151, 399], (r) => r.reverse())).toBe(whole);
    expect(inRanges([50, 100, 150, 200, 250, 300, 350], (r) => [...r.slice(3), ...r.slice(0, 3)])).toBe(whole);
    expect(inRanges([0, 0, 400], (r) => r)).toBe(whole);
  });

  it("refuses ranges that leave a gap, overlap or stop short", () => {
    const range = (start: number, end: number) => planRange(sides, input.cohort, start, end);
    const scenarios = [planRange(sides, input.scenarios, 0, 3)];
    const report = (cohort: RangeOutcome[]) => () => impactReport(base, head, input, { scenarios, cohort });
    expect(report([range(0, 100), range(150, 400)])).toThrow("planned ranges do not cover the subjects: 150 after 100");
    expect(report([range(0, 200), range(100, 400)])).toThrow("planned ranges do not cover the subjects: 100 after 200");
    expect(report([range(0, 300)])).toThrow("planned ranges end at 300, not at 400");
  });
});
