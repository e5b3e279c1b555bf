/**
 * `measureCoverage` on a small pack: which rules fired where, each comparison's outcomes judged
 * on the facts its rule saw, thresholds with their sides and boundary values, and the summary.
 */
import { describe, expect, it } from "vitest";
import { createEngine } from "../../../src/core/run/engine.js";
import { compileRuleset } from "../../../src/core/load/index.js";
import { measureCoverage, type Coverage, type RuleCoverage } from "../../../src/authoring/scenarios/coverage.js";
import { conditionPlaces } from "../../../src/authoring/scenarios/coverage-places.js";
import { runScenario } from "../../../src/authoring/scenarios/run-scenario.js";
import { packWith, rule as ruleItem, ruleFile } from "../../arbitraries/ruleset.js";
import { COMPONENTS, add, rule } from "../../core/run/compose/fixture.js";

const RULES = `rules:
${rule(
  "depression",
  500,
  `
      all:
        - { fact: phq9.total, operator: greaterThanInclusive, value: 10 }
        - not: { fact: lifestyle.smoker, operator: equal, value: true }`,
  add("mental-health-referral"),
)}${rule("same-priority", 500, "{ fact: plan.components, operator: contains, value: mental-health-referral }", add("education-reassurance"))}${rule(
  "lower-priority",
  100,
  "{ fact: plan.components, operator: contains, value: mental-health-referral }",
  add("follow-up-reassessment"),
)}${rule("obesity", 500, "{ fact: lifestyle.bmi, operator: greaterThanInclusive, value: 30 }", add("physiotherapy-exercise"))}${rule(
  "fear",
  500,
  "{ fact: questionnaires.fabq.physicalActivity, operator: greaterThan, value: 14 }",
  add("physiotherapy-exercise"),
)}${rule("acupuncture", 400, "{ fact: profile, operator: equal, value: acp-2017 }", add("acupuncture"))}`;

const SCENARIOS = `scenarios:
  - name: low mood, non-smoker, obese, fearful
    assessment:
      patient: { age: 40 }
      pain: { durationWeeks: 3 }
      questionnaires: { phq9: { total: 12 }, fabq: { physicalActivity: 15 } }
      lifestyle: { smoker: false, bmi: 31 }
    expect: { include: [mental-health-referral] }
  - name: mild mood, smoking not asked
    assessment:
      patient: { age: 40 }
      pain: { durationWeeks: 3 }
      questionnaires: { phq9: { total: 9 }, fabq: { physicalActivity: 14 } }
      lifestyle: { bmi: 29.9 }
    expect: { exclude: [mental-health-referral] }
  - name: too young
    assessment: { patient: { age: 4 }, pain: { durationWeeks: 3 } }
    expect: { status: complete }
`;

const files = packWith({
  "components.yaml": COMPONENTS,
  "psych.yaml": RULES,
  "tests/basic.yaml": SCENARIOS,
});
const ruleset = compileRuleset(files);
const engine = createEngine(ruleset);
const runs = ruleset.scenarios.map((test) => ({ test, result: runScenario(engine, test) }));
const coverage = measureCoverage(ruleset, runs, { places: conditionPlaces(files) });

function ruleNamed(id: string, of: Coverage = coverage): RuleCoverage {
  const found = of.rules.find((r) => r.rule === id);
  if (found === undefined) throw new Error(`no rule ${id}`);
  return found;
}

