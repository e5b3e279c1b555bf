import { parseAssessment } from "../../core/run/assessment/index.js";
import type { Engine } from "../../core/run/engine.js";
import type { Issue } from "../../core/errors.js";
import { factsSeen, type FactsSeen } from "../../core/run/compose/facts-seen.js";
import { deriveFacts } from "../../core/run/facts/catalog.js";
import type { Assessment, Plan, ScenarioExpectation } from "../../core/generated/types.js";
import type { ScenarioTest } from "../../core/load/types.js";
import { explainContraindication, explainRule } from "./explain-rule.js";
import { whyGap, whyMissing, whyNotWithheld, whyPresent, whyRule, whyStatus, type PlanContext } from "./why.js";

/** An expectation the plan did not meet. */
export interface UnmetExpectation {
  readonly expectation: keyof ScenarioExpectation;
  /** What was expected and what the plan held, on one line. */
  readonly message: string;
  /**
   * Why the rules decided so, one line each: who added or withheld a component, and what each
   * rule involved decided on which of the patient's values (`rule "x" (file:line) did not fire:
   * phq9.total ≥ 10 (found 9)`; an undetermined rule names the values not recorded).
   */
  readonly why: readonly string[];
}

export interface ScenarioResult {
  readonly name: string;
  /** `file:line` of the scenario. */
  readonly source: string;
  readonly outcome: "passed" | "failed" | "invalid";
  /** One line per unmet expectation, saying what was expected and what the plan held. */
  readonly failures: readonly string[];
  /** The unmet expectations with their explanations (`failures` holds their messages). */
  readonly unmet: readonly UnmetExpectation[];
  /** Why the scenario's assessment or profile was rejected (outcome `invalid`). */
  readonly issues: readonly Issue[];
  readonly plan?: Plan;
}

/** One kind of list expectation: which expected ids the plan gets wrong, the line that says so, and why. */
interface ListCheck {
  unmet(expected: readonly string[], plan: Plan): string[];
  message(unmet: readonly string[], expected: readonly string[], plan: Plan): string;
  why(id: string, context: PlanContext): string[];
}

const ids = (list: readonly { id: string }[]): string[] => list.map((x) => x.id);
const firedRules = (plan: Plan): string[] => plan.trace.filter((t) => t.outcome === "fired").map((t) => t.rule);
const gaps = (plan: Plan): string[] => plan.dataGaps.map((g) => g.fact).sort();
const absentFrom = (actual: readonly string[]) => (expected: readonly string[]) =>
  expected.filter((id) => !actual.includes(id));
const presentIn = (actual: readonly string[]) => (expected: readonly string[]) =>
  expected.filter((id) => actual.includes(id));

/**
 * What each expectation means. `include`, `exclude`, `withheld`, `fired` and `notFired` list
 * what must (or must not) be there; `dataGaps` is the exact set, so `dataGaps: []` means none.
 */
const CHECKS: Record<Exclude<keyof ScenarioExpectation, "status" | "urgency" | "details">, ListCheck> = {
  include: {
    unmet: (expected, plan) => absentFrom(ids(plan.components))(expected),
    message: (missing, _, plan) => `components must include ${list(missing)}; found ${list(ids(plan.components))}`,
    why: whyMissing,
  },
  exclude: {
    unmet: (expected, plan) => presentIn(ids(plan.components))(expected),
    message: (present) => `components must not include ${list(present)}; the plan has them`,
    why: whyPresent,
  },
  withheld: {
    unmet: (expected, plan) => absentFrom(ids(plan.withheld))(expected),
    message: (missing, _, plan) => `withheld must include ${list(missing)}; found ${list(ids(plan.withheld))}`,
    why: whyNotWithheld,
  },
  fired: {
    unmet: (expected, plan) => absentFrom(firedRules(plan))(expected),
    message: (missing, _, plan) => `fired rules must include ${list(missing)}; found ${list(firedRules(plan))}`,
    why: whyRule,
  },
  notFired: {
    unmet: (expected, plan) => presentIn(firedRules(plan))(expected),
    message: (fired) => `rules must not fire: ${list(fired)} fired`,
    why: whyRule,
  },
  dataGaps: {
    unmet: (expected, plan) => [...absentFrom(gaps(plan))(expected), ...absentFrom(expected)(gaps(plan))],
    message: (_, expected, plan) => `data gaps: expected ${list([...expected].sort())}, found ${list(gaps(plan))}`,
    why: whyGap,
  },
};

export interface ScenarioOptions {
  /**
   * How a pack file is shown in `source` and in explanations: pack-relative by default
   * (`tests/psych.yaml`); a command line shows it from where the user stands (`rules/tests/psych.yaml`).
   */
  readonly locate?: (file: string) => string;
}

