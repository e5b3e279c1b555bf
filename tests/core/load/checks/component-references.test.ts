import { expect, it } from "vitest";
import { packWith, rule, ruleFile } from "../../../arbitraries/ruleset.js";
import { found } from "./helpers.js";

const withholding = (entries: string) => rule("r").replace("then:\n", `then:\n  withhold: ${entries}\n`);

it("finds components a rule adds or withholds that the catalog lacks", () => {
  const files = packWith({
    "psych.yaml": ruleFile(
      rule("r").replace("component: education-reassurance", "component: yoga"),
      withholding("[{ component: tai-chi, reason: no }]"),
    ),
  });
  expect(found(files, "rules/unknown-component")).toEqual([
    "rules/unknown-component psych.yaml:8:24 /rules/0/then/add/0/component",
    "rules/unknown-component psych.yaml:15:31 /rules/1/then/withhold/0/component",
  ]);
});

it("accepts catalog components, and withholding a whole category", () => {
  const files = packWith({
    "psych.yaml": ruleFile(
      withholding("[{ category: adjunct, reason: no }, { component: mental-health-referral, reason: no }]"),
    ),
  });
  expect(found(files, "rules/unknown-component")).toEqual([]);
});

it("stays quiet when the catalog cannot be read, rather than call every component unknown", () => {
  expect(found(packWith({ "components.yaml": "components: [\n" }), "rules/unknown-component")).toEqual([]);
  expect(found(packWith({ "components.yaml": undefined }), "rules/unknown-component")).toEqual([]);
});

it("knows a component whose catalog entry is broken, and reports only the broken entry", () => {
  const components =
    "components:\n  - { id: education-reassurance, category: education, title: T }\n  - { id: mental-health-referral, category: referral, title: M, description: D, patientText: P, details: {} }\n";
  const files = packWith({ "components.yaml": components });
  expect(found(files, "rules/")).toEqual([]);
  expect(found(files, "schema/")).toEqual([
    "schema/missing-key components.yaml:2:5 /components/0",
    "schema/missing-key components.yaml:2:5 /components/0",
    "schema/missing-key components.yaml:2:5 /components/0",
  ]);
});