describe("measureCoverage", () => {
  it("records the scenarios each rule fired in, and measures only scenarios with a plan", () => {
    expect(runs.map((r) => r.result.outcome)).toEqual(["passed", "passed", "invalid"]);
    expect(coverage.scenarios).toBe(2);
    expect(Object.fromEntries(coverage.rules.map((r) => [r.rule, r.firedIn]))).toEqual({
      depression: ["tests/basic.yaml:2"],
      "same-priority": [],
      "lower-priority": ["tests/basic.yaml:2"],
      obesity: ["tests/basic.yaml:2"],
      fear: ["tests/basic.yaml:2"],
      acupuncture: [],
    });
  });

  it("lists rules in file order, and each comparison by its pointer and place", () => {
    expect(coverage.rules.map((r) => [r.rule, r.source.line])).toEqual([
      ["depression", 2],
      ["same-priority", 11],
      ["lower-priority", 17],
      ["obesity", 23],
      ["fear", 29],
      ["acupuncture", 35],
    ]);
    expect(ruleNamed("depression").conditions.map((c) => [c.pointer, c.source])).toEqual([
      ["/when/all/0", { file: "psych.yaml", line: 7, column: 11 }],
      ["/when/all/1/not", { file: "psych.yaml", line: 8, column: 16 }],
    ]);
    expect(ruleNamed("fear").conditions.map((c) => [c.pointer, c.source])).toEqual([
      ["/when", { file: "psych.yaml", line: 32, column: 11 }],
    ]);
  });

  it("counts each comparison true, false and undetermined by its own outcome, under not as well", () => {
    expect(ruleNamed("depression").conditions.map((c) => c.outcomes)).toEqual([
      { true: 1, false: 1, unknown: 0 },
      // lifestyle.smoker = true: false for the non-smoker, unknown where smoking was not asked
      { true: 0, false: 1, unknown: 1 },
    ]);
  });

  it("judges a comparison on plan.* as its rule saw it: the same priority does not see a referral added beside it", () => {
    expect(ruleNamed("same-priority").conditions[0]?.outcomes).toEqual({ true: 0, false: 2, unknown: 0 });
    expect(ruleNamed("lower-priority").conditions[0]?.outcomes).toEqual({ true: 1, false: 1, unknown: 0 });
  });

  it("gives whole-number thresholds their boundary values and the ones no scenario used", () => {
    expect(ruleNamed("depression").conditions.map((c) => c.threshold)).toEqual([
      { values: [9, 12], boundary: { values: [9, 10], missing: [10] } },
      undefined,
    ]);
    expect(ruleNamed("fear").conditions[0]?.threshold).toEqual({
      values: [14, 15],
      boundary: { values: [14, 15], missing: [] },
    });
  });

  it("judges a threshold on a number fact of unknown precision by its sides only", () => {
    expect(ruleNamed("obesity").conditions[0]).toMatchObject({
      outcomes: { true: 1, false: 1, unknown: 0 },
      threshold: { values: [29.9, 31] },
    });
    expect(ruleNamed("obesity").conditions[0]?.threshold).not.toHaveProperty("boundary");
    expect(ruleNamed("acupuncture").conditions[0]).not.toHaveProperty("threshold");
  });

  it("sums up rules fired, comparisons seen both ways, thresholds with both sides and boundaries tested", () => {
    expect(coverage.summary).toMatchInlineSnapshot(`
      {
        "boundaries": {
          "covered": 1,
          "percent": 50,
          "total": 2,
        },
        "conditions": {
          "covered": 4,
          "percent": 57.1,
          "total": 7,
        },
        "rules": {
          "covered": 4,
          "percent": 66.6,
          "total": 6,
        },
        "thresholds": {
          "covered": 3,
          "percent": 100,
          "total": 3,
        },
      }
    `);
  });

  it("is plain data, the same for the same runs", () => {
    const again = measureCoverage(ruleset, runs, { places: conditionPlaces(files) });
    expect(JSON.parse(JSON.stringify(again))).toEqual(coverage);
  });

  it("places comparisons at their rule without the rule files, and shows files as asked", () => {
    const bare = measureCoverage(ruleset, runs, { locate: (file) => `rules/${file}` });
    expect(ruleNamed("depression", bare).source).toEqual({ file: "rules/psych.yaml", line: 2, column: 5 });
    expect(ruleNamed("depression", bare).conditions.map((c) => c.source)).toEqual([
      { file: "rules/psych.yaml", line: 2, column: 5 },
      { file: "rules/psych.yaml", line: 2, column: 5 },
    ]);
  });

  it("with no scenario, no rule fired and no comparison was seen; nothing to cover counts as covered", () => {
    const none = measureCoverage(ruleset, []);
    expect(none.summary.rules).toEqual({ covered: 0, total: 6, percent: 0 });
    expect(none.rules.flatMap((r) => r.conditions.map((c) => c.outcomes.unknown))).toEqual([0, 0, 0, 0, 0, 0, 0]);
    const noThresholds = compileRuleset(packWith({ "psych.yaml": ruleFile(ruleItem("acute-only")) }));
    expect(measureCoverage(noThresholds, []).summary.boundaries).toEqual({ covered: 0, total: 0, percent: 100 });
  });
});
