import deepEqual from "fast-deep-equal";
import type { ComponentDefinition, EvidenceSource } from "../../core/generated/types.js";
import type { CompiledRule, Ruleset } from "../../core/load/types.js";
import type { Wording } from "./condition-text.js";
import type {
  CatalogChangeEntry,
  ChangeKind,
  ChangesEntry,
  CohortImpactEntry,
  PartChange,
  RuleChangeEntry,
  RuleImpactEntry,
} from "./model.js";
import { ruleParts } from "./rule-parts.js";

/** The impact figures of an edit, when the cohort was planned with both packs (`cohortImpact`). */
export interface ChangeImpact {
  readonly cohort: CohortImpactEntry;
  readonly rules: ReadonlyMap<string, RuleImpactEntry>;
}

/**
 * What changed from a signed-off pack (`base`) to `head`, rule by rule: each rule added, removed
 * or changed, with every part that differs as a before/after pair in the rulebook's words (each
 * side worded with its own catalogs); then the component and evidence catalog entries. Rules are
 * matched by id, whether they run or not (a rule retired is a change of status). Pure.
 *
 * @example rulebookChanges(signedOff, edited).rules[0]?.parts; // [{ label: "Condition", before: …, after: … }]
 */
export function rulebookChanges(base: Ruleset, head: Ruleset, impact?: ChangeImpact): ChangesEntry {
  const parts = (ruleset: Ruleset) => {
    const wording: Wording = { facts: ruleset.facts, components: ruleset.components };
    return (rule: CompiledRule) => new Map(ruleParts(rule, wording));
  };
  const [before, after] = [parts(base), parts(head)];
  const baseRules = new Map([...base.rules, ...base.inactive].map((r) => [r.id, r]));
  const headRules = [...head.rules, ...head.inactive];
  const headIds = new Set(headRules.map((r) => r.id));
  const entry = (rule: CompiledRule, change: ChangeKind, list: readonly PartChange[]): RuleChangeEntry => {
    const figures = impact?.rules.get(rule.id);
    return {
      id: rule.id,
      title: rule.title,
      change,
      source: `${rule.source.file}:${rule.source.line}`,
      parts: list,
      ...(figures === undefined ? {} : { impact: figures }),
    };
  };
  const changed: RuleChangeEntry[] = [];
  const added: RuleChangeEntry[] = [];
  for (const rule of headRules) {
    const old = baseRules.get(rule.id);
    if (old === undefined) added.push(entry(rule, "added", pairs(new Map(), after(rule))));
    else {
      const differing = pairs(before(old), after(rule));
      if (differing.length > 0) changed.push(entry(rule, "changed", differing));
    }
  }
  const removed = [...baseRules.values()]
    .filter((rule) => !headIds.has(rule.id))
    .map((rule) => entry(rule, "removed", pairs(before(rule), new Map())));
  return {
    base: { name: base.name, version: base.version, digest: base.digest },
    rules: [...changed, ...added, ...removed],
    components: catalogChanges(base.components, head.components, COMPONENT_FIELDS),
    evidence: catalogChanges(base.evidence, head.evidence, EVIDENCE_FIELDS),
    ...(impact === undefined ? {} : { cohort: impact.cohort }),
  };
}

/** The parts that differ, in the order the head words them, then those only the base has. */
function pairs(before: ReadonlyMap<string, PartChange["before"]>, after: ReadonlyMap<string, PartChange["after"]>) {
  const labels = [...new Set([...after.keys(), ...before.keys()])];
  return labels.flatMap((label): PartChange[] => {
    const [from, to] = [before.get(label), after.get(label)];
    if (deepEqual(from, to)) return [];
    return [{ label, ...(from === undefined ? {} : { before: from }), ...(to === undefined ? {} : { after: to }) }];
  });
}

/** A catalog's fields a reviewer reads, by the name a change lists them under. */
type Fields<T> = readonly (readonly [label: string, read: (item: T) => unknown])[];

const COMPONENT_FIELDS: Fields<ComponentDefinition> = [
  ["title", (c) => c.title],
  ["category", (c) => c.category],
  ["description", (c) => c.description],
  ["patient text", (c) => c.patientText],
  ["default details", (c) => c.details],
  ["contraindications", (c) => c.contraindications],
];

const EVIDENCE_FIELDS: Fields<EvidenceSource> = [
  ["citation", (e) => e.citation],
  ["link", (e) => [e.doi, e.url]],
  ["finding", (e) => e.finding],
  ["certainty", (e) => e.certainty],
  ["certainty note", (e) => e.certaintyNote],
];

function catalogChanges<T extends { readonly id: string }>(
  base: ReadonlyMap<string, T>,
  head: ReadonlyMap<string, T>,
  fields: Fields<T>,
): CatalogChangeEntry[] {
  const title = (item: T) => ("title" in item && typeof item.title === "string" ? item.title : item.id);
  const changed: CatalogChangeEntry[] = [];
  const added: CatalogChangeEntry[] = [];
  for (const item of head.values()) {
    const old = base.get(item.id);
    if (old === undefined) {
      added.push({ id: item.id, title: title(item), change: "added", fields: [] });
      continue;
    }
    const differing = fields.filter(([, read]) => !deepEqual(read(old), read(item))).map(([label]) => label);
    if (differing.length > 0) changed.push({ id: item.id, title: title(item), change: "changed", fields: differing });
  }
  const removed = [...base.values()]
    .filter((item) => !head.has(item.id))
    .map((item): CatalogChangeEntry => ({ id: item.id, title: title(item), change: "removed", fields: [] }));
  return [...changed, ...added, ...removed];
}
