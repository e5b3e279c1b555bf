import merge from "lodash/merge.js";
import type { Details, PlanComponent, PlanEvidence, PlanReason } from "../generated/types.js";
import type { Ruleset } from "../ruleset/types.js";
import type { PreparedRuleset } from "./prepare.js";

/** One rule's addition of a component, with its reason already filled in. */
export interface AddedBy {
  readonly rule: string;
  readonly priority: number;
  readonly reason: string;
  readonly details?: Details;
  readonly evidence: readonly string[];
}

/** Highest priority first; a tie goes to the rule id that sorts first. */
export function byImportance(a: { priority: number; rule: string }, b: { priority: number; rule: string }): number {
  return b.priority - a.priority || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/**
 * One plan entry from every addition of a component: all reasons and evidence, and details
 * merged over the catalog's defaults with the most important rule's details winning.
 */
export function buildComponent(ruleset: Ruleset, prepared: PreparedRuleset, id: string, additions: readonly AddedBy[]): PlanComponent {
  const definition = ruleset.components.get(id);
  const ordered = [...additions].sort(byImportance);
  const [first, ...rest] = ordered;
  // The checker guarantees the component exists; callers pass at least one addition.
  if (definition === undefined || first === undefined) throw new Error(`cannot build component "${id}"`);
  const overrides = ordered.flatMap((a) => (a.details === undefined ? [] : [a.details])).reverse();
  const details: Details = overrides.length === 0 ? { ...definition.details } : merge({}, definition.details, ...overrides);
  const evidence = [...new Set(ordered.flatMap((a) => a.evidence))].map((e) => prepared.evidence.get(e));
  if (evidence.includes(undefined)) throw new Error(`component "${id}" cites unknown evidence`); // the checker rules this out
  return {
    id,
    category: definition.category,
    title: definition.title,
    patientText: definition.patientText,
    details,
    reasons: [reason(first), ...rest.map(reason)],
    // Every rule cites at least one source (the schema requires it), so this is never empty.
    evidence: evidence as [PlanEvidence, ...PlanEvidence[]],
  };
}

function reason(addition: AddedBy): PlanReason {
  return { rule: addition.rule, text: addition.reason };
}
