import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { operatorNamed, operators } from "../../../../src/core/run/evaluate/operators/index.js";
import type { OperatorName } from "../../../../src/core/run/evaluate/operators/types.js";
import type { FactValue } from "../../../../src/core/run/facts/types.js";
import type { ConditionValue } from "../../../../src/core/generated/types.js";

type Case = [fact: FactValue, value: ConditionValue, expected: boolean];

// Each operator on the fact types it declares, with the edges json-rules-engine 7.3.1 shows:
// strict equality, indexOf membership, inclusive/exclusive bounds.
const cases: Record<OperatorName, Case[]> = {
  equal: [
    [10, 10, true],
    [10, 10.5, false],
    [0, -0, true],
    ["below-knee", "below-knee", true],
    ["10", 10, false],
    [true, true, true],
    [false, true, false],
  ],
  notEqual: [
    [10, 10, false],
    [10, 11, true],
    ["yoga", "Yoga", true],
    [false, false, false],
    ["1", 1, true],
  ],
  lessThan: [
    [9, 10, true],
    [10, 10, false],
    [-0.5, 0, true],
  ],
  lessThanInclusive: [
    [10, 10, true],
    [10.01, 10, false],
    [-1, 0, true],
  ],
  greaterThan: [
    [11, 10, true],
    [10, 10, false],
    [0.5, 0, true],
  ],
  greaterThanInclusive: [
    [10, 10, true],
    [9.99, 10, false],
    [27, 10, true],
  ],
  in: [
    ["below-knee", ["above-knee", "below-knee"], true],
    ["none", ["above-knee", "below-knee"], false],
    [3, [1, 2, 3], true],
    [3, ["3"], false],
    [true, [true], true],
    ["none", [], false],
  ],
  notIn: [
    ["none", ["above-knee", "below-knee"], true],
    ["below-knee", ["above-knee", "below-knee"], false],
    [3, ["3"], true],
    ["none", [], true],
  ],
  contains: [
    [["walking", "yoga"], "yoga", true],
    [["walking", "yoga"], "swimming", false],
    [[], "yoga", false],
  ],
  doesNotContain: [
    [["walking", "yoga"], "swimming", true],
    [["walking", "yoga"], "yoga", false],
    [[], "yoga", true],
  ],
};

describe("operators", () => {
  it("declares, for each operator, the fact types it applies to, its value shape and its symbol", () => {
    const table = Object.fromEntries(
      [...operators.values()].map((op) => [op.name, `${op.factTypes.join("|")} ${op.value} "${op.symbol}"`]),
    );
    // string-list facts take contains/doesNotContain only: equal would compare array identity.
    expect(table).toMatchInlineSnapshot(`
      {
        "contains": "string-list scalar "includes"",
        "doesNotContain": "string-list scalar "does not include"",
        "equal": "number|integer|boolean|string scalar "="",
        "greaterThan": "number|integer scalar ">"",
        "greaterThanInclusive": "number|integer scalar "≥"",
        "in": "number|integer|boolean|string list "is one of"",
        "lessThan": "number|integer scalar "<"",
        "lessThanInclusive": "number|integer scalar "≤"",
        "notEqual": "number|integer|boolean|string scalar "≠"",
        "notIn": "number|integer|boolean|string list "is not one of"",
      }
    `);
  });

  it("has one file per operator, named as json-rules-engine names it", () => {
    const files = readdirSync(new URL("../../../../src/core/run/evaluate/operators/", import.meta.url))
      .filter((file) => file !== "index.ts" && file !== "types.ts")
      .map((file) => file.replace(/\.ts$/, ""));
    expect(files.sort()).toEqual([...operators.keys()].sort());
  });

  it("declares an inverse that is an involution and fails exactly where the operator holds", () => {
    for (const [name, table] of Object.entries(cases)) {
      const { inverse } = operatorNamed(name);
      expect(operatorNamed(inverse).inverse).toBe(name);
      for (const [fact, value, expected] of table) expect(operatorNamed(inverse).test(fact, value)).toBe(!expected);
    }
  });

  describe.each(Object.entries(cases))("%s", (name, table) => {
    it.each(table)("(%j, %j) is %s", (fact, value, expected) => {
      expect(operatorNamed(name).test(fact, value)).toBe(expected);
    });
  });

  it("names the operators it knows when asked for one it does not", () => {
    expect(() => operatorNamed("greaterThanOrEqual")).toThrowErrorMatchingInlineSnapshot(
      `[TypeError: unknown operator "greaterThanOrEqual": expected one of equal, notEqual, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive, in, notIn, contains, doesNotContain]`,
    );
  });
});
