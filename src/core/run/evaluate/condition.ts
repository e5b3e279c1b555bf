import type { Facts } from "../facts/types.js";
import type { Condition, FactCondition } from "../../generated/types.js";
import { interned } from "../facts/interned.js";
import { foldCondition } from "./fold.js";
import { operatorNamed } from "./operators/index.js";
import { and, not, or, type Truth } from "./truth.js";

/**
 * A condition compiled into closures. Pass `missing` to collect the name of every absent fact the
 * condition reads (every child is then evaluated); without it, evaluation short-circuits and
 * allocates nothing.
 */
export type CompiledCondition = (facts: Facts, missing?: Set<string>) => Truth;

/**
 * Compiles a condition once into nested closures (no `eval`/`new Function`, which an EHR page's
 * Content Security Policy may forbid). An absent fact makes its leaf `"unknown"`; all/any/not
 * follow Kleene's strong three-valued logic. Throws a `TypeError` on an unknown operator.
 *
 * @example
 * const test = compileCondition({ any: [{ fact: "phq9.total", operator: "greaterThanInclusive", value: 10 }] });
 * test(new Map([["phq9.total", 12]])); // true
 * test(new Map()); // "unknown"
 */
export function compileCondition(condition: Condition): CompiledCondition {
  return foldCondition<CompiledCondition>(condition, { all: allOf, any: anyOf, not: negation, fact: comparison });
}

function allOf(children: readonly CompiledCondition[]): CompiledCondition {
  const [first, second] = children;
  // `all` of one condition is that condition (and(true, x) is x): no call in between. A third of
  // the bundled pack's rules are written so.
  if (children.length === 1 && first !== undefined) return first;
  // Two, the commonest join, without a loop over a list.
  if (children.length === 2 && first !== undefined && second !== undefined)
    return (facts, missing) => {
      const truth = first(facts, missing);
      if (truth === false && missing === undefined) return false;
      return and(truth, second(facts, missing));
    };
  return (facts, missing) => {
    let truth: Truth = true;
    for (const child of children) {
      truth = and(truth, child(facts, missing));
      if (truth === false && missing === undefined) return false;
    }
    return truth;
  };
}

function anyOf(children: readonly CompiledCondition[]): CompiledCondition {
  const [first, second] = children;
  // As for `all`: `any` of one condition is that condition (or(false, x) is x); two without a loop.
  if (children.length === 1 && first !== undefined) return first;
  if (children.length === 2 && first !== undefined && second !== undefined)
    return (facts, missing) => {
      const truth = first(facts, missing);
      if (truth === true && missing === undefined) return true;
      return or(truth, second(facts, missing));
    };
  return (facts, missing) => {
    let truth: Truth = false;
    for (const child of children) {
      truth = or(truth, child(facts, missing));
      if (truth === true && missing === undefined) return true;
    }
    return truth;
  };
}

function negation(child: CompiledCondition): CompiledCondition {
  return (facts, missing) => not(child(facts, missing));
}

function comparison({ fact, operator, value }: FactCondition): CompiledCondition {
  // Text values interned as the fact's texts mostly are (schema enums, component ids): `===` and
  // `indexOf` then tell two different texts apart by pointer. A list is copied out of the frozen
  // ruleset as well (Node 20's V8 walks frozen arrays several times slower).
  return operatorNamed(operator).leaf(
    interned(fact),
    Array.isArray(value) ? value.map(internedText) : internedText(value),
  );
}

function internedText<T>(value: T): T {
  return typeof value === "string" ? (interned(value) as T) : value;
}

/** The fact comparisons of a condition, in reading order. */
export function leaves(condition: Condition): FactCondition[] {
  return foldCondition<FactCondition[]>(condition, {
    all: (children) => children.flat(),
    any: (children) => children.flat(),
    not: (child) => child,
    fact: (leaf) => [leaf],
  });
}

/**
 * The facts a condition reads, sorted and unique.
 *
 * @example conditionFacts({ not: { fact: "patient.age", operator: "lessThan", value: 18 } }); // ["patient.age"]
 */
export function conditionFacts(condition: Condition): string[] {
  return [...new Set(leaves(condition).map((leaf) => leaf.fact))].sort();
}
