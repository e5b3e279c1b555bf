import { parseAssessment } from "../../core/run/assessment/index.js";
import type { SourcePosition } from "../../core/errors.js";
import { explainCondition } from "../../core/run/evaluate/explain.js";
import { deriveFacts } from "../../core/run/facts/catalog.js";
import type { Facts } from "../../core/run/facts/types.js";
import type { FactCondition, Plan } from "../../core/generated/types.js";
import type { CompiledRule, Ruleset, ScenarioTest } from "../../core/load/types.js";
import { conditionOutcomes, type ConditionOutcome } from "./coverage-conditions.js";
import type { ConditionPlaces } from "./coverage-places.js";
import { thresholdOf } from "./coverage-thresholds.js";
import { factsSeen } from "../../core/run/compose/facts-seen.js";
import type { ScenarioResult } from "./run-scenario.js";

/** A scenario test and what running it gave. */
export interface ScenarioRun {
  readonly test: ScenarioTest;
  readonly result: ScenarioResult;
}

/** How much of something the scenarios exercised; `percent` is rounded down to a tenth. */
export interface Measure {
  readonly covered: number;
  readonly total: number;
  readonly percent: number;
}

export interface CoverageSummary {
  /** Rules that fired in at least one scenario. */
  readonly rules: Measure;
  /** Comparisons seen both true and false. */
  readonly conditions: Measure;
  /** Numeric thresholds with a value on each side (seen both true and false). */
  readonly thresholds: Measure;
  /** Thresholds on whole-number facts whose nearest values on each side were all tested. */
  readonly boundaries: Measure;
}

/** What the scenarios showed of one comparison (`{ fact, operator, value }`) of a rule. */
export interface ConditionCoverage {
  /** JSON Pointer from the rule: `/when/all/0`. */
  readonly pointer: string;
  /** Where it is written (the rule's first line when the rule files were not given). */
  readonly source: SourcePosition;
  readonly condition: FactCondition;
  /** In how many scenarios the comparison held, failed, or could not be decided (fact absent). */
  readonly outcomes: { readonly true: number; readonly false: number; readonly unknown: number };
  /** For a comparison of a number fact with a number (see `thresholdOf`). */
  readonly threshold?: ThresholdCoverage;
}

export interface ThresholdCoverage {
  /** The fact's values the scenarios gave, ascending, once each. */
  readonly values: readonly number[];
  /** The values nearest the cut-off on each side, and those no scenario used; absent when the fact's precision is unknown. */
  readonly boundary?: { readonly values: readonly number[]; readonly missing: readonly number[] };
}

export interface RuleCoverage {
  readonly rule: string;
  readonly source: SourcePosition;
  /** The scenarios (`file:line`) in which the rule fired, in run order; none: never fired. */
  readonly firedIn: readonly string[];
  /** Its comparisons, in reading order. */
  readonly conditions: readonly ConditionCoverage[];
}

/** What a set of scenario tests exercised of a ruleset. Plain, sorted data: the same runs give the same coverage. */
export interface Coverage {
  /** How many scenarios were measured: those that produced a plan. */
  readonly scenarios: number;
  readonly summary: CoverageSummary;
  /** The rules that run, by file and line. */
  readonly rules: readonly RuleCoverage[];
}

export interface CoverageOptions {
  /** Where each comparison is written (see `conditionPlaces`); without it, at its rule. */
  readonly places?: ConditionPlaces;
  /** How a pack file is shown (as in `runScenario`); pack-relative by default. */
  readonly locate?: (file: string) => string;
}

/** Whether a comparison was seen both true and false. */
export function seenBothWays({ outcomes }: ConditionCoverage): boolean {
  return outcomes.true > 0 && outcomes.false > 0;
}

/**
 * Measures what scenario tests exercised: which rules fired and in which scenarios, which
 * comparisons were seen true and false, and which numeric thresholds had a value on each side
 * and at the boundary. Each comparison is judged on the facts its rule saw when it ran
 * (`plan.*` as the higher priorities left them: `factsSeen`). Invalid scenarios measure nothing.
 *
 * @example
 * const runs = ruleset.scenarios.map((test) => ({ test, result: runScenario(engine, test) }));
 * measureCoverage(ruleset, runs).summary.rules; // { covered: 45, total: 46, percent: 97.8 }
 */
