import type { CompiledCondition } from "../evaluate/condition.js";
import type { FactTable } from "../facts/fact-table.js";
import type { Facts } from "../facts/types.js";
import type { Assessment, Plan, PlanComponent, TraceEntry, WithheldComponent } from "../../generated/types.js";
import type { Ruleset } from "../../load/types.js";
import { buildComponent, mostImportant, type AddedBy, type PreparedComponent } from "./components.js";
import { screen } from "./contraindications.js";
import { PLAN_CATEGORIES_SLOT, PLAN_COMPONENTS_SLOT, PROFILE_SLOT } from "./context-slots.js";
import { findDataGaps, type Undecided } from "./data-gaps.js";
import { prepare, type PreparedRuleset } from "./prepare.js";
import type { PreparedRule } from "./prepared-rule.js";
import { byText, sortSmall } from "./sort-small.js";
import { stakes } from "./stakes.js";
import { planUrgency } from "./urgency.js";

/** Something undecided, with the rule it is when it is one (else a contraindication). */
interface Pending extends Undecided {
  readonly step?: PreparedRule;
}

interface Withholding {
  readonly rule: string;
  /** Whether the rule's condition reads `plan.*`: it withholds because of what the plan holds. */
  readonly readsPlan?: boolean;
  readonly importance: number;
  readonly priority: number;
  readonly reason: string;
}

/** What the composer needs besides the ruleset: the facts, and who the plan is for. */
export interface CompositionInput {
  /** The assessment's facts. The composer owns this map: it adds `profile` and `plan.*` to it. */
  readonly facts: FactTable;
  readonly profile: string;
  /**
   * The (valid) assessment the facts come from: its id, what the patient asked for
   * (`preferences.requestedTreatments`), and the fields it holds, which gaps never name.
   */
  readonly assessment: Assessment;
}

/**
 * What a caller may watch of a composition: the facts each run of rules read and those the
 * contraindications read, as the composer set them. Each call gets the composer's working map,
 * which changes after it returns: copy what is kept.
 */
export interface CompositionWatch {
  /** Before the rules of `priority` run: the facts they read (the plan state the higher priorities left). */
  readonly rules: (priority: number, facts: Facts) => void;
  /** Before the contraindications screen: the facts they read, `plan.components` being what they screen. */
  readonly screening: (facts: Facts) => void;
}

/** The decisions of the rules that fired so far. */
interface Decisions {
  readonly added: Map<PreparedComponent, AddedBy[]>;
  readonly withheldComponents: Map<PreparedComponent, Withholding[]>;
  readonly withheldCategories: Map<string, Withholding[]>;
  readonly halts: Withholding[];
}

/**
 * Runs the rules from the highest priority down and composes one plan.
 *
 * Rules of equal priority see the same state (`plan.components`, `plan.categories` as decided by
 * the higher priorities), so their order never matters. Withholding beats adding, whatever the
 * priorities. A halt keeps what rules of its priority or higher added and withholds the rest;
 * below a halt, rules decide nothing: their withholdings cannot undo what the halt kept.
 *
 * Contraindications (component catalog data) come last and beat everything: a component whose
 * contraindication holds, or cannot be decided for a missing answer, is withheld whichever rule
 * added it, and later rules never see it in `plan.components`. They read the plan state the
 * rules decided, so what they withhold never feeds back into what they read.
 */