/**
 * Runs one author-written scenario through the engine and compares the plan with its
 * expectations; each unmet one says what differed and why the rules decided so.
 *
 * @example
 * const engine = createEngine(ruleset);
 * const failed = ruleset.scenarios.map((test) => runScenario(engine, test)).filter((r) => r.outcome !== "passed");
 */
export function runScenario(engine: Engine, test: ScenarioTest, options: ScenarioOptions = {}): ScenarioResult {
  const { scenario, source } = test;
  const locate = options.locate ?? ((file: string) => file);
  const base = { name: scenario.name, source: `${locate(source.file)}:${source.line}` };
  const result = engine.safeRecommend(
    scenario.assessment,
    scenario.profile === undefined ? {} : { profile: scenario.profile },
  );
  if (!result.ok) return { ...base, outcome: "invalid", failures: [], unmet: [], issues: result.issues };
  const plan = result.value;
  const context = planContext(engine, scenario.assessment, plan, locate);
  const unmet: UnmetExpectation[] = [];
  const { status, urgency, details, ...lists } = scenario.expect;
  if (status !== undefined && status !== plan.status) {
    unmet.push({
      expectation: "status",
      message: `status: expected ${status}, found ${plan.status}`,
      why: whyStatus(status, context),
    });
  }
  if (urgency !== undefined && urgency !== plan.urgency) {
    const referrals = plan.components.filter((c) => c.category === "referral");
    unmet.push({
      expectation: "urgency",
      message: `urgency: expected ${urgency}, found ${plan.urgency}`,
      why: referrals.map(
        (c) =>
          `${c.id}: urgency ${c.details.urgency ?? "(none)"}, from ${c.reasons.map((r) => `rule "${r.rule}"`).join(", ")}`,
      ),
    });
  }
  for (const [id, expected] of Object.entries(details ?? {})) {
    const component = plan.components.find((c) => c.id === id);
    const differing = Object.entries(expected ?? {}).filter(
      ([key, value]) =>
        component === undefined || !sameValue(component.details[key as keyof typeof component.details], value),
    );
    if (differing.length === 0) continue;
    unmet.push({
      expectation: "details",
      message:
        component === undefined
          ? `details of ${id}: the plan does not hold ${id}`
          : `details of ${id}: ${differing.map(([key, value]) => `${key} expected ${JSON.stringify(value)}, found ${JSON.stringify(component.details[key as keyof typeof component.details] ?? null)}`).join("; ")}`,
      why:
        component === undefined ? whyMissing(id, context) : component.reasons.map((r) => `rule "${r.rule}": ${r.text}`),
    });
  }
  for (const [key, expected] of Object.entries(lists) as Array<[keyof typeof CHECKS, string[]]>) {
    const check = CHECKS[key];
    const wrong = check.unmet(expected, plan);
    if (wrong.length === 0) continue;
    const why = [...new Set(wrong.flatMap((id) => check.why(id, context)))];
    unmet.push({ expectation: key, message: check.message(wrong, expected, plan), why });
  }
  const failures = unmet.map((u) => u.message);
  return { ...base, outcome: unmet.length === 0 ? "passed" : "failed", failures, unmet, issues: [], plan };
}

/** Explanations are worked out only when asked for: a passing scenario costs one plan. */
function planContext(engine: Engine, assessment: unknown, plan: Plan, locate: (file: string) => string): PlanContext {
  const { ruleset } = engine;
  let seen: FactsSeen | undefined;
  // The engine accepted the assessment, so parsing it again cannot fail.
  const composed = () => (seen ??= seenBy(ruleset, parseAssessment(assessment), plan));
  return {
    ruleset,
    plan,
    explain: (rule) => explainRule(rule, composed().at(rule.priority), locate),
    screen(component) {
      const contraindications = ruleset.components.get(component)?.contraindications ?? [];
      if (contraindications.length === 0) return [];
      const { screenedOn } = composed();
      return contraindications.map((c) => explainContraindication(c, screenedOn));
    },
    screened: () => composed().screened,
  };
}

/** What the plan's rules and contraindications read, from the composer that made it. */
function seenBy(ruleset: Engine["ruleset"], assessment: Assessment, plan: Plan): FactsSeen {
  return factsSeen(ruleset, assessment, plan.profile, deriveFacts(assessment));
}

/** Detail values are strings and numbers: equal as JSON. */
function sameValue(actual: unknown, expected: unknown): boolean {
  return JSON.stringify(actual) === JSON.stringify(expected);
}

function list(values: readonly string[]): string {
  return values.length === 0 ? "(none)" : values.join(", ");
}
