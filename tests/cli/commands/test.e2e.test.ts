/**
 * `backplan test --coverage` as a user runs it: the built `dist/cli/bin.js` in a child process.
 * `npm test` builds first; alone, run `npm run build` before this file.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { TestReport } from "../../../src/cli/scenario-report.js";
import { FIXTURES } from "../run-main.js";
import { backplan, requireBuilt } from "../run-built.js";

beforeAll(requireBuilt);

describe.concurrent("backplan test --coverage (built)", () => {
  it("fails below --min-coverage, saying which measure and by how much", async () => {
    // The one scenario named "depression" fires 2 of 4 rules and tests phq9.total ≥ 10 on one side.
    const run = await backplan(["test", `${FIXTURES}/scenarios-pass`, "--run", "depression", "--min-coverage", "75"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^coverage of the 1 scenario selected by --run:\n {2}rules +50\.0% {2}2 of 4 fired\n/);
    expect(run.stdout).toContain(
      "rule coverage 50.0% (2 of 4) is below --min-coverage 75% by 25.0 points\n" +
        "threshold coverage 0.0% (0 of 1) is below --min-coverage 75% by 75.0 points\n",
    );
  });

  it("prints one JSON document for machines, with the shortfall on stderr", async () => {
    const run = await backplan([
      "test",
      `${FIXTURES}/scenarios-pass`,
      "--run",
      "depression",
      "--format",
      "json",
      "--min-coverage",
      "75",
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "rule coverage 50.0% (2 of 4) is below --min-coverage 75% by 25.0 points\n" +
        "threshold coverage 0.0% (0 of 1) is below --min-coverage 75% by 75.0 points\n",
    );
    const report = JSON.parse(run.stdout) as TestReport;
    expect([report.passed, report.failed, report.results.length]).toEqual([1, 0, 1]);
    expect(report.coverage.summary.rules).toEqual({ covered: 2, total: 4, percent: 50 });
    expect(report.minCoverage?.shortfalls.map((s) => s.measure)).toEqual(["rules", "thresholds"]);
  });

  it("passes at 100% when every rule fires and every threshold is tested on both sides", async () => {
    const run = await backplan(["test", `${FIXTURES}/scenarios-pass`, "--min-coverage", "100"]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain("is below --min-coverage");
  });
});
