import type { FactDefinition, FactValue } from "../facts/types.js";
import type { Condition } from "../../generated/types.js";
import { slotOf } from "../facts/fact-table.js";
import { interned } from "../facts/interned.js";
import { candidateValues } from "./candidates.js";

/** How to tell whether an absent fact could decide a condition, and the fields that would supply it. */
export interface GapTrial {
  /** The fact's slot in a `FactTable`, where each candidate is set in turn. */
  readonly slot: number;
  readonly candidates: readonly FactValue[];
  /** The assessment fields to collect (the fact definition's `collect`). */
  readonly collect: readonly Field[];
}

/** An assessment field by its dotted path, split once here rather than once per plan. */
export interface Field {
  readonly path: string;
  readonly keys: readonly string[];
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
    // Keyed as the missing facts the leaves report are: interned, for lookups by pointer.
    trials.set(interned(name), {
      slot: slotOf(name),
      candidates: candidateValues(definition, condition),
      collect: definition.collect.map((path) => ({ path, keys: path.split(".") })),
    });
  }
  return trials;
}

/** Whether the assessment holds a value at `field` (own keys only, as the facts are read). */
export function holds(assessment: object, { keys }: Field): boolean {
  let node: unknown = assessment;
  for (const key of keys) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, key)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return node !== undefined && node !== null;
}
