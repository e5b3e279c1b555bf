/**
 * Why a scenario's plan holds or lacks a component a contraindication guards: the contraindication
 * that held, or the answers that would screen it, never an "unknown rule".
 */
import { describe, expect, it } from "vitest";
import type { ScenarioExpectation } from "../../../src/core/generated/types.js";
import { runScenario } from "../../../src/authoring/scenarios/run-scenario.js";
import { SCREENED, guardedEngine } from "../../fixtures/guarded-pack.js";

const source = { file: "tests/guarded.yaml", line: 3, column: 5 };
const run = (assessment: object, expectation: ScenarioExpectation) =>
  runScenario(guardedEngine, { source, scenario: { name: "s", assessment, expect: expectation } });
const osteoporosis = { ...SCREENED, redFlags: { saddleAnaesthesia: false, fever: false, osteoporosis: true } };
const unanswered = { ...SCREENED, redFlags: { saddleAnaesthesia: false, fever: false } };

describe("why, for a component a contraindication guards", () => {
  it("a contraindicated component: the contraindication's reason and the value it held on", () => {
    expect(run(osteoporosis, { include: ["spinal-manipulation"] }).unmet[0]?.why).toEqual([
      "spinal-manipulation was withheld, contraindicated: Osteoporosis (yes): thrust manipulation risks a vertebral fracture",
      'contraindication "manipulation-osteoporosis" (Osteoporosis) holds: redFlags.osteoporosis = true (found true)',
    ]);
  });

  it("an unscreened component: what it was not screened for, and the answers not recorded", () => {
    expect(run(unanswered, { include: ["spinal-manipulation"] }).unmet[0]?.why).toEqual([
      "spinal-manipulation was withheld, not screened for Osteoporosis",
      'contraindication "manipulation-osteoporosis" (Osteoporosis) is undetermined: redFlags.osteoporosis = true (not recorded)',
    ]);
  });

  it("a component kept: who added it, what could withhold it, and each contraindication that did not hold", () => {
    expect(run(SCREENED, { withheld: ["spinal-manipulation"] }).unmet[0]?.why).toEqual([
      'spinal-manipulation was added by rule "manipulation-on-request": The patient asks for manipulation',
      'rule "fever" (rules.yaml:32) did not fire: redFlags.fever = true (found false)',
      'rule "manipulation-declined" (rules.yaml:47) did not fire: preferences.declinedTreatments includes spinal-manipulation (found none)',
      'contraindication "manipulation-osteoporosis" (Osteoporosis) does not hold: redFlags.osteoporosis = true (found false)',
      'contraindication "manipulation-under-referral" (A referral in the plan) does not hold: plan.categories includes referral (found adjunct, education)',
    ]);
  });

  it("a component no rule added: its contraindications were not screened", () => {
    const unrequested = { ...SCREENED, preferences: { requestedTreatments: [], declinedTreatments: [] } };
    expect(run(unrequested, { withheld: ["spinal-manipulation"] }).unmet[0]?.why).toContain(
      "no rule added spinal-manipulation, so its contraindications were not screened",
    );
  });

  it("a contraindication named where a rule is expected: what it decided, never an unknown rule", () => {
    expect(run(osteoporosis, { notFired: ["contraindication:manipulation-osteoporosis"] })).toMatchObject({
      outcome: "passed",
    });
    expect(run(osteoporosis, { fired: ["contraindication:manipulation-osteoporosis"] }).unmet[0]?.why).toEqual([
      'contraindication "manipulation-osteoporosis" (Osteoporosis) holds: redFlags.osteoporosis = true (found true)',
    ]);
    const unrequested = { ...SCREENED, preferences: { requestedTreatments: [], declinedTreatments: [] } };
    expect(run(unrequested, { fired: ["contraindication:manipulation-osteoporosis"] }).unmet[0]?.why).toEqual([
      'contraindication "manipulation-osteoporosis" guards spinal-manipulation, which the rules did not choose: it was not screened',
    ]);
  });
});
