import { join } from "node:path";
import { createEngine, runScenario, checkRuleFolder } from "../../node/index.js";
import { defineCommand } from "../command.js";
import { ruleIssueLines } from "../diagnostics.js";
import { writeLines } from "../io.js";
import { ruleFolder } from "../rule-folder.js";
import { coverageLines, failureLines, summaryLine } from "../scenario-report.js";
import { UsageError } from "../usage-error.js";

/** `backplan test [DIR]`: the pack authors' scenario tests, with what differed and why. */
export const test = defineCommand({
  name: "test",
  summary: "run a rule folder's scenario tests",
  usage: "backplan test [DIR] [--run PATTERN]",
  description:
    "Runs every scenario test in DIR/tests/ (default: the bundled rules/ pack) and compares each plan with what " +
    "the scenario expects. Prints each failed or invalid scenario with what differed and why the rules decided " +
    "so (which rules fired or did not, on which of the patient's values), then the rule coverage (how many rules " +
    "fired in at least one scenario, and those that never did), and last:\n\n" +
    "  N passed, N failed",
  options: {
    run: { type: "string", value: "PATTERN", description: "run only the scenarios whose name contains PATTERN" },
  },
  exitCodes: [
    [0, "every scenario passed"],
    [1, "a scenario failed or was invalid, or no scenario ran"],
    [2, "invalid rules or command line: problems on stderr"],
  ],
  async run({ values, positionals, io }) {
    if (positionals.length > 1) {
      throw new UsageError(`give at most one folder; found ${positionals.length}: ${positionals.join(" ")}`);
    }
    const folder = ruleFolder(positionals[0], io.cwd);
    const { ruleset, issues } = await checkRuleFolder(folder.path, folder.name);
    if (ruleset === undefined) {
      writeLines(io.stderr, ruleIssueLines(issues.filter((issue) => issue.severity === "error")));
      return 2;
    }
    const pattern = values.run;
    const tests = ruleset.scenarios.filter((t) => pattern === undefined || t.scenario.name.includes(pattern));
    const locate = (file: string) => join(folder.name, file);
    const engine = createEngine(ruleset);
    const results = tests.map((t) => runScenario(engine, t, { locate }));

    if (tests.length === 0) {
      const all = ruleset.scenarios.length;
      io.stderr(
        pattern === undefined
          ? `no scenario tests in "${folder.name}": expected them in ${join(folder.name, "tests")}/*.yaml\n`
          : `no scenario name contains "${pattern}" (of ${all} in "${folder.name}")\n`,
      );
      io.stdout(`${summaryLine(results)}\n`);
      return 1;
    }
    writeLines(io.stdout, [
      ...results.filter((r) => r.outcome !== "passed").flatMap((r) => [...failureLines(r), ""]),
      ...coverageLines(ruleset, results, locate, pattern !== undefined),
      summaryLine(results),
    ]);
    return results.every((r) => r.outcome === "passed") ? 0 : 1;
  },
});
