import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  checkRuleset,
  checkRulesetInStages,
  type CheckOptions,
  type RulesetCheck,
} from "../../../src/core/load/check-ruleset.js";
import { fileKindOf } from "../../../src/core/load/pack-layout.js";
import type { RuleFileText, Ruleset } from "../../../src/core/load/types.js";
import { packWith } from "../../arbitraries/ruleset.js";

/** A pack folder as the node loader would hand it to the core. */
function readFolder(root: string): RuleFileText[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) =>
      statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)],
    );
  return walk(root).map((path) => ({
    path: relative(root, path).split("\\").join("/"),
    text: readFileSync(path, "utf8"),
  }));
}
const folder = (path: string) => readFolder(fileURLToPath(new URL(`../../../${path}`, import.meta.url)));
const bundled = folder("rules");

const isTest = (file: RuleFileText) => fileKindOf(file.path) === "scenarios";

/** The check as `toEqual` can compare it: compiled conditions are closures, new on every compile. */
function comparable({ ruleset, issues }: RulesetCheck): unknown {
  const rules = (list: Ruleset["rules"]) => list.map(({ test: _compiled, ...rule }) => rule);
  return {
    issues,
    ruleset: ruleset && { ...ruleset, rules: rules(ruleset.rules), inactive: rules(ruleset.inactive) },
  };
}

/** Checks the pack without its tests, then adds them; both stages must be what `checkRuleset` gives. */
function expectStagesAsWhole(files: readonly RuleFileText[], more: readonly RuleFileText[], options: CheckOptions) {
  const staged = checkRulesetInStages(files, options);
  expect(comparable(staged)).toEqual(comparable(checkRuleset(files, options)));
  const tested = staged.withScenarios(more);
  expect(comparable(tested)).toEqual(comparable(checkRuleset([...files, ...more], options)));
  return tested;
}

const withTests = (files: readonly RuleFileText[], tests: Record<string, string>) => [
  ...files,
  ...Object.entries(tests).map(([path, text]) => ({ path, text })),
];

describe("checkRulesetInStages", () => {
  const packs: Record<string, readonly RuleFileText[]> = {
    "rules/": bundled,
    "packs/broken": folder("tests/fixtures/packs/broken"),
    "packs/bundled-excerpt": folder("tests/fixtures/packs/bundled-excerpt"),
    "packs/engine": folder("tests/fixtures/packs/engine"),
    "packs/guarded": folder("tests/fixtures/packs/guarded"),
    "a scenario naming a rule that does not exist": withTests(bundled, {
      "tests/zz.yaml": readFileSync(
        fileURLToPath(new URL("../../../rules/tests/rules.yaml", import.meta.url)),
        "utf8",
      ).replace(/fired: \[/, "fired: [no-such-rule, "),
    }),
    "a scenario file that is not YAML": withTests(bundled, { "tests/zz.yaml": "scenarios:\n  - name: [unclosed\n" }),
    "a scenario file of the wrong shape": withTests(bundled, { "tests/zz.yaml": "scenarios: { name: x }\n" }),
    "a broken rule beside the tests": bundled.map((file) =>
      file.path === "psychological.yaml" ? { ...file, text: file.text.replace("value: 10", 'value: "ten"') } : file,
    ),
    "a rule file that is not YAML": withTests(bundled, { "zz.yaml": "rules: [\n" }),
    "a test file given twice": withTests(bundled, { "tests/zz.yaml": "scenarios: []\n" }).concat({
      path: "tests/zz.yaml",
      text: "scenarios: []\n",
    }),
  };

  const options: Record<string, CheckOptions> = {
    "to plan": { proofs: false },
    "with the proofs": {},
    "with drafts, dated": { proofs: false, includeDrafts: true, today: "2027-06-01" },
  };
  // Each way of checking on the whole packs; the variants of rules/ to plan only (the proofs are slow).
  const cases = Object.entries(packs).flatMap(([pack, files]) =>
    Object.entries(options)
      .filter(([way]) => way === "to plan" || !pack.startsWith("a "))
      .map(([way, chosen]) => [`${pack}, ${way}`, files, chosen] as const),
  );
  it.each(cases)("gives what checkRuleset gives for %s", (_, files, chosen) => {
    expectStagesAsWhole(
      files.filter((f) => !isTest(f)),
      files.filter(isTest),
      chosen,
    );
  });

  it("keeps the bundled pack's scenario tests, and its ruleset otherwise the one it plans with", () => {
    const staged = checkRulesetInStages(
      bundled.filter((f) => !isTest(f)),
      { proofs: false },
    );
    const tested = staged.withScenarios(bundled.filter(isTest));
    expect(tested.ruleset?.scenarios.length).toBeGreaterThan(200);
    expect(tested.ruleset?.digest).toBe(staged.ruleset?.digest);
    expect(staged.ruleset?.scenarios).toEqual([]);
  });

  it("checks the whole pack again when more than scenario tests are added", () => {
    const files = packWith({});
    const rule = files.filter((f) => f.path === "psych.yaml");
    expectStagesAsWhole(
      files.filter((f) => f.path !== "psych.yaml"),
      rule,
      {},
    );
  });

  it("takes in tests when the first stage had none to check (no files, or over the limits)", () => {
    const tests = bundled.filter(isTest);
    expect(expectStagesAsWhole([], tests, {}).issues.map((i) => i.code)).toContain("pack/missing-file");
    const many = Array.from({ length: 500 }, (_, i) => ({ path: `tests/t${i}.yaml`, text: "scenarios: []\n" }));
    expect(expectStagesAsWhole(packWith({}), many, {}).issues.map((i) => i.code)).toEqual(["pack/too-many-files"]);
  });

  it("checks tests that pass the scenario checks' finding only on them", () => {
    // A scenario with an invalid assessment: a warning of the scenario checks, the pack still compiles.
    const files = packWith({});
    const scenario = files.find(isTest);
    expect(scenario).toBeDefined();
    const bad = { path: "tests/bad.yaml", text: (scenario?.text ?? "").replace(/age: \d+/, "age: -4") };
    const tested = expectStagesAsWhole(
      files.filter((f) => !isTest(f)),
      [bad],
      {},
    );
    expect(tested.issues.map((i) => i.code)).toContain("scenarios/invalid-assessment");
  });
});
