import { expect, it } from "vitest";
import { packWith, rule, ruleFile } from "../../../arbitraries/ruleset.js";
import { found } from "./helpers.js";

const scenarios = (body: string) =>
  packWith({ "tests/a.yaml": `scenarios:\n  - name: s\n    assessment: {}\n${body}` });

it("accepts a scenario whose names all exist, with or without a profile", () => {
  const body =
    "    profile: acp-2017\n    expect: { include: [education-reassurance], withheld: [mental-health-referral], fired: [education-for-all], dataGaps: [questionnaires.phq9.total] }\n";
  expect(found(scenarios(body), "scenarios/unknown")).toEqual([]);
  expect(found(scenarios("    expect: { status: complete }\n"), "scenarios/unknown")).toEqual([]);
});

it("finds an unknown profile, components, rules and fields, at each name", () => {
  const body =
    "    profile: who\n    expect: { include: [x], exclude: [y], withheld: [z], fired: [r1], notFired: [r2], dataGaps: [pain.colour] }\n";
  expect(found(scenarios(body), "scenarios/unknown")).toEqual([
    "scenarios/unknown-profile tests/a.yaml:4:14 /scenarios/0/profile",
    "scenarios/unknown-component tests/a.yaml:5:25 /scenarios/0/expect/include/0",
    "scenarios/unknown-component tests/a.yaml:5:39 /scenarios/0/expect/exclude/0",
    "scenarios/unknown-component tests/a.yaml:5:54 /scenarios/0/expect/withheld/0",
    "scenarios/unknown-rule tests/a.yaml:5:66 /scenarios/0/expect/fired/0",
    "scenarios/unknown-rule tests/a.yaml:5:82 /scenarios/0/expect/notFired/0",
    "scenarios/unknown-field tests/a.yaml:5:98 /scenarios/0/expect/dataGaps/0",
  ]);
});

it("does not call a rule unknown when the file that defines it did not parse (one slip, one error)", () => {
  const files = packWith({
    "extra.yaml": `${ruleFile(rule("in-the-broken-file"))}  - id: second\n\tpriority: 1\n`,
    "tests/a.yaml": "scenarios:\n  - name: s\n    assessment: {}\n    expect: { fired: [in-the-broken-file] }\n",
  });
  expect(found(files, "scenarios/unknown")).toEqual([]);
  expect(found(files, "yaml/").length).toBeGreaterThan(0);
});
