import merge from "lodash/merge.js";
import type { Details, PlanComponent, PlanEvidence } from "../generated/types.js";
import type { Ruleset } from "../ruleset/types.js";

/** One rule's addition of a component, with its reason (and details) already filled in. */
export interface AddedBy {
  readonly rule: string;
  readonly priority: number;
  readonly reason: string;
  readonly details?: Details;
  /** The plan entries of the sources the rule cites: one object per source, so they compare by identity. */
  readonly evidence: readonly PlanEvidence[];
}

interface Ranked {
  readonly priority: number;
  readonly rule: string;
}

/** Highest priority first; a tie goes to the rule id that sorts first. */
export function byImportance(a: Ranked, b: Ranked): number {
  return b.priority - a.priority || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/** The first entry of the lists by importance (see `byImportance`), or undefined when all are empty. */
export function mostImportant<T extends Ranked>(...lists: readonly (readonly T[] | undefined)[]): T | undefined {
  let best: T | undefined;
  for (const list of lists) {
    for (const entry of list ?? []) if (best === undefined || byImportance(entry, best) < 0) best = entry;
  }
  return best;
}

/**
 * One plan entry from every addition of a component: all reasons and evidence, and details
 * merged over the catalog's defaults with the most important rule's details winning.
 */
export function buildComponent(ruleset: Ruleset, id: string, additions: readonly AddedBy[]): PlanComponent {
  const definition = ruleset.components.get(id);
  // Most components are added by one rule: nothing to order.
  const ordered = additions.length === 1 ? additions : [...additions].sort(byImportance);
  const [first, ...rest] = ordered;
  // The checker guarantees the component exists; callers pass at least one addition.
  if (definition === undefined || first === undefined) throw new Error(`cannot build component "${id}"`);
  const evidence: PlanEvidence[] = [];
  const overrides: Details[] = [];
  for (const addition of ordered) {
    for (const source of addition.evidence) if (!evidence.includes(source)) evidence.push(source);
    // Least important first, so that merging lets the most important override win.
    if (addition.details !== undefined) overrides.unshift(addition.details);
  }
  return {
    id,
    category: definition.category,
    title: definition.title,
    patientText: definition.patientText,
    details: overrides.length === 0 ? { ...definition.details } : merge({}, definition.details, ...overrides),
    reasons: [{ rule: first.rule, text: first.reason }, ...rest.map((a) => ({ rule: a.rule, text: a.reason }))],
    // Every rule cites at least one source (the schema requires it), so this is never empty.
    evidence: evidence as [PlanEvidence, ...PlanEvidence[]],
  };
}
