import type { Facts, FactValue } from "../facts/types.js";
import type { Details, Plan, PlanComponent, TraceEntry, WithheldComponent } from "../generated/types.js";
import { fillTemplate } from "../ruleset/reason-template.js";
import type { CompiledRule, Ruleset } from "../ruleset/types.js";
import { buildComponent, byImportance, type AddedBy } from "./components.js";
import { findDataGaps, type UndecidedRule } from "./data-gaps.js";
import { prepare } from "./prepare.js";

type Outcome = TraceEntry["outcome"];

const NONE: ReadonlySet<string> = new Set();

interface Withholding {
  readonly rule: string;
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

/**
 * Runs the rules from the highest priority down and composes one plan.
 *
 * Rules of equal priority see the same state (`plan.components`, `plan.categories` as decided by
 * the higher priorities), so their order never matters. Withholding beats adding, whatever the
 * priorities. A halt keeps what rules of its priority or higher added and withholds the rest.
 */
export function compose(ruleset: Ruleset, input: CompositionInput): Plan {
  const { facts } = input;
  const prepared = prepare(ruleset);
  facts.set("profile", input.profile);
  const added = new Map<string, AddedBy[]>();
  const withheldComponents = new Map<string, Withholding[]>();
  const withheldCategories = new Map<string, Withholding[]>();
  const halts: Withholding[] = [];
  const trace: TraceEntry[] = [];
  const undecided: UndecidedRule[] = [];

  for (const group of prepared.groups) {
    const planComponents = effectiveComponents(ruleset, added, withheldComponents, withheldCategories);
    const planCategories = [...new Set(planComponents.map((id) => ruleset.components.get(id)?.category ?? ""))].sort();
    facts.set("plan.components", planComponents);
    facts.set("plan.categories", planCategories);
    // Rules only record decisions here; `facts` changes between groups, never within one.
    for (const rule of group) {
      const outcome = toOutcome(rule.test(facts));
      if (outcome === "undetermined") {
        const missing = new Set<string>();
        rule.test(facts, missing); // again, collecting every absent fact the outcome hangs on
        undecided.push({ rule, missing, planComponents, planCategories });
        trace.push(traceEntry(rule, outcome, missing));
        continue;
      }
      trace.push(traceEntry(rule, outcome, NONE));
      if (outcome === "fired") applyRule(rule, facts, added, withheldComponents, withheldCategories, halts);
    }
  }

  const halt = [...halts].sort(byImportance)[0];
  const cutoff = halt?.priority ?? Number.NEGATIVE_INFINITY;
  const components: PlanComponent[] = [];
  const withheld: WithheldComponent[] = [];
  for (const [id, additions] of added) {
    const category = ruleset.components.get(id)?.category ?? "";
    const by = [...(withheldComponents.get(id) ?? []), ...(withheldCategories.get(category) ?? [])].sort(byImportance)[0];
    const kept = additions.filter((a) => a.priority >= cutoff);
    const addedBy = [...new Set(additions.map((a) => a.rule))].sort();
    if (by !== undefined) withheld.push({ id, rule: by.rule, reason: by.reason, addedBy });
    else if (kept.length === 0 && halt !== undefined) withheld.push({ id, rule: halt.rule, reason: halt.reason, addedBy });
    else components.push(buildComponent(ruleset, prepared, id, kept));
  }
  // A rule that names a component to withhold made a decision the clinician should see, even
  // when nothing added it (e.g. acupuncture the patient asked for under a profile that forbids it).
  for (const [id, withholdings] of withheldComponents) {
    if (added.has(id)) continue;
    const by = [...withholdings].sort(byImportance)[0];
    if (by !== undefined) withheld.push({ id, rule: by.rule, reason: by.reason });
  }

  const decisive = undecided.filter((u) => u.rule.priority >= cutoff);
  const dataGaps = findDataGaps(ruleset, decisive, facts, input.assessmentHas);
  return {
    ...(input.assessmentId === undefined ? {} : { assessmentId: input.assessmentId }),
    profile: input.profile,
    ruleset: { name: ruleset.name, version: ruleset.version, digest: ruleset.digest },
    status: halt !== undefined ? "urgent" : dataGaps.length > 0 ? "incomplete" : "complete",
    components: components.sort((a, b) => (prepared.rank.get(a.id) ?? 0) - (prepared.rank.get(b.id) ?? 0)),
    withheld: withheld.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    dataGaps,
    trace,
  };
}

function applyRule(
  rule: CompiledRule,
  facts: Facts,
  added: Map<string, AddedBy[]>,
  withheldComponents: Map<string, Withholding[]>,
  withheldCategories: Map<string, Withholding[]>,
  halts: Withholding[],
): void {
  const { id, priority, evidence } = rule;
  for (const addition of rule.add) {
    const details = addition.details === undefined ? undefined : fillDetails(addition.details, facts);
    const entry: AddedBy = { rule: id, priority, reason: fillTemplate(addition.reason, facts), evidence, ...(details ? { details } : {}) };
    pushTo(added, addition.component, entry);
  }
  for (const w of rule.withhold) {
    const entry = { rule: id, priority, reason: fillTemplate(w.reason, facts) };
    if (w.component !== undefined) pushTo(withheldComponents, w.component, entry);
    if (w.category !== undefined) pushTo(withheldCategories, w.category, entry);
  }
  if (rule.halt !== undefined) halts.push({ rule: id, priority, reason: fillTemplate(rule.halt.reason, facts) });
}

/** Components added so far and not withheld, sorted: what `plan.components` shows to later rules. */
function effectiveComponents(
  ruleset: Ruleset,
  added: ReadonlyMap<string, readonly AddedBy[]>,
  withheldComponents: ReadonlyMap<string, readonly Withholding[]>,
  withheldCategories: ReadonlyMap<string, readonly Withholding[]>,
): string[] {
  return [...added.keys()]
    .filter((id) => !withheldComponents.has(id) && !withheldCategories.has(ruleset.components.get(id)?.category ?? ""))
    .sort();
}

function fillDetails(details: Details, facts: Facts): Details {
  const filled: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) filled[key] = typeof value === "string" ? fillTemplate(value, facts) : value;
  return filled as Details;
}

function toOutcome(truth: boolean | "unknown"): Outcome {
  return truth === "unknown" ? "undetermined" : truth ? "fired" : "not-fired";
}

function traceEntry(rule: CompiledRule, outcome: Outcome, missing: ReadonlySet<string>): TraceEntry {
  const source = `${rule.source.file}:${rule.source.line}`;
  return outcome === "undetermined"
    ? { rule: rule.id, priority: rule.priority, outcome, source, missing: [...missing].sort() }
    : { rule: rule.id, priority: rule.priority, outcome, source };
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
