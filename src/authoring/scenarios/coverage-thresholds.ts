import type { OperatorName } from "../../core/run/evaluate/operators/index.js";
import type { FactDefinition } from "../../core/run/facts/types.js";
import type { FactCondition } from "../../core/generated/types.js";
import { normalForm } from "../../core/load/analysis/normal-form.js";
import { alwaysHoldsWhenPresent, neverHolds } from "../../core/load/analysis/reasoning.js";

/**
 * The values nearest a threshold on each side, for a whole-number fact: `≥ 10` and `< 10` split
 * between 9 and 10, `> 14` and `≤ 14` between 14 and 15, `= 3` and `≠ 3` are decided at 2, 3
 * and 4. A scenario at each is what shows the cut-off sits where the author meant it.
 * Only these operators compare a number with a cut-off; the others never make a threshold.
 */
const NEAREST: Partial<Record<OperatorName, (cutOff: number) => readonly number[]>> = {
  greaterThanInclusive: (v) => [Math.ceil(v) - 1, Math.ceil(v)],
  lessThan: (v) => [Math.ceil(v) - 1, Math.ceil(v)],
  greaterThan: (v) => [Math.floor(v), Math.floor(v) + 1],
  lessThanInclusive: (v) => [Math.floor(v), Math.floor(v) + 1],
  equal: (v) => [v - 1, v, v + 1],
  notEqual: (v) => [v - 1, v, v + 1],
};

/** A numeric threshold of a condition: what to look for in the values scenarios gave it. */
export interface Threshold {
  /**
   * The values on either side of the cut-off that a scenario should use, within the fact's
   * range; absent when the fact's precision is unknown (a `number` fact such as BMI), where
   * only "a value on each side" can be judged.
   */
  readonly boundary?: readonly number[];
}

/**
 * The threshold a condition sets, if it compares a number fact with a number (`phq9.total ≥ 10`,
 * `lifestyle.bmi ≥ 30`); `undefined` for any other condition.
 *
 * @example thresholdOf({ fact: "phq9.total", operator: "greaterThanInclusive", value: 10 }, facts); // { boundary: [9, 10] }
 */
export function thresholdOf(
  condition: FactCondition,
  facts: ReadonlyMap<string, FactDefinition>,
): Threshold | undefined {
  const nearest = NEAREST[condition.operator];
  const fact = facts.get(condition.fact);
  if (nearest === undefined || typeof condition.value !== "number") return undefined;
  if (fact?.type !== "number" && fact?.type !== "integer") return undefined;
  const { minimum = -Infinity, maximum = Infinity } = fact;
  // A comparison every recorded value passes (`≥ 0` on a count), or none does, has no other side
  // a scenario could test: lint reports it (the same reasoning), coverage does not count it.
  const form = normalForm(condition, { facts });
  if (form !== undefined && (neverHolds(form) || alwaysHoldsWhenPresent(form))) return undefined;
  if (fact.type === "number") return {};
  return { boundary: nearest(condition.value).filter((v) => v >= minimum && v <= maximum) };
}
