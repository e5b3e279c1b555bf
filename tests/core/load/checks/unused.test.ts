import { expect, it } from "vitest";
import { checkRuleset } from "../../../../src/core/load/index.js";
import { packWith, rule, ruleFile } from "../../../arbitraries/ruleset.js";
import { found } from "./helpers.js";

it("warns about components no rule adds and evidence no rule cites, without stopping the pack", () => {
  const files = packWith({ "psych.yaml": ruleFile(rule("r")) });
  expect([...found(files, "components/unused"), ...found(files, "evidence/unused")]).toEqual([
    "components/unused components.yaml:3:9 /components/0/id",
    "evidence/unused evidence.yaml:8:9 /evidence/1/id",
  ]);
  const { ruleset } = checkRuleset(files);
  expect(ruleset?.warnings.map((w) => w.code)).toEqual(["components/unused", "evidence/unused"]);
});

it("stays quiet while a rule cannot be read: it may be the one that uses them", () => {
  const unreadable = packWith({ "psych.yaml": ruleFile(rule("x", { when: "{}" })) });
  expect([...found(unreadable, "components/unused"), ...found(unreadable, "evidence/unused")]).toEqual([]);
  expect(found(packWith({ "broken.yaml": "rules: [\n" }), "components/unused")).toEqual([]);
});

it("still warns when a rule's schema errors spare what the checks read", () => {
  const typo = packWith({ "psych.yaml": ruleFile(rule("x", { extra: "notes: typo" })) });
  expect(found(typo, "components/unused")).toEqual(["components/unused components.yaml:3:9 /components/0/id"]);
});

it("counts only rules that can run: a component only retired rules add can never reach a plan", () => {
  const files = packWith({
    "psych.yaml": ruleFile(
      rule("old", { extra: "status: retired" }).replace("[nice-ng59]", "[kroenke-2001]"),
      rule("draft", { extra: "status: draft" }).replace("education-reassurance", "mental-health-referral"),
    ),
  });
  expect(found(files, "components/unused")).toEqual(["components/unused components.yaml:9:9 /components/1/id"]);
  const retiredOnly = checkRuleset(files).issues.find((i) => i.code === "components/unused");
  expect(retiredOnly?.message).toContain('added only by retired rule "old"');
  // A retired rule's citations still count: they keep its record.
  expect(found(files, "evidence/unused")).toEqual([]);
});

it("counts a component a running rule withholds by id as used: a catalogue entry a request is answered with", () => {
  const files = packWith({
    "psych.yaml": ruleFile(
      rule("r"),
      rule("answer").replace(
        /then:[\s\S]*?evidence:/,
        'then:\n  withhold:\n    - { component: mental-health-referral, reason: "not offered" }\nevidence:',
      ),
    ),
  });
  expect(found(files, "components/unused")).toEqual([]);
});
