import type { FactDefinition, FactValue } from "../facts/types.js";
import type { Condition } from "../generated/types.js";
import { candidateValues } from "./candidates.js";

/** How to tell whether an absent fact could decide a condition, and the fields that would supply it. */
export interface GapTrial {
  readonly candidates: readonly FactValue[];
  /** The assessment fields to collect (the fact definition's `collect`). */
  readonly collect: readonly string[];
}

/**
 * For each fact a condition reads that could be a data gap: what to try in its place, and what to
 * ask for. Context facts (`profile`, `plan.*`) come from the plan being made: nothing to collect.
 */
export function gapTrialsOf(
  names: readonly string[],
  condition: Condition,
  facts: ReadonlyMap<string, FactDefinition>,
): ReadonlyMap<string, GapTrial> {
  const trials = new Map<string, GapTrial>();
  for (const name of names) {
    const definition = facts.get(name);
    if (definition === undefined || definition.origin === "context") continue;
    // Copied from the frozen catalog: Node 20's V8 walks frozen arrays several times slower.
    trials.set(name, { candidates: candidateValues(definition, condition), collect: [...definition.collect] });
  }
  return trials;
}
