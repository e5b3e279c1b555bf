import { leaves } from "../../run/evaluate/condition.js";
import { operatorNamed, operators, type OperatorName } from "../../run/evaluate/operators/index.js";
import type { FactDefinition } from "../../run/facts/types.js";
import type { Condition, FactCondition } from "../../generated/types.js";
import type { Space } from "./literal.js";
import { conjunction, disjunction, normalForm, type NormalForm } from "./normal-form.js";
import { alwaysHoldsWhenPresent, equivalent, neverHolds } from "./reasoning.js";

/** A node of a condition as written: where it sits (a pointer from the root) and under an odd number of `not`s. */
export interface ConditionNode {
  readonly condition: Condition;
  readonly path: string;
  readonly negated: boolean;
}

/** A comparison node. */
export type ComparisonNode = ConditionNode & { readonly condition: FactCondition };

/**
 * What is wrong with a condition, each at the deepest node that explains it (a contradiction is
 * never reported again on the `all` that holds it, nor a comparison that never holds on its parents).
 */
export type ConditionFinding =
  /** A comparison no value of its fact satisfies (`phq9.total > 27`, `in: []`). */
  | { readonly kind: "never-holds"; readonly node: ComparisonNode; readonly fact: FactDefinition }
  /** A comparison, or an `any` whose branches together, true for every value of the facts it reads. */
  | { readonly kind: "always-holds"; readonly node: ConditionNode; readonly facts: readonly string[] }
  /** `node` can never hold together with the earlier `conflicts` of the same `all`. */
  | { readonly kind: "contradiction"; readonly node: ConditionNode; readonly conflicts: readonly ConditionNode[] }
  /** A comparison saying again what an earlier one in the same `all`/`any` says. */
  | {
      readonly kind: "duplicate";
      readonly node: ComparisonNode;
      readonly first: ComparisonNode;
      readonly within: "all" | "any";
    }
  /** A whole-number fact compared with a fraction: the comparison means `operator value`. */
  | {
      readonly kind: "fractional-threshold";
      readonly node: ComparisonNode;
      readonly fact: FactDefinition;
      readonly operator: OperatorName;
      readonly value: number;
    }
  /** An item of an `in`/`notIn` list the fact can never equal. */
  | {
      readonly kind: "unmatchable-value";
      readonly node: ComparisonNode;
      readonly fact: FactDefinition;
      readonly index: number;
      readonly value: number;
    };

/**
 * Everything the analysis can prove wrong inside one condition, in reading order.
 *
 * @example conditionFindings({ all: [{ fact: "phq9.total", operator: "greaterThanInclusive", value: 10 },
 *   { fact: "phq9.total", operator: "lessThan", value: 5 }] }, space);
 * // [{ kind: "contradiction", node: { path: "/all/1", … }, conflicts: [{ path: "/all/0", … }] }]
 */
export function conditionFindings(condition: Condition, space: Space): ConditionFinding[] {
  return findingsAt({ condition, path: "", negated: false }, space).findings;
}

/** A node's findings, and its normal form (`normalForm(condition, space, negated)`), which its parent reads. */
interface Analysed {
  readonly findings: ConditionFinding[];
  readonly form: NormalForm | undefined;
  /** A comparison neither impossible nor vacuous: what `duplicates` compares (proved once, here). */
  readonly meaningful: boolean;
}

/**
 * Bottom-up, so each node's normal form is built once, from its children's, as `normalForm`
 * builds it: building it again at every level above was most of a contraindication's check.
 */
function findingsAt(node: ConditionNode, space: Space): Analysed {
  const { condition, path, negated } = node;
  if ("not" in condition) {
    const inner = findingsAt({ condition: condition.not, path: `${path}/not`, negated: !negated }, space);
    return { ...inner, meaningful: false };
  }
  if (!("all" in condition) && !("any" in condition)) return comparisonFindings({ ...node, condition }, space);
  const key = "all" in condition ? "all" : "any";
  const list: readonly Condition[] = "all" in condition ? condition.all : condition.any;
  const children = list.map((child, i) => ({ condition: child, path: `${path}/${key}/${i}`, negated }));
  const analysed = children.map((child) => findingsAt(child, space));
  const forms = analysed.map((child) => child.form);
  // Under a `not`, an `all` is true when any child is (false): De Morgan.
  const conjunctive = (key === "all") !== negated;
  const extra = conjunctive ? contradiction(children, forms) : coverage(node, forms);
  return {
    findings: [...analysed.flatMap((child) => child.findings), ...extra, ...duplicates(children, analysed, key)],
    form: conjunctive ? conjunction(forms) : disjunction(forms),
    meaningful: false,
  };
}

