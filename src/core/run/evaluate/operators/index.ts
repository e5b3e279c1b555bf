import { contains } from "./contains.js";
import { doesNotContain } from "./doesNotContain.js";
import { equal } from "./equal.js";
import { greaterThan } from "./greaterThan.js";
import { greaterThanInclusive } from "./greaterThanInclusive.js";
import { isIn } from "./in.js";
import { lessThan } from "./lessThan.js";
import { lessThanInclusive } from "./lessThanInclusive.js";
import { notEqual } from "./notEqual.js";
import { notIn } from "./notIn.js";
import type { Operator, OperatorName } from "./types.js";

export type { Operator, OperatorName } from "./types.js";

// Facts are typed and the rule checker rejects an operator on a fact type it does not list, so a
// test only ever sees values of its own types; its `typeof` guards narrow for TypeScript and make
// a mismatch false rather than reproduce json-rules-engine's coercions.
const byName = {
  equal,
  notEqual,
  lessThan,
  lessThanInclusive,
  greaterThan,
  greaterThanInclusive,
  in: isIn,
  notIn,
  contains,
  doesNotContain,
} satisfies Record<OperatorName, Operator>;

/**
 * Every operator of the condition language by name: the evaluator, the rule checker and the
 * explainer all read these definitions.
 *
 * @example operators.get("greaterThanInclusive")?.symbol; // "≥"
 */
export const operators: ReadonlyMap<OperatorName, Operator> = new Map(
  Object.values(byName).map((operator) => [operator.name, operator]),
);

/** The operator called `name`; throws a `TypeError` for a name the language does not have. */
export function operatorNamed(name: string): Operator {
  const operator = operators.get(name as OperatorName);
  if (operator === undefined) {
    throw new TypeError(`unknown operator "${name}": expected one of ${[...operators.keys()].join(", ")}`);
  }
  return operator;
}
