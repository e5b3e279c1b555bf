/**
 * Conditions in words, in one place. Two registers: `written`, the condition as its author wrote
 * it, for messages and explanations (`phq9.total ≥ 10`, `any of 3 conditions`); `plain`, as a
 * reviewer reads it, for the rulebook (`PHQ-9 total ≥ 10 or GAD-7 total ≥ 10`). Both say a
 * comparison the way its operator's definition does.
 */
import type { Condition, ConditionValue } from "../generated/types.js";
import { operators } from "../run/evaluate/operators/index.js";
import { plainClause, type Clause, type SubjectOf } from "./plain-clause.js";

export type { Clause, ListLead, SubjectOf } from "./plain-clause.js";

/** The written register's options. */
export interface Written {
  readonly register?: "written";
  /** The condition sits under an odd number of `not`s: `not phq9.total ≥ 10`. */
  readonly negated?: boolean;
  /** A list value as written, `[acute, chronic]`, or `bare`: `acute, chronic` (`none` when empty). */
  readonly lists?: "bracketed" | "bare";
}

/** The plain register: `subject` names each fact and its values. */
export interface Plain {
  readonly register: "plain";
  readonly subject: SubjectOf;
}

/**
 * A condition in words: written (the default), shortly and as the author wrote it, or in plain
 * language as a clause the rulebook lays out.
 *
 * @example
 * describeCondition({ fact: "phq9.total", operator: "greaterThanInclusive", value: 10 }); // "phq9.total ≥ 10"
 * describeCondition({ any: [a, b, c] }, { negated: true }); // "not any of 3 conditions"
 * describeCondition({ fact: "chronicity", operator: "in", value: ["acute", "subacute"] }, { lists: "bare" }); // "chronicity is one of acute, subacute"
 * describeCondition({ any: [phq9AtLeast10, gad7AtLeast10] }, { register: "plain", subject });
 * // { kind: "phrase", text: "PHQ-9 total ≥ 10 or GAD-7 total ≥ 10" }
 */
export function describeCondition(condition: Condition, wording?: Written): string;
export function describeCondition(condition: Condition, wording: Plain): Clause;
export function describeCondition(condition: Condition, wording: Written | Plain = {}): string | Clause {
  return wording.register === "plain" ? plainClause(condition, wording.subject) : written(condition, wording);
}

function written(condition: Condition, { negated = false, lists = "bracketed" }: Written): string {
  const text =
    "all" in condition
      ? `all of ${condition.all.length} conditions`
      : "any" in condition
        ? `any of ${condition.any.length} conditions`
        : "not" in condition
          ? `not ${written(condition.not, { lists })}`
          : `${condition.fact} ${operators.get(condition.operator)?.symbol ?? condition.operator} ${value(condition.value, lists)}`;
  return negated ? `not ${text}` : text;
}

/** A comparison's value as written: `10`, `acute`, `acute, chronic` or `[acute, chronic]`. */
function value(compared: ConditionValue, lists: Written["lists"]): string {
  if (!Array.isArray(compared)) return String(compared);
  if (lists === "bracketed") return `[${compared.map(String).join(", ")}]`;
  return compared.length === 0 ? "none" : compared.join(", ");
}
