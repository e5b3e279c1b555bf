import type { FactType, FactValue } from "../../facts/types.js";
import type { ConditionValue, FactCondition } from "../../generated/types.js";

export type OperatorName = FactCondition["operator"];

/**
 * One operator of json-rules-engine's condition language, self-described so that the evaluator,
 * the rule checker and the explainer read the same definition.
 */
export interface Operator {
  readonly name: OperatorName;
  /** Fact types the operator applies to; anything else is a load-time error. */
  readonly factTypes: readonly FactType[];
  /** `scalar`: the value is one number/string/boolean; `list`: the value is an array. */
  readonly value: "scalar" | "list";
  /** Plain-language form for explanations, e.g. "≥" or "is one of". */
  readonly symbol: string;
  /** The test on a present fact value (absent facts never reach it: they are "unknown"). */
  test(fact: FactValue, value: ConditionValue): boolean;
}
