import type { Issue } from "../../errors.js";
import { compileCondition, conditionFacts } from "../../run/evaluate/condition.js";
import type { FactDefinition } from "../../run/facts/types.js";
import type { ComponentDefinition, EvidenceSource, PackManifest, Rule, Scenario } from "../../generated/types.js";
import type { Catalog, Located, PackModel } from "../pack-model.js";
import type { CompiledRule, CompileOptions, Ruleset } from "../types.js";
import { deepFreeze } from "./deep-freeze.js";

/** Every part a ruleset needs, each item whole: what a pack without errors is. */
export interface CompletePack {
  readonly manifest: Located<PackManifest>;
  readonly components: Catalog<ComponentDefinition>;
  readonly evidence: Catalog<EvidenceSource>;
  readonly rules: Catalog<Rule>;
  readonly scenarios: Catalog<Scenario>;
  readonly facts: ReadonlyMap<string, FactDefinition>;
}

/** The pack as a complete one, when no issue is an error; else `undefined`. */
export function completePack(pack: PackModel, issues: readonly Issue[]): CompletePack | undefined {
  if (
    issues.some((i) => i.severity === "error") ||
    pack.manifest === undefined ||
    pack.components === undefined ||
    pack.evidence === undefined ||
    // An item set aside with no error to say why must never become a pack that lacks it.
    !pack.rules.complete ||
    !pack.components.complete ||
    !pack.evidence.complete
  ) {
    return undefined;
  }
  // Without a schema error every item passed its whole schema, not only the parts checks read.
  return pack as unknown as CompletePack;
}

/**
 * The frozen ruleset of a pack that passed every check: each condition compiled once, rules by
 * priority (highest first) then id, catalogs in file order. Nothing depends on the order files
 * were given in (they are sorted by path before they get here). Retired rules never run; drafts
 * run only with `includeDrafts`.
 */
export function compilePack(
  pack: CompletePack,
  digest: string,
  warnings: readonly Issue[],
  { includeDrafts = false }: CompileOptions = {},
): Ruleset {
  const { name, version, defaultProfile, profiles } = pack.manifest.value;
  const rules = pack.rules.items
    .map(compileRule)
    .sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const runs = ({ governance: { status } }: CompiledRule) =>
    status === "active" || (status === "draft" && includeDrafts);
  return deepFreeze({
    name,
    version,
    digest,
    defaultProfile,
    profiles,
    components: new Map(pack.components.items.map(({ value }) => [value.id, value])),
    evidence: new Map(pack.evidence.items.map(({ value }) => [value.id, value])),
    rules: rules.filter(runs),
    inactive: rules.filter((rule) => !runs(rule)),
    drafts: rules
      .filter((rule) => rule.governance.status === "draft" && runs(rule))
      .map((rule) => rule.id)
      .sort(),
    facts: pack.facts,
    scenarios: pack.scenarios.items.map(({ value, file, pointer }) => ({
      scenario: value,
      source: file.place(pointer).source,
    })),
    warnings,
  });
}

function compileRule({ value: rule, file, pointer }: Located<Rule>): CompiledRule {
  const { add = [], withhold = [], halt } = rule.then;
  const { status = "active", owner, reviewedBy, reviewedOn, reviewDue } = rule;
  return {
    id: rule.id,
    title: rule.title,
    ...(rule.description === undefined ? {} : { description: rule.description }),
    priority: rule.priority,
    when: rule.when,
    test: compileCondition(rule.when),
    add,
    withhold,
    ...(halt === undefined ? {} : { halt: { reason: halt.reason } }),
    evidence: rule.evidence,
    facts: conditionFacts(rule.when),
    source: file.place(pointer).source,
    governance: {
      status,
      ...(owner === undefined ? {} : { owner }),
      ...(reviewedBy === undefined ? {} : { reviewedBy }),
      ...(reviewedOn === undefined ? {} : { reviewedOn }),
      ...(reviewDue === undefined ? {} : { reviewDue }),
    },
  };
}
