import type { Category, PlanEvidence } from "../generated/types.js";
import type { Ruleset } from "../ruleset/types.js";
import { prepareRule, type PreparedRule } from "./prepared-rule.js";

/** Clinical order of categories: referrals first, follow-up last (as in the schema's enum). */
const CATEGORY_ORDER: readonly Category[] = [
  "referral", "education", "self-management", "physiotherapy", "motor-control",
  "psychological", "lifestyle", "adjunct", "follow-up",
];

/** What composing needs from a ruleset that does not depend on the assessment, worked out once. */
export interface PreparedRuleset {
  /** Rules in runs of equal priority, highest first. */
  readonly groups: readonly (readonly PreparedRule[])[];
  /** A component's place in the plan: category order, then catalog order. */
  readonly rank: ReadonlyMap<string, number>;
  /** Plan evidence entries by evidence id, with DOI or URL links. */
  readonly evidence: ReadonlyMap<string, PlanEvidence>;
}

const prepared = new WeakMap<Ruleset, PreparedRuleset>();

export function prepare(ruleset: Ruleset): PreparedRuleset {
  let result = prepared.get(ruleset);
  if (result === undefined) prepared.set(ruleset, (result = build(ruleset)));
  return result;
}

function build(ruleset: Ruleset): PreparedRuleset {
  const catalog = [...ruleset.components.values()];
  const rank = new Map(catalog.map((c, i) => [c.id, CATEGORY_ORDER.indexOf(c.category) * catalog.length + i]));
  const evidence = new Map(
    [...ruleset.evidence.values()].map((source): [string, PlanEvidence] => {
      const link = source.doi !== undefined ? `https://doi.org/${source.doi}` : source.url;
      return [source.id, { id: source.id, citation: source.citation, certainty: source.certainty, ...(link === undefined ? {} : { link }) }];
    }),
  );
  const groups: PreparedRule[][] = [];
  for (const rule of ruleset.rules) {
    const last = groups.at(-1);
    const prepared = prepareRule(rule, ruleset, evidence);
    if (last !== undefined && last[0]?.rule.priority === rule.priority) last.push(prepared);
    else groups.push([prepared]);
  }
  return { groups, rank, evidence };
}
