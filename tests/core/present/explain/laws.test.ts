/**
 * Laws of an explanation, over generated assessments on the engine's own pack: each rule's findings
 * agree with the outcome the plan's trace records (so the facts each rule saw are the ones it
 * ran on), each contraindication's with what the plan withheld, and the missing answers of rules
 * and contraindications together agree with the plan's data gaps.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../../../src/core/run/engine.js";
import { operatorNamed } from "../../../../src/core/run/evaluate/operators/index.js";
import { explainPlan, type Finding } from "../../../../src/core/present/explain/index.js";
import { validAssessmentArb } from "../../../arbitraries/assessment.js";
import { enginePack } from "../../../fixtures/engine-pack.js";

const engine = createEngine(enginePack);

/** Whether a finding, with its `not`s, holds on the value found (it must have one). */
function holds(finding: Finding): boolean {
  if (finding.found === undefined) throw new Error(`${finding.text}: no value found`);
  return operatorNamed(finding.operator).test(finding.found, finding.value) !== finding.negated;
}

describe("explainPlan on the engine pack", () => {
  it("gives each rule findings that bear out its traced outcome, and missing answers that match the data gaps", () => {
    fc.assert(
      fc.property(validAssessmentArb, fc.constantFrom("nice-ng59", "acp-2017"), (assessment, profile) => {
        const plan = engine.recommend(assessment, { profile });
        const explanation = explainPlan(engine, assessment, { profile });
        expect(explanation.rules.map((r) => [r.rule, r.outcome])).toEqual(plan.trace.map((t) => [t.rule, t.outcome]));
        const gapsFound: string[] = [];
        for (const rule of explanation.rules) {
          switch (rule.outcome) {
            case "fired":
              expect(rule.because.length).toBeGreaterThan(0);
              expect(rule.because.every(holds)).toBe(true);
              break;
            case "not-fired":
              expect(rule.failed.length).toBeGreaterThan(0);
              expect(rule.failed.some(holds)).toBe(false);
              break;
            case "undetermined":
              expect(rule.open.length).toBeGreaterThan(0);
              expect(rule.open.every((f) => f.found === undefined)).toBe(true);
              expect(rule.missing.length).toBeGreaterThan(0);
              gapsFound.push(...rule.missing.filter((m) => m.dataGap).map((m) => `${m.field} ${rule.rule}`));
              break;
          }
        }
        const contraindicated = new Set<string>();
        const open = new Set<string>();
        for (const c of explanation.contraindications) {
          switch (c.outcome) {
            case "holds":
              expect(c.because.every(holds)).toBe(true);
              contraindicated.add(c.component);
              break;
            case "clear":
              expect(c.failed.length).toBeGreaterThan(0);
              expect(c.failed.some(holds)).toBe(false);
              break;
            case "undetermined":
              expect(c.open.every((f) => f.found === undefined)).toBe(true);
              open.add(c.component);
              gapsFound.push(
                ...c.missing.filter((m) => m.dataGap).map((m) => `${m.field} contraindication:${c.contraindication}`),
              );
              break;
          }
        }
        // The plan withholds a component its contraindications rule out, or leave open.
        const byContraindication = plan.withheld.filter((w) => w.rule.startsWith("contraindication:"));
        expect(byContraindication.filter((w) => w.unscreened !== true).map((w) => w.id)).toEqual(
          [...contraindicated].sort(),
        );
        expect(byContraindication.filter((w) => w.unscreened === true).map((w) => w.id)).toEqual(
          [...open].filter((id) => !contraindicated.has(id)).sort(),
        );
        const gaps = plan.dataGaps.flatMap((gap) => gap.rules.map((rule) => `${gap.fact} ${rule}`));
        expect(gapsFound.sort()).toEqual(gaps.sort());
      }),
      { numRuns: 1000 },
    );
  });
});
