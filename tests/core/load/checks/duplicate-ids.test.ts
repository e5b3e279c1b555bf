import { expect, it } from "vitest";
import { checkRuleset } from "../../../../src/core/load/index.js";
import { packWith, rule, ruleFile } from "../../../arbitraries/ruleset.js";
import { found } from "./helpers.js";

it("finds a rule id used in two files, naming the first place at the second", () => {
  const files = packWith({ "a.yaml": ruleFile(rule("shared")), "b.yaml": ruleFile(rule("other"), rule("shared")) });
  expect(found(files, "rules/duplicate-id")).toEqual(["rules/duplicate-id b.yaml:10:9 /rules/1/id"]);
  expect(checkRuleset(files).issues.find((i) => i.code === "rules/duplicate-id")?.message).toContain("a.yaml:2:9");
});

it("finds duplicate component, evidence and profile ids", () => {
  const files = packWith({
    "components.yaml":
      "components:\n  - { id: a, category: education, title: T, description: D, patientText: P, details: {} }\n  - { id: a, category: education, title: T, description: D, patientText: P, details: {} }\n",
    "evidence.yaml":
      "evidence:\n  - { id: e, citation: C, finding: F, certainty: high }\n  - { id: e, citation: C, finding: F, certainty: high }\n",
    "pack.yaml": "name: p\nversion: 1.0.0\ndefaultProfile: x\nprofiles: [{ id: x, title: X }, { id: x, title: Y }]\n",
  });
  expect([
    ...found(files, "components/duplicate"),
    ...found(files, "evidence/duplicate"),
    ...found(files, "pack/duplicate"),
  ]).toEqual([
    "components/duplicate-id components.yaml:3:11 /components/1/id",
    "evidence/duplicate-id evidence.yaml:3:11 /evidence/1/id",
    "pack/duplicate-profile pack.yaml:4:39 /profiles/1/id",
  ]);
});

it("reports one issue per repeat, in path order whatever the file order", () => {
  const files = packWith({
    "c.yaml": ruleFile(rule("x")),
    "a.yaml": ruleFile(rule("x")),
    "b.yaml": ruleFile(rule("x")),
  });
  expect(found([...files].reverse(), "rules/duplicate-id")).toEqual([
    "rules/duplicate-id b.yaml:2:9 /rules/0/id",
    "rules/duplicate-id c.yaml:2:9 /rules/0/id",
  ]);
});
