import merge from "lodash/merge.js";
import type { Category, Details, PlanComponent, PlanEvidence, PlanReason } from "../generated/types.js";
import type { Ruleset } from "../ruleset/types.js";

/** One rule's addition of a component, with its reason already filled in. */
export interface AddedBy {
  readonly rule: string;
  readonly priority: number;
  readonly reason: string;
  readonly details?: Details;
  readonly evidence: readonly string[];
}

/** Clinical order of categories: referrals first, follow-up last (as in the schema's enum). */
const CATEGORY_ORDER: readonly Category[] = [
  "referral", "education", "self-management", "physiotherapy", "motor-control",
  "psychological", "lifestyle", "adjunct", "follow-up",
];

/** Highest priority first; a tie goes to the rule id that sorts first. */
export function byImportance(a: { priority: number; rule: string }, b: { priority: number; rule: string }): number {
  return b.priority - a.priority || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/**
 * One plan entry from every addition of a component: all reasons and evidence, and details
 * merged over the catalog's defaults with the most important rule's details winning.
 */
export function buildComponent(ruleset: Ruleset, id: string, additions: readonly AddedBy[]): PlanComponent {
  const definition = ruleset.components.get(id);
  if (definition === undefined) throw new Error(`component "${id}" is not in the catalog`); // the checker rules this out
  const ordered = [...additions].sort(byImportance);
  const details: Details = merge({}, definition.details, ...ordered.map((a) => a.details ?? {}).reverse());
  const evidenceIds = [...new Set(ordered.flatMap((a) => a.evidence))];
  const [first, ...rest] = ordered;
  if (first === undefined) throw new Error(`component "${id}" has no addition`); // callers pass at least one
  return {
    id,
    category: definition.category,
    title: definition.title,
    patientText: definition.patientText,
    details,
    reasons: [reason(first), ...rest.map(reason)],
    // Every rule cites at least one source (the schema requires it), so this is never empty.
    evidence: evidenceIds.map((e) => evidenceEntry(ruleset, e)) as [PlanEvidence, ...PlanEvidence[]],
  };
}

function reason(addition: AddedBy): PlanReason {
  return { rule: addition.rule, text: addition.reason };
}

function evidenceEntry(ruleset: Ruleset, id: string): PlanEvidence {
  const source = ruleset.evidence.get(id);
  if (source === undefined) throw new Error(`evidence "${id}" is not in the catalog`); // the checker rules this out
  const link = source.doi !== undefined ? `https://doi.org/${source.doi}` : source.url;
  return { id, citation: source.citation, certainty: source.certainty, ...(link === undefined ? {} : { link }) };
}

/** Sorts plan components into clinical order, then catalog order, independent of rule order. */
export function clinicalOrder(ruleset: Ruleset): (a: PlanComponent, b: PlanComponent) => number {
  const catalogIndex = new Map([...ruleset.components.keys()].map((id, i) => [id, i]));
  return (a, b) =>
    CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) ||
    (catalogIndex.get(a.id) ?? 0) - (catalogIndex.get(b.id) ?? 0);
}
