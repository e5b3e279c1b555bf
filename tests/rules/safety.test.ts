/**
 * Safety laws of the second edition, over generated assessments on the bundled pack (fast-check,
 * 1,000 runs each). The generator raises red flags, PHQ-9 item 9, requests for manipulation and
 * the Flynn criteria far more often than a clinic would, and each law counts the runs that
 * exercised it, so a law that never meets its case fails rather than passing vacuously.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/core/run/engine.js";
import { compileCondition } from "../../src/core/run/evaluate/condition.js";
import { deriveFacts } from "../../src/core/run/facts/catalog.js";
import type { Assessment, Plan } from "../../src/core/generated/types.js";
import { compileRuleset } from "../../src/core/load/index.js";
import { redFlagNames, validAssessmentArb } from "../arbitraries/assessment.js";
import { bundledFiles } from "../properties/bundled-pack.js";
import { lawCases } from "./law-cases.js";

const ruleset = compileRuleset(bundledFiles);
const engine = createEngine(ruleset);
const RUNS = { numRuns: 1000 };
const profileArb = fc.constantFrom(...ruleset.profiles.map((p) => p.id));
const URGENCY = ["emergency", "same-day", "urgent", "soon", "routine"] as const;

const FLAGS = [...redFlagNames, "majorTrauma"] as const;

/** Valid assessments with the cases the laws are about made common. */
const assessmentArb: fc.Arbitrary<Assessment> = fc
  .tuple(
    validAssessmentArb,
    fc.option(fc.constantFrom(...FLAGS), { freq: 2, nil: undefined }),
    fc.option(fc.integer({ min: 0, max: 3 }), { freq: 3, nil: undefined }),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([assessment, flag, item9, manipulation, flynn]) => {
    const a = structuredClone(assessment) as Assessment & Record<string, unknown>;
    if (flag !== undefined) {
      a.redFlags = { ...a.redFlags, [flag]: true };
      if (flag === "majorTrauma") a.redFlags.recentTrauma = true;
    }
    if (a.redFlags?.recentTrauma !== true && a.redFlags !== undefined) delete a.redFlags.majorTrauma;
    if (item9 !== undefined) a.questionnaires = { ...a.questionnaires, phq9: { total: item9 + 6, item9 } };
    if (manipulation) {
      const requested = a.preferences?.requestedTreatments ?? [];
      a.preferences = {
        ...a.preferences,
        requestedTreatments: [...requested.filter((t) => t !== "spinal-manipulation"), "spinal-manipulation"],
        declinedTreatments: (a.preferences?.declinedTreatments ?? []).filter((t) => t !== "spinal-manipulation"),
      };
    }
    if (flynn) {
      a.pain = { ...a.pain, durationWeeks: 1.4, legPain: "none" };
      a.examination = { ...a.examination, hipInternalRotationOver35: true, lumbarHypomobility: true };
    }
    return a;
  });

const has = (plan: Plan, id: string) => plan.components.some((c) => c.id === id);
const LOADING_CATEGORIES = new Set(["physiotherapy", "motor-control", "adjunct"]);
const REASSURING = ["education-reassurance", "self-management-activity", "activity-increase"];

/** Each contraindication of the catalog, compiled independently of the engine. */
const contraindications = [...ruleset.components.values()].flatMap((component) =>
  (component.contraindications ?? []).map((c) => ({
    component: component.id,
    id: c.id,
    test: compileCondition(c.when),
  })),
);

/** Rules that refer for suspected serious pathology: the red flags decide them. */
const redFlagRules = ruleset.rules.filter((rule) =>
  rule.add.some(({ component }) => component === "urgent-referral" || component === "emergency-referral"),
);

const check = (law: (assessment: Assessment, plan: Plan) => boolean): number =>
  lawCases(engine, assessmentArb, profileArb, RUNS, law);

