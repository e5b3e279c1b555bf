import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempFolder } from "../../node/temp-dir.js";
import { BROKEN, FIXTURES, ROOT, runMain } from "../run-main.js";

const PASS = `${FIXTURES}/scenarios-pass`;
const FAIL = `${FIXTURES}/scenarios-fail`;

describe("backplan test", () => {
  it("exits 0 when every scenario passes: coverage, then the count last", async () => {
    expect(await runMain(["test", PASS])).toMatchInlineSnapshot(`
      {
        "code": 0,
        "stderr": "",
        "stdout": "rule coverage: 4 of 4 rules fired in at least one scenario
      3 passed, 0 failed
      ",
      }
    `);
  });

  it("prints each failure with what differed and why the rules decided so, and exits 1", async () => {
    const { code, stdout, stderr } = await runMain(["test", FAIL]);
    expect([code, stderr]).toEqual([1, ""]);
    expect(stdout).toMatchInlineSnapshot(`
      "FAIL tests/cli/fixtures/scenarios-fail/tests/plans.yaml:12: mild depression is referred (wrongly expected)
          components must include mental-health-referral; found education-reassurance
            rule "depression" (tests/cli/fixtures/scenarios-fail/rules.yaml:17) did not fire: phq9.total ≥ 10 (found 9)
          components must not include education-reassurance; the plan has them
            education-reassurance was added by rule "everyone-education": Every episode of low back pain
            no rule withholds education-reassurance

      FAIL tests/cli/fixtures/scenarios-fail/tests/plans.yaml:23: an unanswered PHQ-9 is a data gap
          status: expected complete, found incomplete
            questionnaires.phq9.items: not recorded; needed to decide rule "depression"
          data gaps: expected (none), found questionnaires.phq9.items
            (as above)

      INVALID tests/cli/fixtures/scenarios-fail/tests/plans.yaml:32: a patient too young for the assessment
          patient.age: 4 is out of range 16–120

      rule coverage: 2 of 4 rules fired in at least one scenario
        never fired: depression (tests/cli/fixtures/scenarios-fail/rules.yaml:17)
        never fired: acupuncture-acp (tests/cli/fixtures/scenarios-fail/rules.yaml:41)
      1 passed, 3 failed
      "
    `);
    expect(stdout.trimEnd().split("\n").at(-1)).toBe("1 passed, 3 failed");
  });

  it("--run keeps the scenarios whose name contains the pattern", async () => {
    const { code, stdout } = await runMain(["test", FAIL, "--run", "halts"]);
    expect(code).toBe(0);
    expect(stdout).toMatchInlineSnapshot(`
      "rule coverage: 2 of 4 rules fired in at least one of the 1 scenarios selected by --run
      1 passed, 0 failed
      "
    `);
  });

  it("exits 1 when no scenario runs, saying why", async () => {
    expect(await runMain(["test", PASS, "--run", "no such scenario"])).toMatchInlineSnapshot(`
      {
        "code": 1,
        "stderr": "no scenario name contains "no such scenario" (of 3 in "tests/cli/fixtures/scenarios-pass")
      ",
        "stdout": "0 passed, 0 failed
      ",
      }
    `);
    const files = ["pack.yaml", "components.yaml", "evidence.yaml", "rules.yaml"];
    const untested = await tempFolder(
      Object.fromEntries(
        await Promise.all(
          files.map(async (f): Promise<[string, string]> => [f, await readFile(join(ROOT, PASS, f), "utf8")]),
        ),
      ),
    );
    const run = await runMain(["test", untested]);
    expect({ ...run, stderr: run.stderr.replaceAll(untested, "PACK") }).toMatchInlineSnapshot(`
      {
        "code": 1,
        "stderr": "no scenario tests in "PACK": expected them in PACK/tests/*.yaml
      ",
        "stdout": "0 passed, 0 failed
      ",
      }
    `);
  });

  it("exits 2 on a broken pack with its errors on stderr and nothing on stdout", async () => {
    const { code, stdout, stderr } = await runMain(["test", BROKEN]);
    expect([code, stdout]).toEqual([2, ""]);
    for (const line of stderr.trimEnd().split("\n"))
      expect(line).toMatch(/^tests\/cli\/fixtures\/broken-pack\/\S+\.yaml:\d+:\d+: error: /);
  });

  it("exits 2 on a bad command line", async () => {
    expect(await runMain(["test", PASS, FAIL])).toMatchInlineSnapshot(`
      {
        "code": 2,
        "stderr": "backplan test: give at most one folder; found 2: tests/cli/fixtures/scenarios-pass tests/cli/fixtures/scenarios-fail; run "backplan test --help"
      ",
        "stdout": "",
      }
    `);
    expect((await runMain(["test", "--rnu", "x"])).stderr).toMatchInlineSnapshot(`
      "backplan test: unknown option "--rnu"; run "backplan test --help"
      "
    `);
  });

  it("runs the bundled pack without a folder", async () => {
    const { stdout } = await runMain(["test"]);
    expect(stdout.trimEnd().split("\n").at(-1)).toMatch(/^\d+ passed, \d+ failed$/);
  });

  it("is listed in the program's help, with its own help", async () => {
    expect((await runMain(["--help"])).stdout).toContain("  test ");
    expect((await runMain(["test", "--help"])).stdout).toMatchInlineSnapshot(`
      "Usage: backplan test [DIR] [--run PATTERN]

      Runs every scenario test in DIR/tests/ (default: the bundled rules/ pack) and
      compares each plan with what the scenario expects. Prints each failed or invalid
      scenario with what differed and why the rules decided so (which rules fired or
      did not, on which of the patient's values), then the rule coverage (how many
      rules fired in at least one scenario, and those that never did), and last:

        N passed, N failed

      Options:
            --run PATTERN  run only the scenarios whose name contains PATTERN
            --debug        show the stack trace of an internal error
        -h, --help         show this help

      Exit codes:
        0  every scenario passed
        1  a scenario failed or was invalid, or no scenario ran
        2  invalid rules or command line: problems on stderr
      "
    `);
  });
});
