import type { CompiledCondition } from "../evaluate/condition.js";
import type { FactValue } from "../facts/types.js";
import type { DataGap } from "../generated/types.js";
import type { PreparedComponent } from "./components.js";
import { holds, type GapTrial } from "./gap-trials.js";
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
  assessment: object,
): DataGap[] {
  const byField = new Map<string, Gathered>();
  for (const entry of undecided) {
    const { name, test, gapTrials, missing, stakes, priority } = entry;
    facts.set("plan.components", entry.planComponents);
    facts.set("plan.categories", entry.planCategories);
    // Context facts are never gaps. Those whose value could decide the outcome, when some can.
    const askable: GapTrial[] = [];
    let deciding: GapTrial[] | undefined;
    for (const fact of missing) {
      const trial = gapTrials.get(fact);
      if (trial === undefined) continue;
      askable.push(trial);
      if (couldDecide(test, facts, fact, trial.candidates)) (deciding ??= []).push(trial);
    }
    const concern = CONCERNS.indexOf(stakes.concern);
    for (const { collect } of deciding ?? askable) {
      for (const field of collect) {
        if (holds(assessment, field)) continue;
        let gathered = byField.get(field.path);
        if (gathered === undefined)
          byField.set(field.path, (gathered = { names: [], concern, priority, couldChange: new Set() }));
        if (!gathered.names.includes(name)) gathered.names.push(name);
        gathered.concern = Math.min(gathered.concern, concern);
        gathered.priority = Math.max(gathered.priority, priority);
        for (const component of stakes.couldChange) gathered.couldChange.add(component);
      }
    }
  }
  const gaps: DataGap[] = [];
  for (const entry of [...byField].sort(gapOrder)) {
    const { names, concern, couldChange } = entry[1];
    const ids = names.sort() as [string, ...string[]]; // a field enters the map with a name
    const changes = [...couldChange].sort(inPlanOrder);
    gaps.push({
      fact: entry[0],
      concern: CONCERNS[concern] ?? "treatment",
      rules: ids,
      couldChange: changes.map(idOf),
      reason: gapReason(ids, changes),
    });
  }
  return gaps;
}

/**
 * Most pressing concern first, then what the highest priority waits on, then by field. Entries
 * are read by index, not destructured: destructuring an array runs the iterator protocol, and the
 * comparator runs for every pair compared (the profile showed it).
 */
function gapOrder(p: readonly [string, Gathered], q: readonly [string, Gathered]): number {
  const x = p[1];
  const y = q[1];
  return x.concern - y.concern || y.priority - x.priority || (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0);
}

const inPlanOrder = (a: PreparedComponent, b: PreparedComponent) => a.order - b.order;
const idOf = (component: PreparedComponent) => component.definition.id;

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
  test: CompiledCondition,
  facts: Map<string, FactValue>,
  fact: string,
  candidates: readonly FactValue[],
): boolean {
  try {
    for (const value of candidates) {
      facts.set(fact, value);
      if (test(facts) !== "unknown") return true;
    }
    return false;
  } finally {
    facts.delete(fact);
  }
}
