import type { Engine } from "../engine.js";
import type { Issue } from "../errors.js";
import type { Plan, ScenarioExpectation } from "../generated/types.js";
import type { ScenarioTest } from "../ruleset/types.js";

export interface ScenarioResult {
  readonly name: string;
  /** `file:line` of the scenario. */
  readonly source: string;
  readonly outcome: "passed" | "failed" | "invalid";
  /** One line per unmet expectation, saying what was expected and what the plan held. */
  readonly failures: readonly string[];
  /** Why the scenario's assessment or profile was rejected (outcome `invalid`). */
  readonly issues: readonly Issue[];
  readonly plan?: Plan;
}

type Check = (expected: readonly string[], plan: Plan) => string | undefined;

const ids = (list: readonly { id: string }[]): string[] => list.map((x) => x.id);
const firedRules = (plan: Plan): string[] => plan.trace.filter((t) => t.outcome === "fired").map((t) => t.rule);

/**
 * What each expectation means. `include`, `exclude`, `withheld`, `fired` and `notFired` list
 * what must (or must not) be there; `dataGaps` is the exact set, so `dataGaps: []` means none.
 */
const CHECKS: Record<Exclude<keyof ScenarioExpectation, "status">, Check> = {
  include: (expected, plan) => missingFrom("components", expected, ids(plan.components)),
  exclude: (expected, plan) => {
    const present = expected.filter((id) => ids(plan.components).includes(id));
    return present.length === 0 ? undefined : `components must not include ${list(present)}; the plan has them`;
  },
  withheld: (expected, plan) => missingFrom("withheld", expected, ids(plan.withheld)),
  fired: (expected, plan) => missingFrom("fired rules", expected, firedRules(plan)),
  notFired: (expected, plan) => {
    const fired = expected.filter((id) => firedRules(plan).includes(id));
    return fired.length === 0 ? undefined : `rules must not fire: ${list(fired)} fired`;
  },
  dataGaps: (expected, plan) => {
    const actual = plan.dataGaps.map((g) => g.fact).sort();
    const wanted = [...expected].sort();
    return actual.join() === wanted.join() ? undefined : `data gaps: expected ${list(wanted)}, found ${list(actual)}`;
  },
};

/** Runs one author-written scenario through the engine and compares the plan with its expectations. */
export function runScenario(engine: Engine, test: ScenarioTest): ScenarioResult {
  const { scenario, source } = test;
  const base = { name: scenario.name, source: `${source.file}:${source.line}` };
  const result = engine.safeRecommend(scenario.assessment, scenario.profile === undefined ? {} : { profile: scenario.profile });
  if (!result.ok) return { ...base, outcome: "invalid", failures: [], issues: result.issues };
  const plan = result.value;
  const failures: string[] = [];
  const { status, ...lists } = scenario.expect;
  if (status !== undefined && status !== plan.status) failures.push(`status: expected ${status}, found ${plan.status}`);
  for (const [key, expected] of Object.entries(lists) as Array<[keyof typeof CHECKS, string[]]>) {
    const failure = CHECKS[key](expected, plan);
    if (failure !== undefined) failures.push(failure);
  }
  return { ...base, outcome: failures.length === 0 ? "passed" : "failed", failures, issues: [], plan };
}

function missingFrom(what: string, expected: readonly string[], actual: readonly string[]): string | undefined {
  const missing = expected.filter((id) => !actual.includes(id));
  return missing.length === 0 ? undefined : `${what} must include ${list(missing)}; found ${list(actual)}`;
}

function list(values: readonly string[]): string {
  return values.length === 0 ? "(none)" : values.join(", ");
}
