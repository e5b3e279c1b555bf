/**
 * `backplan/browser`, the package's browser entry, as a plugin that depends on the npm package
 * reaches it: from another folder, by name, through package.json `exports`: Node imports it,
 * esbuild bundles it for a browser (no yaml, no node:*), TypeScript finds its types. It is built
 * code: `npm test` builds first; alone, run `npm run build` before this file.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { symlink, mkdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { compileRuleset, createEngine } from "../../src/core/index.js";
import { packToJson } from "../../src/core/load/pack-json/index.js";
import { tempFolder } from "../node/temp-dir.js";
import { bundledFiles } from "../properties/bundled-pack.js";
import type { Assessment } from "../../src/core/generated/types.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BUILT = join(ROOT, "dist/browser.js");

/** A plugin's module: loads the pack it is given, makes a plan, prints what it found. */
const PLUGIN = `
import { readFileSync } from "node:fs";
import * as backplan from "backplan/browser";
const loaded = backplan.rulesetFromJson(JSON.parse(readFileSync("pack.json", "utf8")));
if (!loaded.ok) throw new Error(loaded.issues.map(backplan.formatIssue).join("\\n"));
const plan = backplan.createEngine(loaded.value).recommend(JSON.parse(readFileSync("assessment.json", "utf8")));
console.log(JSON.stringify({ exports: Object.keys(backplan).sort(), status: plan.status, digest: plan.ruleset.digest }));
`;

/** What a browser plugin bundles: the entry by name, nothing else. */
const BROWSER_PLUGIN = `import { createEngine, rulesetFromJson } from "backplan/browser";\nexport { createEngine, rulesetFromJson };\n`;

const ruleset = compileRuleset(bundledFiles);
const assessment = parse(await readFile(join(ROOT, "examples/chronic-high-risk.yaml"), "utf8")) as unknown;

/** A folder outside the repository where `backplan` is an installed dependency (a link to it). */
async function pluginFolder(): Promise<string> {
  const dir = await tempFolder({
    "plugin.mjs": PLUGIN,
    "browser-plugin.mjs": BROWSER_PLUGIN,
    "pack.json": JSON.stringify(packToJson(ruleset)),
    "assessment.json": JSON.stringify(assessment),
  });
  await mkdir(join(dir, "node_modules"));
  await symlink(ROOT, join(dir, "node_modules/backplan"), "dir");
  return dir;
}

function node(script: string, cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [script], { cwd, timeout: 30_000 }, (error, stdout, stderr) => {
      if (error === null) resolve(stdout);
      else reject(new Error(`node ${script} failed: ${stderr}`, { cause: error }));
    });
  });
}

let dir = "";

beforeAll(async () => {
  if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run "npm run build" first (npm test does)`);
  dir = await pluginFolder();
});

describe('the package\'s "./browser" entry', () => {
  it("imports by name in Node, loads a pack.json and makes the plan the core makes", async () => {
    const found = JSON.parse(await node("plugin.mjs", dir)) as { exports: string[]; status: string; digest: string };
    const expected = createEngine(ruleset).recommend(assessment as Assessment);
    expect({ status: found.status, digest: found.digest }).toEqual({
      status: expected.status,
      digest: expected.ruleset.digest,
    });
    expect(found.exports).toMatchInlineSnapshot(`
      [
        "AssessmentError",
        "BackplanError",
        "FORMATS",
        "PACK_JSON_FORMAT",
        "RulesetError",
        "bundleToAssessment",
        "createEngine",
        "episodeSeries",
        "explainPlan",
        "formatIssue",
        "isBackplanError",
        "packToJson",
        "parseAssessment",
        "planToFhir",
        "progressChartSvg",
        "renderExplanation",
        "renderPlan",
        "rulesetFromJson",
        "rulesetFromJsonText",
        "safeExplainPlan",
        "safeParseAssessment",
      ]
    `);
  });

  it("bundles for a browser by name, without the yaml package or any node: module", async () => {
    const result = await build({
      entryPoints: [join(dir, "browser-plugin.mjs")],
      absWorkingDir: dir,
      bundle: true,
      format: "esm",
      platform: "browser",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    // esbuild follows the link: inputs are real paths, relative to the plugin's folder.
    const inputs = Object.keys(result.metafile.inputs).map((input) => resolve(dir, input));
    expect(inputs).toContain(join(ROOT, "dist/browser.js"));
    expect(inputs.filter((input) => /node_modules\/yaml\/|^node:/.test(input))).toEqual([]);
    const exported = result.metafile.outputs[Object.keys(result.metafile.outputs)[0] ?? ""]?.exports;
    expect(exported).toEqual(["createEngine", "rulesetFromJson"]);
  });

  it.each([
    ["NodeNext", { moduleResolution: ts.ModuleResolutionKind.NodeNext, module: ts.ModuleKind.NodeNext }],
    ["Bundler", { moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext }],
  ] as const)("gives TypeScript its types (moduleResolution %s)", (_name, options) => {
    const from = join(dir, "plugin.mts");
    const { resolvedModule } = ts.resolveModuleName(
      "backplan/browser",
      from,
      options,
      ts.sys,
      undefined,
      undefined,
      ts.ModuleKind.ESNext,
    );
    expect(resolvedModule?.resolvedFileName).toBe(join(ROOT, "dist/browser.d.ts"));
  });
});
