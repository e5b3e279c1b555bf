import { operators, type Operator } from "../../run/evaluate/operators/index.js";
import type { FactDefinition } from "../../run/facts/types.js";
import type { ConditionValue, FactCondition } from "../../generated/types.js";
import type { Box } from "./box.js";
import {
  anyPresent,
  isNothing,
  meet,
  negate,
  presentNumbers,
  presentValues,
  type Constraint,
  type Domain,
  type ValueDomain,
} from "./constraint.js";
import { only, type Scalar } from "./discrete.js";
import { between, points, type Intervals } from "./intervals.js";

/** The facts conditions read, and how their values are told apart. */
export interface Space {
  readonly facts: ReadonlyMap<string, FactDefinition>;
  /**
   * The dimension a fact's value lives in: by default the fact's name. A caller comparing rules
   * of different priorities names `plan.*` per priority, as each priority sees another plan.
   */
  readonly dimension?: (fact: string) => string;
}

/** A fact as a comparison sees it: its definition, its dimension's name and its domain. */
interface Subject {
  readonly definition: FactDefinition;
  readonly key: string;
  readonly domain: Domain;
}

/** What a comparison allows: a constraint on one dimension, given those in `requires`. */
interface Meaning {
  readonly requires?: Box;
  readonly dimension: string;
  readonly constraint: Constraint;
}

/**
 * What a comparison allows of a present fact, read from its operator's `constrains`.
 * `undefined` is a comparison the rule checker rejects (a value of another type or shape,
 * outside a closed enum): it is then read as an opaque proposition, so nothing is claimed about
 * it. A list fact's items are dimensions of their own (`contains yoga` constrains "holds yoga" to
 * true), each read only when the list is present.
 */
function meaningOf(operator: Operator, subject: Subject, value: ConditionValue): Meaning | undefined {
  const { constrains } = operator;
  switch (constrains.kind) {
    case "values": {
      const listed = named(operator, value);
      const meaning = listed === undefined ? undefined : values(subject, listed);
      return constrains.complement ? complemented(meaning) : meaning;
    }
    case "bound": {
      const { side, inclusive } = constrains;
      return range(subject, value, (v) =>
        side === "below" ? between(-Infinity, true, v, !inclusive) : between(v, !inclusive, Infinity, true),
      );
    }
    case "item":
      return item(subject, value, constrains.held);
  }
}

/** The values a `values` comparison names, when its value has the operator's shape. */
function named(operator: Operator, value: ConditionValue): readonly Scalar[] | undefined {
  if (Array.isArray(value)) return operator.value === "list" ? value : undefined;
  return operator.value === "scalar" ? [value] : undefined;
}

/**
 * The states in which `leaf` is true (or, `negated`, false: a comparison on an absent fact is
 * neither), as one box; `undefined` when no state makes it so.
 *
 * @example literalBox({ fact: "phq9.total", operator: "greaterThan", value: 30 }, false, space); // undefined: 0–27
 */
export function literalBox(leaf: FactCondition, negated: boolean, space: Space): Box | undefined {
  const definition = space.facts.get(leaf.fact);
  const key = (space.dimension ?? ((fact: string) => fact))(leaf.fact);
  const operator = operators.get(leaf.operator);
  const meaning =
    definition !== undefined && operator?.factTypes.includes(definition.type) === true
      ? meaningOf(operator, { definition, key, domain: domainOf(definition) }, leaf.value)
      : undefined;
  const { requires, dimension, constraint } = meaning ?? opaque(leaf, key);
  const allowed = negated ? meet(negate(constraint), anyPresent(constraint.domain)) : constraint;
  return isNothing(allowed) ? undefined : new Map(requires).set(dimension, allowed);
}

/** The values a fact takes: its range (whole numbers for an integer fact), enum, or true/false. */
function domainOf(definition: FactDefinition): Domain {
  switch (definition.type) {
    case "integer":
    case "number": {
      const { minimum = -Infinity, maximum = Infinity } = definition;
      return { kind: "numbers", range: between(minimum, false, maximum, false), whole: definition.type === "integer" };
    }
    case "boolean":
      return { kind: "values", universe: new Set([true, false]) };
    case "string":
      return definition.enum === undefined || definition.openEnum === true
        ? { kind: "values" }
        : { kind: "values", universe: new Set(definition.enum) };
    case "string-list":
      return PRESENCE;
  }
}

/** A list fact's own dimension says only whether it was recorded; its items are dimensions too. */
const PRESENCE: ValueDomain = { kind: "values", universe: new Set([true]) };
const TRUTH: ValueDomain = { kind: "values", universe: new Set([true, false]) };
const ITEM: ValueDomain = { ...TRUTH, neverAbsent: true };

function values({ definition, key, domain }: Subject, listed: readonly Scalar[]): Meaning | undefined {
  if (domain.kind === "numbers") {
    const numbers = listed.filter((v) => typeof v === "number");
    return numbers.length === listed.length
      ? { dimension: key, constraint: presentNumbers(domain, points(numbers)) }
      : undefined;
  }
  const type = definition.type === "boolean" ? "boolean" : "string";
  const fits = (v: Scalar) => typeof v === type && (domain.universe === undefined || domain.universe.has(v));
  return listed.every(fits) ? { dimension: key, constraint: presentValues(domain, only(listed)) } : undefined;
}

function range({ key, domain }: Subject, value: ConditionValue, set: (v: number) => Intervals): Meaning | undefined {
  if (domain.kind !== "numbers" || typeof value !== "number") return undefined;
  return { dimension: key, constraint: presentNumbers(domain, set(value)) };
}

/** The present values a meaning does not allow (`notEqual`, `notIn`). */
function complemented(meaning: Meaning | undefined): Meaning | undefined {
  if (meaning === undefined) return undefined;
  return { ...meaning, constraint: meet(negate(meaning.constraint), anyPresent(meaning.constraint.domain)) };
}

function item({ definition, key }: Subject, value: ConditionValue, held: boolean): Meaning | undefined {
  const known =
    definition.enum === undefined || definition.openEnum === true || definition.enum.includes(String(value));
  if (typeof value !== "string" || !known) return undefined;
  return {
    requires: new Map([[key, anyPresent(PRESENCE)]]),
    dimension: `${key}∋${JSON.stringify(value)}`,
    constraint: presentValues(ITEM, only([held])),
  };
}

/** A comparison nothing is known about: a proposition of its own, true or false when its fact is present. */
function opaque({ operator, value }: FactCondition, key: string): Meaning {
  return {
    dimension: `?${key} ${operator} ${JSON.stringify(value)}`,
    constraint: presentValues(TRUTH, only([true])),
  };
}
