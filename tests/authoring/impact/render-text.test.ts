import { describe, expect, it } from "vitest";
import { createEngine } from "../../../src/core/run/engine.js";
import {
  cohortSubjects,
  compareRulesets,
  renderImpactText,
  scenarioSubjects,
} from "../../../src/authoring/impact/index.js";
import { compileRuleset } from "../../../src/core/load/index.js";
import { packWith } from "../../arbitraries/ruleset.js";
import { ALWAYS, COMPONENTS, add, rule } from "../../core/run/compose/fixture.js";

function engine(rules: readonly string[]) {
  const files = packWith({
    "components.yaml": COMPONENTS,
    "psych.yaml": `rules:\n${rules.join("")}`,
    "tests/basic.yaml": undefined,
  });
  return createEngine(compileRuleset(files));
}

const everyone = rule("everyone", 100, ALWAYS, add("education-reassurance"));
const depression = (threshold: number, details?: string) =>
  rule(
    "depression",
    500,
    `{ fact: phq9.total, operator: greaterThanInclusive, value: ${threshold} }`,
    add("mental-health-referral", "PHQ-9 {phq9.total}", details),
  );
const person = (questionnaires?: object) => ({
  patient: { age: 40 },
  pain: { durationWeeks: 3 },
  ...(questionnaires === undefined ? {} : { questionnaires }),
});
const source = { file: "tests/psych.yaml", line: 7, column: 5 };

describe("renderImpactText", () => {
  it("shows the packs, the edits, then each group's changes with their examples", () => {
    const report = compareRulesets(
      engine([everyone, depression(10)]),
      engine([everyone, depression(12, "{ urgency: soon }")]),
      {
        scenarios: scenarioSubjects([
          {
            scenarios: [
              { scenario: { name: "PHQ-9 of 13", assessment: person({ phq9: { total: 13 } }), expect: {} }, source },
            ],
            locate: (f) => `rules/${f}`,
          },
        ]),
        cohort: cohortSubjects([
          person({ phq9: { total: 11 } }),
          person(),
          person({ phq9: { total: 20 } }),
          { id: "visit-9", ...person({ phq9: { total: 10 } }) },
        ]),
        cohortSource: { kind: "generated", size: 4, seed: 7 },
      },
      { labels: { base: "/tmp/before", head: "rules" } },
    );
    expect(renderImpactText(report).replace(/sha256:\w+/g, "sha256:…")).toMatchInlineSnapshot(`
      "impact of /tmp/before → rules
        base  /tmp/before  test-pack 1.0.0  sha256:…  2 rules
        head  rules        test-pack 1.0.0  sha256:…  2 rules
        rules modified: depression
        profile: nice-ng59 (the packs' default)

      scenario tests: 1 of 1 plans changed (100.0%)
        details changed
          mental-health-referral urgency  1
            "PHQ-9 of 13" (rules/tests/psych.yaml:7): "routine" → "soon"

      cohort (4 generated, seed 7): 3 of 4 plans changed (75.0%)
        urgency
          routine → none  2
            #0 phq9.total=11
            #3 (visit-9) phq9.total=10
        components removed
          mental-health-referral  2
            #0 phq9.total=11
            #3 (visit-9) phq9.total=10
        details changed
          mental-health-referral urgency  1
            #2 phq9.total=20: "routine" → "soon"
        rule outcomes
          depression: fired → not-fired  2
            #0 phq9.total=11
            #3 (visit-9) phq9.total=10
      "
    `);
  });

  it("says so when nothing changed", () => {
    const report = compareRulesets(
      engine([everyone]),
      engine([everyone]),
      {
        scenarios: [],
        cohort: cohortSubjects([person()]),
        cohortSource: { kind: "file", file: "visits.jsonl", size: 1 },
      },
      { profile: "acp-2017" },
    );
    expect(renderImpactText(report).replace(/sha256:\w+/g, "sha256:…")).toMatchInlineSnapshot(`
      "impact of test-pack → test-pack
        base  test-pack  test-pack 1.0.0  sha256:…  1 rule
        head  test-pack  test-pack 1.0.0  sha256:…  1 rule
        no rule or catalog component differs
        profile: acp-2017 (--profile)

      scenario tests: no plan changed (of 0)

      cohort (1 from visits.jsonl): no plan changed (of 1)
      "
    `);
  });
});
