import { expect, it } from "vitest";
import { packWith, rule, ruleFile } from "../../../arbitraries/ruleset.js";
import { found } from "./helpers.js";

const withCondition = (when: string) => packWith({ "psych.yaml": ruleFile(rule("r", { when })) });

it("finds unknown facts anywhere in a condition, at the fact", () => {
  const when =
    "{ all: [{ not: { fact: phq9.totl, operator: equal, value: 1 } }, { any: [{ fact: gad7.totl, operator: equal, value: 1 }] }] }";
  expect(found(withCondition(when), "rules/unknown-fact")).toEqual([
    "rules/unknown-fact psych.yaml:5:34 /rules/0/when/all/0/not/fact",
    "rules/unknown-fact psych.yaml:5:92 /rules/0/when/all/1/any/0/fact",
  ]);
});

it("knows assessment, derived and context facts", () => {
  const when = `{ all: [
      { fact: patient.age, operator: greaterThan, value: 18 },
      { fact: startBack.risk, operator: equal, value: high },
      { fact: profile, operator: equal, value: nice-ng59 },
      { fact: plan.components, operator: doesNotContain, value: mental-health-referral },
      { fact: plan.categories, operator: contains, value: referral }] }`;
  expect(found(withCondition(when), "rules/")).toEqual([]);
});

it("checks a rule whose schema errors lie elsewhere, so one typo hides nothing", () => {
  const text = rule("r", { when: "{ fact: phq9.totl, operator: equal, value: 1 }" })
    .replace("priority:", "prority:")
    .replace("title: Rule r", "title: ''");
  expect(found(packWith({ "psych.yaml": ruleFile(text) }), "rules/unknown-fact")).toEqual([
    "rules/unknown-fact psych.yaml:5:19 /rules/0/when/fact",
  ]);
});
