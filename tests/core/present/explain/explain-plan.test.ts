import { describe, expect, it } from "vitest";
import { createEngine } from "../../../../src/core/run/engine.js";
import { AssessmentError } from "../../../../src/core/errors.js";
import { explainPlan, safeExplainPlan, type RuleExplanation } from "../../../../src/core/present/explain/index.js";
import { compileRuleset } from "../../../../src/core/load/index.js";
import { packWith } from "../../../arbitraries/ruleset.js";
import { add, COMPONENTS, rule as ruleText } from "../../run/compose/fixture.js";
import { ASSESSMENT, engine, explainPack } from "./fixture.js";
import type { Assessment } from "../../../../src/core/generated/types.js";

function ruleIn(rules: readonly RuleExplanation[], id: string): RuleExplanation {
  const found = rules.find((r) => r.rule === id);
  if (found === undefined) throw new Error(`no explanation for rule ${id}`);
  return found;
}

describe("explainPlan: each rule, in the order it ran", () => {
  const explanation = explainPlan(engine, ASSESSMENT);
  const rule = (id: string) => ruleIn(explanation.rules, id);

  it("follows the plan's trace and sums the plan up", () => {
    const plan = engine.recommend(ASSESSMENT as Assessment);
    expect(explanation.rules.map((r) => [r.rule, r.outcome])).toEqual(plan.trace.map((t) => [t.rule, t.outcome]));
    expect(explanation.summary).toEqual({
      status: "incomplete",
      components: [
        {
          id: "mental-health-referral",
          category: "referral",
          title: "Title of mental-health-referral",
          rules: ["depression"],
        },
        {
          id: "education-reassurance",
          category: "education",
          title: "Title of education-reassurance",
          rules: ["education"],
        },
      ],
      withheld: plan.withheld,
      dataGaps: plan.dataGaps,
      outcomes: { fired: 4, notFired: 2, undetermined: 2 },
    });
    expect([explanation.assessmentId, explanation.profile, explanation.ruleset]).toEqual([
      "case-1",
      "nice-ng59",
      plan.ruleset,
    ]);
  });

  it("names the values a fired rule fired on, and what it added with its reason filled in", () => {
    expect(rule("depression")).toEqual({
      rule: "depression",
      title: "Rule depression",
      priority: 500,
      source: "psych.yaml:8",
      outcome: "fired",
      because: [
        {
          fact: "phq9.total",
          operator: "greaterThanInclusive",
          value: 10,
          negated: false,
          found: 14,
          text: "phq9.total ≥ 10 (found 14)",
        },
      ],
      adds: [{ component: "mental-health-referral", reason: "PHQ-9 total 14" }],
      withholds: [],
      evidence: ["nice-ng59"],
    });
  });

  it("says who withheld what a fired rule added, and what a withholding withheld", () => {
    expect(rule("massage-on-request")).toMatchObject({
      adds: [
        { component: "massage", reason: "asked for", withheldBy: { rule: "refer-first", reason: "referral first" } },
      ],
    });
    expect(rule("refer-first")).toMatchObject({
      withholds: [{ category: "adjunct", reason: "referral first", withheld: ["massage"] }],
    });
  });

  it("shows plan.* as the rule saw it: what the higher priorities had decided", () => {
    expect(rule("refer-first")).toMatchObject({
      because: [{ fact: "plan.categories", found: ["adjunct", "education", "referral"] }],
    });
  });

  it("gives the first condition that failed, in condition order, then the other false ones", () => {
    expect(rule("persistent")).toMatchObject({
      outcome: "not-fired",
      failed: [
        { text: "pain.durationWeeks ≥ 12 (found 3)", found: 3 },
        { text: "phq9.total ≥ 20 (found 14)", found: 14 },
      ],
    });
  });

  it("names the missing answers of an undetermined rule, whether each alone decides it, and whether it is a gap", () => {
    expect(rule("short-sleep")).toMatchObject({
      outcome: "undetermined",
      open: [{ fact: "lifestyle.sleepHoursPerNight", text: "lifestyle.sleepHoursPerNight < 7 (not recorded)" }],
      missing: [
        {
          field: "lifestyle.sleepHoursPerNight",
          facts: ["lifestyle.sleepHoursPerNight"],
          with: [],
          alone: ["fired", "not-fired"],
          dataGap: true,
        },
      ],
    });
    // Both conditions must hold: either answer alone can only rule it out.
    const both = rule("smoker-and-inactive");
    expect(both.outcome === "undetermined" && both.missing.map((m) => [m.field, m.alone, m.dataGap])).toEqual([
      ["lifestyle.activityMinutesPerWeek", ["not-fired"], true],
      ["lifestyle.smoker", ["not-fired"], true],
    ]);
    expect(rule("short-sleep")).not.toHaveProperty("open.0.found");
  });

  it("says of a rule no single answer can decide that none alone decides it, and asks for every one", () => {
    const pairs = ruleText(
      "either-pair",
      200,
      "{ any: [{ all: [{ fact: lifestyle.smoker, operator: equal, value: true }, { fact: lifestyle.activityMinutesPerWeek, operator: lessThan, value: 150 }] }, { all: [{ fact: lifestyle.sleepHoursPerNight, operator: lessThan, value: 7 }, { fact: lifestyle.sittingHoursPerDay, operator: greaterThan, value: 8 }] }] }",
      add("follow-up-reassessment", "either pair"),
    );
    const files = packWith({
      "components.yaml": COMPONENTS,
      "psych.yaml": `rules:\n${pairs}`,
      "tests/basic.yaml": undefined,
    });
    const explained = ruleIn(explainPlan(createEngine(compileRuleset(files)), ASSESSMENT).rules, "either-pair");
    expect(explained.outcome === "undetermined" && explained.missing.map((m) => [m.field, m.alone, m.dataGap])).toEqual(
      [
        ["lifestyle.activityMinutesPerWeek", [], true],
        ["lifestyle.sittingHoursPerDay", [], true],
        ["lifestyle.sleepHoursPerNight", [], true],
        ["lifestyle.smoker", [], true],
      ],
    );
  });

  it("lists the rules that did not run at the end", () => {
    expect(explanation.inactive).toEqual([
      { rule: "trial", title: "Rule trial", priority: 100, status: "draft", source: "psych.yaml:50" },
    ]);
    expect(explanation.rules.map((r) => r.rule)).not.toContain("trial");
  });

  it("runs draft rules when the pack was compiled with them, and says so", () => {
    const drafts = explainPlan(createEngine(explainPack(true)), ASSESSMENT);
    expect(drafts.inactive).toEqual([]);
    expect(drafts.ruleset.drafts).toEqual(["trial"]);
    expect(ruleIn(drafts.rules, "trial")).toMatchObject({ outcome: "fired" });
  });

  it("shows pack files where the caller locates them", () => {
    const located = explainPlan(engine, ASSESSMENT, { locate: (file) => `rules/${file}` });
    expect([located.rules[0]?.source, located.inactive[0]?.source]).toEqual([
      "rules/psych.yaml:2",
      "rules/psych.yaml:50",
    ]);
  });
});

