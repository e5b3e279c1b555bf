import { fileURLToPath } from "node:url";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { isBackplanError, RulesetError } from "../../../src/core/errors.js";
import { checkRuleset, compileRuleset, safeCompileRuleset } from "../../../src/core/load/index.js";
import type { RuleFileText } from "../../../src/core/load/types.js";
import { lint, minimalPack, packWith } from "../../arbitraries/ruleset.js";

/** A pack folder as the node loader would hand it to the core. */
function readPack(root: string): RuleFileText[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) =>
      statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)],
    );
  return walk(root).map((path) => ({
    path: relative(root, path).split("\\").join("/"),
    text: readFileSync(path, "utf8"),
  }));
}
const fixture = (name: string) => readPack(fileURLToPath(new URL(`../../fixtures/packs/${name}`, import.meta.url)));

describe("compileRuleset", () => {
  it("throws a RulesetError holding every issue", () => {
    const files = packWith({ "pack.yaml": undefined, "psych.yaml": "rules: [\n" });
    const error = (() => {
      try {
        compileRuleset(files);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(RulesetError);
    expect(isBackplanError(error)).toBe(true);
    expect(error).toMatchObject({ name: "RulesetError", code: "RULESET_INVALID" });
    expect((error as RulesetError).issues).toEqual(checkRuleset(files).issues);
    expect((error as RulesetError).issues.map((i) => i.code)).toEqual(["pack/missing-file", "yaml/unclosed-bracket"]);
  });

  it("returns the ruleset, with its warnings, when there is no error", () => {
    expect(compileRuleset(minimalPack()).warnings).toEqual([]);
  });
});

describe("safeCompileRuleset", () => {
  it("returns the issues instead of throwing", () => {
    const result = safeCompileRuleset([]);
    expect(result).toEqual({
      ok: false,
      issues: [expect.objectContaining({ code: "pack/no-files", severity: "error" })],
    });
  });

  it("returns the ruleset and its warnings", () => {
    const result = safeCompileRuleset(
      packWith({
        "psych.yaml":
          "rules:\n  - { id: r, title: R, priority: 1, when: { fact: chronicity, operator: equal, value: acute }, then: { halt: { reason: stop } }, evidence: [nice-ng59] }\n",
      }),
    );
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual([
      "components/unused",
      "components/unused",
      "evidence/unused",
    ]);
  });
});

describe("checkRuleset", () => {
  it.each([".nan", ".inf", "-.inf"])("rejects a threshold of %s rather than drop the rule that holds it", (value) => {
    const files = packWith({
      "psych.yaml": `rules:
  - id: r
    title: R
    priority: 100
    when: { fact: phq9.total, operator: greaterThanInclusive, value: ${value} }
    then: { add: [{ component: education-reassurance, reason: r }] }
    evidence: [nice-ng59]
`,
    });
    const { ruleset, issues } = checkRuleset(files);
    expect(ruleset).toBeUndefined();
    expect(issues.filter((i) => i.severity === "error").map((i) => [i.code, i.source?.line])).toEqual([
      ["schema/alternatives", 5],
    ]);
  });

  it("reports an empty pack once", () => {
    expect(lint([])).toEqual([
      "no rule files found: a rule pack needs pack.yaml, components.yaml, evidence.yaml and rule files (*.yaml)",
    ]);
    expect(lint([{ path: "README.md", text: "# rules" }])).toHaveLength(1);
  });

  it("reports each missing required file", () => {
    expect(
      checkRuleset([{ path: "psych.yaml", text: "rules: []\n" }])
        .issues.filter((i) => i.code === "pack/missing-file")
        .map((i) => i.message),
    ).toEqual([
      expect.stringContaining("components.yaml"),
      expect.stringContaining("evidence.yaml"),
      expect.stringContaining("pack.yaml"),
    ]);
  });

  it("reports every problem of a broken pack at once, sorted by file and position", () => {
    expect(lint(fixture("broken"))).toMatchInlineSnapshot(`
      [
        "components.yaml:9:9: warning: component "education-reassurance" is never added or withheld by any rule: expected a rule to add it (or to answer a request for it), or remove it",
        "components.yaml:10:15: error: component "education-reassurance": "category" must be "referral", "investigation", "education", "self-management", "physiotherapy", "motor-control", "psychological", "medication", "lifestyle", "adjunct" or "follow-up", found a string ("educaton") (did you mean "education"?)",
        "pack.yaml:5:10: error: "version" must be a string, found the number 1",
        "rules/psych.yaml:5:5: error: rule "cbt-moderate": unknown key "prority" (did you mean "priority"?)",
        "rules/psych.yaml:8:19: error: rule "cbt-moderate" uses unknown fact "phq9.totl" (did you mean "phq9.total"?)",
        "rules/psych.yaml:20:58: error: rule "severe-depression" compares "phq9.severity" with "sever", which is not one of its values: expected "minimal", "mild", "moderate", "moderately-severe" or "severe" (did you mean "severe"?)",
        "rules/psych.yaml:21:41: error: rule "severe-depression": operator "greaterThan" does not apply to "chronicity", a string fact ("acute", "subacute" or "chronic"): expected "equal", "notEqual", "in" or "notIn"",
        "rules/psych.yaml:24:22: error: rule "severe-depression" adds unknown component "mental-helth-referral" (did you mean "mental-health-referral"?)",
        "rules/psych.yaml:25:35: error: rule "severe-depression": placeholder "{phq9.severty}" names no known fact (did you mean "phq9.severity"?)",
        "rules/psych.yaml:26:16: error: rule "severe-depression" cites unknown evidence "kroenke-2002" (did you mean "kroenke-2001"?)",
        "tests/psych.yaml:4:14: error: scenario "moderate depression" is made under unknown profile "acp-2017"",
      ]
    `);
  });
});
