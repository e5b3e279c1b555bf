import type { FactType, FactValue, Facts } from "../../facts/types.js";
import type { ConditionValue, FactCondition } from "../../../generated/types.js";
import type { Phrase } from "../phrasing.js";
import type { Truth } from "../truth.js";

export type OperatorName = FactCondition["operator"];

/**
 * What a comparison allows of a present fact, as the analysis reads it:
 * - `values`: the fact is one of the compared values (`equal`, `in`), or, `complement`, none of
 *   them (`notEqual`, `notIn`);
 * - `bound`: a number on one `side` of the value, the value itself included or not;
 * - `item`: a list fact holds the value (`contains`), or, not `held`, lacks it.
 */
export type Constraint =
  | { readonly kind: "values"; readonly complement: boolean }
  | { readonly kind: "bound"; readonly side: "below" | "above"; readonly inclusive: boolean }
  | { readonly kind: "item"; readonly held: boolean };

/**
 * One operator of json-rules-engine's condition language with everything it means, in one place:
 * the evaluator, the rule checker, the analysis, the explainer, the rulebook and scenario
 * coverage all read this definition (as ajv keeps a keyword's test and inverse in one object).
 */
export interface Operator {
  readonly name: OperatorName;
  /** Fact types the operator applies to; anything else is a load-time error. */
  readonly factTypes: readonly FactType[];
  /** `scalar`: the value is one number/string/boolean; `list`: the value is an array. */
  readonly value: "scalar" | "list";
  /** Plain-language form for explanations, e.g. "≥" or "is one of". */
  readonly symbol: string;
  /** The operator that holds exactly when this one does not (on a present fact): `not ≥ 10` is `< 10`. */
  readonly inverse: OperatorName;
  /** The value a present fact may take under this comparison. */
  readonly constrains: Constraint;
  /**
   * For a comparison with a number cut-off, the whole numbers nearest it on each side: `≥ 10` is
   * decided between 9 and 10. Absent for operators that never set a threshold.
   */
  readonly boundary?: (cutOff: number) => readonly number[];
  /** How a comparison reads in plain language (the rulebook). */
  readonly phrase: Phrase;
  /** The test on a present fact value (absent facts never reach it: they are "unknown"). */
  test(fact: FactValue, value: ConditionValue): boolean;
  /**
   * A leaf on this operator compiled for one fact and value: `test` on the fact when present,
   * else `"unknown"` (`absent`). Written out in each operator's file rather than once in the
   * evaluator: each call of `test` then sees a single operator and V8 inlines it, where one shared
   * leaf calling ten operators' tests cannot (a third of the time rule evaluation took). It reads
   * its fact by slot from the engine's `FactTable` (`factAt`), by name from any other map.
   */
  leaf(fact: string, value: ConditionValue): CompiledLeaf;
}

/** A compiled leaf; adds the fact to `missing`, when given, if it is absent. */
export type CompiledLeaf = (facts: Facts, missing?: Set<string>) => Truth;
