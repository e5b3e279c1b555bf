import type { ComponentDefinition, Details, PlanComponent, PlanEvidence, PlanReason } from "../../generated/types.js";
import type { PreparedContraindication } from "./contraindications.js";
import { sortSmall } from "./sort-small.js";
import { moreUrgent, type Urgency } from "./urgency.js";

/**
 * A catalog component as plans use it. Rules name components by id; preparing a ruleset resolves
 * each name to one of these, so composing keys its maps by object, never by name (ids are
 * substrings of the pack's files, slow to compare).
 */
export interface PreparedComponent {
  readonly definition: ComponentDefinition;
  /**
   * Its id, interned as the text values of conditions are (`plan.components contains X`): `indexOf`
   * in the list `plan.components` holds compares pointers, not characters.
   */
  readonly id: string;
  /** Its place in plan order (referrals first, follow-up last). */
  readonly order: number;
  /** Its place in id order, as `plan.components` lists it. */
  readonly rank: number;
  /** Its category's bit in a set of categories held as one number (see `PreparedRuleset.categoriesByName`). */
  readonly categoryBit: number;
  /**
   * The catalog's details, copied out of the frozen catalog: V8 copies a plain object into a new
   * plan's details far faster than a frozen one.
   */
  readonly details: Details;
  /** When it must never be in a plan, in catalog order. */
  readonly contraindications: readonly PreparedContraindication[];
}

/** A decision's place in the ruleset's order (see `PreparedRule.importance`). */
interface Ranked {
  readonly importance: number;
}

/** One rule's addition of a component, with its reason (and details) already filled in. */
export interface AddedBy extends Ranked {
  readonly rule: string;
  readonly priority: number;
  readonly reason: string;
  readonly details?: Details;
  /** The plan entries of the sources the rule cites: one object per source, so they compare by identity. */
  readonly evidence: readonly PlanEvidence[];
}

/** Most important first: highest priority, then the rule id that sorts first. */
function byImportance(a: Ranked, b: Ranked): number {
  return a.importance - b.importance;
}

/** The most important entry of the lists, or undefined when all are empty. */
export function mostImportant<T extends Ranked>(...lists: readonly (readonly T[] | undefined)[]): T | undefined {
  let best: T | undefined;
  for (const list of lists) {
    for (const entry of list ?? []) if (best === undefined || entry.importance < best.importance) best = entry;
  }
  return best;
}

/**
 * One plan entry from every addition of a component: all reasons and evidence, and details
 * merged over the catalog's defaults with the most important rule's details winning, but for a
 * referral's urgency: the most urgent any rule gives wins, whatever the priorities (a lower rule
 * may know of a more pressing risk), and for list details (`consider`, `avoid`, …): every rule's
 * items are kept, most important rule first, each once. Other differing details of rules of one
 * priority are a lint error, so which wins never depends on rule ids.
 */
export function buildComponent(
  { definition, details }: PreparedComponent,
  additions: readonly AddedBy[],
): PlanComponent {
  const [sole] = additions;
  // Most components are added by one rule: nothing to order or merge, and each list made at its length.
  if (additions.length === 1 && sole !== undefined) {
    return {
      id: definition.id,
      category: definition.category,
      title: definition.title,
      patientText: definition.patientText,
      details: sole.details === undefined ? { ...details } : mergeDetails(details, [sole.details]),
      reasons: [{ rule: sole.rule, text: sole.reason }],
      // A rule's sources are once each (prepared so).
      evidence: [...sole.evidence] as [PlanEvidence, ...PlanEvidence[]],
    };
  }
  const ordered = sortSmall([...additions], byImportance);
  const reasons: PlanReason[] = [];
  const evidence: PlanEvidence[] = [];
  const overrides: Details[] = [];
  let urgency: Urgency | undefined;
  for (const addition of ordered) {
    reasons.push({ rule: addition.rule, text: addition.reason });
    for (const source of addition.evidence) if (!evidence.includes(source)) evidence.push(source);
    if (addition.details === undefined) continue;
    overrides.push(addition.details);
    const given = addition.details.urgency;
    if (given !== undefined) urgency = urgency === undefined ? given : moreUrgent(urgency, given);
  }
  if (urgency !== undefined && overrides.length > 1) overrides.unshift({ urgency }); // merged last: wins
  return {
    id: definition.id,
    category: definition.category,
    title: definition.title,
    patientText: definition.patientText,
    // Least important first, so that the most important override is merged last and wins.
    details: overrides.length === 0 ? { ...details } : mergeDetails(details, overrides),
    // Callers pass at least one addition, and every rule cites at least one source (the schema
    // requires it), so neither list is empty.
    reasons: reasons as [PlanReason, ...PlanReason[]],
    evidence: evidence as [PlanEvidence, ...PlanEvidence[]],
  };
}

/**
 * The catalog's details overridden key by key, the most important override (the first) winning;
 * list values gather every override's items instead, most important first (the catalog's last),
 * each once. Details are flat, so no deep merge is needed.
 */
function mergeDetails(defaults: Details, overrides: readonly Details[]): Details {
  const merged: Record<string, unknown> = { ...defaults };
  // The keys of list details, in the order first met; their items are gathered below. Keys and
  // items are a handful: lists with `includes` beat building maps and sets for them.
  let listKeys: string[] | undefined;
  for (let i = overrides.length - 1; i >= 0; i--) {
    const override = (overrides[i] ?? {}) as Readonly<Record<string, unknown>>;
    for (const key of Object.keys(override)) {
      const value = override[key];
      if (!Array.isArray(value)) merged[key] = value;
      else if (listKeys === undefined) listKeys = [key];
      else if (!listKeys.includes(key)) listKeys.push(key);
    }
  }
  if (listKeys === undefined) return merged;
  for (const key of listKeys) {
    const items: unknown[] = [];
    for (const override of overrides) {
      const value: unknown = (override as Readonly<Record<string, unknown>>)[key];
      if (Array.isArray(value)) addOnce(items, value);
    }
    const catalogs = merged[key];
    if (Array.isArray(catalogs)) addOnce(items, catalogs);
    merged[key] = items;
  }
  return merged;
}

/** Appends each of `values` not already in `list`. */
function addOnce(list: unknown[], values: readonly unknown[]): void {
  for (const value of values) if (!list.includes(value)) list.push(value);
}
