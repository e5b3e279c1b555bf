/**
 * The prebuilt bundled pack (`npm run build` writes it, `checkRuleFolder` reads it): it gives what
 * checking the YAML gives, plan for plan byte for byte, and only for the very files it was built
 * from. Here it is written to a temporary file from the bundled rules, as the build does.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packToJson } from "../../src/core/load/pack-json/to-json.js";
import { checkRuleset } from "../../src/core/load/check-ruleset.js";
import type { Assessment } from "../../src/core/generated/types.js";
import type { Ruleset } from "../../src/core/load/types.js";
import { bundledRulesDir, createEngine, readAssessmentFile, readRuleFiles, renderPlan } from "../../src/node/index.js";
import { PREBUILT_PACK_FILE, prebuiltCheck, prebuiltPack } from "../../src/node/prebuilt-pack.js";
import { ROOT } from "../cli/run-main.js";
import { tempFolder } from "./temp-dir.js";

const files = await readRuleFiles(bundledRulesDir, bundledRulesDir, { scenarios: false });
const fromYaml = checkRuleset(files, { proofs: false });
const yamlRuleset = fromYaml.ruleset as Ruleset;
const built = join(await tempFolder(), PREBUILT_PACK_FILE);
await writeFile(built, JSON.stringify(prebuiltPack(files, yamlRuleset)));

/** Every example assessment planned under every profile of the pack, each plan as JSON text. */
async function examplePlans(ruleset: Ruleset): Promise<string[]> {
  const engine = createEngine(ruleset);
  const names = (await readdir(join(ROOT, "examples"))).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
  const plans: string[] = [];
  for (const name of names) {
    const assessment = await readAssessmentFile(join(ROOT, "examples", name));
    for (const { id } of ruleset.profiles)
      plans.push(renderPlan(engine.recommend(assessment as Assessment, { profile: id }), "json"));
  }
  return plans;
}

describe("prebuiltCheck", () => {
  it("gives the YAML check's ruleset and issues for the files it was built from", async () => {
    const prebuilt = await prebuiltCheck(files, built);
    expect(prebuilt?.issues).toEqual(fromYaml.issues);
    const ruleset = prebuilt?.ruleset as Ruleset;
    expect(packToJson(ruleset)).toEqual(packToJson(yamlRuleset));
    expect(ruleset.warnings).toEqual(yamlRuleset.warnings);
    expect([...ruleset.facts.keys()]).toEqual([...yamlRuleset.facts.keys()]);
    expect(Object.isFrozen(ruleset)).toBe(true);
  });

  it("plans every example under every profile byte for byte as the YAML pack does", async () => {
    const prebuilt = await prebuiltCheck(files, built);
    const [yamlPlans, prebuiltPlans] = await Promise.all([
      examplePlans(yamlRuleset),
      examplePlans(prebuilt?.ruleset as Ruleset),
    ]);
    expect(yamlPlans.length).toBeGreaterThan(10);
    expect(prebuiltPlans).toEqual(yamlPlans);
  });

  it("is not used once any file differs by a byte, is added or is taken away", async () => {
    const [first, ...rest] = files;
    if (first === undefined) throw new Error("the bundled pack has no files");
    const edited = [{ ...first, text: `${first.text} ` }, ...rest];
    const renamed = [{ ...first, path: `x${first.path}` }, ...rest];
    const added = [...files, { path: "zz.yaml", text: "rules: []\n" }];
    for (const changed of [edited, renamed, added, rest]) expect(await prebuiltCheck(changed, built)).toBeUndefined();
  });

  it("is a miss, not an error, when the file is missing, not JSON or of another format", async () => {
    const dir = await tempFolder({
      "broken.json": "{",
      "other.json": (await readFile(built, "utf8")).replace(/^{"format":1/, '{"format":0'),
    });
    expect(await prebuiltCheck(files, join(dir, "missing.json"))).toBeUndefined();
    expect(await prebuiltCheck(files, join(dir, "broken.json"))).toBeUndefined();
    expect(await prebuiltCheck(files, join(dir, "other.json"))).toBeUndefined();
  });
});