describe("explainPlan under a halt", () => {
  const halted = explainPlan(engine, { ...ASSESSMENT, redFlags: { saddleAnaesthesia: true } });

  it("names the halt and marks every rule below it, whose additions the halt withholds", () => {
    expect(ruleIn(halted.rules, "cauda")).toMatchObject({
      outcome: "fired",
      because: [{ text: "redFlags.saddleAnaesthesia = true (found true)" }],
      adds: [{ component: "emergency-referral", reason: "saddle anaesthesia" }],
      halts: "until excluded",
    });
    expect(ruleIn(halted.rules, "cauda")).not.toHaveProperty("belowHaltOf");
    expect(halted.rules.filter((r) => r.priority < 1000).every((r) => r.belowHaltOf === "cauda")).toBe(true);
    expect(ruleIn(halted.rules, "depression")).toMatchObject({
      adds: [{ component: "mental-health-referral", withheldBy: { rule: "cauda", reason: "until excluded" } }],
    });
  });

  it("says an undetermined rule below the halt waits on no data gap", () => {
    expect(halted.summary.dataGaps).toEqual([]);
    expect(ruleIn(halted.rules, "short-sleep")).toMatchObject({
      missing: [{ field: "lifestyle.sleepHoursPerNight", alone: ["fired", "not-fired"], dataGap: false }],
    });
  });
});

describe("explainPlan and safeExplainPlan: bad input", () => {
  it("throws, or returns, the assessment's issues", () => {
    expect(() => explainPlan(engine, { patient: { age: 4 } })).toThrow(AssessmentError);
    const result = safeExplainPlan(engine, { patient: { age: 40 }, pain: { durationWeeks: -1 } });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => i.path)).toEqual(["/pain/durationWeeks"]);
  });

  it("returns an unknown profile as an issue", () => {
    const result = safeExplainPlan(engine, ASSESSMENT, { profile: "who-2023" });
    expect(!result.ok && result.issues.map((i) => i.message)).toEqual([
      'unknown profile "who-2023": this pack has "nice-ng59", "acp-2017"',
    ]);
  });

  it("explains under the profile asked for", () => {
    const result = safeExplainPlan(engine, ASSESSMENT, { profile: "acp-2017" });
    expect(result.ok && [result.value.profile, result.warnings]).toEqual(["acp-2017", []]);
  });
});
