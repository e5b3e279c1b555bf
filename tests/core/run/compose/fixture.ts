/**
 * A small pack for composition tests: components in several categories, two sources, and rules
 * written inline by each test. `planFor` compiles the pack and returns the plan for an assessment.
 */
import { createEngine } from "../../../../src/core/run/engine.js";
import type { Plan } from "../../../../src/core/generated/types.js";
import { compileRuleset } from "../../../../src/core/load/index.js";
import { packWith } from "../../../arbitraries/ruleset.js";
import type { Assessment } from "../../../../src/core/generated/types.js";

const component = (id: string, category: string, details = "{ sessions: 1 }"): string => `  - id: ${id}
    category: ${category}
    title: Title of ${id}
    description: Description of ${id}.
    patientText: Patient text of ${id}.
    details: ${details}
`;

export const COMPONENTS = `components:
${component("emergency-referral", "referral", "{ urgency: emergency }")}${component("mental-health-referral", "referral", "{ urgency: routine }")}${component("education-reassurance", "education")}${component("physiotherapy-exercise", "physiotherapy", "{ sessions: 6, frequency: weekly }")}${component("massage", "adjunct")}${component("acupuncture", "adjunct")}${component("follow-up-reassessment", "follow-up")}`;

/** A rule in YAML, as one list item of a rule file. */
export function rule(id: string, priority: number, when: string, then: string, evidence = "[nice-ng59]"): string {
  return `  - id: ${id}
    title: Rule ${id}
    priority: ${priority}
    when: ${when}
    then: ${then}
    evidence: ${evidence}
`;
}

export const ALWAYS = "{ fact: pain.durationWeeks, operator: greaterThanInclusive, value: 0 }";

export function add(component: string, reason = `because of ${component}`, details?: string): string {
  return `{ add: [{ component: ${component}, reason: "${reason}"${details === undefined ? "" : `, details: ${details}`} }] }`;
}

export function packOf(...rules: string[]) {
  return compileRuleset(
    packWith({
      "components.yaml": COMPONENTS,
      "psych.yaml": `rules:\n${rules.join("")}`,
      "tests/basic.yaml": undefined,
    }),
  );
}

export const BASE = { patient: { age: 40 }, pain: { durationWeeks: 3 } };

export function planFor(rules: string[], assessment: object = BASE, profile?: string): Plan {
  return createEngine(packOf(...rules)).recommend(assessment as Assessment, profile === undefined ? {} : { profile });
}
