import type { FactType, FactValue, Facts } from "../../facts/types.js";
import type { ConditionValue, FactCondition } from "../../../generated/types.js";
import type { Truth } from "../truth.js";

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
  /**
   * A leaf on this operator compiled for one fact and value: `test` on the fact when present,
   * else `"unknown"` (`absent`). Written out in each operator's file rather than once in the
   * evaluator: each call of `test` then sees a single operator and V8 inlines it, where one shared
   * leaf calling ten operators' tests cannot (a third of the time rule evaluation took).
   */
  leaf(fact: string, value: ConditionValue): CompiledLeaf;
}

/** A compiled leaf; adds the fact to `missing`, when given, if it is absent. */
export type CompiledLeaf = (facts: Facts, missing?: Set<string>) => Truth;
