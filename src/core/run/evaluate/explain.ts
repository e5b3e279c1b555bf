import type { FactValue, Facts } from "../facts/types.js";
import type { FactCondition, Condition } from "../../generated/types.js";
import { foldCondition } from "./fold.js";
import { operatorNamed } from "./operators/index.js";
import { and, not, or, type Truth } from "./truth.js";

/** A condition tree with each node's outcome; a leaf carries the value it saw (none: absent). */
export type ConditionExplanation =
  | { readonly kind: "all" | "any"; readonly truth: Truth; readonly children: readonly ConditionExplanation[] }
  | { readonly kind: "not"; readonly truth: Truth; readonly child: ConditionExplanation }
  | { readonly kind: "fact"; readonly truth: Truth; readonly condition: FactCondition; readonly value?: FactValue };

/**
 * Evaluates every node of a condition (no short-circuit, so the reader sees every reason) and
 * returns the tree of outcomes; its root's `truth` equals `compileCondition(condition)(facts)`.
 *
 * @example
 * explainCondition({ not: { fact: "lifestyle.smoker", operator: "equal", value: true } }, new Map());
 * // { kind: "not", truth: "unknown", child: { kind: "fact", truth: "unknown", condition: {...} } }
 */
export function explainCondition(condition: Condition, facts: Facts): ConditionExplanation {
  return foldCondition<ConditionExplanation>(condition, {
    all: (children) => ({ kind: "all", truth: children.reduce<Truth>((t, c) => and(t, c.truth), true), children }),
    any: (children) => ({ kind: "any", truth: children.reduce<Truth>((t, c) => or(t, c.truth), false), children }),
    not: (child) => ({ kind: "not", truth: not(child.truth), child }),
    fact: (leaf) => {
      const value = facts.get(leaf.fact);
      if (value === undefined) return { kind: "fact", truth: "unknown", condition: leaf };
      return { kind: "fact", truth: operatorNamed(leaf.operator).test(value, leaf.value), condition: leaf, value };
    },
  });
}