export function compose(ruleset: Ruleset, input: CompositionInput, watch?: CompositionWatch): Plan {
  const { facts } = input;
  const prepared = prepare(ruleset);
  const { groups, inPlanOrder } = prepared;
  facts.setAt(PROFILE_SLOT, input.profile);
  const decisions: Decisions = {
    added: new Map(),
    withheldComponents: new Map(),
    withheldCategories: new Map(),
    halts: [],
  };
  // One entry per rule, so made at its full length: pushing grew it five times over a plan.
  const trace = new Array<TraceEntry>(ruleset.rules.length);
  let traced = 0;
  const undecided: Pending[] = [];
  // The one set every undecided test collects its absent facts in, emptied after each.
  const absent = new Set<string>();

  let planComponents: readonly string[] = [];
  let planCategories: readonly string[] = [];
  let changed = true;
  for (const group of groups) {
    // The plan state hangs only on which components are added or withheld and which categories
    // are withheld: work it out again only when a rule changed one of those sets.
    if (changed) {
      [planComponents, planCategories] = planState(prepared, decisions, facts);
      changed = false;
    }
    if (watch !== undefined && group[0] !== undefined) watch.rules(group[0].rule.priority, facts);
    // Rules only record decisions here; `facts` changes between groups, never within one.
    for (const step of group) {
      const { rule } = step;
      const truth = rule.test(facts);
      if (truth === false) trace[traced++] = step.notFired;
      else if (truth === true) {
        trace[traced++] = step.fired;
        if (applyRule(step, facts, decisions)) changed = true;
      } else {
        const missing = absentFacts(rule.test, facts, absent); // again, collecting them
        const { stakes } = step;
        // Written out, not spread: in Node 20's V8 a spread costs about a microsecond per object.
        undecided.push({
          name: rule.id,
          test: rule.test,
          gapTrials: step.gapTrials(),
          stakes,
          priority: rule.priority,
          step,
          missing,
          planComponents,
          planCategories,
          gapReason: step.gapReason(),
        });
        trace[traced++] = {
          rule: rule.id,
          priority: rule.priority,
          outcome: "undetermined",
          source: step.source,
          missing,
        };
      }
    }
  }

  const { added, withheldComponents, withheldCategories, halts } = decisions;
  const halt = mostImportant(halts);
  const cutoff = halt?.priority ?? Number.NEGATIVE_INFINITY;
  const withheld: WithheldComponent[] = [];
  // What the rules decided: walking the catalog in plan order (referrals first, follow-up last)
  // puts components in order.
  const decided: [PreparedComponent, AddedBy[]][] = [];
  for (const component of inPlanOrder) {
    const additions = added.get(component);
    if (additions === undefined) continue;
    const { id, category } = component.definition;
    const by = mostImportant(
      aboveHalt(withheldComponents.get(component), halt),
      aboveHalt(withheldCategories.get(category), halt),
    );
    const kept = halt === undefined ? additions : additions.filter((a) => a.priority >= cutoff);
    if (by !== undefined) withheld.push({ id, rule: by.rule, reason: by.reason, addedBy: addedBy(additions) });
    else if (kept.length === 0 && halt !== undefined)
      withheld.push({ id, rule: halt.rule, reason: halt.reason, addedBy: addedBy(additions) });
    else decided.push([component, kept]);
  }
  // Then the contraindications, against the plan state the rules decided.
  const decidedState = stateOf(
    prepared,
    sortSmall(
      decided.map(([c]) => c),
      byRank,
    ),
  );
  facts.setAt(PLAN_COMPONENTS_SLOT, decidedState[0]);
  facts.setAt(PLAN_CATEGORIES_SLOT, decidedState[1]);
  watch?.screening(facts);
  const components: PlanComponent[] = [];
  for (const [component, kept] of decided) {
    const screening = screen(component.contraindications, facts);
    const { id } = component.definition;
    if (screening.verdict === "clear") components.push(buildComponent(component, kept));
    else if (screening.verdict === "contraindicated") {
      const { by } = screening;
      withheld.push({ id, rule: by.name, reason: by.reason(facts), addedBy: addedBy(kept) });
    } else {
      const [first] = screening.pending;
      const titles = screening.pending.map((c) => c.title.toLowerCase()).join(", ");
      withheld.push({
        id,
        rule: first?.name ?? "contraindication",
        reason: `Not screened for contraindications (${titles}): withheld until the missing answers rule them out`,
        unscreened: true,
        addedBy: addedBy(kept),
      });
      for (const contraindication of screening.pending) {
        const missing = absentFacts(contraindication.test, facts, absent);
        undecided.push({
          name: contraindication.name,
          test: contraindication.test,
          gapTrials: contraindication.gapTrials(),
          stakes: stakes("contraindication", [component]),
          priority: Number.NEGATIVE_INFINITY,
          missing,
          planComponents: decidedState[0],
          planCategories: decidedState[1],
        });
      }
    }
  }
  // A rule that withholds a component nothing added, because of who the patient is (acupuncture
  // asked for under a profile that forbids it, weight-loss advice in pregnancy), made a decision the
  // clinician should see. One that withholds because of what the plan holds (`plan.*`, e.g. what
  // an urgent referral defers) says nothing about a component the plan never held, unless the
  // patient asked for it: listing it would suggest it was indicated.
  const requested: readonly string[] | undefined = input.assessment.preferences?.requestedTreatments;
  for (const [component, withholdings] of withheldComponents) {
    if (added.has(component)) continue;
    const asked = requested?.includes(component.definition.id) === true;
    const by = mostImportant(aboveHalt(withholdings, halt)?.filter((w) => asked || !w.readsPlan));
    if (by !== undefined) withheld.push({ id: component.definition.id, rule: by.rule, reason: by.reason });
  }

  const decisive: Undecided[] = [];
  for (const entry of undecided) {
    const { step } = entry;
    if (step === undefined) decisive.push(entry);
    else if (step.rule.priority >= cutoff && !alreadyWithheld(step, decisions, facts)) decisive.push(entry);
  }
  const dataGaps = findDataGaps(decisive, facts, input.assessment);
  const { profile, assessment } = input;
  const { stamp } = prepared;
  const status = halt !== undefined ? "urgent" : dataGaps.length > 0 ? "incomplete" : "complete";
  const urgency = planUrgency(components);
  sortSmall(withheld, byId);
  // Written out twice rather than spread: in Node 20's V8, a spread costs about a microsecond per object.
  return assessment.id === undefined
    ? { profile, ruleset: stamp, status, urgency, components, withheld, dataGaps, trace }
    : { assessmentId: assessment.id, profile, ruleset: stamp, status, urgency, components, withheld, dataGaps, trace };
}

