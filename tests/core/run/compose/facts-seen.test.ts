/**
 * `factsSeen` is the composer's own record of what each run of rules read, so explanations give
 * the verdict the plan's trace records. The law: each rule's condition on the facts recorded for
 * its priority gives its traced outcome (a record taken after the rules decided, or at the wrong
 * priority, breaks it), over generated assessments on a pack whose rules read `plan.components`
 * and `plan.categories` at several priorities, and on one whose contraindications take
 * components out of what later rules see.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAssessment } from "../../../../src/core/run/assessment/index.js";
import { createEngine } from "../../../../src/core/run/engine.js";
import { deriveFacts } from "../../../../src/core/run/facts/catalog.js";
import type { Ruleset } from "../../../../src/core/load/types.js";
import { factsSeen } from "../../../../src/core/run/compose/facts-seen.js";
import { validAssessmentArb } from "../../../arbitraries/assessment.js";
import { guardedRuleset } from "../../../fixtures/guarded-pack.js";
import { ALWAYS, add, packOf, rule } from "./fixture.js";
import type { Assessment } from "../../../../src/core/generated/types.js";

const ruleset = packOf(
  rule(
    "cauda",
    1000,
    "{ fact: redFlags.saddleAnaesthesia, operator: equal, value: true }",
    '{ add: [{ component: emergency-referral, reason: "saddle" }], halt: { reason: "until excluded" } }',
  ),
  rule(
    "depression",
    500,
    "{ fact: phq9.total, operator: greaterThanInclusive, value: 10 }",
    add("mental-health-referral"),
  ),
  rule("education", 500, ALWAYS, add("education-reassurance")),
  rule(
    "exercise",
    400,
    "{ fact: startBack.total, operator: greaterThanInclusive, value: 4 }",
    add("physiotherapy-exercise"),
  ),
  rule(
    "massage-on-request",
    400,
    "{ fact: preferences.requestedTreatments, operator: contains, value: massage }",
    add("massage"),
  ),
  rule(
    "no-referral-no-education",
    300,
    "{ fact: plan.categories, operator: contains, value: referral }",
    '{ withhold: [{ category: education, reason: "refer first" }] }',
  ),
  rule(
    "package",
    100,
    "{ all: [{ fact: plan.components, operator: contains, value: massage }, { fact: plan.categories, operator: doesNotContain, value: physiotherapy }] }",
    add("physiotherapy-exercise"),
  ),
  rule(
    "follow-up",
    50,
    "{ fact: plan.components, operator: doesNotContain, value: education-reassurance }",
    add("follow-up-reassessment"),
  ),
);
const OUTCOMES = { true: "fired", false: "not-fired", unknown: "undetermined" } as const;

/** Over generated assessments (some asking for `requested`), each traced outcome is the rule's on `factsSeen`. */
function agreesWithTrace(pack: Ruleset, requested: string): void {
  const recommend = createEngine(pack);
  fc.assert(
    fc.property(validAssessmentArb, fc.boolean(), (assessment, requests) => {
      const input = requests
        ? { ...assessment, preferences: { ...assessment.preferences, requestedTreatments: [requested] } }
        : assessment;
      const plan = recommend.recommend(input as Assessment);
      const parsed = parseAssessment(input);
      const seen = factsSeen(pack, parsed, plan.profile, deriveFacts(parsed));
      for (const entry of plan.trace) {
        const compiled = pack.rules.find((r) => r.id === entry.rule);
        if (compiled === undefined) throw new Error(`no rule ${entry.rule}`);
        expect(OUTCOMES[String(compiled.test(seen.at(compiled.priority))) as keyof typeof OUTCOMES]).toBe(
          entry.outcome,
        );
      }
    }),
    { numRuns: 1000 },
  );
}

describe("factsSeen", () => {
  it("gives each rule the facts it ran on: its condition on them yields the trace's outcome", () => {
    agreesWithTrace(ruleset, "massage");
  });

  it("records what later rules read where contraindications withhold components", () => {
    agreesWithTrace(guardedRuleset, "spinal-manipulation");
  });

  it("shows plan.components and plan.categories as the higher priorities left them, sorted", () => {
    const assessment = parseAssessment({
      patient: { age: 40 },
      pain: { durationWeeks: 3 },
      questionnaires: { phq9: { total: 12 } },
      preferences: { requestedTreatments: ["massage"] },
    });
    const facts = factsSeen(ruleset, assessment, "nice-ng59", deriveFacts(assessment)).at(100);
    expect([facts.get("profile"), facts.get("plan.components"), facts.get("plan.categories")]).toEqual([
      "nice-ng59",
      ["massage", "mental-health-referral"],
      ["adjunct", "referral"],
    ]);
  });

  it("screens what the rules decided: the plan's components and those a contraindication withheld", () => {
    const recommend = createEngine(guardedRuleset);
    fc.assert(
      fc.property(validAssessmentArb, (assessment) => {
        const plan = recommend.recommend(assessment);
        const parsed = parseAssessment(assessment);
        const seen = factsSeen(guardedRuleset, parsed, plan.profile, deriveFacts(parsed));
        const screened = [
          ...plan.components.map((c) => c.id),
          ...plan.withheld.filter((w) => w.rule.startsWith("contraindication:")).map((w) => w.id),
        ].sort();
        expect(seen.screened).toEqual(screened);
        expect(seen.screenedOn.get("plan.components")).toEqual(screened);
      }),
      { numRuns: 300 },
    );
  });
});
