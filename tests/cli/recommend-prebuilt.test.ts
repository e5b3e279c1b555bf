/**
 * The built `backplan recommend` plans with the bundled pack prebuilt (`dist/node/bundled-pack.json`,
 * written by `npm run build`) without parsing the rules' YAML, prints exactly the plans the YAML
 * pack gives, and the moment a rule file differs from what was built, reads the YAML again: an
 * edit always takes effect. `npm test` builds first; alone, run `npm run build`.
 */
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkRuleset } from "../../src/core/load/check-ruleset.js";
import type { Assessment, Plan } from "../../src/core/generated/types.js";
import type { Ruleset } from "../../src/core/load/types.js";
import { bundledRulesDir, createEngine, readAssessmentFile, readRuleFiles, renderPlan } from "../../src/node/index.js";
import { tempFolder } from "../node/temp-dir.js";
import { runBuiltWithModules } from "./recommend-modules.js";
import { ROOT } from "./run-main.js";

const EXAMPLES = ["chronic-high-risk.yaml", "red-flag-cauda-equina.json", "follow-up-2-week-6.yaml"];

/**
 * Whether the run parsed rule YAML: the checks that do it are loaded only for that, from the CLI
 * bundle's chunk of `check-ruleset.js`.
 */
function checkedYaml(modules: readonly string[]): boolean {
  return modules.some((url) => /\/dist\/cli-bundle\/check-ruleset-\w+\.js$/.test(url));
}

/** The bundled pack checked here from its YAML files, never from a prebuilt pack. */
const files = await readRuleFiles(bundledRulesDir, bundledRulesDir, { scenarios: false });
const ruleset = checkRuleset(files, { proofs: false }).ruleset as Ruleset;

/** The plan the YAML pack gives. */
async function yamlPlan(example: string, profile: string): Promise<string> {
  const assessment = await readAssessmentFile(join(ROOT, "examples", example));
  return renderPlan(createEngine(ruleset).recommend(assessment as Assessment, { profile }), "json");
}

describe("backplan recommend with the bundled pack, as built", () => {
  it.each(EXAMPLES.flatMap((example) => ["nice-ng59", "acp-2017"].map((profile) => [example, profile])))(
    "plans %s under %s as the YAML pack does, byte for byte, without parsing the rules",
    async (example, profile) => {
      const run = await runBuiltWithModules(["recommend", `examples/${example}`, "--profile", profile]);
      expect(checkedYaml(run.modules)).toBe(false);
      expect(run.stdout).toBe(await yamlPlan(example, profile));
    },
  );

  it("uses the prebuilt pack for a copy of the rules, and reads the YAML once a file is edited", async () => {
    const copy = join(await tempFolder(), "rules");
    await cp(bundledRulesDir, copy, { recursive: true });
    const args = ["recommend", "examples/chronic-high-risk.yaml", "--rules", copy];
    const before = await runBuiltWithModules(args);
    expect(checkedYaml(before.modules)).toBe(false);
    expect(before.stdout).toContain('"title": "Mental health referral",');

    const components = join(copy, "components.yaml");
    const text = await readFile(components, "utf8");
    expect(text).toContain("    title: Mental health referral\n");
    await writeFile(
      components,
      text.replace("title: Mental health referral\n", "title: Mental health referral (edited)\n"),
    );
    const after = await runBuiltWithModules(args);
    expect(checkedYaml(after.modules)).toBe(true);
    expect(after.stdout).toContain('"title": "Mental health referral (edited)",');
    const digest = (stdout: string) => (JSON.parse(stdout) as Plan).ruleset.digest;
    expect(digest(after.stdout)).not.toBe(digest(before.stdout));
  });
});
