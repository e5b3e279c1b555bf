import type { Facts, FactValue } from "../facts/types.js";
import type { Details, PlanEvidence } from "../generated/types.js";
import { compileTemplate, type CompiledTemplate } from "../ruleset/reason-template.js";
import type { CompiledRule, Ruleset } from "../ruleset/types.js";
import { candidateValues } from "./candidates.js";

/** A rule with everything composing needs worked out once per ruleset, not once per plan. */
export interface PreparedRule {
  readonly rule: CompiledRule;
  /** `file:line`, as the trace shows it. */
  readonly source: string;
  readonly add: readonly PreparedAddition[];
  readonly withhold: readonly PreparedWithholding[];
  readonly halt?: CompiledTemplate;
  /** The plan entries of the sources the rule cites, in its order. */
  readonly evidence: readonly PlanEvidence[];
  /** For each fact of the condition that could be a data gap: what to try in its place, and what to ask for. */
  readonly gapTrials: ReadonlyMap<string, GapTrial>;
}

export interface PreparedAddition {
  readonly component: string;
  readonly reason: CompiledTemplate;
  readonly details?: (facts: Facts) => Details;
}

export interface PreparedWithholding {
  readonly component?: string;
  readonly category?: string;
  readonly reason: CompiledTemplate;
}

/** How to tell whether an absent fact could decide the rule, and the fields that would supply it. */
export interface GapTrial {
  readonly candidates: readonly FactValue[];
  /** The assessment fields to collect (the fact definition's `collect`). */
  readonly collect: readonly string[];
}

export function prepareRule(rule: CompiledRule, ruleset: Ruleset, evidence: ReadonlyMap<string, PlanEvidence>): PreparedRule {
  return {
    rule,
    source: `${rule.source.file}:${rule.source.line}`,
    add: rule.add.map(({ component, reason, details }) => ({
      component,
      reason: compileTemplate(reason),
      ...(details === undefined ? {} : { details: compileDetails(details) }),
    })),
    withhold: rule.withhold.map(({ reason, ...target }) => ({ ...target, reason: compileTemplate(reason) })),
    ...(rule.halt === undefined ? {} : { halt: compileTemplate(rule.halt.reason) }),
    evidence: rule.evidence.map((id) => {
      const entry = evidence.get(id);
      if (entry === undefined) throw new Error(`rule "${rule.id}" cites unknown evidence "${id}"`); // the checker rules this out
      return entry;
    }),
    gapTrials: new Map(
      rule.facts.flatMap((name): [string, GapTrial][] => {
        const definition = ruleset.facts.get(name);
        // Context facts (`profile`, `plan.*`) come from the plan being made: nothing to collect.
        if (definition === undefined || definition.origin === "context") return [];
        return [[name, { candidates: candidateValues(definition, rule.when), collect: definition.collect }]];
      }),
    ),
  };
}

/** Details whose text values are templates, filled into a new object with the rule's keys in its order. */
function compileDetails(details: Details): (facts: Facts) => Details {
  const entries = Object.entries(details).map(([key, value]): [string, (facts: Facts) => unknown] => [
    key,
    typeof value === "string" ? compileTemplate(value) : () => value,
  ]);
  return (facts) => {
    const filled: Record<string, unknown> = {};
    for (const [key, fill] of entries) filled[key] = fill(facts);
    return filled as Details;
  };
}
