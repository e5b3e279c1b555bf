import { describe, expect, it } from "vitest";
import { createEngine } from "../../../../src/core/run/engine.js";
import { explainPlan, renderExplanation } from "../../../../src/core/present/explain/index.js";
import { ALWAYS, add, packOf, rule } from "../../run/compose/fixture.js";
import { ASSESSMENT, engine } from "./fixture.js";

const small = createEngine(
  packOf(
    rule(
      "cauda",
      1000,
      "{ fact: redFlags.saddleAnaesthesia, operator: equal, value: true }",
      '{ add: [{ component: emergency-referral, reason: "saddle anaesthesia" }], halt: { reason: "until excluded" } }',
    ),
    rule(
      "depression",
      500,
      "{ fact: phq9.total, operator: greaterThanInclusive, value: 10 }",
      add("mental-health-referral", "PHQ-9 total {phq9.total}"),
    ),
    rule("education", 500, ALWAYS, add("education-reassurance", "everyone")),
    rule(
      "no-massage",
      300,
      "{ fact: preferences.declinedTreatments, operator: contains, value: massage }",
      '{ withhold: [{ component: massage, reason: "declined" }] }',
    ),
  ),
);
const explanation = explainPlan(small, {
  id: "case-2",
  patient: { age: 40 },
  pain: { durationWeeks: 3 },
  redFlags: { saddleAnaesthesia: false },
  questionnaires: { phq9: { total: 7 } },
});

describe("renderExplanation", () => {
  it("text: the plan in brief, then each rule with the values it decided on", () => {
    expect(renderExplanation(explanation, "text")).toMatchInlineSnapshot(`
      "Explanation of the care plan for assessment case-2
      Profile nice-ng59; rules test-pack 1.0.0 (sha256:904f32b028d8…)
      Status: incomplete, 1 missing answer could change this plan
      4 rules ran: 1 fired, 2 did not fire, 1 undetermined

      Recommended (1):
        - education-reassurance: Title of education-reassurance (rule education)
      Withheld (0): none
      Data gaps (1):
        - preferences.declinedTreatments (treatment): not recorded; needed to decide rule "no-massage"; could change: Title of massage

      RULES, HIGHEST PRIORITY FIRST

      did not fire: cauda, Rule cauda
        priority 1000, psych.yaml:2
        - failed: redFlags.saddleAnaesthesia = true (found false)

      did not fire: depression, Rule depression
        priority 500, psych.yaml:8
        - failed: phq9.total ≥ 10 (found 7)

      fired: education, Rule education
        priority 500, psych.yaml:14
        - because pain.durationWeeks ≥ 0 (found 3)
        - adds education-reassurance: everyone
        - evidence: nice-ng59

      undetermined: no-massage, Rule no-massage
        priority 300, psych.yaml:20
        - waits on preferences.declinedTreatments includes massage (not recorded)
        - missing preferences.declinedTreatments: alone it could make the rule fire or not fire; a data gap of this plan
      "
    `);
  });

  it("markdown: the same, with headings and lists, and markup in clinical text escaped", () => {
    expect(renderExplanation(explanation, "markdown")).toMatchInlineSnapshot(`
      "# Explanation of the care plan for assessment case-2

      Profile nice-ng59; rules test-pack 1.0.0 (sha256:904f32b028d8…)  
      Status: incomplete, 1 missing answer could change this plan  
      4 rules ran: 1 fired, 2 did not fire, 1 undetermined  

      **Recommended (1)**

      - education-reassurance: Title of education-reassurance (rule education)

      **Withheld (0)**

      _None._

      **Data gaps (1)**

      - preferences.declinedTreatments (treatment): not recorded; needed to decide rule "no-massage"; could change: Title of massage

      ## Rules, highest priority first

      ### did not fire: cauda, Rule cauda

      _priority 1000, psych.yaml:2_

      - failed: redFlags.saddleAnaesthesia = true (found false)

      ### did not fire: depression, Rule depression

      _priority 500, psych.yaml:8_

      - failed: phq9.total ≥ 10 (found 7)

      ### fired: education, Rule education

      _priority 500, psych.yaml:14_

      - because pain.durationWeeks ≥ 0 (found 3)
      - adds education-reassurance: everyone
      - evidence: nice-ng59

      ### undetermined: no-massage, Rule no-massage

      _priority 300, psych.yaml:20_

      - waits on preferences.declinedTreatments includes massage (not recorded)
      - missing preferences.declinedTreatments: alone it could make the rule fire or not fire; a data gap of this plan
      "
    `);
  });

  it("json: the structure itself, the same bytes every time", () => {
    const json = renderExplanation(explainPlan(engine, ASSESSMENT), "json");
    expect(JSON.parse(json)).toEqual(explainPlan(engine, ASSESSMENT));
    expect(renderExplanation(explainPlan(engine, ASSESSMENT), "json")).toBe(json);
    expect(json.endsWith("}\n")).toBe(true);
  });

  it("text: lists rules that did not run, and warns when draft rules ran", () => {
    const text = renderExplanation(explainPlan(engine, ASSESSMENT), "text");
    expect(text).toContain(
      "NOT RUN (DRAFT OR RETIRED)\n\nnot run (draft): trial, Rule trial\n  priority 100, psych.yaml:50\n",
    );
  });
});
