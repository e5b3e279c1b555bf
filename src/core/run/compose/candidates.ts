import type { FactDefinition, FactValue } from "../facts/types.js";
import type { Condition } from "../../generated/types.js";

/**
 * Values worth trying for an absent fact when asking "could filling it change this rule?":
 * every enum value or boolean, and for numbers each literal the rule compares the fact with,
 * just below, at and just above it (the places where an outcome can flip), within the fact's range.
 */
export function candidateValues(definition: FactDefinition, condition: Condition): FactValue[] {
  const literals = literalsFor(definition.name, condition);
  switch (definition.type) {
    case "boolean":
      return [true, false];
    case "string":
      return unique([...(definition.enum ?? []), ...literals.filter((v) => typeof v === "string")]);
    case "string-list": {
      const items = unique([...(definition.enum ?? []), ...literals.filter((v) => typeof v === "string")]);
      return [[], ...items.map((item) => [item]), items];
    }
    case "number":
    case "integer": {
      const step = definition.type === "integer" ? 1 : 0.1;
      const numbers = literals.filter((v): v is number => typeof v === "number");
      const points = numbers.flatMap((n) => [n - step, n, n + step]);
      if (definition.minimum !== undefined) points.push(definition.minimum);
      if (definition.maximum !== undefined) points.push(definition.maximum);
      return unique(points.map((p) => Math.round(p * 10) / 10)).filter(
        (p) =>
          (definition.minimum === undefined || p >= definition.minimum) &&
          (definition.maximum === undefined || p <= definition.maximum) &&
          (definition.type === "number" || Number.isInteger(p)),
      );
    }
  }
}

/** Every literal value compared with `fact` anywhere in the condition (list values flattened). */
function literalsFor(fact: string, condition: Condition): Array<string | number | boolean> {
  if ("all" in condition) return condition.all.flatMap((c) => literalsFor(fact, c));
  if ("any" in condition) return condition.any.flatMap((c) => literalsFor(fact, c));
  if ("not" in condition) return literalsFor(fact, condition.not);
  if (condition.fact !== fact) return [];
  return Array.isArray(condition.value) ? condition.value : [condition.value];
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
