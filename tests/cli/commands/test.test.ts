import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { TestReport } from "../../../src/cli/scenario-report.js";
import { packWith, rule, ruleFile } from "../../arbitraries/ruleset.js";
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
            questionnaires.phq9.items: not recorded; needed to decide rule "depression"; could change: Mental health referral
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
    // Each problem on a line of its own; what to do about it, if anything, on the next ("  hint: …").
    for (const line of stderr
      .trimEnd()
      .split("\n")
      .filter((l) => !l.startsWith("  hint: ")))
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
      "Usage: backplan test [DIR] [--run PATTERN] [--coverage] [--min-coverage N] [--format text|json] [--include-drafts]

      Runs every scenario test in DIR/tests/ (default: the bundled rules/ pack) and
      compares each plan with what the scenario expects. Prints each failed or invalid
      scenario with what differed and why the rules decided so (which rules fired or
      did not, on which of the patient's values), then the rule coverage (how many
      rules fired in at least one scenario, and those that never did), and last:

        N passed, N failed

      With --coverage, coverage is measured in full: rules fired; conditions (each
      comparison of a fact with a value in a rule's when, judged on the facts the rule
      saw when it ran) seen both true and false; numeric thresholds tested on both
      sides; and thresholds on whole-number facts tested at the values nearest the
      cut-off (9 and 10 for ≥ 10). Each rule never fired, condition never seen true or
      never seen false, and threshold missing a side or a boundary value is listed at
      its file:line:col.

      --min-coverage N fails the run when rule coverage or threshold coverage is below
      N%, with a line saying which and by how much. Condition coverage is reported,
      not required: a condition that no valid assessment can make false is a lint
      finding, not a missing test.

      --format json prints one JSON document instead: results (name, source, outcome,
      failures), passed, failed, coverage, and minCoverage when given.

      Options:
            --run PATTERN     run only the scenarios whose name contains PATTERN
            --coverage        report rule, condition, threshold and boundary coverage
            --min-coverage N  fail if rule or threshold coverage is below N%
            --format FORMAT   text (default) or json
            --include-drafts  also run draft rules: to try them out, never for care
            --debug           show the stack trace of an internal error
        -h, --help            show this help

      Exit codes:
        0  every scenario passed (and coverage reached --min-coverage)
        1  a scenario failed or was invalid, no scenario ran, or coverage was below N%
        2  invalid rules or command line: problems on stderr
      "
    `);
  });
});

describe("backplan test --coverage", () => {
  it("reports the four figures and, at their places, what no scenario exercised; failures first, the count last", async () => {
    const { code, stdout, stderr } = await runMain(["test", FAIL, "--coverage"]);
    expect([code, stderr]).toEqual([1, ""]);
    const coverage = stdout.slice(stdout.indexOf("coverage of"));
    expect(stdout.startsWith("FAIL ")).toBe(true);
    expect(coverage).toMatchInlineSnapshot(`
      "coverage of 3 scenarios:
        rules        50.0%  2 of 4 fired
        conditions   25.0%  1 of 4 seen both true and false
        thresholds    0.0%  0 of 1 tested on both sides
        boundaries    0.0%  0 of 1 tested at the values nearest the cut-off
      rules never fired:
        tests/cli/fixtures/scenarios-fail/rules.yaml:17  depression
        tests/cli/fixtures/scenarios-fail/rules.yaml:41  acupuncture-acp
      conditions never seen true:
        tests/cli/fixtures/scenarios-fail/rules.yaml:22:11  phq9.total ≥ 10  (rule depression)
        tests/cli/fixtures/scenarios-fail/rules.yaml:46:11  profile = acp-2017  (rule acupuncture-acp)
      conditions never seen false:
        tests/cli/fixtures/scenarios-fail/rules.yaml:34:11  pain.durationWeeks ≥ 0  (rule everyone-education)
      thresholds missing a side or a boundary value:
        tests/cli/fixtures/scenarios-fail/rules.yaml:22:11  phq9.total ≥ 10  (rule depression): never true; boundary 10 untested; values tested: 9
      1 passed, 3 failed
      "
    `);
  });

  it("--min-coverage fails the run below N% with a line per measure that fell short, and passes at or above it", async () => {
    // One scenario of three fires 2 of 4 rules and tests phq9.total ≥ 10 on one side only.
    const short = await runMain(["test", PASS, "--run", "depression", "--min-coverage", "100"]);
    expect(short.code).toBe(1);
    expect(short.stdout.trimEnd().split("\n").slice(-3)).toMatchInlineSnapshot(`
      [
        "rule coverage 50.0% (2 of 4) is below --min-coverage 100% by 50.0 points",
        "threshold coverage 0.0% (0 of 1) is below --min-coverage 100% by 100.0 points",
        "1 passed, 0 failed",
      ]
    `);
    const oneShort = await runMain(["test", PASS, "--run", "depression", "--min-coverage", "50"]);
    expect(oneShort.code).toBe(1);
    expect(oneShort.stdout.trimEnd().split("\n").slice(-2)).toMatchInlineSnapshot(`
      [
        "threshold coverage 0.0% (0 of 1) is below --min-coverage 50% by 50.0 points",
        "1 passed, 0 failed",
      ]
    `);
    const enough = await runMain(["test", PASS, "--min-coverage", "100"]);
    expect(enough.code).toBe(0);
    expect(enough.stdout).toContain("coverage of 3 scenarios:");
    expect(enough.stdout).not.toContain("is below --min-coverage");
  });

  it("measures only the scenarios --run selects", async () => {
    const { code, stdout } = await runMain(["test", FAIL, "--run", "halts", "--coverage"]);
    expect(code).toBe(0);
    expect(stdout.split("\n").slice(0, 5)).toMatchInlineSnapshot(`
      [
        "coverage of the 1 scenario selected by --run:",
        "  rules        50.0%  2 of 4 fired",
        "  conditions    0.0%  0 of 4 seen both true and false",
        "  thresholds    0.0%  0 of 1 tested on both sides",
        "  boundaries    0.0%  0 of 1 tested at the values nearest the cut-off",
      ]
    `);
  });

  it("refuses a --min-coverage that is not a percentage, and an unknown --format", async () => {
    for (const bad of ["abc", "101", "-5", "50%"]) {
      const run = await runMain(["test", PASS, `--min-coverage=${bad}`]);
      expect(run).toMatchObject({ code: 2, stdout: "" });
      expect(run.stderr).toContain(`option "--min-coverage" needs a percentage from 0 to 100`);
    }
    expect((await runMain(["test", PASS, "--min-coverage", "abc"])).stderr).toMatchInlineSnapshot(`
      "backplan test: option "--min-coverage" needs a percentage from 0 to 100 (of rules and thresholds covered); found "abc"; run "backplan test --help"
      "
    `);
    expect((await runMain(["test", PASS, "--format", "xml"])).stderr).toMatchInlineSnapshot(`
      "backplan test: --format must be text or json; found "xml"; run "backplan test --help"
      "
    `);
  });
});

describe("backplan test --format json", () => {
  it("prints one document: results, counts, coverage", async () => {
    const { code, stdout, stderr } = await runMain(["test", PASS, "--format", "json"]);
    expect([code, stderr]).toEqual([0, ""]);
    expect(Object.keys(JSON.parse(stdout) as TestReport)).toEqual(["results", "passed", "failed", "coverage"]);
    expect(JSON.parse(stdout)).toMatchInlineSnapshot(`
      {
        "coverage": {
          "rules": [
            {
              "conditions": [
                {
                  "condition": {
                    "fact": "redFlags.saddleAnaesthesia",
                    "operator": "equal",
                    "value": true,
                  },
                  "outcomes": {
                    "false": 2,
                    "true": 1,
                    "unknown": 0,
                  },
                  "pointer": "/when/any/0",
                  "source": {
                    "column": 11,
                    "file": "tests/cli/fixtures/scenarios-pass/rules.yaml",
                    "line": 8,
                  },
                },
              ],
              "firedIn": [
                "tests/cli/fixtures/scenarios-pass/tests/plans.yaml:3",
              ],
              "rule": "cauda-equina",
              "source": {
                "column": 5,
                "file": "tests/cli/fixtures/scenarios-pass/rules.yaml",
                "line": 3,
              },
            },
            {
              "conditions": [
                {
                  "condition": {
                    "fact": "phq9.total",
                    "operator": "greaterThanInclusive",
                    "value": 10,
                  },
                  "outcomes": {
                    "false": 1,
                    "true": 1,
                    "unknown": 1,
                  },
                  "pointer": "/when/all/0",
                  "source": {
                    "column": 11,
                    "file": "tests/cli/fixtures/scenarios-pass/rules.yaml",
                    "line": 22,
                  },
                  "threshold": {
                    "boundary": {
                      "missing": [
                        9,
                        10,
                      ],
                      "values": [
                        9,
                        10,
                      ],
                    },
                    "values": [
                      3,
                      12,
                    ],
                  },
                },
              ],
              "firedIn": [
                "tests/cli/fixtures/scenarios-pass/tests/plans.yaml:13",
              ],
              "rule": "depression",
              "source": {
                "column": 5,
                "file": "tests/cli/fixtures/scenarios-pass/rules.yaml",
                "line": 17,
              },
            },
            {
              "conditions": [
                {
                  "condition": {
                    "fact": "pain.durationWeeks",
                    "operator": "greaterThanInclusive",
                    "value": 0,
                  },
                  "outcomes": {
                    "false": 0,
                    "true": 3,
                    "unknown": 0,
                  },
                  "pointer": "/when/all/0",
                  "source": {
                    "column": 11,
                    "file": "tests/cli/fixtures/scenarios-pass/rules.yaml",
                    "line": 34,
                  },
                },
              ],
              "firedIn": [
                "tests/cli/fixtures/scenarios-pass/tests/plans.yaml:3",
                "tests/cli/fixtures/scenarios-pass/tests/plans.yaml:13",
                "tests/cli/fixtures/scenarios-pass/tests/plans.yaml:24",
              ],
              "rule": "everyone-education",
              "source": {
                "column": 5,
                "file": "tests/cli/fixtures/scenarios-pass/rules.yaml",
                "line": 29,
              },
            },
            {
              "conditions": [
                {
                  "condition": {
                    "fact": "profile",
                    "operator": "equal",
                    "value": "acp-2017",
                  },
                  "outcomes": {
                    "false": 2,
                    "true": 1,
                    "unknown": 0,
                  },
                  "pointer": "/when/all/0",
                  "source": {
                    "column": 11,
                    "file": "tests/cli/fixtures/scenarios-pass/rules.yaml",
                    "line": 46,
                  },
                },
              ],
              "firedIn": [
                "tests/cli/fixtures/scenarios-pass/tests/plans.yaml:24",
              ],
              "rule": "acupuncture-acp",
              "source": {
                "column": 5,
                "file": "tests/cli/fixtures/scenarios-pass/rules.yaml",
                "line": 41,
              },
            },
          ],
          "scenarios": 3,
          "summary": {
            "boundaries": {
              "covered": 0,
              "percent": 0,
              "total": 1,
            },
            "conditions": {
              "covered": 3,
              "percent": 75,
              "total": 4,
            },
            "rules": {
              "covered": 4,
              "percent": 100,
              "total": 4,
            },
            "thresholds": {
              "covered": 1,
              "percent": 100,
              "total": 1,
            },
          },
        },
        "failed": 0,
        "passed": 3,
        "results": [
          {
            "failures": [],
            "name": "saddle anaesthesia halts the plan",
            "outcome": "passed",
            "source": "tests/cli/fixtures/scenarios-pass/tests/plans.yaml:3",
          },
          {
            "failures": [],
            "name": "moderate depression is referred",
            "outcome": "passed",
            "source": "tests/cli/fixtures/scenarios-pass/tests/plans.yaml:13",
          },
          {
            "failures": [],
            "name": "acupuncture under ACP",
            "outcome": "passed",
            "source": "tests/cli/fixtures/scenarios-pass/tests/plans.yaml:24",
          },
        ],
      }
    `);
  });

  it("gives the failures of each scenario, an invalid one's problems, and the coverage shortfalls", async () => {
    const { code, stdout, stderr } = await runMain(["test", FAIL, "--format", "json", "--min-coverage", "60"]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as TestReport;
    expect(report.results.map((r) => [r.outcome, r.failures.length])).toEqual([
      ["passed", 0],
      ["failed", 2],
      ["failed", 2],
      ["invalid", 1],
    ]);
    expect(report.results[3]?.failures).toEqual(["patient.age: 4 is out of range 16–120"]);
    expect([report.passed, report.failed]).toEqual([1, 3]);
    expect(report.minCoverage).toEqual({
      required: 60,
      shortfalls: [
        { measure: "rules", required: 60, measured: { covered: 2, total: 4, percent: 50 } },
        { measure: "thresholds", required: 60, measured: { covered: 0, total: 1, percent: 0 } },
      ],
    });
    expect(stderr).toMatchInlineSnapshot(`
      "rule coverage 50.0% (2 of 4) is below --min-coverage 60% by 10.0 points
      threshold coverage 0.0% (0 of 1) is below --min-coverage 60% by 60.0 points
      "
    `);
  });

  it("is the same document on every run", async () => {
    const [a, b] = await Promise.all([
      runMain(["test", FAIL, "--format", "json"]),
      runMain(["test", FAIL, "--format", "json"]),
    ]);
    expect(a.stdout).toBe(b.stdout);
  });

  it("prints the document even when no scenario runs, and exits 1", async () => {
    const { code, stdout, stderr } = await runMain(["test", PASS, "--format", "json", "--run", "nothing"]);
    expect(code).toBe(1);
    expect(stderr).toContain('no scenario name contains "nothing"');
    expect(JSON.parse(stdout)).toMatchObject({ results: [], passed: 0, failed: 0, coverage: { scenarios: 0 } });
  });
});

describe("backplan test --include-drafts", () => {
  it("leaves draft rules out, and runs and measures them when asked", async () => {
    const files = packWith({
      "psych.yaml": ruleFile(
        rule("settled", { when: "{ fact: chronicity, operator: equal, value: acute }" }),
        rule("trial", { extra: "status: draft", when: "{ fact: chronicity, operator: equal, value: chronic }" }),
      ),
      "tests/basic.yaml": `scenarios:
  - name: chronic pain runs the trial rule
    assessment: { patient: { age: 40 }, pain: { durationWeeks: 20 } }
    expect: { fired: [trial] }
`,
    });
    const dir = await tempFolder(Object.fromEntries(files.map((f) => [f.path, f.text])));
    const without = await runMain(["test", dir, "--format", "json"]);
    expect(without.code).toBe(1);
    const off = JSON.parse(without.stdout) as TestReport;
    expect(off.coverage.rules.map((r) => r.rule)).toEqual(["settled"]);
    const drafts = await runMain(["test", dir, "--format", "json", "--include-drafts"]);
    expect(drafts.code).toBe(0);
    const on = JSON.parse(drafts.stdout) as TestReport;
    expect(on.coverage.rules.map((r) => [r.rule, r.firedIn.length])).toEqual([
      ["settled", 0],
      ["trial", 1],
    ]);
  });
});
