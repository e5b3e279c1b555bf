import { describe, expect, it } from "vitest";
import { factCatalog } from "../../../../src/core/run/facts/catalog.js";
import type { Condition, FactCondition } from "../../../../src/core/generated/types.js";
import { normalForm, type NormalForm } from "../../../../src/core/load/analysis/normal-form.js";
import {
  alwaysHoldsWhenPresent,
  disjoint,
  equivalent,
  implies,
  neverHolds,
} from "../../../../src/core/load/analysis/reasoning.js";

const space = { facts: factCatalog };
const form = (condition: Condition): NormalForm => {
  const result = normalForm(condition, space);
  if (result === undefined) throw new Error("too large");
  return result;
};
const leaf = (fact: string, operator: FactCondition["operator"], value: FactCondition["value"]): FactCondition => ({
  fact,
  operator,
  value,
});
const anyOf = (...conditions: [Condition, ...Condition[]]): Condition => ({ any: conditions });
const phq = (operator: FactCondition["operator"], value: number | number[]) => leaf("phq9.total", operator, value);

describe("conditions that can never hold", () => {
  it.each<[string, Condition]>([
    ["≥ 10 and < 5", { all: [phq("greaterThanInclusive", 10), phq("lessThan", 5)] }],
    ["> 27 on a 0–27 total", phq("greaterThan", 27)],
    ["= 2.5 on a whole-number fact", phq("equal", 2.5)],
    ["in an empty list", phq("in", [])],
    ["in lists that share nothing", { all: [phq("in", [1, 2]), phq("in", [3, 4])] }],
    ["notIn every value of an enum", leaf("chronicity", "notIn", ["acute", "subacute", "chronic"])],
    [
      "two values of a string fact",
      { all: [leaf("chronicity", "equal", "acute"), leaf("chronicity", "equal", "chronic")] },
    ],
    [
      "a list holding and lacking an item",
      {
        all: [
          leaf("preferences.activities", "contains", "yoga"),
          leaf("preferences.activities", "doesNotContain", "yoga"),
        ],
      },
    ],
    ["the negation of what always holds", { not: phq("greaterThanInclusive", 0) }],
    ["not (a or b) with a", { all: [phq("lessThan", 5), { not: { any: [phq("lessThan", 3), phq("lessThan", 7)] } }] }],
  ])("%s", (_, condition) => {
    expect(neverHolds(form(condition))).toBe(true);
  });

  it("but a condition that some facts satisfy can hold", () => {
    expect(neverHolds(form({ all: [phq("greaterThanInclusive", 5), phq("lessThan", 10)] }))).toBe(false);
    expect(neverHolds(form(leaf("preferences.activities", "contains", "bouldering")))).toBe(false);
  });
});

describe("conditions that always hold when their facts are present", () => {
  it.each<[string, Condition]>([
    ["≥ 0 on a 0–27 total", phq("greaterThanInclusive", 0)],
    ["≤ 27", phq("lessThanInclusive", 27)],
    ["< 27.5", phq("lessThan", 27.5)],
    ["in every value of an enum", leaf("chronicity", "in", ["acute", "subacute", "chronic"])],
    ["below or at least a threshold", { any: [phq("lessThan", 10), phq("greaterThanInclusive", 10)] }],
    ["true or false", { any: [leaf("redFlags.fever", "equal", true), leaf("redFlags.fever", "equal", false)] }],
    [
      "an item held or not",
      {
        any: [
          leaf("preferences.activities", "contains", "yoga"),
          leaf("preferences.activities", "doesNotContain", "yoga"),
        ],
      },
    ],
  ])("%s", (_, condition) => {
    expect(alwaysHoldsWhenPresent(form(condition))).toBe(true);
  });

  it("not a real threshold", () => {
    expect(alwaysHoldsWhenPresent(form(phq("greaterThanInclusive", 1)))).toBe(false);
    expect(alwaysHoldsWhenPresent(form({ any: [phq("lessThan", 10), phq("greaterThan", 10)] }))).toBe(false);
    expect(alwaysHoldsWhenPresent(form(leaf("preferences.activities", "doesNotContain", "bouldering")))).toBe(false);
  });
});

