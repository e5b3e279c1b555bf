import { describe, expect, it } from "vitest";
import { createEngine } from "../../../src/core/run/engine.js";
import { runScenario } from "../../../src/authoring/scenarios/run-scenario.js";
import type { ScenarioExpectation } from "../../../src/core/generated/types.js";
import { SCREENED, guardedEngine } from "../../fixtures/guarded-pack.js";
import { ALWAYS, add, packOf, rule } from "../../core/run/compose/fixture.js";

const engine = createEngine(
  packOf(
    rule("everyone", 100, ALWAYS, add("education-reassurance")),
    rule(
      "depression",
      100,
      "{ fact: phq9.total, operator: greaterThanInclusive, value: 10 }",
      add("mental-health-referral"),
    ),
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
    const bad = runScenario(engine, {
      source,
      scenario: { name: "bad", assessment: { patient: { age: 4 } }, expect: { status: "complete" } },
    });
    expect(bad.outcome).toBe("invalid");
    expect(bad.plan).toBeUndefined();
    expect(bad.issues.map((i) => i.path)).toEqual(["/pain", "/patient/age"]);
    const profile = runScenario(engine, {
      source,
      scenario: { name: "p", profile: "who-2099", assessment, expect: { status: "complete" } },
    });
    expect(profile.outcome).toBe("invalid");
  });
});

describe("runScenario explains each unmet expectation", () => {
  const explaining = createEngine(
    packOf(
      rule(
        "cauda",
        1000,
        "{ fact: redFlags.saddleAnaesthesia, operator: equal, value: true }",
        '{ add: [{ component: emergency-referral, reason: "saddle" }], halt: { reason: "until excluded" } }',
      ),
      rule("everyone", 100, ALWAYS, add("education-reassurance", "every episode")),
      rule(
        "depression",
        100,
        "{ all: [{ fact: phq9.total, operator: greaterThanInclusive, value: 10 }, { fact: patient.age, operator: lessThan, value: 90 }] }",
        add("mental-health-referral"),
      ),
      rule("no-massage", 100, ALWAYS, '{ withhold: [{ component: massage, reason: "declined" }] }'),
      rule(
        "exercise-if-uneducated",
        50,
        "{ not: { fact: plan.components, operator: contains, value: education-reassurance } }",
        add("physiotherapy-exercise"),
      ),
    ),
  );
  const run = (name: string, assessment: object, expect: Record<string, unknown>) =>
    runScenario(explaining, { source, scenario: { name, assessment, expect } });
  const mild = { ...assessment, questionnaires: { phq9: { total: 9 } } };

  it("for a missing component: what each rule that adds it decided, on the patient's values", () => {
    const result = run("missing", mild, {
      include: ["mental-health-referral", "physiotherapy-exercise", "massage", "acupuncture"],
    });
    expect(result.unmet).toMatchInlineSnapshot(`
      [
        {
          "expectation": "include",
          "message": "components must include mental-health-referral, physiotherapy-exercise, massage, acupuncture; found education-reassurance",
          "why": [
            "rule "depression" (psych.yaml:14) did not fire: phq9.total ≥ 10 (found 9)",
            "rule "exercise-if-uneducated" (psych.yaml:26) did not fire: not plan.components includes education-reassurance (found education-reassurance)",
            "massage was withheld by rule "no-massage": declined",
            "no rule adds acupuncture",
          ],
        },
      ]
    `);
  });

  it("for a rule that does not run: whether it is a draft or retired", () => {
    const inactive = createEngine(
      packOf(
        rule("everyone", 100, ALWAYS, add("education-reassurance")),
        `${rule("draft-massage", 100, ALWAYS, add("massage"))}    status: draft\n`,
        `${rule("retired-acupuncture", 100, ALWAYS, add("acupuncture"))}    status: retired\n`,
      ),
    );
    const result = runScenario(inactive, {
      source,
      scenario: { name: "inactive", assessment, expect: { include: ["massage"], fired: ["retired-acupuncture"] } },
    });
    expect(result.unmet.map((unmet) => unmet.why)).toEqual([
      ["no rule that runs adds massage", 'rule "draft-massage" is a draft: it runs only with --include-drafts'],
      ['rule "retired-acupuncture" is retired: it never runs'],
    ]);
  });

  it("for an undetermined rule: the values not recorded", () => {
    expect(run("undetermined", assessment, { include: ["mental-health-referral"] }).unmet[0]?.why)
      .toMatchInlineSnapshot(`
      [
        "rule "depression" (psych.yaml:14) is undetermined: phq9.total ≥ 10 (not recorded)",
      ]
    `);
  });

  it("for a component that must not be there: who added it, and what the rules that could withhold it decided", () => {
    expect(
      run("present", mild, { exclude: ["education-reassurance"], withheld: ["education-reassurance", "acupuncture"] })
        .unmet,
    ).toMatchInlineSnapshot(`
      [
        {
          "expectation": "exclude",
          "message": "components must not include education-reassurance; the plan has them",
          "why": [
            "education-reassurance was added by rule "everyone": every episode",
            "no rule withholds education-reassurance",
          ],
        },
        {
          "expectation": "withheld",
          "message": "withheld must include education-reassurance, acupuncture; found massage",
          "why": [
            "education-reassurance was added by rule "everyone": every episode",
            "no rule withholds education-reassurance",
            "no rule withholds acupuncture",
          ],
        },
      ]
    `);
  });

  it("for fired and not-fired rules, data gaps and status", () => {
    const result = run("rules", mild, {
      status: "urgent",
      fired: ["depression"],
      notFired: ["everyone"],
      dataGaps: ["redFlags.fever"],
    });
    expect(result.unmet).toMatchInlineSnapshot(`
      [
        {
          "expectation": "status",
          "message": "status: expected urgent, found incomplete",
          "why": [
            "rule "cauda" (psych.yaml:2) is undetermined: redFlags.saddleAnaesthesia = true (not recorded)",
          ],
        },
        {
          "expectation": "fired",
          "message": "fired rules must include depression; found everyone, no-massage",
          "why": [
            "rule "depression" (psych.yaml:14) did not fire: phq9.total ≥ 10 (found 9)",
          ],
        },
        {
          "expectation": "notFired",
          "message": "rules must not fire: everyone fired",
          "why": [
            "rule "everyone" (psych.yaml:8) fired: pain.durationWeeks ≥ 0 (found 2)",
          ],
        },
        {
          "expectation": "dataGaps",
          "message": "data gaps: expected redFlags.fever, found redFlags.saddleAnaesthesia",
          "why": [
            "redFlags.fever is no gap: no undetermined rule could be decided by it",
            "redFlags.saddleAnaesthesia: not recorded; needed to decide rule "cauda"; could change: Title of emergency-referral",
          ],
        },
      ]
    `);
    const halted = run(
      "halted",
      { ...mild, redFlags: { saddleAnaesthesia: true } },
      { status: "complete", include: ["education-reassurance"], dataGaps: ["questionnaires.phq9.items"] },
    );
    expect(halted.unmet).toMatchInlineSnapshot(`
      [
        {
          "expectation": "status",
          "message": "status: expected complete, found urgent",
          "why": [
            "rule "cauda" (psych.yaml:2) fired: redFlags.saddleAnaesthesia = true (found true)",
          ],
        },
        {
          "expectation": "include",
          "message": "components must include education-reassurance; found emergency-referral",
          "why": [
            "education-reassurance was withheld by rule "cauda": until excluded",
          ],
        },
        {
          "expectation": "dataGaps",
          "message": "data gaps: expected questionnaires.phq9.items, found (none)",
          "why": [
            "questionnaires.phq9.items is no gap: the plan was halted, so rules below the halt need no more data",
          ],
        },
      ]
    `);
  });

  it("shows files through `locate`, in the scenario's source and in explanations", () => {
    const result = runScenario(
      explaining,
      { source, scenario: { name: "l", assessment: mild, expect: { fired: ["depression"] } } },
      { locate: (file) => `rules/${file}` },
    );
    expect([result.source, ...(result.unmet[0]?.why ?? [])]).toMatchInlineSnapshot(`
      [
        "rules/tests/a.yaml:3",
        "rule "depression" (rules/psych.yaml:14) did not fire: phq9.total ≥ 10 (found 9)",
      ]
    `);
  });

  it("explains nothing for a passing scenario", () => {
    expect(run("ok", mild, { include: ["education-reassurance"] })).toMatchObject({
      outcome: "passed",
      failures: [],
      unmet: [],
    });
  });
});

