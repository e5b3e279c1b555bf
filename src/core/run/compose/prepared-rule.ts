import type { FactDefinition, Facts } from "../facts/types.js";
import type { Details, PlanEvidence, TraceEntry } from "../../generated/types.js";
import { compileTemplate, templateFacts, type CompiledTemplate } from "../../load/reason-template.js";
import type { CompiledRule } from "../../load/types.js";
import type { PreparedComponent } from "./components.js";
import { soleGapReason } from "./data-gaps.js";
import { gapTrialsOf, type GapTrial } from "./gap-trials.js";
import type { Stakes } from "./stakes.js";
import { stakesOf } from "./stakes.js";

/** A rule with everything composing needs worked out once per ruleset, not once per plan. */
export interface PreparedRule {
  readonly rule: CompiledRule;
  /**
   * Its place in the ruleset's order, highest priority first and then by id: the lower, the more
   * important (where rules' details or withholdings compete).
   */
  readonly importance: number;
  /** `file:line`, as the trace shows it. */
  readonly source: string;
  /**
   * Its trace entries when it fires and when it does not: the same in every plan, so made once and
   * shared (frozen, as evidence entries are). Most of a plan's trace is these; building them
   * afresh was most of what composing allocated.
   */
  readonly fired: TraceEntry;
  readonly notFired: TraceEntry;
  readonly add: readonly PreparedAddition[];
  readonly withhold: readonly PreparedWithholding[];
  readonly halt?: CompiledTemplate;
  /** The plan entries of the sources the rule cites, in its order. */
  readonly evidence: readonly PlanEvidence[];
  /**
   * For each fact of the condition that could be a data gap: what to try in its place, and what to
   * ask for. Worked out on the first call, then kept.
   */
  readonly gapTrials: () => ReadonlyMap<string, GapTrial>;
  /** Every fact the rule reads: those of its condition, and those its texts name. */
  readonly reads: readonly string[];
  /** What hangs on the rule: where its data gaps go in the list, and what they could change. */
  readonly stakes: Stakes;
  /** The reason of a data gap that hangs on this rule alone: the same in every plan (made on the first call). */
  readonly gapReason: () => string;
  /** Whether its condition reads what higher priorities decided (`plan.*`). */
  readonly readsPlan: boolean;
}

export interface PreparedAddition {
  readonly component: PreparedComponent;
  readonly reason: CompiledTemplate;
  readonly details?: (facts: Facts) => Details;
}

export interface PreparedWithholding {
  readonly component?: PreparedComponent;
  readonly category?: string;
  readonly reason: CompiledTemplate;
}

/** What a rule's names refer to: facts, catalog components and evidence sources, by name. */
export interface Catalogs {
  readonly facts: ReadonlyMap<string, FactDefinition>;
  readonly components: ReadonlyMap<string, PreparedComponent>;
  readonly evidence: ReadonlyMap<string, PlanEvidence>;
}

/** Compiles a rule's texts and resolves the names it uses. The checker has made sure every name exists. */
export function prepareRule(rule: CompiledRule, importance: number, catalogs: Catalogs): PreparedRule {
  const resolve = <T>(catalog: ReadonlyMap<string, T>, name: string): T => {
    const found = catalog.get(name);
    if (found === undefined) throw new Error(`rule "${rule.id}" names unknown "${name}"`);
    return found;
  };
  const add = rule.add.map(({ component, reason, details }) => ({
    component: resolve(catalogs.components, component),
    reason: compileTemplate(reason),
    ...(details === undefined ? {} : { details: compileDetails(details) }),
  }));
  const withhold = rule.withhold.map(({ component, category, reason }) => ({
    ...(component === undefined ? {} : { component: resolve(catalogs.components, component) }),
    ...(category === undefined ? {} : { category }),
    reason: compileTemplate(reason),
  }));
  const source = `${rule.source.file}:${rule.source.line}`;
  const stakes = stakesOf(rule, add, withhold);
  const traced = (outcome: TraceEntry["outcome"]) =>
    Object.freeze({ rule: rule.id, priority: rule.priority, outcome, source });
  // Worked out on first use, then kept: only a rule left undecided needs them, and an engine
  // starts sooner without them for every rule (a browser page waits for its first plan).
  // Functions, not getters: a getter in this literal slowed every read of a prepared rule.
  let gapTrials: ReadonlyMap<string, GapTrial> | undefined;
  let gapReason: string | undefined;
  return {
    rule,
    importance,
    source,
    fired: traced("fired"),
    notFired: traced("not-fired"),
    add,
    withhold,
    ...(rule.halt === undefined ? {} : { halt: compileTemplate(rule.halt.reason) }),
    // Once each (the schema says so; made sure here, as a plan lists a rule's sources as they are).
    evidence: [...new Set(rule.evidence)].map((id) => resolve(catalogs.evidence, id)),
    gapTrials: () => (gapTrials ??= gapTrialsOf(rule.facts, rule.when, catalogs.facts)),
    reads: [...rule.facts, ...textsOf(rule).flatMap(templateFacts)],
    stakes,
    gapReason: () => (gapReason ??= soleGapReason(rule.id, stakes)),
    readsPlan: rule.facts.some((fact) => fact.startsWith("plan.")),
  };
}

/**
 * Details whose text values (and the text items of list values) are templates, filled into a new
 * object with the rule's keys in its order.
 */
function compileDetails(details: Details): (facts: Facts) => Details {
  const texts = Object.values(details)
    .flat()
    .filter((value) => typeof value === "string");
  if (texts.every((text) => templateFacts(text).length === 0)) {
    // Without a placeholder they are the same in every plan: one object (lists copied out of the
    // frozen ruleset), which no plan holds, since composing copies details out of it.
    const fixed = Object.fromEntries(
      Object.entries(details).map(([key, value]: [string, unknown]) => [
        key,
        Array.isArray(value) ? Array.from(value as readonly unknown[]) : value,
      ]),
    ) as Details;
    return () => fixed;
  }
  const entries = Object.entries(details).map(
    ([key, value]: [string, unknown]): [string, (facts: Facts) => unknown] => {
      if (typeof value === "string") return [key, compileTemplate(value)];
      if (Array.isArray(value)) {
        const items = value.map((item: unknown) => (typeof item === "string" ? compileTemplate(item) : () => item));
        return [key, (facts) => items.map((fill) => fill(facts))];
      }
      return [key, () => value];
    },
  );
  return (facts) => {
    const filled: Record<string, unknown> = {};
    for (const [key, fill] of entries) filled[key] = fill(facts);
    return filled;
  };
}

/** The texts of a rule's decisions, which may name facts in placeholders. */
function textsOf({ add, withhold, halt }: CompiledRule): string[] {
  return [
    ...add.flatMap(({ reason, details = {} }) => [
      reason,
      ...Object.values(details)
        .flat()
        .filter((value) => typeof value === "string"),
    ]),
    ...withhold.map(({ reason }) => reason),
    ...(halt === undefined ? [] : [halt.reason]),
  ];
}
