/**
 * What the pack's scenario tests show, for the rulebook: each scenario's outcome, and per rule
 * the scenarios that fired it and what of its condition no scenario tested. The one place the
 * rulebook reads the test runner and the coverage measure.
 */
import { createEngine } from "../../core/run/engine.js";
import { formatIssue } from "../../core/errors.js";
import type { FactCondition } from "../../core/generated/types.js";
import type { Ruleset } from "../../core/load/types.js";
import { measureCoverage, seenBothWays, type ConditionCoverage, type RuleCoverage } from "../scenarios/coverage.js";
import { runScenario, type ScenarioResult } from "../scenarios/run-scenario.js";
import type { RuleTests, ScenarioEntry, TestsEntry } from "./model.js";

export interface ScenarioFindings {
  readonly tests: TestsEntry;
  /** By rule id, for the rules that run; a rule's scenarios that expect it to fire come first. */
  readonly rules: ReadonlyMap<string, RuleTests>;
}

/**
 * Runs every scenario test of the pack and measures coverage; `describe` words a comparison
 * for the notes on what went untested.
 */
export function scenarioFindings(ruleset: Ruleset, describe: (condition: FactCondition) => string): ScenarioFindings {
  const engine = createEngine(ruleset);
  const runs = ruleset.scenarios.map((test) => ({ test, result: runScenario(engine, test) }));
  const scenarios = runs.map(({ result }) => scenarioEntry(result));
  const bySource = new Map(scenarios.map((entry) => [entry.source, entry]));
  const expected = new Map(runs.map(({ test, result }) => [result.source, test.scenario.expect.fired ?? []]));
  const coverage = measureCoverage(ruleset, runs);
  const count = (outcome: ScenarioEntry["outcome"]) => scenarios.filter((s) => s.outcome === outcome).length;
  return {
    tests: {
      scenarios,
      passed: count("passed"),
      failed: count("failed"),
      invalid: count("invalid"),
      coverage: coverage.summary,
    },
    rules: new Map(
      coverage.rules.map((rule) => {
        // Scenarios written to fire the rule say most about it: they come first.
        const firedIn = [...rule.firedIn].sort(
          (a, b) => Number(expected.get(b)?.includes(rule.rule)) - Number(expected.get(a)?.includes(rule.rule)),
        );
        return [rule.rule, ruleTests({ ...rule, firedIn }, bySource, describe)];
      }),
    ),
  };
}

function scenarioEntry(result: ScenarioResult): ScenarioEntry {
  const problems = result.outcome === "invalid" ? result.issues.map(formatIssue) : result.failures;
  return { name: result.name, source: result.source, outcome: result.outcome, problems };
}

function ruleTests(
  rule: RuleCoverage,
  scenarios: ReadonlyMap<string, ScenarioEntry>,
  describe: (condition: FactCondition) => string,
): RuleTests {
  const thresholds = rule.conditions.filter((c) => c.threshold !== undefined);
  return {
    firedIn: rule.firedIn.flatMap((source) => scenarios.get(source) ?? []),
    conditions: { covered: rule.conditions.filter(seenBothWays).length, total: rule.conditions.length },
    thresholds: { covered: thresholds.filter(seenBothWays).length, total: thresholds.length },
    untested: rule.conditions.flatMap((c) => {
      const gaps = untested(c);
      return gaps.length === 0 ? [] : [`${describe(c.condition)}: ${gaps.join("; ")}`];
    }),
  };
}

/** What the scenarios never showed of one comparison. */
function untested({ outcomes, threshold }: ConditionCoverage): string[] {
  const gaps: string[] = [];
  if (outcomes.true === 0 && outcomes.false === 0)
    gaps.push("never decided (its answer was missing in every scenario)");
  else if (outcomes.true === 0) gaps.push("never true in a scenario");
  else if (outcomes.false === 0) gaps.push("never false in a scenario");
  const missing = threshold?.boundary?.missing ?? [];
  if (missing.length > 0) gaps.push(`no scenario at the boundary value ${missing.join(" or ")}`);
  return gaps;
}