/** Withholdings in force under a halt: those of its priority or higher. */
function aboveHalt(list: readonly Withholding[] | undefined, halt: Withholding | undefined) {
  if (halt === undefined || list === undefined) return list;
  return list.filter((w) => w.priority >= halt.priority);
}

/**
 * Every absent fact the outcome of `test` hangs on, collected in `scratch` (left empty), in the
 * condition's order: sorted, as the condition's facts are (by code unit, as `byText` compares).
 * Sorting the one to three missing facts beats looking each of a condition's facts (up to a
 * dozen) up in the set.
 */
function absentFacts(test: CompiledCondition, facts: Facts, scratch: Set<string>): string[] {
  try {
    test(facts, scratch);
    const ordered = [...scratch];
    return ordered.length > 1 ? sortSmall(ordered, byText) : ordered;
  } finally {
    scratch.clear();
  }
}

/** In id order, as `plan.components` lists components. */
function byRank(a: PreparedComponent, b: PreparedComponent): number {
  return a.rank - b.rank;
}

function byId(a: WithheldComponent, b: WithheldComponent): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Records what a fired rule decides; true when a component or category is newly added or withheld. */
function applyRule(
  { rule, importance, add, withhold, halt, evidence, readsPlan }: PreparedRule,
  facts: Facts,
  decisions: Decisions,
): boolean {
  const { id, priority } = rule;
  let grew = false;
  for (const addition of add) {
    const reason = addition.reason(facts);
    const entry: AddedBy =
      addition.details === undefined
        ? { rule: id, importance, priority, reason, evidence }
        : { rule: id, importance, priority, reason, evidence, details: addition.details(facts) };
    if (pushTo(decisions.added, addition.component, entry)) grew = true;
  }
  for (const w of withhold) {
    const entry = { rule: id, importance, priority, reason: w.reason(facts), readsPlan };
    if (w.component !== undefined && pushTo(decisions.withheldComponents, w.component, entry)) grew = true;
    if (w.category !== undefined && pushTo(decisions.withheldCategories, w.category, entry)) grew = true;
  }
  if (halt !== undefined) decisions.halts.push({ rule: id, importance, priority, reason: halt(facts) });
  return grew;
}

