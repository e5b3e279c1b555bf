/**
 * `backplan impact` built, end to end: `node dist/cli/bin.js` in a child process, as an author
 * runs it after copying the pack before an edit. `npm test` builds first; alone, run
 * `npm run build` before this file.
 */
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { tempFolder } from "../../node/temp-dir.js";
import { ROOT } from "../run-main.js";
import { backplan, requireBuilt } from "../run-built.js";

/** Rules of the bundled pack as written, in a fixture a clinical edit of rules/ leaves alone. */
const EXCERPT = "tests/fixtures/packs/bundled-excerpt";

/** A copy of the excerpt pack to edit, as an author copies the pack before an edit. */
async function excerptCopy(): Promise<string> {
  const copy = join(await tempFolder(), "pack");
  await cp(join(ROOT, EXCERPT), copy, { recursive: true });
  return copy;
}

beforeAll(requireBuilt);

describe("backplan impact (built)", () => {
  it("compares a copy of the bundled pack with the pack itself (no --head)", async () => {
    // The author's first step: whatever the pack says, its copy changes no plan.
    const copy = join(await tempFolder(), "rules");
    await cp(join(ROOT, "rules"), copy, { recursive: true });
    const unchanged = await backplan(["impact", "--base", copy, "--cohort", "2000"]);
    expect(unchanged.code, unchanged.stderr).toBe(0);
    expect(unchanged.stdout).toContain("cohort (2,000 generated, seed 1): no plan changed (of 2,000)");
    expect(unchanged.stderr).toMatch(/^impact: [\d,]+ assessments planned with both packs in \d+\.\d\d s\n$/);
  });

  it("fails on a change with --fail-on-change, naming the rule and the components", async () => {
    const copy = await excerptCopy();
    const file = join(copy, "lifestyle.yaml");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace("operator: lessThan, value: 150 }", "operator: lessThan, value: 120 }"));
    const edited = await backplan([
      "impact",
      "--base",
      copy,
      "--head",
      EXCERPT,
      "--cohort",
      "2000",
      "--fail-on-change",
    ]);
    expect(edited.code).toBe(1);
    expect(edited.stdout).toContain("rules modified: activity-below-guideline");
    expect(edited.stdout).toMatch(/components added\n {4}activity-increase {2}\d+/);
  });

  it("plans the cohort in built worker threads: the same JSON report with --workers 0 (this thread alone), 1 and 3", async () => {
    const copy = await excerptCopy();
    const file = join(copy, "psychological.yaml");
    const text = await readFile(file, "utf8");
    const edited = text.replace(
      "phq9.total, operator: greaterThanInclusive, value: 10 }",
      "phq9.total, operator: greaterThanInclusive, value: 12 }",
    );
    expect(edited).not.toBe(text);
    await writeFile(file, edited);
    const run = (workers: string) =>
      backplan([
        "impact",
        "--base",
        copy,
        "--head",
        EXCERPT,
        "--cohort",
        "3000",
        "--format",
        "json",
        "--workers",
        workers,
      ]);
    const [alone, one, threads] = [await run("0"), await run("1"), await run("3")];
    expect(alone.code, alone.stderr).toBe(0);
    expect(one.code, one.stderr).toBe(0);
    expect(threads.code, threads.stderr).toBe(0);
    const report = JSON.parse(alone.stdout) as { cohort: { assessments: number; changed: number } };
    expect(report.cohort.assessments).toBe(3000);
    expect(report.cohort.changed).toBeGreaterThan(20);
    expect(one.stdout).toBe(alone.stdout);
    expect(threads.stdout).toBe(alone.stdout);
  }, 120_000);
});
