import { operatorNamed } from "../../core/run/evaluate/operators/index.js";
import type { FactDefinition } from "../../core/run/facts/types.js";
import type { FactCondition } from "../../core/generated/types.js";
import { normalForm } from "../../core/load/analysis/normal-form.js";
import { alwaysHoldsWhenPresent, neverHolds } from "../../core/load/analysis/reasoning.js";

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
  // The values nearest the cut-off on each side are the operator's own `boundary` (`≥ 10`: 9 and
  // 10); an operator without one never sets a threshold.
  const nearest = operatorNamed(condition.operator).boundary;
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
