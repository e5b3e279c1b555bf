import { join } from "node:path";
import {
  conditionPlaces,
  coverageShortfalls,
  GATED_MEASURES,
  measureCoverage,
  runScenario,
  type Shortfall,
} from "../../authoring/index.js";
import { createEngine, readRuleFiles } from "../../node/index.js";
import { defineCommand } from "../command.js";
import { loadRules } from "../load-rules.js";
import { writeLines } from "../io.js";
import { ruleFolder } from "../rule-folder.js";
import { includeDraftsOption } from "../rule-options.js";
import {
  coverageLines,
  coverageReportLines,
  failureLines,
  shortfallLines,
  summaryLine,
  testReport,
} from "../scenario-report.js";
import { UsageError } from "../usage-error.js";

const FORMATS = ["text", "json"] as const;

/** `backplan test [DIR]`: the pack authors' scenario tests, with what differed and why, and what they cover. */
export const test = defineCommand({
  name: "test",
  summary: "run a rule folder's scenario tests, with their coverage",
  usage: "backplan test [DIR] [--run PATTERN] [--coverage] [--min-coverage N] [--format text|json] [--include-drafts]",
  description:
    "Runs every scenario test in DIR/tests/ (default: the bundled rules/ pack) and compares each plan with what " +
    "the scenario expects. Prints each failed or invalid scenario with what differed and why the rules decided " +
    "so (which rules fired or did not, on which of the patient's values), then the rule coverage (how many rules " +
    "fired in at least one scenario, and those that never did), and last:\n\n" +
    "  N passed, N failed\n\n" +
    "With --coverage, coverage is measured in full: rules fired; conditions (each comparison of a fact with a " +
    "value in a rule's when, judged on the facts the rule saw when it ran) seen both true and false; numeric " +
    "thresholds tested on both sides; and thresholds on whole-number facts tested at the values nearest the " +
    "cut-off (9 and 10 for ≥ 10). Each rule never fired, condition never seen true or never seen false, and " +
    "threshold missing a side or a boundary value is listed at its file:line:col.\n\n" +
    "--min-coverage N fails the run when rule coverage or threshold coverage is below N%, with a line saying which " +
    "and by how much. Condition coverage is reported, not required: a condition that no valid assessment can make " +
    "false is a lint finding, not a missing test.\n\n" +
    "--format json prints one JSON document instead: results (name, source, outcome, failures), passed, failed, " +
    "coverage, and minCoverage when given.",
  options: {
    run: { type: "string", value: "PATTERN", description: "run only the scenarios whose name contains PATTERN" },
    coverage: { type: "boolean", description: "report rule, condition, threshold and boundary coverage" },
    "min-coverage": {
      type: "string",
      value: "N",
      description: "fail if rule or threshold coverage is below N%",
    },
    format: { type: "string", value: "FORMAT", description: "text (default) or json" },
    "include-drafts": includeDraftsOption,
  },
  exitCodes: [
    [0, "every scenario passed (and coverage reached --min-coverage)"],
    [1, "a scenario failed or was invalid, no scenario ran, or coverage was below N%"],
    [2, "invalid rules or command line: problems on stderr"],
  ],
  async run({ values, positionals, io }) {
    if (positionals.length > 1) {
      throw new UsageError(`give at most one folder; found ${positionals.length}: ${positionals.join(" ")}`);
    }
    const format = formatOf(values.format);
    const required = minCoverageOf(values["min-coverage"]);
    const folder = ruleFolder(positionals[0], io.cwd);
    const ruleset = await loadRules(folder, { includeDrafts: values["include-drafts"] === true }, io);
    if (ruleset === undefined) return 2;
    const pattern = values.run;
    const tests = ruleset.scenarios.filter((t) => pattern === undefined || t.scenario.name.includes(pattern));
    if (tests.length === 0) {
      io.stderr(
        pattern === undefined
          ? `no scenario tests in "${folder.name}": expected them in ${join(folder.name, "tests")}/*.yaml\n`
          : `no scenario name contains "${pattern}" (of ${ruleset.scenarios.length} in "${folder.name}")\n`,
      );
    }
    const locate = (file: string) => join(folder.name, file);
    const engine = createEngine(ruleset);
    const runs = tests.map((test) => ({ test, result: runScenario(engine, test, { locate }) }));
    const results = runs.map((run) => run.result);
    const measure = async () => {
      const places = conditionPlaces(await readRuleFiles(folder.path, folder.name));
      const coverage = measureCoverage(ruleset, runs, { locate, places });
      return { coverage, shortfalls: required === undefined ? [] : coverageShortfalls(coverage.summary, required) };
    };
    const exitCode = (shortfalls: readonly Shortfall[]) =>
      tests.length === 0 || results.some((r) => r.outcome !== "passed") || shortfalls.length > 0 ? 1 : 0;

    if (format === "json") {
      const { coverage, shortfalls } = await measure();
      const gate = required === undefined ? undefined : { required, shortfalls };
      io.stdout(`${JSON.stringify(testReport(results, coverage, gate), null, 2)}\n`);
      writeLines(io.stderr, shortfallLines(shortfalls));
      return exitCode(shortfalls);
    }
    if (tests.length === 0) {
      io.stdout(`${summaryLine(results)}\n`);
      return 1;
    }
    const partial = pattern !== undefined;
    const failures = results.filter((r) => r.outcome !== "passed").flatMap((r) => [...failureLines(r), ""]);
    if (values.coverage !== true && required === undefined) {
      writeLines(io.stdout, [...failures, ...coverageLines(ruleset, results, locate, partial), summaryLine(results)]);
      return exitCode([]);
    }
    const { coverage, shortfalls } = await measure();
    writeLines(io.stdout, [
      ...failures,
      ...coverageReportLines(coverage, partial),
      ...shortfallLines(shortfalls),
      summaryLine(results),
    ]);
    return exitCode(shortfalls);
  },
});

function formatOf(value: string | undefined): (typeof FORMATS)[number] {
  const format = FORMATS.find((f) => f === (value ?? "text"));
  if (format === undefined) throw new UsageError(`--format must be text or json; found "${value ?? ""}"`);
  return format;
}

/** `--min-coverage`: a percentage, 0 to 100. */
function minCoverageOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const percent = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!(percent <= 100)) {
    throw new UsageError(
      `option "--min-coverage" needs a percentage from 0 to 100 (of ${GATED_MEASURES.join(" and ")} covered); found "${value}"`,
    );
  }
  return percent;
}
