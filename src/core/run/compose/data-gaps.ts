import type { CompiledCondition } from "../evaluate/condition.js";
import type { FactTable } from "../facts/fact-table.js";
import type { DataGap } from "../../generated/types.js";
import type { PreparedComponent } from "./components.js";
import { PLAN_CATEGORIES_SLOT, PLAN_COMPONENTS_SLOT } from "./context-slots.js";
import { holds, type Field, type GapTrial } from "./gap-trials.js";
import { byText, sortSmall } from "./sort-small.js";
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
  /** The absent facts its outcome hangs on, once each. */
  readonly missing: readonly string[];
  /** The plan state it saw: the two lists of one state, shared by every entry that saw it. */
  readonly planComponents: readonly string[];
  readonly planCategories: readonly string[];
  /**
   * The reason of a gap that hangs on it alone (`soleGapReason`), when worked out beforehand: a
   * rule's is the same in every plan.
   */
  readonly gapReason?: string;
}

interface Gathered {
  /** The assessment field. */
  readonly fact: string;
  readonly names: string[];
  concern: number;
  priority: number;
  /** Once each (a handful: a list is quicker than a set). */
  readonly couldChange: PreparedComponent[];
  /** The first entry that needed it. */
  readonly first: Undecided;
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
export function findDataGaps(undecided: readonly Undecided[], facts: FactTable, assessment: object): DataGap[] {
  const gathered: Gathering = { byField: new Map(), inOrder: [] };
  // Entries come in runs that saw one plan state (the same two lists): set it once per run.
  let shown: readonly string[] | undefined;
  for (const entry of undecided) {
    const { test, gapTrials, missing } = entry;
    if (entry.planComponents !== shown) {
      shown = entry.planComponents;
      facts.setAt(PLAN_COMPONENTS_SLOT, shown);
      facts.setAt(PLAN_CATEGORIES_SLOT, entry.planCategories);
    }
    // Context facts are never gaps. Those whose value could decide the outcome, when some can;
    // else every askable one (a second pass, rather than a list of them made for every entry).
    // A fact missing alone needs no trial: `missing` holds every absent fact the condition reads,
    // so with it filled all are present, and over present facts a condition is true or false
    // (laws the evaluation's property tests pin). Most entries lack one fact.
    const alone = missing.length === 1;
    let deciding: GapTrial[] | undefined;
    for (const fact of missing) {
      const trial = gapTrials.get(fact);
      if (trial === undefined) continue;
      if (alone ? trial.candidates.length > 0 : couldDecide(test, facts, trial)) (deciding ??= []).push(trial);
    }
    if (deciding !== undefined) for (const trial of deciding) gather(gathered, entry, trial.collect, assessment);
    else
      for (const fact of missing) {
        const trial = gapTrials.get(fact);
        if (trial !== undefined) gather(gathered, entry, trial.collect, assessment);
      }
  }
  const gaps: DataGap[] = [];
  const { inOrder } = gathered;
  sortSmall(inOrder, gapOrder);
  for (const { fact, names, concern, couldChange, first } of inOrder) {
    // Most gaps hang on one rule and could change one component: nothing to sort then.
    const ids = (names.length > 1 ? sortSmall(names, byText) : names) as [string, ...string[]]; // never empty
    if (couldChange.length > 1) sortSmall(couldChange, inPlanOrder);
    gaps.push({
      fact,
      concern: CONCERNS[concern] ?? "treatment",
      rules: ids,
      couldChange: couldChange.map(idOf),
      reason: reasonOf(ids, couldChange, first),
    });
  }
  return gaps;
}

interface Gathering {
  readonly byField: Map<string, Gathered>;
  /** The same, in the order first met. */
  readonly inOrder: Gathered[];
}

/** Notes that the fields of `collect` the assessment lacks are needed to decide `entry`. */
function gather(
  { byField, inOrder }: Gathering,
  entry: Undecided,
  collect: readonly Field[],
  assessment: object,
): void {
  const { name, stakes, priority } = entry;
  const concern = stakes.rank;
  for (const field of collect) {
    // A field gathered before is one the assessment lacks: no need to look again.
    const gathered = byField.get(field.path);
    if (gathered === undefined) {
      if (holds(assessment, field)) continue;
      const made = {
        fact: field.path,
        names: [name],
        concern,
        priority,
        couldChange: [...stakes.couldChange],
        first: entry,
      };
      byField.set(field.path, made);
      inOrder.push(made);
      continue;
    }
    if (!gathered.names.includes(name)) gathered.names.push(name);
    if (concern < gathered.concern) gathered.concern = concern;
    if (priority > gathered.priority) gathered.priority = priority;
    for (const component of stakes.couldChange)
      if (!gathered.couldChange.includes(component)) gathered.couldChange.push(component);
  }
}

/** Most pressing concern first, then what the highest priority waits on, then by field. */
function gapOrder(x: Gathered, y: Gathered): number {
  return x.concern - y.concern || y.priority - x.priority || byText(x.fact, y.fact);
}

const inPlanOrder = (a: PreparedComponent, b: PreparedComponent) => a.order - b.order;
const idOf = (component: PreparedComponent) => component.definition.id;

/** A gap's reason: the one its first entry brought when the gap hangs on that alone, else made here. */
function reasonOf(names: readonly string[], changes: readonly PreparedComponent[], first: Undecided): string {
  const sole = names.length === 1 && changes.length === first.stakes.couldChange.length;
  return sole && first.gapReason !== undefined ? first.gapReason : gapReason(names, changes);
}

/** The reason of a gap that hangs on `name` alone, which could change what `stakes` says. */
export function soleGapReason(name: string, stakes: Stakes): string {
  return gapReason([name], sortSmall([...stakes.couldChange], inPlanOrder));
}

function gapReason(names: readonly string[], changes: readonly PreparedComponent[]): string {
  let rules = "";
  let rulesCount = 0;
  let screens = "";
  let screensCount = 0;
  for (const name of names) {
    if (name.startsWith(SCREEN)) {
      screens += `${screensCount++ === 0 ? "" : ", "}"${name.slice(SCREEN.length)}"`;
    } else rules += `${rulesCount++ === 0 ? "" : ", "}"${name}"`;
  }
  let needs = rulesCount === 0 ? "" : `${rulesCount === 1 ? "rule" : "rules"} ${rules}`;
  if (screensCount > 0)
    needs += `${needs === "" ? "" : " and "}${screensCount === 1 ? "contraindication" : "contraindications"} ${screens}`;
  let could = "";
  for (const { definition } of changes) could += `${could === "" ? "; could change: " : ", "}${definition.title}`;
  return `not recorded; needed to decide ${needs}${could}`;
}

/** How a contraindication is named among the rules a gap hangs on. */
const SCREEN = "contraindication:";

function couldDecide(test: CompiledCondition, facts: FactTable, { slot, candidates }: GapTrial): boolean {
  try {
    for (const value of candidates) {
      facts.setAt(slot, value);
      if (test(facts) !== "unknown") return true;
    }
    return false;
  } finally {
    facts.deleteAt(slot);
  }
}
