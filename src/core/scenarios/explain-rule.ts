import { explainCondition, type ConditionExplanation } from "../evaluate/explain.js";
import { operators } from "../evaluate/operators/index.js";
import type { Truth } from "../evaluate/truth.js";
import type { FactValue, Facts } from "../facts/types.js";
import type { ConditionValue, FactCondition } from "../generated/types.js";
import type { CompiledRule } from "../ruleset/types.js";

/** Past this many deciding conditions, the rest are counted rather than listed. */
const MAX_SHOWN = 6;

/**
 * One line saying what a rule decided and on which of the patient's values:
 * `rule "depression" (psychological.yaml:12) did not fire: phq9.total ≥ 10 (found 9)`.
 * Only the conditions that decided the outcome are shown (for a rule that did not fire, the
 * false ones; for an undetermined rule, the unanswered ones). `facts` are those the rule saw
 * when it ran (`factsSeenAt`), so the verdict is the one in the plan's trace; `locate` shows
 * the rule's file.
 */
export function explainRule(
  rule: CompiledRule,
  facts: Facts,
  locate: (file: string) => string = (file) => file,
): string {
  const explanation = explainCondition(rule.when, facts);
  const leaves = deciding(explanation);
  const shown = leaves.slice(0, MAX_SHOWN).map(describeLeaf);
  const more = leaves.length > MAX_SHOWN ? [`and ${leaves.length - MAX_SHOWN} more`] : [];
  const { file, line } = rule.source;
  return `rule "${rule.id}" (${locate(file)}:${line}) ${verdict(explanation.truth)}: ${[...shown, ...more].join("; ")}`;
}

function verdict(truth: Truth): string {
  if (truth === "unknown") return "is undetermined";
  return truth ? "fired" : "did not fire";
}

/** A condition on one fact, under an odd number of `not`s when `negated`. */
interface Leaf {
  readonly node: Extract<ConditionExplanation, { kind: "fact" }>;
  readonly negated: boolean;
}

/** The leaves behind a node's outcome: those of its children that share it (Kleene logic). */
function deciding(node: ConditionExplanation, negated = false): Leaf[] {
  switch (node.kind) {
    case "fact":
      return [{ node, negated }];
    case "not":
      return deciding(node.child, !negated);
    case "all":
    case "any":
      return node.children.filter((child) => child.truth === node.truth).flatMap((child) => deciding(child, negated));
  }
}

/** `phq9.total ≥ 10 (found 9)`, `not lifestyle.smoker = true (not recorded)`. */
function describeLeaf({ node: { condition, value }, negated }: Leaf): string {
  const found = value === undefined ? "not recorded" : `found ${show(value)}`;
  return `${negated ? "not " : ""}${describeCondition(condition)} (${found})`;
}

/** `phq9.total ≥ 10`, `pain.legPain is one of above-knee, below-knee`. */
function describeCondition({ fact, operator, value }: FactCondition): string {
  return `${fact} ${operators.get(operator)?.symbol ?? operator} ${show(value)}`;
}

function show(value: FactValue | ConditionValue): string {
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.join(", ");
  return String(value);
}
