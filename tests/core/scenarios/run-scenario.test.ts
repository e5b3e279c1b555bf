import { describe, expect, it } from "vitest";
import { createEngine } from "../../../src/core/engine.js";
import { runScenario } from "../../../src/core/scenarios/run-scenario.js";
import { ALWAYS, add, packOf, rule } from "../compose/fixture.js";

const engine = createEngine(
  packOf(
    rule("everyone", 100, ALWAYS, add("education-reassurance")),
    rule("depression", 100, "{ fact: phq9.total, operator: greaterThanInclusive, value: 10 }", add("mental-health-referral")),
    rule("no-massage", 100, ALWAYS, '{ withhold: [{ component: massage, reason: "declined" }] }'),
  ),
);
const source = { file: "tests/a.yaml", line: 3, column: 5 };
const assessment = { patient: { age: 40 }, pain: { durationWeeks: 2 } };

describe("runScenario", () => {
  it("passes when every expectation holds", () => {
    const result = runScenario(engine, {
      source,
      scenario: {
        name: "ok",
        assessment,
        expect: {
          status: "incomplete",
          include: ["education-reassurance"],
          exclude: ["mental-health-referral"],
          withheld: ["massage"],
          fired: ["everyone"],
          notFired: ["depression"],
          dataGaps: ["questionnaires.phq9.items"],
        },
      },
    });
    expect(result).toMatchObject({ name: "ok", source: "tests/a.yaml:3", outcome: "passed", failures: [], issues: [] });
  });

  it("says what differed for each unmet expectation", () => {
    const result = runScenario(engine, {
      source,
      scenario: {
        name: "wrong",
        assessment,
        expect: {
          status: "complete",
          include: ["mental-health-referral"],
          exclude: ["education-reassurance"],
          withheld: ["acupuncture"],
          fired: ["depression"],
          notFired: ["everyone"],
          dataGaps: [],
        },
      },
    });
    expect(result.outcome).toBe("failed");
    expect(result.failures).toMatchInlineSnapshot(`
      [
        "status: expected complete, found incomplete",
        "components must include mental-health-referral; found education-reassurance",
        "components must not include education-reassurance; the plan has them",
        "withheld must include acupuncture; found massage",
        "fired rules must include depression; found everyone, no-massage",
        "rules must not fire: everyone fired",
        "data gaps: expected (none), found questionnaires.phq9.items",
      ]
    `);
  });

  it("reports an invalid assessment or profile as invalid, with its issues, and no plan", () => {
    const bad = runScenario(engine, { source, scenario: { name: "bad", assessment: { patient: { age: 4 } }, expect: { status: "complete" } } });
    expect(bad.outcome).toBe("invalid");
    expect(bad.plan).toBeUndefined();
    expect(bad.issues.map((i) => i.path)).toEqual(["/pain", "/patient/age"]);
    const profile = runScenario(engine, { source, scenario: { name: "p", profile: "who-2099", assessment, expect: { status: "complete" } } });
    expect(profile.outcome).toBe("invalid");
  });
});
