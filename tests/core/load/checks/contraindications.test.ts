/**
 * Contraindications are checked as rules' conditions are (facts, values, what the condition can
 * mean, evidence, placeholders), each finding at its place in components.yaml.
 */
import { expect, it } from "vitest";
import { checkRuleset } from "../../../../src/core/load/index.js";
import { COMPONENTS, packWith } from "../../../arbitraries/ruleset.js";
import { found } from "./helpers.js";

/** The minimal pack with one contraindication on education-reassurance. */
function guarded(when: string, reason = "Fracture risk", evidence = "[nice-ng59]") {
  const contraindication = `    contraindications:
      - id: guard
        title: Guard
        when: ${when}
        reason: "${reason}"
        evidence: ${evidence}
`;
  const components = COMPONENTS.replace(
    "    details: { sessions: 1 }\n",
    `    details: { sessions: 1 }\n${contraindication}`,
  );
  return packWith({ "components.yaml": components });
}

const OSTEOPOROSIS = "{ fact: redFlags.osteoporosis, operator: equal, value: true }";

it("accepts a contraindication on known facts with fitting values, evidence and placeholders", () => {
  expect(checkRuleset(guarded(OSTEOPOROSIS, "Osteoporosis ({redFlags.osteoporosis})")).issues).toEqual([]);
});

it("finds an unknown fact, a value of the wrong type, and a condition that can never hold", () => {
  expect(found(guarded("{ fact: redFlags.osteoporsis, operator: equal, value: true }"), "rules/")).toEqual([
    "rules/unknown-fact components.yaml:18:23 /components/1/contraindications/0/when/fact",
  ]);
  expect(found(guarded("{ fact: redFlags.osteoporosis, operator: equal, value: 3 }"), "rules/")).toEqual([
    "rules/value-type components.yaml:18:70 /components/1/contraindications/0/when/value",
  ]);
  expect(found(guarded("{ fact: patient.age, operator: greaterThan, value: 130 }"), "rules/never-holds")).toEqual([
    "rules/never-holds components.yaml:18:15 /components/1/contraindications/0/when",
  ]);
});

it("finds unknown evidence and a placeholder that names no fact", () => {
  expect(found(guarded(OSTEOPOROSIS, "Fracture risk", "[nice-ng95]"), "rules/unknown-evidence")).toEqual([
    "rules/unknown-evidence components.yaml:20:20 /components/1/contraindications/0/evidence/0",
  ]);
  expect(found(guarded(OSTEOPOROSIS, "Risk {redFlags.osteoporsis}"), "rules/template-fact")).toEqual([
    "rules/template-fact components.yaml:19:23 /components/1/contraindications/0/reason",
  ]);
});

it("names the contraindication in the message, as plans name it", () => {
  const [issue] = checkRuleset(guarded("{ fact: redFlags.osteoporsis, operator: equal, value: true }")).issues;
  expect(issue?.message).toMatch(/^rule "contraindication:guard" uses unknown fact "redFlags.osteoporsis"/);
});