/**
 * Whether whatever an undecided rule could do is already undone: it only adds, and every
 * component it adds is withheld by a rule of its priority or higher (so no later rule's
 * `plan.*` would see it either), or contraindicated. Its answer cannot change the plan, so its
 * missing answers are no data gaps: e.g. movement tests are not asked for under an urgent
 * referral for a suspected fracture, which withholds exercise.
 */
function alreadyWithheld(
  { rule, add, withhold, halt }: PreparedRule,
  { withheldComponents, withheldCategories }: Decisions,
  facts: Facts,
): boolean {
  if (withhold.length > 0 || halt !== undefined) return false;
  // Loops rather than `every`/`some` with arrow functions: no closure made per call.
  for (const { component } of add) {
    if (inForce(withheldComponents.get(component), rule.priority)) continue;
    if (inForce(withheldCategories.get(component.definition.category), rule.priority)) continue;
    if (screen(component.contraindications, facts).verdict !== "contraindicated") return false;
  }
  return true;
}

/** Whether a withholding of `priority` or higher is in the list. */
function inForce(list: readonly Withholding[] | undefined, priority: number): boolean {
  if (list !== undefined) for (const w of list) if (w.priority >= priority) return true;
  return false;
}

/**
 * What `plan.components` and `plan.categories` show later rules, set into `facts`: the components
 * added so far, not withheld and not contraindicated (nor unscreened), and their categories.
 */
function planState(
  prepared: PreparedRuleset,
  { added, withheldComponents, withheldCategories }: Decisions,
  facts: FactTable,
): [string[], string[]] {
  // The few components added so far, rather than the whole catalog, then put in id order.
  const kept: PreparedComponent[] = [];
  let screened = false;
  for (const component of added.keys()) {
    if (withheldComponents.has(component) || withheldCategories.has(component.definition.category)) continue;
    kept.push(component);
    if (component.contraindications.length > 0) screened = true;
  }
  sortSmall(kept, byRank);
  let state = stateOf(prepared, kept);
  if (screened) {
    // Contraindications read the state the rules decided; what they rule out is then dropped.
    facts.setAt(PLAN_COMPONENTS_SLOT, state[0]);
    facts.setAt(PLAN_CATEGORIES_SLOT, state[1]);
    state = stateOf(
      prepared,
      kept.filter((c) => screen(c.contraindications, facts).verdict === "clear"),
    );
  }
  facts.setAt(PLAN_COMPONENTS_SLOT, state[0]);
  facts.setAt(PLAN_CATEGORIES_SLOT, state[1]);
  return state;
}

/**
 * The ids of `components`, given sorted by id, and their categories sorted: gathered as bits,
 * read back in the order of the list the bits index.
 */
function stateOf(
  { categoriesByName }: PreparedRuleset,
  components: readonly PreparedComponent[],
): [string[], string[]] {
  // Both lists made at their length, without a callback (these are made several times a plan).
  const ids = new Array<string>(components.length);
  let present = 0;
  let next = 0;
  for (const { id, categoryBit } of components) {
    ids[next++] = id;
    present |= categoryBit;
  }
  const sorted = new Array<string>(bitCount(present));
  next = 0;
  let bit = 1;
  for (const category of categoriesByName) {
    if ((present & bit) !== 0) sorted[next++] = category;
    bit <<= 1;
  }
  return [ids, sorted];
}

/** How many bits of `bits` are set. */
function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/** The ids of the rules that added a component, sorted, once each. */
function addedBy(additions: readonly AddedBy[]): string[] {
  return sortSmall([...new Set(additions.map((a) => a.rule))], byText);
}

/** Adds `value` to the list at `key`; true when `key` was new. */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): boolean {
  const list = map.get(key);
  if (list !== undefined) {
    list.push(value);
    return false;
  }
  map.set(key, [value]);
  return true;
}