describe("implication, under three-valued logic", () => {
  it("a narrower threshold implies a wider one, and integer thresholds meet between whole numbers", () => {
    expect(implies(form(phq("greaterThanInclusive", 15)), form(phq("greaterThan", 9.5)))).toBe(true);
    expect(equivalent(form(phq("greaterThan", 9.5)), form(phq("greaterThanInclusive", 10)))).toBe(true);
    expect(implies(form(phq("greaterThanInclusive", 10)), form(phq("greaterThanInclusive", 15)))).toBe(false);
  });

  it("every branch of an any must imply; an all implies each of its parts", () => {
    const either = anyOf(phq("greaterThanInclusive", 20), leaf("gad7.total", "greaterThanInclusive", 15));
    const wide = anyOf(phq("greaterThanInclusive", 10), leaf("gad7.total", "greaterThanInclusive", 10));
    expect(implies(form(either), form(wide))).toBe(true);
    expect(implies(form(either), form(phq("greaterThanInclusive", 10)))).toBe(false);
    expect(
      implies(
        form({ all: [phq("greaterThanInclusive", 10), leaf("redFlags.fever", "equal", true)] }),
        form(phq("greaterThan", 5)),
      ),
    ).toBe(true);
  });

  it("is exact across split ranges: [0, 27] lies within < 10 or ≥ 10", () => {
    const split = anyOf(phq("lessThan", 10), phq("greaterThanInclusive", 10));
    expect(implies(form(phq("greaterThanInclusive", 0)), form(split))).toBe(true);
    expect(equivalent(form(split), form(phq("lessThanInclusive", 27)))).toBe(true);
  });

  it("never reads an absent fact as normal: a condition on another fact implies nothing about it", () => {
    expect(implies(form(leaf("redFlags.fever", "equal", true)), form(phq("greaterThanInclusive", 0)))).toBe(false);
    // not (total < 10) is unknown, not true, while the total is unrecorded: it still implies ≥ 10.
    expect(equivalent(form({ not: phq("lessThan", 10) }), form(phq("greaterThanInclusive", 10)))).toBe(true);
  });

  it("a list that holds one item is recorded, so it holds another or lacks it", () => {
    const either = anyOf(
      leaf("preferences.activities", "contains", "yoga"),
      leaf("preferences.activities", "doesNotContain", "yoga"),
    );
    expect(implies(form(leaf("preferences.activities", "contains", "walking")), form(either))).toBe(true);
  });
});

describe("disjoint conditions", () => {
  it("no assessment makes both true", () => {
    expect(disjoint(form(phq("lessThan", 10)), form(phq("greaterThanInclusive", 10)))).toBe(true);
    expect(
      disjoint(form(leaf("chronicity", "equal", "acute")), form(leaf("chronicity", "in", ["subacute", "chronic"]))),
    ).toBe(true);
    expect(disjoint(form(phq("lessThan", 10)), form(leaf("gad7.total", "greaterThanInclusive", 10)))).toBe(false);
  });
});

it("reads a comparison the checker rejects as a proposition of its own, claiming nothing about it", () => {
  const wrongType = leaf("phq9.total", "equal", "ten");
  const unknownFact = leaf("phq9.totl", "greaterThan", 5);
  for (const opaque of [wrongType, unknownFact, leaf("chronicity", "equal", "sometimes")]) {
    expect(neverHolds(form(opaque))).toBe(false);
    expect(alwaysHoldsWhenPresent(form(opaque))).toBe(false);
    expect(neverHolds(form({ all: [opaque, { not: opaque }] }))).toBe(true);
  }
});

it("gives up (undefined) rather than grow past its bound", () => {
  // 9 independent choices of 2: 512 ways to be true.
  const flags = [...factCatalog.values()].filter((f) => f.type === "boolean").map((f) => f.name);
  const pair = (i: number): Condition => ({
    any: [leaf(flags[2 * i] ?? "", "equal", true), leaf(flags[2 * i + 1] ?? "", "equal", true)],
  });
  const all = (n: number) => ({ all: Array.from({ length: n }, (_, i) => pair(i)) as [Condition, ...Condition[]] });
  expect(normalForm(all(8), space)).toHaveLength(256);
  expect(normalForm(all(9), space)).toBeUndefined();
});
