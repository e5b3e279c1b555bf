/**
 * fast-check arbitraries for typed facts and the conditions that read them, shared by every
 * property suite that needs rules over facts. Everything generated is type-correct, as the rule
 * checker guarantees for real packs: each leaf uses an operator that lists its fact's type, with a
 * value of that operator's shape drawn from the fact's own domain (so equalities actually hit).
 */
import fc from "fast-check";
import { operators } from "../../src/core/run/evaluate/operators/index.js";
import type { FactDefinition, FactType, FactValue, Facts } from "../../src/core/run/facts/types.js";
import type { Condition, FactCondition } from "../../src/core/generated/types.js";

type Scalar = number | string | boolean;

const factTypes: readonly FactType[] = ["number", "integer", "boolean", "string", "string-list"];

// Small pools make names collide into dotted paths and values collide into equalities; `constructor`
// checks that a fact named like an Object.prototype member is still just a fact.
const segment = fc.constantFrom("pain", "phq9", "total", "items", "a", "b2", "constructor");
const word = fc.constantFrom("none", "below-knee", "yoga", "walking", "10", "A", "constructor");

/** A dotted fact name matching the rule schema's pattern, e.g. `phq9.total`. */
export const factNameArbitrary: fc.Arbitrary<string> = fc
  .array(segment, { minLength: 1, maxLength: 3 })
  .map((segments) => segments.join("."));

/** One fact definition of any type, with a small domain (enum or range) to draw values from. */
export const factDefinitionArbitrary: fc.Arbitrary<FactDefinition> = fc
  .record({
    name: factNameArbitrary,
    type: fc.constantFrom(...factTypes),
    enum: fc.uniqueArray(word, { minLength: 1, maxLength: 4 }),
    minimum: fc.integer({ min: -5, max: 5 }),
    span: fc.integer({ min: 0, max: 10 }),
  })
  .map(({ name, type, enum: values, minimum, span }) => {
    const base = { name, type, description: `generated ${type} fact`, origin: "assessment", collect: [name] } as const;
    switch (type) {
      case "number":
      case "integer":
        return { ...base, minimum, maximum: minimum + span };
      case "string":
      case "string-list":
        return { ...base, enum: values };
      case "boolean":
        return base;
    }
  });

/** One to `maxLength` fact definitions with distinct names. */
export function factDefinitionsArbitrary(maxLength = 6): fc.Arbitrary<FactDefinition[]> {
  return fc.uniqueArray(factDefinitionArbitrary, { minLength: 1, maxLength, selector: (d) => d.name });
}

/** A value a scalar comparison may use for this fact: for a `string-list`, one of its items. */
export function scalarArbitrary(definition: FactDefinition): fc.Arbitrary<Scalar> {
  // Catalog facts may leave their domain open; a small one still makes comparisons hit.
  const { minimum = 0, maximum = minimum + 10, enum: values = ["none", "other"] } = definition;
  switch (definition.type) {
    case "integer":
      return fc.integer({ min: minimum, max: maximum });
    case "number":
      return fc.oneof(
        fc.integer({ min: minimum, max: maximum }),
        fc.integer({ min: 2 * minimum, max: 2 * maximum }).map((n) => n / 2),
        fc.double({ min: minimum, max: maximum, noNaN: true }),
      );
    case "boolean":
      return fc.boolean();
    case "string":
    case "string-list":
      return fc.constantFrom(...values);
  }
}

/** A present value of the fact's type, within its domain. */
export function factValueArbitrary(definition: FactDefinition): fc.Arbitrary<FactValue> {
  if (definition.type !== "string-list") return scalarArbitrary(definition);
  return fc.subarray([...(definition.enum ?? [])]);
}

/** A type-correct comparison of one of the facts. */
export function factConditionArbitrary(definitions: readonly FactDefinition[]): fc.Arbitrary<FactCondition> {
  return fc.constantFrom(...definitions).chain((definition) => {
    const applicable = [...operators.values()].filter((op) => op.factTypes.includes(definition.type));
    return fc.constantFrom(...applicable).chain((operator) => {
      const value =
        operator.value === "list"
          ? fc.array(scalarArbitrary(definition), { maxLength: 4 })
          : scalarArbitrary(definition);
      return value.map((v): FactCondition => ({ fact: definition.name, operator: operator.name, value: v }));
    });
  });
}

/** An all/any/not tree over the facts, nested up to `maxDepth`, with leaves as likely as branches. */
export function conditionArbitrary(definitions: readonly FactDefinition[], maxDepth = 4): fc.Arbitrary<Condition> {
  const leaf = factConditionArbitrary(definitions);
  return fc.letrec<{ condition: Condition }>((tie) => {
    const children = fc.tuple(tie("condition"), fc.array(tie("condition"), { maxLength: 3 }));
    return {
      condition: fc.oneof(
        { maxDepth, depthSize: "small" },
        { arbitrary: leaf, weight: 3 },
        { arbitrary: children.map(([first, rest]): Condition => ({ all: [first, ...rest] })), weight: 1 },
        { arbitrary: children.map(([first, rest]): Condition => ({ any: [first, ...rest] })), weight: 1 },
        { arbitrary: tie("condition").map((child): Condition => ({ not: child })), weight: 1 },
      ),
    };
  }).condition;
}

/** Values for the facts: every fact present, or (`complete: false`) each one possibly absent. */
export function factSetArbitrary(
  definitions: readonly FactDefinition[],
  { complete = true } = {},
): fc.Arbitrary<Facts> {
  const entries = definitions.map((definition) => {
    const value = factValueArbitrary(definition);
    return fc.tuple(fc.constant(definition.name), complete ? value : fc.option(value, { nil: undefined }));
  });
  return fc.tuple(...entries).map((pairs) => {
    const facts = new Map<string, FactValue>();
    for (const [name, value] of pairs) if (value !== undefined) facts.set(name, value);
    return facts;
  });
}
