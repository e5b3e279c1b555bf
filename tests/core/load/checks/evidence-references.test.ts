import { expect, it } from "vitest";
import { packWith, rule, ruleFile } from "../../../arbitraries/ruleset.js";
import { found } from "./helpers.js";

it("finds evidence a rule cites that the catalog lacks, at the id", () => {
  const files = packWith({
    "psych.yaml": ruleFile(rule("r").replace("evidence: [nice-ng59]", "evidence: [nice-ng59, hill-2011]")),
  });
  expect(found(files, "rules/unknown-evidence")).toEqual([
    "rules/unknown-evidence psych.yaml:9:27 /rules/0/evidence/1",
  ]);
});

it("stays quiet when the evidence catalog cannot be read", () => {
  expect(found(packWith({ "evidence.yaml": "evidence: 3\n" }), "rules/unknown-evidence")).toEqual([]);
});
