/**
 * The floor for rule evaluation: what hand-written code specialised to each condition of the pack
 * would cost, for `npm run bench` to measure backplan's compiled conditions against. Benchmarks
 * only: it has no explanations, no `missing` collection, no registry and no checks, and it must
 * never be what plans run on.
 *
 * Each leaf becomes a closure for its operator with the fact's slot and the value captured (the
 * checker guarantees a fact's type, so there are no `typeof` guards), reading the facts as the
 * engine keeps them (a `FactTable`, by slot); `all`/`any` of one or two children are unrolled. Still closures, never `eval`/`new Function`: the same constraint plans
 * live under in a page with a strict Content Security Policy.
 */
import type { FactTable } from "../src/core/run/facts/fact-table.js";
import type { FactValue } from "../src/core/run/facts/types.js";
import type { Condition, FactCondition } from "../src/core/generated/types.js";
import type { Truth } from "../src/core/run/evaluate/truth.js";

export type FloorTest = (facts: FactTable) => Truth;

/**
 * The floor closure tree for one condition (Kleene's three-valued logic, as the engine's).
 * `slotOf` is the engine's own (the module the tables were made by), so both read the same slots.
 */
export function floorOf(condition: Condition, slotOf: (fact: string) => number): FloorTest {
  const floor = (child: Condition) => floorOf(child, slotOf);
  if ("all" in condition) return allOf(condition.all.map(floor));
  if ("any" in condition) return anyOf(condition.any.map(floor));
  if ("not" in condition) {
    const child = floor(condition.not);
    return (facts) => {
      const t = child(facts);
      return t === "unknown" ? t : !t;
    };
  }
  return leaf(condition, slotOf(condition.fact));
}

function allOf(children: FloorTest[]): FloorTest {
  const [a, b] = children;
  if (children.length === 1 && a !== undefined) return a;
  if (children.length === 2 && a !== undefined && b !== undefined)
    return (facts) => {
      const x = a(facts);
      if (x === false) return false;
      const y = b(facts);
      return y === false ? false : x === true && y === true ? true : "unknown";
    };
  return (facts) => {
    let unknown = false;
    for (let i = 0; i < children.length; i++) {
      const t = (children[i] as FloorTest)(facts);
      if (t === false) return false;
      if (t !== true) unknown = true;
    }
    return unknown ? "unknown" : true;
  };
}

function anyOf(children: FloorTest[]): FloorTest {
  const [a, b] = children;
  if (children.length === 1 && a !== undefined) return a;
  if (children.length === 2 && a !== undefined && b !== undefined)
    return (facts) => {
      const x = a(facts);
      if (x === true) return true;
      const y = b(facts);
      return y === true ? true : x === false && y === false ? false : "unknown";
    };
  return (facts) => {
    let unknown = false;
    for (let i = 0; i < children.length; i++) {
      const t = (children[i] as FloorTest)(facts);
      if (t === true) return true;
      if (t !== false) unknown = true;
    }
    return unknown ? "unknown" : false;
  };
}

function leaf({ operator, value }: FactCondition, slot: number): FloorTest {
  const n = value as number;
  const list = value as readonly FactValue[];
  switch (operator) {
    case "equal":
      return (facts) => {
        const v = facts.bySlot[slot];
        return v === undefined ? "unknown" : v === value;
      };
    case "notEqual":
      return (facts) => {
        const v = facts.bySlot[slot];
        return v === undefined ? "unknown" : v !== value;
      };
    case "lessThan":
      return (facts) => {
        const v = facts.bySlot[slot] as number | undefined;
        return v === undefined ? "unknown" : v < n;
      };
    case "lessThanInclusive":
      return (facts) => {
        const v = facts.bySlot[slot] as number | undefined;
        return v === undefined ? "unknown" : v <= n;
      };
    case "greaterThan":
      return (facts) => {
        const v = facts.bySlot[slot] as number | undefined;
        return v === undefined ? "unknown" : v > n;
      };
    case "greaterThanInclusive":
      return (facts) => {
        const v = facts.bySlot[slot] as number | undefined;
        return v === undefined ? "unknown" : v >= n;
      };
    case "in":
      return (facts) => {
        const v = facts.bySlot[slot];
        return v === undefined ? "unknown" : list.indexOf(v) > -1;
      };
    case "notIn":
      return (facts) => {
        const v = facts.bySlot[slot];
        return v === undefined ? "unknown" : list.indexOf(v) === -1;
      };
    case "contains":
      return (facts) => {
        const v = facts.bySlot[slot] as readonly string[] | undefined;
        return v === undefined ? "unknown" : v.indexOf(value as string) > -1;
      };
    case "doesNotContain":
      return (facts) => {
        const v = facts.bySlot[slot] as readonly string[] | undefined;
        return v === undefined ? "unknown" : v.indexOf(value as string) === -1;
      };
  }
}
