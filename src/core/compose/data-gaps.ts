import type { CompiledCondition } from "../evaluate/condition.js";
import type { FactValue } from "../facts/types.js";
import type { DataGap } from "../generated/types.js";
import type { PreparedComponent } from "./components.js";
import type { GapTrial } from "./gap-trials.js";
import { CONCERNS, type Stakes } from "./stakes.js";

/**
 * Something left undecided by a missing answer: a rule, or a contraindication of a component the
 * plan would hold (`contraindication:ID`). With the facts it lacked and the plan state it saw.
 */
export interface Undecided {
  readonly name: string;
  readonly test: CompiledCondition;
  readonly gapTrials: ReadonlyMap<string, GapTrial>;
  readonly stakes: Stakes;
  /** The rule's priority (a contraindication's: none, so the lowest). */
  readonly priority: number;
  readonly missing: ReadonlySet<string>;
  readonly planComponents: readonly string[];
  readonly planCategories: readonly string[];
}

interface Gathered {
  readonly names: string[];
  concern: number;
  priority: number;
  readonly couldChange: Set<PreparedComponent>;
}

/**
 * A missing value is a data gap where filling it could decide something undecided (three-valued
 * logic: some value of that one fact turns "unknown" into true or false). Where no single value
 * can (`any[all[A, B], all[C, D]]` with all four missing), every missing value is a gap: the rule
 * still waits on answers, and a plan is never silently partial. Gaps name the assessment fields
 * to collect, never derived facts, and never a field the assessment already has.
 *
 * Gaps come in clinical order: safety first (what an emergency, same-day or urgent referral hangs
 * on: red flags, PHQ-9 item 9), then other referrals, then contraindication screens, then the
 * rest; within each, what the highest-priority rule waits on first (the suicide-risk question
 * and emergency flags before urgent ones), then by field name. Each says what it could change.
 *
 * `facts` is the composer's working map: each trial sets one fact and removes it again, so no
 * copy is made on this hot path; it is left as it was found, but for `plan.*`.
 */
export function findDataGaps(
  undecided: readonly Undecided[],
  facts: Map<string, FactValue>,
  assessmentHas: (field: string) => boolean,
  planOrder: (component: PreparedComponent) => number,
): DataGap[] {
  const byField = new Map<string, Gathered>();
  for (const entry of undecided) {
    const { name, gapTrials, missing, planComponents, planCategories, stakes, priority } = entry;
    facts.set("plan.components", planComponents);
    facts.set("plan.categories", planCategories);
    const askable = [...missing].filter((fact) => gapTrials.has(fact)); // context facts are never gaps
    const deciding = askable.filter((fact) => couldDecide(entry, facts, fact, gapTrials.get(fact)?.candidates ?? []));
    const concern = CONCERNS.indexOf(stakes.concern);
    for (const fact of deciding.length > 0 ? deciding : askable) {
      for (const field of gapTrials.get(fact)?.collect ?? []) {
        if (assessmentHas(field)) continue;
        let gathered = byField.get(field);
        if (gathered === undefined)
          byField.set(field, (gathered = { names: [], concern, priority, couldChange: new Set() }));
        if (!gathered.names.includes(name)) gathered.names.push(name);
        gathered.concern = Math.min(gathered.concern, concern);
        gathered.priority = Math.max(gathered.priority, priority);
        for (const component of stakes.couldChange) gathered.couldChange.add(component);
      }
    }
  }
  // Entries are read by index, not destructured: destructuring an array runs the iterator
  // protocol, and the comparator runs for every pair compared (the profile showed it).
  return [...byField]
    .sort((p, q) => {
      const x = p[1];
      const y = q[1];
      return x.concern - y.concern || y.priority - x.priority || (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0);
    })
    .map((entry) => {
      const fact = entry[0];
      const { names, concern, couldChange } = entry[1];
      const ids = names.sort() as [string, ...string[]]; // a field enters the map with a name
      const changes = [...couldChange].sort((a, b) => planOrder(a) - planOrder(b));
      return {
        fact,
        concern: CONCERNS[concern] ?? "treatment",
        rules: ids,
        couldChange: changes.map((c) => c.definition.id),
        reason: gapReason(ids, changes),
      };
    });
}

function gapReason(names: readonly string[], changes: readonly PreparedComponent[]): string {
  const rules = names.filter((n) => !n.startsWith("contraindication:")).map((n) => `"${n}"`);
  const screens = names.filter((n) => n.startsWith("contraindication:")).map((n) => `"${n.slice(17)}"`);
  const needs = [
    ...(rules.length === 0 ? [] : [`${rules.length === 1 ? "rule" : "rules"} ${rules.join(", ")}`]),
    ...(screens.length === 0
      ? []
      : [`${screens.length === 1 ? "contraindication" : "contraindications"} ${screens.join(", ")}`]),
  ];
  const could = changes.length === 0 ? "" : `; could change: ${changes.map((c) => c.definition.title).join(", ")}`;
  return `not recorded; needed to decide ${needs.join(" and ")}${could}`;
}

function couldDecide(
  { test }: Undecided,
  facts: Map<string, FactValue>,
  fact: string,
  candidates: readonly FactValue[],
): boolean {
  try {
    return candidates.some((value) => {
      facts.set(fact, value);
      return test(facts) !== "unknown";
    });
  } finally {
    facts.delete(fact);
  }
}
