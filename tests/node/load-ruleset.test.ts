import { existsSync } from "node:fs";
import { appendFile, cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as node from "../../src/node/index.js";
import { RulesetError, bundledRulesDir, checkRuleFolder, createEngine, loadRuleset } from "../../src/node/index.js";
import { ROOT } from "../cli/run-main.js";
import { tempFolder } from "./temp-dir.js";

const TINY = join(ROOT, "tests/cli/fixtures/tiny-pack");
const BROKEN = join(ROOT, "tests/cli/fixtures/broken-pack");

async function thrown(promise: Promise<unknown>): Promise<RulesetError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RulesetError);
  return error as RulesetError;
}

describe("loadRuleset", () => {
  it("loads the bundled rules/ pack by default", async () => {
    expect(existsSync(join(bundledRulesDir, "pack.yaml"))).toBe(true);
    const ruleset = await loadRuleset();
    expect(ruleset.rules.length).toBeGreaterThan(0);
    expect(ruleset.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("loads a folder whose ruleset an engine runs", async () => {
    const engine = createEngine(await loadRuleset(TINY));
    const plan = engine.recommend({ patient: { age: 40 }, pain: { durationWeeks: 2 } });
    expect(plan.ruleset.name).toBe("tiny");
    expect(plan.components.map((c) => c.id)).toEqual(["education-reassurance"]);
  });

  it("throws every error, each at folder/file:line:col", async () => {
    const error = await thrown(loadRuleset(BROKEN));
    expect(error.issues.length).toBeGreaterThan(1);
    for (const issue of error.issues) {
      expect(issue.severity).toBe("error");
      expect(issue.source?.file.startsWith(`${BROKEN}/`)).toBe(true);
    }
  });

  it("names a missing folder in the error's message", async () => {
    const error = await thrown(loadRuleset("no-such-rules"));
    expect(error.message).toMatchInlineSnapshot(`
      "invalid rule pack: 1 error
      rule folder "no-such-rules" does not exist"
    `);
  });
});

describe("checkRuleFolder", () => {
  it("returns warnings with the ruleset, at files named by the folder as the caller names it", async () => {
    const files = ["pack.yaml", "components.yaml", "evidence.yaml", "rules.yaml"];
    const dir = await tempFolder(
      Object.fromEntries(
        await Promise.all(
          files.map(async (f): Promise<[string, string]> => [f, await readFile(join(TINY, f), "utf8")]),
        ),
      ),
    );
    const unused =
      "  - id: massage\n    category: adjunct\n    title: Massage\n    description: Massage.\n    patientText: Massage.\n    details: { sessions: 6 }\n";
    await appendFile(join(dir, "components.yaml"), unused);
    const { ruleset, issues } = await checkRuleFolder(dir, "my-pack");
    expect(ruleset?.name).toBe("tiny");
    expect(issues.map((issue) => [issue.severity, issue.source?.file])).toEqual([
      ["warning", "my-pack/components.yaml"],
    ]);
  });

  it("returns no ruleset when there are errors", async () => {
    const { ruleset, issues } = await checkRuleFolder(BROKEN, "broken");
    expect(ruleset).toBeUndefined();
    expect(issues.every((issue) => issue.source?.file.startsWith("broken/"))).toBe(true);
  });

  it("turns folder problems into issues instead of throwing", async () => {
    expect(await checkRuleFolder(join(ROOT, "nowhere"), "nowhere")).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "rules/folder-missing",
            "message": "rule folder "nowhere" does not exist",
            "path": "",
            "severity": "error",
          },
        ],
      }
    `);
  });

  it("gives the bundled pack's ruleset with no errors", async () => {
    const { ruleset, issues } = await checkRuleFolder();
    expect(ruleset).toBeDefined();
    expect(issues.filter((issue) => issue.severity === "error")).toEqual([]);
  });
});

describe("backplan/node", () => {
  it("exports the Node helpers and re-exports the core", () => {
    expect(Object.keys(node).sort()).toMatchInlineSnapshot(`
      [
        "AssessmentError",
        "BACKPLAN_QUESTIONNAIRE",
        "BackplanError",
        "FORMATS",
        "MAX_FILE_BYTES",
        "MAX_RULE_FILES",
        "MAX_YAML_ALIASES",
        "PACK_JSON_FORMAT",
        "RulesetError",
        "activeBackplanCarePlan",
        "assessmentIssueCodes",
        "backplanQuestionnaire",
        "bundleToAssessment",
        "bundledRulesDir",
        "checkRuleFolder",
        "checkRuleset",
        "compileRuleset",
        "createEngine",
        "deriveFacts",
        "describeCondition",
        "episodeSeries",
        "explainPlan",
        "factCatalog",
        "formatIssue",
        "instrumentMappings",
        "isBackplanError",
        "isDate",
        "loadRuleset",
        "packJsonText",
        "packToJson",
        "parseAssessment",
        "planToFhir",
        "printable",
        "readAssessmentFile",
        "readAssessmentText",
        "readCohortFile",
        "readRuleFiles",
        "renderExplanation",
        "renderPlan",
        "rulesetFromJson",
        "rulesetFromJsonText",
        "safeCompileRuleset",
        "safeExplainPlan",
        "safeParseAssessment",
        "sameScenarioFiles",
        "shownValue",
        "startImpactWorkers",
      ]
    `);
  });
});

describe("checkRuleFolder without scenarios", () => {
  it("leaves the scenario tests unread and plans with the same digest", async () => {
    const all = await checkRuleFolder(bundledRulesDir, "rules");
    const planOnly = await checkRuleFolder(bundledRulesDir, "rules", { scenarios: false });
    expect(all.ruleset?.scenarios.length).toBeGreaterThan(100);
    expect(planOnly.ruleset?.scenarios).toEqual([]);
    expect(planOnly.ruleset?.digest).toBe(all.ruleset?.digest);
    expect(planOnly.issues).toEqual([]);
  });
});

describe("loadRuleset and scenario tests", () => {
  it("plans without reading them by default, and reads them when asked", async () => {
    const planning = await loadRuleset();
    const withTests = await loadRuleset(bundledRulesDir, { scenarios: true });
    expect(planning.scenarios).toEqual([]);
    expect(withTests.scenarios.length).toBeGreaterThan(100);
    expect(planning.digest).toBe(withTests.digest);
  });

  it("loads a pack whose scenario file is broken unless its scenarios are asked for", async () => {
    const dir = await tempFolder({});
    await cp(TINY, dir, { recursive: true });
    await writeFile(join(dir, "tests/broken.yaml"), "scenarios: [\n");
    expect((await loadRuleset(dir)).name).toBe("tiny");
    const error = await thrown(loadRuleset(dir, { scenarios: true }));
    expect(error.issues.map((issue) => issue.source?.file)).toContain(join(dir, "tests/broken.yaml"));
  });
});

describe("loadRuleset and the proofs over conditions", () => {
  it("leaves a rule that never fires to lint, and refuses it when asked for the proofs", async () => {
    const dir = await tempFolder({});
    await cp(TINY, dir, { recursive: true });
    const rules = await readFile(join(dir, "rules.yaml"), "utf8");
    const never = "{ fact: pain.durationWeeks, operator: lessThan, value: 0 }";
    await writeFile(
      join(dir, "rules.yaml"),
      rules.replace("{ fact: profile, operator: equal, value: acp-2017 }", never),
    );
    const planning = await loadRuleset(dir);
    expect(planning.rules.map((rule) => rule.id)).toContain("acupuncture-acp");
    const error = await thrown(loadRuleset(dir, { proofs: true }));
    expect(error.issues.map((issue) => `${issue.code} ${issue.source?.file ?? ""}`)).toEqual([
      expect.stringMatching(new RegExp(`^rules/\\S+ ${join(dir, "rules.yaml")}$`)),
    ]);
    expect(createEngine(planning).recommend({ patient: { age: 40 }, pain: { durationWeeks: 2 } }).components).toEqual(
      createEngine(await loadRuleset(TINY)).recommend({ patient: { age: 40 }, pain: { durationWeeks: 2 } }).components,
    );
  });
});
