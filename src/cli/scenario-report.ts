import { describeCondition } from "../core/index.js";
import type {
  ConditionCoverage,
  Coverage,
  GatedMeasure,
  Measure,
  RuleCoverage,
  ScenarioResult,
  Shortfall,
} from "../authoring/index.js";
import { formatIssue, type Ruleset } from "../node/index.js";

/**
 * A failed or invalid scenario, for a terminal: a heading with its `file:line`, each unmet
 * expectation indented under it, and under each, why the rules decided so (a reason already
 * given for an earlier expectation of the scenario is not repeated).
 *
 *   FAIL rules/tests/psych.yaml:12: moderate depression is referred
 *       components must include mental-health-referral; found education-reassurance
 *         rule "depression" (rules/psychological.yaml:14) did not fire: phq9.total ≥ 10 (found 9)
 */
export function failureLines(result: ScenarioResult): string[] {
  if (result.outcome === "invalid") {
    return [`INVALID ${result.source}: ${result.name}`, ...result.issues.map((issue) => `    ${formatIssue(issue)}`)];
  }
  const told = new Set<string>();
  const untold = (line: string) => !told.has(line) && Boolean(told.add(line));
  return [
    `FAIL ${result.source}: ${result.name}`,
    ...result.unmet.flatMap((unmet) => {
      const why = unmet.why.filter(untold);
      return [`    ${unmet.message}`, ...(why.length > 0 ? why : ["(as above)"]).map((line) => `      ${line}`)];
    }),
  ];
}

/**
 * How many rules fired in at least one scenario, and each one that never did, with its place:
 * a rule no scenario makes fire is a rule nobody has seen work. Over a selection of the
 * scenarios (`partial`), only the count: most rules are not meant to fire there.
 */
export function coverageLines(
  ruleset: Ruleset,
  results: readonly ScenarioResult[],
  locate: (file: string) => string,
  partial: boolean,
): string[] {
  const fired = new Set(
    results
      .flatMap((r) => r.plan?.trace ?? [])
      .filter((t) => t.outcome === "fired")
      .map((t) => t.rule),
  );
  const never = ruleset.rules.filter((rule) => !fired.has(rule.id));
  const covered = ruleset.rules.length - never.length;
  const count = `rule coverage: ${covered} of ${ruleset.rules.length} rules fired in at least one`;
  if (partial) return [`${count} of the ${results.length} scenarios selected by --run`];
  return [
    `${count} scenario`,
    ...never.map((rule) => `  never fired: ${rule.id} (${locate(rule.source.file)}:${rule.source.line})`),
  ];
}

/**
 * The coverage report of `test --coverage`: the four figures, then what is missing, each at its
 * place so an author can open it: rules never fired, comparisons never seen true or never seen
 * false, and thresholds without a value on one side or at the values nearest the cut-off.
 *
 *   coverage of 12 scenarios:
 *     rules        75.0%  3 of 4 fired
 *     …
 *   conditions never seen false:
 *     rules/psych.yaml:17:11  phq9.total ≥ 10  (rule depression)
 */
export function coverageReportLines(coverage: Coverage, partial: boolean): string[] {
  const { summary } = coverage;
  const conditions = coverage.rules.flatMap((rule) => rule.conditions.map((condition) => ({ rule, condition })));
  const never = (outcome: "true" | "false") =>
    conditions.filter(({ condition }) => condition.outcomes[outcome] === 0).map(conditionLine);
  const thresholds = conditions.flatMap(({ rule, condition }) => {
    const gaps = thresholdGaps(condition);
    return gaps.length === 0 ? [] : [`${conditionLine({ rule, condition })}: ${gaps.join("; ")}`];
  });
  return [
    `coverage of ${partial ? "the " : ""}${scenarios(coverage.scenarios)}${partial ? " selected by --run" : ""}:`,
    figure("rules", summary.rules, "fired"),
    figure("conditions", summary.conditions, "seen both true and false"),
    figure("thresholds", summary.thresholds, "tested on both sides"),
    figure("boundaries", summary.boundaries, "tested at the values nearest the cut-off"),
    ...section(
      "rules never fired:",
      coverage.rules
        .filter((rule) => rule.firedIn.length === 0)
        .map((rule) => `${rule.source.file}:${rule.source.line}  ${rule.rule}`),
    ),
    ...section("conditions never seen true:", never("true")),
    ...section("conditions never seen false:", never("false")),
    ...section("thresholds missing a side or a boundary value:", thresholds),
  ];
}