export function measureCoverage(
  ruleset: Ruleset,
  runs: readonly ScenarioRun[],
  options: CoverageOptions = {},
): Coverage {
  const tallies = ruleset.rules.map((rule) => ({
    rule,
    firedIn: [] as string[],
    conditions: conditionTallies(rule, ruleset.facts),
  }));
  let scenarios = 0;
  for (const { test, result } of runs) {
    if (result.plan === undefined) continue;
    scenarios++;
    const seenAt = factsSeenBy(ruleset, result.plan, test.scenario.assessment);
    const fired = new Set(result.plan.trace.filter((t) => t.outcome === "fired").map((t) => t.rule));
    for (const { rule, firedIn, conditions } of tallies) {
      if (fired.has(rule.id)) firedIn.push(result.source);
      const outcomes = conditionOutcomes(explainCondition(rule.when, seenAt(rule.priority)));
      outcomes.forEach((outcome, index) => conditions[index]?.record(outcome));
    }
  }
  const locate = options.locate ?? ((file: string) => file);
  const place = (source: SourcePosition): SourcePosition => ({ ...source, file: locate(source.file) });
  const rules = tallies
    .sort((a, b) => byPosition(a.rule.source, b.rule.source))
    .map(({ rule, firedIn, conditions }) => ({
      rule: rule.id,
      source: place(rule.source),
      firedIn,
      conditions: conditions.map((tally) =>
        tally.coverage(place(options.places?.(rule.id, tally.pointer) ?? rule.source)),
      ),
    }));
  return { scenarios, summary: summarize(rules), rules };
}

/** The facts each priority saw in one plan, as the composer recorded them. */
function factsSeenBy(ruleset: Ruleset, plan: Plan, assessment: unknown): (priority: number) => Facts {
  // The scenario has a plan, so its assessment is valid.
  const parsed = parseAssessment(assessment);
  const seen = factsSeen(ruleset, parsed, plan.profile, deriveFacts(parsed));
  return (priority) => seen.at(priority);
}

/** A running count for each comparison of a rule. */
function conditionTallies(rule: CompiledRule, facts: Ruleset["facts"]) {
  return conditionOutcomes(explainCondition(rule.when, new Map())).map(({ pointer, condition }) => {
    const outcomes = { true: 0, false: 0, unknown: 0 };
    const values = new Set<number>();
    const threshold = thresholdOf(condition, facts);
    return {
      pointer,
      record({ truth, value }: ConditionOutcome) {
        outcomes[String(truth) as keyof typeof outcomes]++;
        if (typeof value === "number") values.add(value);
      },
      coverage(source: SourcePosition): ConditionCoverage {
        const base = { pointer, source, condition, outcomes };
        if (threshold === undefined) return base;
        const seen = [...values].sort((a, b) => a - b);
        const { boundary } = threshold;
        if (boundary === undefined) return { ...base, threshold: { values: seen } };
        const missing = boundary.filter((v) => !values.has(v));
        return { ...base, threshold: { values: seen, boundary: { values: boundary, missing } } };
      },
    };
  });
}

function summarize(rules: readonly RuleCoverage[]): CoverageSummary {
  const conditions = rules.flatMap((r) => r.conditions);
  const thresholds = conditions.filter((c) => c.threshold !== undefined);
  const boundaries = thresholds.flatMap((c) => (c.threshold?.boundary === undefined ? [] : [c.threshold.boundary]));
  return {
    rules: measure(rules, (r) => r.firedIn.length > 0),
    conditions: measure(conditions, seenBothWays),
    thresholds: measure(thresholds, seenBothWays),
    boundaries: measure(boundaries, (b) => b.missing.length === 0),
  };
}

/** Nothing to cover is fully covered. */
function measure<T>(items: readonly T[], covered: (item: T) => boolean): Measure {
  const count = items.filter(covered).length;
  const total = items.length;
  return { covered: count, total, percent: total === 0 ? 100 : Math.floor((count * 1000) / total) / 10 };
}

function byPosition(a: SourcePosition, b: SourcePosition): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column;
}
