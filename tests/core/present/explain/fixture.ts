/**
 * A small pack for explanation tests: a halting red-flag rule, rules that add, one that reads
 * `plan.categories` and withholds, rules left undetermined by missing answers, and a draft rule.
 */
import { createEngine } from "../../../../src/core/run/engine.js";
import { compileRuleset } from "../../../../src/core/load/index.js";
import { packWith } from "../../../arbitraries/ruleset.js";
import { ALWAYS, COMPONENTS, add, rule } from "../../run/compose/fixture.js";

const RULES = [
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
    "persistent",
    500,
    "{ all: [{ fact: patient.age, operator: greaterThanInclusive, value: 18 }, { fact: pain.durationWeeks, operator: greaterThanInclusive, value: 12 }, { fact: phq9.total, operator: greaterThanInclusive, value: 20 }] }",
    add("physiotherapy-exercise", "persistent pain"),
  ),
  rule(
    "massage-on-request",
    400,
    "{ fact: preferences.requestedTreatments, operator: contains, value: massage }",
    add("massage", "asked for"),
  ),
  rule(
    "refer-first",
    300,
    "{ fact: plan.categories, operator: contains, value: referral }",
    '{ withhold: [{ category: adjunct, reason: "referral first" }] }',
  ),
  rule(
    "short-sleep",
    200,
    "{ fact: lifestyle.sleepHoursPerNight, operator: lessThan, value: 7 }",
    add("follow-up-reassessment", "sleeps {lifestyle.sleepHoursPerNight} hours"),
  ),
  rule(
    "smoker-and-inactive",
    200,
    "{ all: [{ fact: lifestyle.smoker, operator: equal, value: true }, { fact: lifestyle.activityMinutesPerWeek, operator: lessThan, value: 150 }] }",
    add("follow-up-reassessment", "smokes and inactive"),
  ),
  rule("trial", 100, ALWAYS, add("acupuncture", "a trial")).replace(
    "    priority:",
    "    status: draft\n    priority:",
  ),
];

/** The pack, with its draft rule running only when `includeDrafts`. */
export function explainPack(includeDrafts = false) {
  const files = packWith({
    "components.yaml": COMPONENTS,
    "psych.yaml": `rules:\n${RULES.join("")}`,
    "tests/basic.yaml": undefined,
  });
  return compileRuleset(files, { includeDrafts });
}

export const engine = createEngine(explainPack());

/** PHQ-9 14, massage asked for, no red flag; sleep, smoking and activity not recorded. */
export const ASSESSMENT = {
  id: "case-1",
  patient: { age: 40 },
  pain: { durationWeeks: 3 },
  redFlags: { saddleAnaesthesia: false },
  questionnaires: { phq9: { total: 14 } },
  preferences: { requestedTreatments: ["massage"] },
};
