/** A condition in a few words, as the author wrote it: `phq9.total ≥ 10`, `any of 3 conditions`. */
import type { Condition } from "../generated/types.js";
import { operators } from "../run/evaluate/operators/index.js";

/** A comparison's value as written: `10`, `acute`, `[acute, chronic]`. */
function writtenValue(value: unknown): string {
  return Array.isArray(value) ? `[${value.map(String).join(", ")}]` : String(value);
}

/**
 * A condition as the author wrote it, shortly: `phq9.total ≥ 10`, `not chronicity = acute`,
 * `any of 3 conditions`. `negated`: it sits under an odd number of `not`s.
 */
export function conditionText(condition: Condition, negated = false): string {
  const text =
    "all" in condition
      ? `all of ${condition.all.length} conditions`
      : "any" in condition
        ? `any of ${condition.any.length} conditions`
        : "not" in condition
          ? `not ${conditionText(condition.not)}`
          : `${condition.fact} ${operators.get(condition.operator)?.symbol ?? condition.operator} ${writtenValue(condition.value)}`;
  return negated ? `not ${text}` : text;
}
