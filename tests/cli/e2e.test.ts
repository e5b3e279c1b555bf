/**
 * The built command, end to end: `node dist/cli/bin.js` in a child process, as a user runs it.
 * `npm test` builds first; alone, run `npm run build` before this file.
 */
import { readFile, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { validatePlan } from "../../src/core/generated/validators.js";
import { tempFolder } from "../node/temp-dir.js";
import { ASSESSMENTS, BROKEN, FIXTURES, ROOT, TINY, type Run } from "./run-main.js";
import { backplan, requireBuilt } from "./run-built.js";

/** What every failing run must look like: its exit code, nothing on stdout, no stack trace. */
function expectFailure(run: Run, code: number): string[] {
  expect(run.code, run.stderr).toBe(code);
  expect(run.stdout).toBe("");
  expect(run.stderr).not.toContain("    at ");
  expect(run.stderr.endsWith("\n")).toBe(true);
  return run.stderr.trimEnd().split("\n");
}

function plans(stdout: string): { assessmentId?: string; status: string }[] {
  const parsed: unknown = JSON.parse(stdout);
  const list = (Array.isArray(parsed) ? parsed : [parsed]) as { assessmentId?: string; status: string }[];
  for (const plan of list) expect(validatePlan(plan), JSON.stringify(validatePlan.errors)).toBe(true);
  return list;
}

beforeAll(requireBuilt);

describe.concurrent("backplan recommend (built)", () => {
  it("prints a JSON plan and exits 0", async () => {
    const run = await backplan(["recommend", `${ASSESSMENTS}/acute.json`]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(plans(run.stdout).map((p) => p.assessmentId)).toEqual(["acute-1"]);
  });

  it("runs the README's demo: the bundled pack on an example, as text", async () => {
    const run = await backplan(["recommend", "examples/chronic-high-risk.yaml", "--format", "text"]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toMatch(/^(!!! .*\n\n)?Care plan for assessment /);
  });

  it('reads the assessment from standard input for "-"', async () => {
    const run = await backplan(["recommend", "-", "--rules", TINY], {
      stdin: await readFile(join(ROOT, ASSESSMENTS, "red-flag.yaml"), "utf8"),
    });
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(plans(run.stdout)).toMatchObject([{ assessmentId: "red-flag-1", status: "urgent" }]);
  });

  it("prints a JSON array for several files", async () => {
    const run = await backplan([
      "recommend",
      `${ASSESSMENTS}/red-flag.yaml`,
      `${ASSESSMENTS}/acute.json`,
      "--rules",
      TINY,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith("[")).toBe(true);
    expect(plans(run.stdout).map((p) => p.assessmentId)).toEqual(["red-flag-1", "acute-1"]);
  });

  it.each(["text", "markdown"])("renders --format %s", async (format) => {
    const run = await backplan([
      "recommend",
      `${ASSESSMENTS}/acute.json`,
      "--rules",
      TINY,
      "--format",
      format,
      "--profile",
      "acp-2017",
    ]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toContain("acute-1");
    expect(run.stdout).toContain("Acupuncture");
    expect((): unknown => JSON.parse(run.stdout)).toThrow();
  });

  it("refuses bad assessments: every problem of every file on its own line, no plan at all", async () => {
    const dir = await tempFolder({ "big.json": "" });
    await truncate(join(dir, "big.json"), 2 * 1024 * 1024); // sparse: nothing written
    const files = [
      "acute.json",
      "malformed.yaml",
      "alias-bomb.yaml",
      "proto.json",
      "out-of-range.json",
      "unknown-key.yaml",
    ];
    const started = performance.now();
    const run = await backplan(["recommend", ...files.map((f) => `${ASSESSMENTS}/${f}`), join(dir, "big.json")]);
    expect(performance.now() - started).toBeLessThan(30_000); // the alias bomb did not expand
    const lines = expectFailure(run, 2).map((line) => line.replace(dir, "TMP"));
    expect(lines).toEqual([
      `${ASSESSMENTS}/malformed.yaml:5:1: error: invalid YAML: flow sequence in block collection must be sufficiently indented and end with a ]`,
      `${ASSESSMENTS}/alias-bomb.yaml: YAML aliases expand too far (more than 10 copies); an assessment needs none`,
      `${ASSESSMENTS}/proto.json: __proto__: "__proto__" is not allowed as a key (it could alter object prototypes)`,
      `${ASSESSMENTS}/out-of-range.json: questionnaires.phq9.total: 30 is out of range 0–27`,
      `${ASSESSMENTS}/unknown-key.yaml: phq-9: unknown field (did you mean "questionnaires.phq9"?)`,
      `${ASSESSMENTS}/unknown-key.yaml: pain.intensty: unknown field (did you mean "intensity"?)`,
      "TMP/big.json: file is 2097152 bytes; an assessment may be at most 1 MiB (1048576 bytes)",
    ]);
  });

  it("refuses an empty rules folder", async () => {
    const empty = await tempFolder();
    expect(expectFailure(await backplan(["recommend", `${ASSESSMENTS}/acute.json`, "--rules", empty]), 2)).toEqual([
      `error: rule folder "${empty}" holds no .yaml or .yml files`,
    ]);
  });

  it("refuses a broken rules folder with its errors, one line each", async () => {
    const lines = expectFailure(await backplan(["recommend", `${ASSESSMENTS}/acute.json`, "--rules", BROKEN]), 2);
    // Each problem on a line of its own; what to do about it, if anything, on the next ("  hint: …").
    for (const line of lines.filter((l) => !l.startsWith("  hint: ")))
      expect(line).toMatch(/^tests\/cli\/fixtures\/broken-pack\/\S+\.yaml:\d+:\d+: error: /);
  });

  it.each([
    [["recommend"], "missing FILE"],
    [["recommend", "a.json", "--frmat", "text"], "unknown option"],
  ])("%j (%s): one line with a hint, exit 2", async (args) => {
    const [line, ...more] = expectFailure(await backplan(args), 2);
    expect(more).toEqual([]);
    expect(line).toMatch(/; run "backplan( recommend)? --help"$/);
  });
});

describe.concurrent("backplan lint (built)", () => {
  it("exits 0 on the bundled pack and reports nothing (on a day its reviews are not yet due)", async () => {
    expect(await backplan(["lint", "rules", "--today", "2026-11-23"])).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("exits 1 on a broken pack, one sorted file:line:col line per problem", async () => {
    const run = await backplan(["lint", BROKEN]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split("\n");
    for (const line of lines.filter((l) => !l.startsWith("  hint: ")))
      expect(line).toMatch(/^tests\/cli\/fixtures\/broken-pack\/\S+\.yaml:\d+:\d+: (error|warning): /);
    expect(run.stderr).toMatch(/^[1-9]\d* errors?, \d+ warnings?\n$/);
    expect(run.stderr).not.toContain("    at ");
  });

  it("exits 1 on an empty folder", async () => {
    const empty = await tempFolder();
    const run = await backplan(["lint", empty]);
    expect(run).toEqual({
      code: 1,
      stdout: `error: rule folder "${empty}" holds no .yaml or .yml files\n`,
      stderr: "1 error, 0 warnings\n",
    });
  });

  it("with --guards, prints what guards each component, each guard at file:line", async () => {
    const run = await backplan(["lint", "tests/fixtures/packs/guarded", "--guards"]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toContain(
      "spinal-manipulation (Spinal manipulation) is guarded by:\n" +
        "  tests/fixtures/packs/guarded/components.yaml:55: contraindication manipulation-osteoporosis (Osteoporosis)\n",
    );
  });

  it("lints a pack with a YAML file it cannot parse without a stack trace", async () => {
    const dir = await tempFolder({ "pack.yaml": "name: [x\n" });
    await writeFile(join(dir, "rules.yaml"), "rules: {{{\n");
    const run = await backplan(["lint", dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain("    at ");
  });
});

describe.concurrent("backplan test (built)", () => {
  it("exits 0 when every scenario passes and 1 on a failure, the count on the last line", async () => {
    const [pass, fail] = await Promise.all([
      backplan(["test", `${FIXTURES}/scenarios-pass`]),
      backplan(["test", `${FIXTURES}/scenarios-fail`]),
    ]);
    expect([pass.code, pass.stderr, pass.stdout.trimEnd().split("\n").at(-1)]).toEqual([0, "", "3 passed, 0 failed"]);
    expect([fail.code, fail.stderr, fail.stdout.trimEnd().split("\n").at(-1)]).toEqual([1, "", "1 passed, 3 failed"]);
    expect(fail.stdout).toContain(
      'rule "depression" (tests/cli/fixtures/scenarios-fail/rules.yaml:17) did not fire: phq9.total ≥ 10 (found 9)',
    );
  });
});

describe.concurrent("backplan --help, --version (built)", () => {
  it("prints help and the version, exit 0", async () => {
    const [help, version, recommendHelp] = await Promise.all([
      backplan(["--help"]),
      backplan(["--version"]),
      backplan(["recommend", "-h"]),
    ]);
    expect(help.code + version.code + recommendHelp.code).toBe(0);
    expect(help.stdout).toContain("Usage: backplan <command> [options]");
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(recommendHelp.stdout).toContain(
      "Usage: backplan recommend FILE… [--rules DIR] [--profile NAME] [--format json|text|markdown]",
    );
  });
});