describe("safety laws on the bundled pack", () => {
  it("no plan holds a component whose contraindication holds or is undecided", () => {
    const exercised = check((assessment, plan) => {
      const facts = deriveFacts(assessment);
      facts.set("plan.components", plan.components.map((c) => c.id).sort());
      let guarded = false;
      for (const c of contraindications) {
        if (!has(plan, c.component)) continue;
        guarded = true;
        expect(c.test(facts), `${c.component} in the plan with contraindication ${c.id} not ruled out`).toBe(false);
      }
      // The other side: a requested manipulation absent from the plan is accounted for.
      const requested = assessment.preferences?.requestedTreatments?.includes("spinal-manipulation") === true;
      if (requested && !has(plan, "spinal-manipulation"))
        expect(plan.withheld.map((w) => w.id)).toContain("spinal-manipulation");
      return guarded || plan.withheld.some((w) => w.rule.startsWith("contraindication:"));
    });
    expect(exercised).toBeGreaterThan(100);
  });

  it("an urgent or emergency referral leaves nothing that loads the spine or reassures", () => {
    const exercised = check((_, plan) => {
      if (!has(plan, "urgent-referral") && !has(plan, "emergency-referral")) return false;
      for (const component of plan.components) {
        expect(LOADING_CATEGORIES.has(component.category), component.id).toBe(false);
        expect(REASSURING, component.id).not.toContain(component.id);
      }
      return true;
    });
    expect(exercised).toBeGreaterThan(100);
  });

  it("PHQ-9 item 9 >= 1 makes the plan's urgency same-day or emergency", () => {
    const exercised = check((assessment, plan) => {
      const phq9 = assessment.questionnaires?.phq9;
      const item9 = phq9?.items?.[8] ?? phq9?.item9;
      if (item9 === undefined || item9 < 1) return false;
      expect(["same-day", "emergency"]).toContain(plan.urgency);
      return true;
    });
    expect(exercised).toBeGreaterThan(100);
  });

  it("an emergency referral makes the plan's urgency emergency", () => {
    const exercised = check((_, plan) => {
      if (!has(plan, "emergency-referral")) return false;
      expect(plan.urgency).toBe("emergency");
      return true;
    });
    expect(exercised).toBeGreaterThan(50);
  });

  it("reassurance only when every red-flag answer that could refer has been given, and none refers", () => {
    const exercised = check((_, plan) => {
      if (!has(plan, "education-reassurance")) return false;
      for (const rule of redFlagRules) {
        const entry = plan.trace.find((t) => t.rule === rule.id);
        expect(entry?.outcome, `${rule.id} with reassurance in the plan`).toBe("not-fired");
      }
      return true;
    });
    expect(exercised).toBeGreaterThan(100);
  });

  it("the most urgent urgency any fired rule gives a referral wins, and the plan's urgency is its referrals' most urgent", () => {
    const exercised = check((_, plan) => {
      let merged = false;
      let mostUrgent: number = URGENCY.length;
      for (const component of plan.components.filter((c) => c.category === "referral")) {
        const given = component.reasons.flatMap(
          (reason) =>
            ruleset.rules
              .find((r) => r.id === reason.rule)
              ?.add.filter((a) => a.component === component.id)
              .flatMap((a) => a.details?.urgency ?? []) ?? [],
        );
        const expected =
          given.length === 0
            ? ruleset.components.get(component.id)?.details.urgency
            : URGENCY[Math.min(...given.map((u) => URGENCY.indexOf(u)))];
        expect(component.details.urgency).toBe(expected);
        if (new Set(given).size > 1) merged = true;
        const rank = URGENCY.indexOf(component.details.urgency ?? "routine");
        mostUrgent = Math.min(mostUrgent, rank === URGENCY.indexOf("soon") ? URGENCY.indexOf("routine") : rank);
      }
      expect(plan.urgency).toBe(mostUrgent === URGENCY.length ? "none" : URGENCY[mostUrgent]);
      return merged;
    });
    expect(exercised).toBeGreaterThan(10);
  });
});
