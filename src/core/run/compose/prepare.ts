import type { PlanEvidence, RulesetStamp } from "../../generated/types.js";
import type { Ruleset } from "../../load/types.js";
import { categories } from "../../generated/categories.js";
import { interned } from "../facts/interned.js";
import type { PreparedComponent } from "./components.js";
import { prepareContraindication } from "./contraindications.js";
import { prepareRule, type PreparedRule } from "./prepared-rule.js";

/**
 * Clinical order of categories, referrals first and follow-up last: the order of the schema's
 * `category` enum, the one list the rule checker reads too.
 */
const CATEGORY_ORDER: readonly string[] = categories;

/** What composing needs from a ruleset that does not depend on the assessment, worked out once. */
export interface PreparedRuleset {
  /** Rules in runs of equal priority, highest first. */
  readonly groups: readonly (readonly PreparedRule[])[];
  /** Every fact some rule reads: the facts an engine must derive. */
  readonly reads: ReadonlySet<string>;
  /** The component catalog in plan order: category order (referrals first), then catalog order. */
  readonly inPlanOrder: readonly PreparedComponent[];
  /**
   * Every category sorted by name, as `plan.categories` lists them; a component's `categoryBit` is
   * 1 shifted by its category's place here (the schema has far fewer than 31).
   */
  readonly categoriesByName: readonly string[];
  /** What every plan says of the ruleset that made it: one frozen object, shared as evidence entries are. */
  readonly stamp: RulesetStamp;
}

const prepared = new WeakMap<Ruleset, PreparedRuleset>();

/** The ruleset prepared for composing, worked out on first use and kept as long as the ruleset. */
export function prepare(ruleset: Ruleset): PreparedRuleset {
  let result = prepared.get(ruleset);
  if (result === undefined) prepared.set(ruleset, (result = build(ruleset)));
  return result;
}

function build(ruleset: Ruleset): PreparedRuleset {
  const evidence = planEvidence(ruleset);
  const definitions = [...ruleset.components.values()];
  const categoryRank = (category: string) => CATEGORY_ORDER.indexOf(category);
  // Stable: catalog order within a category.
  const planOrder = [...definitions].sort((a, b) => categoryRank(a.category) - categoryRank(b.category));
  const categoriesByName = [...CATEGORY_ORDER].sort();
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const idOrder = definitions.map((d) => d.id).sort(byName);
  const inPlanOrder: PreparedComponent[] = planOrder.map((definition, order) => ({
    definition,
    id: interned(definition.id),
    order,
    rank: idOrder.indexOf(definition.id),
    categoryBit: 1 << categoriesByName.indexOf(definition.category),
    details: { ...definition.details },
    contraindications: (definition.contraindications ?? []).map((c) =>
      prepareContraindication(c, ruleset.facts, evidence),
    ),
  }));
  const components = new Map(inPlanOrder.map((component) => [component.definition.id, component]));
  const groups: PreparedRule[][] = [];
  ruleset.rules.forEach((rule, importance) => {
    const last = groups.at(-1);
    const next = prepareRule(rule, importance, { facts: ruleset.facts, components, evidence });
    if (last !== undefined && last[0]?.rule.priority === rule.priority) last.push(next);
    else groups.push([next]);
  });
  const reads = new Set([
    ...groups.flat().flatMap((rule) => rule.reads),
    ...inPlanOrder.flatMap((component) => component.contraindications.flatMap((c) => c.reads)),
  ]);
  const { name, version, digest, drafts } = ruleset;
  const stamp = Object.freeze({
    name,
    version,
    digest,
    ...(drafts.length === 0 ? {} : { drafts: Object.freeze([...drafts]) as string[] }),
  });
  return { groups, reads, inPlanOrder, categoriesByName, stamp };
}

/**
 * One plan entry per source, with its DOI or URL link, shared by the rules that cite it (and by
 * every plan: frozen, so one caller changing a plan cannot change another's).
 */
function planEvidence(ruleset: Ruleset): ReadonlyMap<string, PlanEvidence> {
  return new Map(
    [...ruleset.evidence.values()].map((source): [string, PlanEvidence] => {
      const link = source.doi !== undefined ? `https://doi.org/${source.doi}` : source.url;
      return [
        source.id,
        Object.freeze({
          id: source.id,
          citation: source.citation,
          certainty: source.certainty,
          ...(link === undefined ? {} : { link }),
        }),
      ];
    }),
  );
}
