import type { FactValue } from "../facts/types.js";
import type { DataGap } from "../generated/types.js";
import type { PreparedRule } from "./prepared-rule.js";

/** An undetermined rule, the facts it lacked, and the plan state it saw when it ran. */
export interface UndecidedRule {
  readonly prepared: PreparedRule;
  readonly missing: ReadonlySet<string>;
  readonly planComponents: readonly string[];
  readonly planCategories: readonly string[];
}

/**
 * A missing value is a data gap where filling it could decide an undecided rule (three-valued
 * logic: some value of that one fact turns "unknown" into fired or not-fired). Where no single
 * value can (`any[all[A, B], all[C, D]]` with all four missing), every missing value of the rule
 * is a gap: the rule still waits on answers, and a plan is never silently partial. Gaps name the
 * assessment fields to collect, never derived facts, and never a field the assessment already has.
 *
 * `facts` is the composer's working map: each trial sets one fact and removes it again, so no
 * copy is made on this hot path; it is left as it was found, but for `plan.*`.
 */
export function findDataGaps(
  undecided: readonly UndecidedRule[],
  facts: Map<string, FactValue>,
  assessmentHas: (field: string) => boolean,
): DataGap[] {
  const rulesByField = new Map<string, string[]>();
  for (const { prepared, missing, planComponents, planCategories } of undecided) {
    const { rule, gapTrials } = prepared;
    facts.set("plan.components", planComponents);
    facts.set("plan.categories", planCategories);
    const askable = [...missing].filter((fact) => gapTrials.has(fact)); // context facts are never gaps
    const deciding = askable.filter((fact) =>
      couldDecide(prepared, facts, fact, gapTrials.get(fact)?.candidates ?? []),
    );
    for (const fact of deciding.length > 0 ? deciding : askable) {
      for (const field of gapTrials.get(fact)?.collect ?? []) {
        if (assessmentHas(field)) continue;
        const rules = rulesByField.get(field);
        if (rules === undefined) rulesByField.set(field, [rule.id]);
        else if (!rules.includes(rule.id)) rules.push(rule.id);
      }
    }
  }
  return [...rulesByField]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([fact, rules]) => {
      const ids = rules.sort() as [string, ...string[]]; // a field enters the map with a rule
      return {
        fact,
        rules: ids,
        reason: `not recorded; needed to decide ${ids.length === 1 ? "rule" : "rules"} ${ids.map((id) => `"${id}"`).join(", ")}`,
      };
    });
}

function couldDecide(
  { rule }: PreparedRule,
  facts: Map<string, FactValue>,
  fact: string,
  candidates: readonly FactValue[],
): boolean {
  try {
    return candidates.some((value) => {
      facts.set(fact, value);
      return rule.test(facts) !== "unknown";
    });
  } finally {
    facts.delete(fact);
  }
}
