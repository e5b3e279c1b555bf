import { expect, it } from "vitest";
import { packWith, rule, ruleFile } from "../../../arbitraries/ruleset.js";
import { found } from "./helpers.js";

it("checks placeholders in reasons, details, withholdings and halts, at the placeholder", () => {
  const text = `id: r
title: R
priority: 900
when: { fact: redFlags.fever, operator: equal, value: true }
then:
  add:
    - component: education-reassurance
      reason: "fever {redFlags.fevr}"
      details: { notes: "BMI {lifestyle.bmii}", sessions: 1 }
  withhold:
    - { category: adjunct, reason: "not with {redFlags.presnt}" }
  halt: { reason: "halted by {redFlags.fever} and {nope}" }
evidence: [nice-ng59]`;
  expect(found(packWith({ "psych.yaml": ruleFile(text) }), "rules/template-fact")).toEqual([
    "rules/template-fact psych.yaml:9:26 /rules/0/then/add/0/reason",
    "rules/template-fact psych.yaml:10:34 /rules/0/then/add/0/details/notes",
    "rules/template-fact psych.yaml:12:50 /rules/0/then/withhold/0/reason",
    "rules/template-fact psych.yaml:13:55 /rules/0/then/halt/reason",
  ]);
});

it("accepts placeholders that name known facts", () => {
  const text = rule("r").replace(
    "because {chronicity}",
    "PHQ-9 {phq9.total} ({phq9.severity}), flags {redFlags.present}, profile {profile}",
  );
  expect(found(packWith({ "psych.yaml": ruleFile(text) }), "rules/template-fact")).toEqual([]);
});

it("reports braces that make no placeholder, which the plan would show as written", () => {
  const text = rule("r").replace(
    "because {chronicity}",
    "PHQ-9 {phq9.total is high, GAD-7 {} and {gad7 total}, odd } but {chronicity} is fine",
  );
  expect(found(packWith({ "psych.yaml": ruleFile(text) }), "rules/template-")).toEqual([
    "rules/template-syntax psych.yaml:8:62 /rules/0/then/add/0/reason",
    "rules/template-syntax psych.yaml:8:89 /rules/0/then/add/0/reason",
    "rules/template-syntax psych.yaml:8:96 /rules/0/then/add/0/reason",
    "rules/template-syntax psych.yaml:8:114 /rules/0/then/add/0/reason",
  ]);
});

it("checks placeholders in the items of list details, at the item", () => {
  const text = `id: r
title: R
priority: 900
when: { fact: redFlags.fever, operator: equal, value: true }
then:
  add:
    - component: education-reassurance
      reason: "fever {redFlags.fever}"
      details: { cautions: ["age {patient.age}", "BMI {lifestyle.bmii}"] }
evidence: [nice-ng59]`;
  expect(found(packWith({ "psych.yaml": ruleFile(text) }), "rules/template-fact")).toEqual([
    "rules/template-fact psych.yaml:10:59 /rules/0/then/add/0/details/cautions/1",
  ]);
});
