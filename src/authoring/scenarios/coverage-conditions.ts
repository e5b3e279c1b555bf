import type { ConditionExplanation } from "../../core/run/evaluate/explain.js";
import type { Truth } from "../../core/run/evaluate/truth.js";
import type { FactValue } from "../../core/run/facts/types.js";
import type { FactCondition } from "../../core/generated/types.js";
import { childPointer } from "../../core/pointer.js";

/** One comparison of a rule's condition, where it sits in the rule, and its outcome in one run. */
export interface ConditionOutcome {
  /** JSON Pointer from the rule: `/when/all/1/not/any/0`. */
  readonly pointer: string;
  readonly condition: FactCondition;
  /** The comparison's own outcome, whatever the nodes above it made of it. */
  readonly truth: Truth;
  /** The value the rule saw; absent when the fact was. */
  readonly value?: FactValue;
}

/**
 * Every comparison of an explained condition, in reading order, each with its own outcome and
 * its pointer from the rule (the condition sits at `/when`).
 *
 * @example
 * conditionOutcomes(explainCondition({ all: [phq9AtLeast10] }, facts));
 * // [{ pointer: "/when/all/0", condition: phq9AtLeast10, truth: true, value: 12 }]
 */
export function conditionOutcomes(node: ConditionExplanation, pointer = "/when"): ConditionOutcome[] {
  switch (node.kind) {
    case "fact": {
      const { condition, truth, value } = node;
      return [value === undefined ? { pointer, condition, truth } : { pointer, condition, truth, value }];
    }
    case "not":
      return conditionOutcomes(node.child, childPointer(pointer, "not"));
    case "all":
    case "any": {
      const list = childPointer(pointer, node.kind);
      return node.children.flatMap((child, index) => conditionOutcomes(child, childPointer(list, index)));
    }
  }
}
