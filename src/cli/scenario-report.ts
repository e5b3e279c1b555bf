import { formatIssue, type Ruleset, type ScenarioResult } from "../node/index.js";

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

/** The last line: `12 passed, 1 failed`; an invalid scenario counts as failed. */
export function summaryLine(results: readonly ScenarioResult[]): string {
  const passed = results.filter((r) => r.outcome === "passed").length;
  return `${passed} passed, ${results.length - passed} failed`;
}
