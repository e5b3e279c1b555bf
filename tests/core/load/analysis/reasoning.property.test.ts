/**
 * The analysis against the evaluator: whatever it proves about conditions holds for every set of
 * facts the evaluator sees (absent facts included), and on these independent facts it proves the
 * textbook laws it should (a ∧ ¬a never holds, a ⇒ a ∨ b, …).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileCondition } from "../../../../src/core/run/evaluate/condition.js";
import type { FactDefinition, Facts } from "../../../../src/core/run/facts/types.js";
import type { Condition } from "../../../../src/core/generated/types.js";
import { normalForm, type NormalForm } from "../../../../src/core/load/analysis/normal-form.js";
import { alwaysHoldsWhenPresent, disjoint, implies, neverHolds } from "../../../../src/core/load/analysis/reasoning.js";
import { conditionArbitrary, factDefinitionsArbitrary, factSetArbitrary } from "../../../arbitraries/condition.js";

const formOf = (definitions: readonly FactDefinition[], condition: Condition): NormalForm | undefined =>
  normalForm(condition, { facts: new Map(definitions.map((d) => [d.name, d])) });

/** Two conditions over the same facts (the second often built from the first), and facts to try. */
const cases = factDefinitionsArbitrary(4).chain((definitions) => {
  const condition = conditionArbitrary(definitions, 3);
  return fc.record({
    definitions: fc.constant(definitions),
    a: condition,
    b: fc.oneof(
      condition,
      fc.tuple(condition, condition).map(([x, y]): Condition => ({ any: [x, y] })),
      fc.tuple(condition, condition).map(([x, y]): Condition => ({ all: [x, y] })),
    ),
    partial: fc.array(factSetArbitrary(definitions, { complete: false }), { minLength: 15, maxLength: 15 }),
    complete: fc.array(factSetArbitrary(definitions), { minLength: 15, maxLength: 15 }),
  });
});

describe("what the analysis proves, the evaluator confirms", () => {
  it("implies, never, always, disjoint are sound", () => {
    fc.assert(
      fc.property(cases, ({ definitions, a, b, partial, complete }) => {
        const [fa, fb] = [formOf(definitions, a), formOf(definitions, b)];
        if (fa === undefined || fb === undefined) return;
        const [ta, tb] = [compileCondition(a), compileCondition(b)];
        const every = (facts: readonly Facts[], law: (f: Facts) => boolean) => facts.every(law);
        const all = [...partial, ...complete];
        if (implies(fa, fb)) expect(every(all, (f) => ta(f) !== true || tb(f) === true)).toBe(true);
        if (neverHolds(fa)) expect(every(all, (f) => ta(f) !== true)).toBe(true);
        if (disjoint(fa, fb)) expect(every(all, (f) => !(ta(f) === true && tb(f) === true))).toBe(true);
        if (alwaysHoldsWhenPresent(fa)) expect(every(complete, (f) => ta(f) === true)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("proves the laws of conjunction, disjunction and negation", () => {
    fc.assert(
      fc.property(cases, ({ definitions, a, b }) => {
        const form = (c: Condition) => formOf(definitions, c);
        const [fa, notA, both, either] = [a, { not: a }, { all: [a, b] }, { any: [a, b] }].map((c) =>
          form(c as Condition),
        );
        if (fa === undefined || notA === undefined || both === undefined || either === undefined) return;
        const contradiction = form({ all: [a, { not: a }] });
        const excludedMiddle = form({ any: [a, { not: a }] });
        if (contradiction !== undefined) expect(neverHolds(contradiction)).toBe(true);
        if (excludedMiddle !== undefined) expect(alwaysHoldsWhenPresent(excludedMiddle) || neverHolds(fa)).toBe(true);
        expect(disjoint(fa, notA)).toBe(true);
        expect(implies(both, fa)).toBe(true);
        expect(implies(fa, either)).toBe(true);
        expect(implies(fa, fa)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
