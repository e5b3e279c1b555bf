/**
 * Laws of three-valued evaluation over generated type-correct conditions and partial fact sets.
 * The data-gap report and the plan's determinism rest on them.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileCondition, conditionFacts } from "../../../../src/core/run/evaluate/condition.js";
import { explainCondition } from "../../../../src/core/run/evaluate/explain.js";
import type { FactValue } from "../../../../src/core/run/facts/types.js";
import { conditionArbitrary, factDefinitionsArbitrary, factSetArbitrary } from "../../../arbitraries/condition.js";

// A condition, complete facts, and the same facts with some of them taken away.
const scenario = factDefinitionsArbitrary().chain((definitions) =>
  fc
    .tuple(conditionArbitrary(definitions), factSetArbitrary(definitions), fc.subarray(definitions.map((d) => d.name)))
    .map(([condition, complete, removed]) => {
      const partial = new Map<string, FactValue>(complete);
      for (const name of removed) partial.delete(name);
      return { condition, complete, partial, removed };
    }),
);

describe("three-valued evaluation", () => {
  it("is monotone: filling absent facts never changes a determined result", () => {
    fc.assert(
      fc.property(scenario, ({ condition, complete, partial }) => {
        const test = compileCondition(condition);
        const before = test(partial);
        if (before !== "unknown") expect(test(complete)).toBe(before);
      }),
      { numRuns: 1000 },
    );
  });

  it("gives the same result with and without collecting missing facts", () => {
    fc.assert(
      fc.property(scenario, ({ condition, partial }) => {
        const test = compileCondition(condition);
        expect(test(partial, new Set())).toBe(test(partial));
      }),
      { numRuns: 1000 },
    );
  });

  it("collects exactly the absent facts the condition reads, and is unknown only if one exists", () => {
    fc.assert(
      fc.property(scenario, ({ condition, partial, removed }) => {
        const missing = new Set<string>();
        const truth = compileCondition(condition)(partial, missing);
        const read = new Set(conditionFacts(condition));
        expect([...missing].sort()).toEqual(removed.filter((name) => read.has(name)).sort());
        if (truth === "unknown") expect(missing.size).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it("explains with the same outcome it evaluates", () => {
    fc.assert(
      fc.property(scenario, ({ condition, partial }) => {
        expect(explainCondition(condition, partial).truth).toBe(compileCondition(condition)(partial));
      }),
      { numRuns: 1000 },
    );
  });
});