/** One line per gated measure below `--min-coverage`, saying by how much. */
export function shortfallLines(shortfalls: readonly Shortfall[]): string[] {
  return shortfalls.map(({ measure, required, measured }) => {
    // The percentage shown is rounded down, so the gap to it is never less than the real one.
    const short = Math.max(required - measured.percent, 0.1).toFixed(1);
    return `${MEASURE_NAMES[measure]} ${measured.percent.toFixed(1)}% (${measured.covered} of ${measured.total}) is below --min-coverage ${required}% by ${short} points`;
  });
}

const MEASURE_NAMES: Readonly<Record<GatedMeasure, string>> = {
  rules: "rule coverage",
  thresholds: "threshold coverage",
};

function scenarios(count: number): string {
  return `${count} scenario${count === 1 ? "" : "s"}`;
}

function figure(name: string, { covered, total, percent }: Measure, what: string): string {
  return `  ${name.padEnd(10)} ${percent.toFixed(1).padStart(6)}%  ${covered} of ${total} ${what}`;
}

function section(heading: string, lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : [heading, ...lines.map((line) => `  ${line}`)];
}

/** `rules/psych.yaml:17:11  phq9.total ≥ 10  (rule depression)`. */
function conditionLine({ rule, condition }: { rule: RuleCoverage; condition: ConditionCoverage }): string {
  const { file, line, column } = condition.source;
  return `${file}:${line}:${column}  ${describeCondition(condition.condition, { lists: "bare" })}  (rule ${rule.rule})`;
}

/** What a threshold lacks: a side, a boundary value; with the values it was tested at. */
function thresholdGaps({ outcomes, threshold }: ConditionCoverage): string[] {
  if (threshold === undefined) return [];
  const missing = threshold.boundary?.missing ?? [];
  const gaps = [
    ...(outcomes.true === 0 ? ["never true"] : []),
    ...(outcomes.false === 0 ? ["never false"] : []),
    ...(missing.length === 0 ? [] : [`boundary ${missing.join(", ")} untested`]),
  ];
  if (gaps.length === 0) return [];
  const { values } = threshold;
  return [...gaps, values.length === 0 ? "no value tested" : `values tested: ${values.join(", ")}`];
}

/** What `backplan test --format json` prints: one document, keys in this order, lists in file order. */
export interface TestReport {
  /** Every scenario run, in file order; an invalid scenario's failures are its assessment's problems. */
  readonly results: readonly {
    readonly name: string;
    /** `file:line` of the scenario. */
    readonly source: string;
    readonly outcome: ScenarioResult["outcome"];
    readonly failures: readonly string[];
  }[];
  readonly passed: number;
  readonly failed: number;
  readonly coverage: Coverage;
  /** With `--min-coverage`: the percentage required and the gated measures below it. */
  readonly minCoverage?: { readonly required: number; readonly shortfalls: readonly Shortfall[] };
}

/** The JSON report, as `TestReport` describes it. */
export function testReport(
  results: readonly ScenarioResult[],
  coverage: Coverage,
  gate?: { readonly required: number; readonly shortfalls: readonly Shortfall[] },
): TestReport {
  const { passed, failed } = counts(results);
  return {
    results: results.map(({ name, source, outcome, failures, issues }) => ({
      name,
      source,
      outcome,
      failures: outcome === "invalid" ? issues.map(formatIssue) : failures,
    })),
    passed,
    failed,
    coverage,
    ...(gate === undefined ? {} : { minCoverage: gate }),
  };
}

/** The last line: `12 passed, 1 failed`; an invalid scenario counts as failed. */
export function summaryLine(results: readonly ScenarioResult[]): string {
  const { passed, failed } = counts(results);
  return `${passed} passed, ${failed} failed`;
}

function counts(results: readonly ScenarioResult[]): { passed: number; failed: number } {
  const passed = results.filter((r) => r.outcome === "passed").length;
  return { passed, failed: results.length - passed };
}
