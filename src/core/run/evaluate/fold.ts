import type { Condition, FactCondition } from "../../generated/types.js";

/** What to make of each kind of node of a condition tree. */
export interface ConditionFold<T> {
  all(children: readonly T[]): T;
  any(children: readonly T[]): T;
  not(child: T): T;
  fact(leaf: FactCondition): T;
}

/**
 * Folds a condition bottom-up: the one place that walks the all/any/not grammar, so the compiler,
 * the explainer and the fact lister cannot disagree about its shape.
 *
 * @example foldCondition(condition, { all: sum, any: sum, not: (n) => n, fact: () => 1 }); // leaf count
 */
export function foldCondition<T>(condition: Condition, fold: ConditionFold<T>): T {
  if ("all" in condition) return fold.all(condition.all.map((child) => foldCondition(child, fold)));
  if ("any" in condition) return fold.any(condition.any.map((child) => foldCondition(child, fold)));
  if ("not" in condition) return fold.not(foldCondition(condition.not, fold));
  return fold.fact(condition);
}