describe("runScenario on urgency and details", () => {
  const run = (assessment: object, expectation: ScenarioExpectation) =>
    runScenario(guardedEngine, { source, scenario: { name: "s", assessment, expect: expectation } });
  const item9 = { ...SCREENED, questionnaires: { phq9: { total: 14, item9: 2 } } };
  const osteoporosis = { ...SCREENED, redFlags: { saddleAnaesthesia: false, fever: false, osteoporosis: true } };

  it("pass when the plan's urgency and the named details are as written", () => {
    const result = run(item9, {
      urgency: "same-day",
      details: { "mental-health-referral": { urgency: "same-day", referTo: "Same-day suicide-risk assessment" } },
    });
    expect(result).toMatchObject({ outcome: "passed", failures: [], unmet: [] });
  });

  it("say what the plan's urgency was, and each referral's urgency with the rules behind it", () => {
    expect(run(item9, { urgency: "emergency" }).unmet).toMatchInlineSnapshot(`
      [
        {
          "expectation": "urgency",
          "message": "urgency: expected emergency, found same-day",
          "why": [
            "mental-health-referral: urgency same-day, from rule "suicide-risk"",
          ],
        },
      ]
    `);
    expect(run(SCREENED, { urgency: "routine" }).failures).toEqual(["urgency: expected routine, found none"]);
  });

  it("say which detail differed, and the reasons of the rules that set the component's details", () => {
    expect(
      run(item9, {
        details: { "mental-health-referral": { urgency: "routine", referTo: "Same-day suicide-risk assessment" } },
      }).unmet,
    ).toMatchInlineSnapshot(`
      [
        {
          "expectation": "details",
          "message": "details of mental-health-referral: urgency expected "routine", found "same-day"",
          "why": [
            "rule "suicide-risk": PHQ-9 item 9 = 2: thoughts of self-harm",
          ],
        },
      ]
    `);
  });

  it("say when the plan does not hold the component, and why", () => {
    expect(run(osteoporosis, { details: { "spinal-manipulation": { sessions: 4 } } }).unmet).toMatchInlineSnapshot(`
      [
        {
          "expectation": "details",
          "message": "details of spinal-manipulation: the plan does not hold spinal-manipulation",
          "why": [
            "spinal-manipulation was withheld, contraindicated: Osteoporosis (yes): thrust manipulation risks a vertebral fracture",
            "contraindication "manipulation-osteoporosis" (Osteoporosis) holds: redFlags.osteoporosis = true (found true)",
          ],
        },
      ]
    `);
  });
});
