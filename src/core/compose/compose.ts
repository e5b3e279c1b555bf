import type { Facts, FactValue } from "../facts/types.js";
import type { Plan, PlanComponent, TraceEntry, WithheldComponent } from "../generated/types.js";
import type { Ruleset } from "../ruleset/types.js";
import { buildComponent, mostImportant, type AddedBy, type PreparedComponent } from "./components.js";
import { findDataGaps, type UndecidedRule } from "./data-gaps.js";
import { prepare, type PreparedRuleset } from "./prepare.js";
import type { PreparedRule } from "./prepared-rule.js";

interface Withholding {
  readonly rule: string;
  readonly importance: number;
  readonly priority: number;
  readonly reason: string;
}

/** What the composer needs besides the ruleset: the facts, and who the plan is for. */
export interface CompositionInput {
  /** The assessment's facts. The composer owns this map: it adds `profile` and `plan.*` to it. */
  readonly facts: Map<string, FactValue>;
  readonly profile: string;
  readonly assessmentId?: string;
  /** Whether the assessment holds a field (by dotted path): gaps never name a field it has. */
  readonly assessmentHas: (field: string) => boolean;
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
 */
export function compose(ruleset: Ruleset, input: CompositionInput): Plan {
  const { facts } = input;
  const prepared = prepare(ruleset);
  const { groups, inPlanOrder } = prepared;
  facts.set("profile", input.profile);
  const decisions: Decisions = {
    added: new Map(),
    withheldComponents: new Map(),
    withheldCategories: new Map(),
    halts: [],
  };
  const trace: TraceEntry[] = [];
  const undecided: UndecidedRule[] = [];

  let planComponents: readonly string[] = [];
  let planCategories: readonly string[] = [];
  let changed = true;
  for (const group of groups) {
    // The plan state changes only when a rule fires: work it out again only then.
    if (changed) {
      [planComponents, planCategories] = planState(prepared, decisions);
      facts.set("plan.components", planComponents);
      facts.set("plan.categories", planCategories);
      changed = false;
    }
    // Rules only record decisions here; `facts` changes between groups, never within one.
    for (const step of group) {
      const { rule, source, conditionFacts } = step;
      const truth = rule.test(facts);
      if (truth === "unknown") {
        const missing = new Set<string>();
        rule.test(facts, missing); // again, collecting every absent fact the outcome hangs on
        undecided.push({ prepared: step, missing, planComponents, planCategories });
        // The condition's facts are sorted: keeping the missing ones keeps that order.
        trace.push({
          rule: rule.id,
          priority: rule.priority,
          outcome: "undetermined",
          source,
          missing: conditionFacts.filter((fact) => missing.has(fact)),
        });
      } else if (truth) {
        trace.push({ rule: rule.id, priority: rule.priority, outcome: "fired", source });
        applyRule(step, facts, decisions);
        changed = true;
      } else {
        trace.push({ rule: rule.id, priority: rule.priority, outcome: "not-fired", source });
      }
    }
  }

  const { added, withheldComponents, withheldCategories, halts } = decisions;
  const halt = mostImportant(halts);
  const cutoff = halt?.priority ?? Number.NEGATIVE_INFINITY;
  const aboveHalt = (list: readonly Withholding[] | undefined) =>
    halt === undefined ? list : list?.filter((w) => w.priority >= cutoff);
  const components: PlanComponent[] = [];
  const withheld: WithheldComponent[] = [];
  // Walking the catalog in plan order (referrals first, follow-up last) puts components in order.
  for (const component of inPlanOrder) {
    const additions = added.get(component);
    if (additions === undefined) continue;
    const { id, category } = component.definition;
    const by = mostImportant(aboveHalt(withheldComponents.get(component)), aboveHalt(withheldCategories.get(category)));
    const kept = halt === undefined ? additions : additions.filter((a) => a.priority >= cutoff);
    if (by !== undefined) withheld.push({ id, rule: by.rule, reason: by.reason, addedBy: addedBy(additions) });
    else if (kept.length === 0 && halt !== undefined)
      withheld.push({ id, rule: halt.rule, reason: halt.reason, addedBy: addedBy(additions) });
    else components.push(buildComponent(component, kept));
  }
  // A rule that names a component to withhold made a decision the clinician should see, even
  // when nothing added it (e.g. acupuncture the patient asked for under a profile that forbids it).
  for (const [component, withholdings] of withheldComponents) {
    if (added.has(component)) continue;
    const by = mostImportant(aboveHalt(withholdings));
    if (by !== undefined) withheld.push({ id: component.definition.id, rule: by.rule, reason: by.reason });
  }

  const decisive = undecided.filter(
    (u) => u.prepared.rule.priority >= cutoff && !alreadyWithheld(u.prepared, withheldComponents, withheldCategories),
  );
  const dataGaps = findDataGaps(decisive, facts, input.assessmentHas);
  const plan: Plan = {
    profile: input.profile,
    ruleset: {
      name: ruleset.name,
      version: ruleset.version,
      digest: ruleset.digest,
      ...(ruleset.drafts.length === 0 ? {} : { drafts: [...ruleset.drafts] }),
    },
    status: halt !== undefined ? "urgent" : dataGaps.length > 0 ? "incomplete" : "complete",
    components,
    withheld: withheld.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    dataGaps,
    trace,
  };
  // Spread last, never first: in Node 20's V8, `{ ...a, b }` costs about a microsecond per object.
  return input.assessmentId === undefined ? plan : { assessmentId: input.assessmentId, ...plan };
}

function applyRule(
  { rule, importance, add, withhold, halt, evidence }: PreparedRule,
  facts: Facts,
  decisions: Decisions,
): void {
  const { id, priority } = rule;
  for (const addition of add) {
    const reason = addition.reason(facts);
    const entry: AddedBy =
      addition.details === undefined
        ? { rule: id, importance, priority, reason, evidence }
        : { rule: id, importance, priority, reason, evidence, details: addition.details(facts) };
    pushTo(decisions.added, addition.component, entry);
  }
  for (const w of withhold) {
    const entry = { rule: id, importance, priority, reason: w.reason(facts) };
    if (w.component !== undefined) pushTo(decisions.withheldComponents, w.component, entry);
    if (w.category !== undefined) pushTo(decisions.withheldCategories, w.category, entry);
  }
  if (halt !== undefined) decisions.halts.push({ rule: id, importance, priority, reason: halt(facts) });
}

/**
 * Whether whatever an undecided rule could do is already undone: it only adds, and every
 * component it adds is withheld by a rule of its priority or higher (so no later rule's
 * `plan.*` would see it either). Its answer cannot change the plan, so its missing answers are
 * no data gaps: e.g. movement tests are not asked for under an urgent referral for a suspected
 * fracture, which withholds exercise.
 */
function alreadyWithheld(
  { rule, add, withhold, halt }: PreparedRule,
  withheldComponents: ReadonlyMap<PreparedComponent, readonly Withholding[]>,
  withheldCategories: ReadonlyMap<string, readonly Withholding[]>,
): boolean {
  const inForce = (list: readonly Withholding[] | undefined) => list?.some((w) => w.priority >= rule.priority) === true;
  return (
    withhold.length === 0 &&
    halt === undefined &&
    add.every(
      ({ component }) =>
        inForce(withheldComponents.get(component)) || inForce(withheldCategories.get(component.definition.category)),
    )
  );
}

/**
 * What `plan.components` and `plan.categories` show later rules: the components added so far and
 * not withheld, and their categories, each sorted (by walking lists prepared in that order).
 */
function planState(
  { byId, categoriesByName }: PreparedRuleset,
  { added, withheldComponents, withheldCategories }: Decisions,
): [string[], string[]] {
  const components: string[] = [];
  const categories = new Set<string>();
  for (const component of byId) {
    const { id, category } = component.definition;
    if (!added.has(component) || withheldComponents.has(component) || withheldCategories.has(category)) continue;
    components.push(id);
    categories.add(category);
  }
  return [components, categoriesByName.filter((category) => categories.has(category))];
}

/** The ids of the rules that added a component, sorted, once each. */
function addedBy(additions: readonly AddedBy[]): string[] {
  return [...new Set(additions.map((a) => a.rule))].sort();
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
