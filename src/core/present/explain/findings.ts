import { describeCondition } from "../../load/describe.js";
import { explainCondition, type ConditionExplanation } from "../../run/evaluate/explain.js";
import type { FactValue, Facts } from "../../run/facts/types.js";
import type { Condition, FactCondition } from "../../generated/types.js";
import type { Truth } from "../../run/evaluate/truth.js";
import type { Finding } from "./types.js";

/** A condition's outcome on some facts, and the findings that decided it. */
export interface Decided {
  readonly truth: Truth;
  /**
   * The leaves behind the outcome, in condition order: those of each node's children that share
   * its outcome (Kleene logic). For a true condition, what made it true; for a false one, what
   * failed; for an unknown one, what was not recorded.
   */
  readonly findings: readonly Finding[];
}

/**
 * Evaluates `condition` on `facts` and keeps the leaves that decided it.
 *
 * @example
 * decide({ fact: "phq9.total", operator: "greaterThanInclusive", value: 10 }, new Map([["phq9.total", 9]]));
 * // { truth: false, findings: [{ fact: "phq9.total", …, found: 9, text: "phq9.total ≥ 10 (found 9)" }] }
 */
export function decide(condition: Condition, facts: Facts): Decided {
  const explanation = explainCondition(condition, facts);
  return { truth: explanation.truth, findings: deciding(explanation, false) };
}

function deciding(node: ConditionExplanation, negated: boolean): Finding[] {
  switch (node.kind) {
    case "fact":
      return [finding(node.condition, negated, node.value)];
    case "not":
      return deciding(node.child, !negated);
    case "all":
    case "any":
      return node.children.filter((child) => child.truth === node.truth).flatMap((child) => deciding(child, negated));
  }
}

function finding(condition: FactCondition, negated: boolean, found: FactValue | undefined): Finding {
  const { fact, operator, value } = condition;
  const seen = found === undefined ? "not recorded" : `found ${show(found)}`;
  const text = `${describeCondition(condition, { negated, lists: "bare" })} (${seen})`;
  return found === undefined
    ? { fact, operator, value, negated, text }
    : { fact, operator, value, negated, found, text };
}

function show(value: FactValue): string {
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.join(", ");
  return String(value);
}
