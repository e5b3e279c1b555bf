/** `thresholdOf`: which comparisons are thresholds, and the values nearest each cut-off. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { operatorNamed, type OperatorName } from "../../../src/core/run/evaluate/operators/index.js";
import { factCatalog } from "../../../src/core/run/facts/catalog.js";
import type { FactDefinition, FactType } from "../../../src/core/run/facts/types.js";
import type { FactCondition } from "../../../src/core/generated/types.js";
import { thresholdOf } from "../../../src/authoring/scenarios/coverage-thresholds.js";

const COMPARISONS = ["greaterThanInclusive", "greaterThan", "lessThan", "lessThanInclusive"] as const;

function factsOf(type: FactType, range: Pick<FactDefinition, "minimum" | "maximum"> = {}) {
  return new Map([
    ["x", { name: "x", type, description: "x", origin: "assessment", collect: ["x"], ...range } as const],
  ]);
}

const on = (operator: OperatorName, value: FactCondition["value"]): FactCondition => ({ fact: "x", operator, value });

describe("thresholdOf", () => {
  it("puts a whole-number cut-off between the nearest values on each side", () => {
    const integer = factsOf("integer");
    expect(COMPARISONS.map((op) => thresholdOf(on(op, 10), integer)?.boundary)).toEqual([
      [9, 10], // ≥ 10
      [10, 11], // > 10
      [9, 10], // < 10
      [10, 11], // ≤ 10
    ]);
    expect(thresholdOf(on("equal", 3), integer)).toEqual({ boundary: [2, 3, 4] });
    expect(thresholdOf(on("notEqual", 3), integer)).toEqual({ boundary: [2, 3, 4] });
  });

  it("keeps only boundary values the fact can take", () => {
    expect(thresholdOf({ fact: "phq9.item9", operator: "greaterThanInclusive", value: 1 }, factCatalog)).toEqual({
      boundary: [0, 1],
    });
    expect(thresholdOf(on("equal", 0), factsOf("integer", { minimum: 0, maximum: 5 }))).toEqual({ boundary: [0, 1] });
  });

  it("has no boundary for a number fact of unknown precision (BMI, weeks), only sides", () => {
    expect(thresholdOf({ fact: "lifestyle.bmi", operator: "greaterThanInclusive", value: 30 }, factCatalog)).toEqual(
      {},
    );
  });

  it("is no threshold for other operators, non-numeric values or facts, or an unknown fact", () => {
    expect(thresholdOf({ fact: "chronicity", operator: "in", value: ["acute"] }, factCatalog)).toBeUndefined();
    expect(thresholdOf({ fact: "lifestyle.smoker", operator: "equal", value: true }, factCatalog)).toBeUndefined();
    expect(thresholdOf({ fact: "profile", operator: "notEqual", value: "acp-2017" }, factCatalog)).toBeUndefined();
    expect(thresholdOf(on("greaterThan", 3), new Map())).toBeUndefined();
  });

  it("is no threshold when every recorded value passes, or none does: there is no other side to test", () => {
    const count = factsOf("integer", { minimum: 0, maximum: 27 });
    expect(thresholdOf(on("greaterThanInclusive", 0), count)).toBeUndefined(); // every value
    expect(thresholdOf(on("lessThanInclusive", 27), count)).toBeUndefined();
    expect(thresholdOf(on("greaterThan", 27), count)).toBeUndefined(); // no value
    expect(thresholdOf(on("greaterThan", 0), count)).toEqual({ boundary: [0, 1] });
    expect(thresholdOf(on("lessThan", 27), count)).toEqual({ boundary: [26, 27] });
    const weeks = factsOf("number", { minimum: 0 });
    expect(thresholdOf(on("greaterThanInclusive", 0), weeks)).toBeUndefined();
    expect(thresholdOf(on("greaterThan", 0), weeks)).toEqual({});
  });

  it("law: the two boundary values of a comparison are adjacent whole numbers on opposite sides", () => {
    const integer = factsOf("integer");
    fc.assert(
      fc.property(
        fc.constantFrom(...COMPARISONS),
        fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ min: -1000, max: 1000, noNaN: true })),
        (operator, cutOff) => {
          const [below, above, ...rest] = thresholdOf(on(operator, cutOff), integer)?.boundary ?? [];
          const test = (value: number) => operatorNamed(operator).test(value, cutOff);
          expect(rest).toEqual([]);
          expect(Number.isInteger(below) && above === (below ?? NaN) + 1).toBe(true);
          expect(test(below ?? NaN)).not.toBe(test(above ?? NaN));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