function comparisonFindings(node: ComparisonNode, space: Space): Analysed {
  const form = normalForm(node.condition, space, node.negated) ?? [];
  const never = neverHolds(form);
  const always = !never && alwaysHoldsWhenPresent(form);
  return { findings: comparisonIssues(node, { never, always }, space), form, meaningful: !never && !always };
}

function comparisonIssues(
  node: ComparisonNode,
  { never, always }: { never: boolean; always: boolean },
  space: Space,
): ConditionFinding[] {
  const { fact, operator, value } = node.condition;
  const definition = space.facts.get(fact);
  // A comparison on an unknown fact is opaque: it never proves anything.
  if (definition === undefined) return [];
  if (never) return [{ kind: "never-holds", node, fact: definition }];
  if (always) return [{ kind: "always-holds", node, facts: [fact] }];
  if (definition.type === "integer" && typeof value === "number" && !Number.isInteger(value)) {
    const whole = wholeThreshold(operator, value);
    if (whole !== undefined) return [{ kind: "fractional-threshold", node, fact: definition, ...whole }];
  }
  if ((operator !== "in" && operator !== "notIn") || !Array.isArray(value)) return [];
  return value.flatMap((item, index) => {
    const alone = normalForm({ fact, operator: "equal", value: item }, space) ?? [];
    return typeof item === "number" && neverHolds(alone)
      ? [{ kind: "unmatchable-value" as const, node, fact: definition, index, value: item }]
      : [];
  });
}

/**
 * On a whole-number fact, what a bound at a fraction means: the inclusive bound on the same side
 * at the nearest whole number inside it (`> 2.5` and `≥ 2.5` are `≥ 3`, `< 2.5` is `≤ 2`), read
 * from the operators' definitions. `undefined` for an operator that is not a bound.
 */
function wholeThreshold(operator: OperatorName, value: number): { operator: OperatorName; value: number } | undefined {
  const { constrains } = operatorNamed(operator);
  if (constrains.kind !== "bound") return undefined;
  const inclusive = [...operators.values()].find(
    ({ constrains: c }) => c.kind === "bound" && c.side === constrains.side && c.inclusive,
  );
  if (inclusive === undefined) return undefined;
  return { operator: inclusive.name, value: constrains.side === "above" ? Math.ceil(value) : Math.floor(value) };
}

/**
 * For children that must all hold, none of which is impossible alone: the first that cannot hold
 * with those before it, and which of those it conflicts with (each alone, or else all of them).
 */
function contradiction(
  children: readonly ConditionNode[],
  forms: readonly (NormalForm | undefined)[],
): ConditionFinding[] {
  if (forms.some((form) => form === undefined || neverHolds(form))) return [];
  let before: NormalForm | undefined = forms[0];
  for (let k = 1; k < forms.length; k++) {
    before = conjunction([before, forms[k]]);
    if (before === undefined) return [];
    if (!neverHolds(before)) continue;
    const earlier = children.slice(0, k);
    const pairwise = earlier.filter((_, j) => {
      const both = conjunction([forms[j], forms[k]]);
      return both !== undefined && neverHolds(both);
    });
    const node = children[k] as ConditionNode;
    return [{ kind: "contradiction", node, conflicts: pairwise.length > 0 ? pairwise : earlier }];
  }
  return [];
}

/** For children of which one must hold: the node always holds, though no child does alone. */
function coverage(node: ConditionNode, forms: readonly (NormalForm | undefined)[]): ConditionFinding[] {
  const whole = disjunction(forms);
  if (whole === undefined || !alwaysHoldsWhenPresent(whole)) return [];
  if (forms.some((form) => form !== undefined && alwaysHoldsWhenPresent(form))) return [];
  const facts = [...new Set(leaves(node.condition).map((leaf) => leaf.fact))];
  return [{ kind: "always-holds", node, facts }];
}

/** Comparisons (neither impossible nor vacuous: those are reported already) that repeat an earlier sibling. */
function duplicates(
  children: readonly ConditionNode[],
  analysed: readonly Analysed[],
  within: "all" | "any",
): ConditionFinding[] {
  const meaningful = analysed.map((child) => (child.meaningful ? child.form : undefined));
  return children.flatMap((child, i): ConditionFinding[] => {
    const form = meaningful[i];
    if (form === undefined) return [];
    const j = children.findIndex((other, k) => {
      const earlier = k < i ? meaningful[k] : undefined;
      return earlier !== undefined && sameFact(other, child) && equivalent(earlier, form);
    });
    const first = children[j];
    return first === undefined
      ? []
      : [{ kind: "duplicate", node: child as ComparisonNode, first: first as ComparisonNode, within }];
  });
}

function sameFact(a: ConditionNode, b: ConditionNode): boolean {
  return "fact" in a.condition && "fact" in b.condition && a.condition.fact === b.condition.fact;
}
