import {
  complementDiscrete,
  intersectDiscrete,
  isEmptyDiscrete,
  withinUniverse,
  type Discrete,
  type Scalar,
} from "./discrete.js";
import { complementIntervals, intersectIntervals, wholeNumbers, type Intervals } from "./intervals.js";

/** The values one dimension (a fact, or one item of a list fact) can take when present. */
export type Domain = NumberDomain | ValueDomain;

/** Numbers within `range`; only whole ones when `whole`. */
export interface NumberDomain {
  readonly kind: "numbers";
  readonly range: Intervals;
  readonly whole: boolean;
}

/** Strings or booleans: those of `universe`, or any (free text) without one. */
export interface ValueDomain {
  readonly kind: "values";
  readonly universe?: ReadonlySet<Scalar>;
  /** For the items of a list fact: whether the list is recorded is the list's own dimension. */
  readonly neverAbsent?: true;
}

/**
 * What a condition allows one dimension to be: absent (not assessed) or not, and which present
 * values. Absent is a state of its own, never a value: a comparison on an absent fact is unknown.
 */
export type Constraint =
  | {
      readonly kind: "numbers";
      readonly domain: NumberDomain;
      readonly absent: boolean;
      readonly set: Intervals;
    }
  | {
      readonly kind: "values";
      readonly domain: ValueDomain;
      readonly absent: boolean;
      readonly set: Discrete;
    };

/** Every state of the dimension, absent included. */
export function unconstrained(domain: Domain): Constraint {
  if (domain.kind === "numbers") return { kind: "numbers", domain, absent: true, set: domain.range };
  const set = withinUniverse({ excluded: true, values: new Set() }, domain.universe);
  return { kind: "values", domain, absent: domain.neverAbsent !== true, set };
}

/** Present, with a value in `set` (numbers are clipped to the domain's range, whole when it is). */
export function presentNumbers(domain: NumberDomain, set: Intervals): Constraint {
  const clipped = intersectIntervals(set, domain.range);
  return { kind: "numbers", domain, absent: false, set: domain.whole ? wholeNumbers(clipped) : clipped };
}

/** Present, with a value in `set` (kept within the domain's values). */
export function presentValues(domain: ValueDomain, set: Discrete): Constraint {
  return { kind: "values", domain, absent: false, set: withinUniverse(set, domain.universe) };
}

/** Both constraints on the same dimension at once. */
export function meet(a: Constraint, b: Constraint): Constraint {
  const absent = a.absent && b.absent;
  if (a.kind === "numbers" && b.kind === "numbers") return { ...a, absent, set: intersectIntervals(a.set, b.set) };
  if (a.kind === "values" && b.kind === "values") return { ...a, absent, set: intersectDiscrete(a.set, b.set) };
  throw new TypeError("constraints of one dimension must share its domain");
}

/** Every state the constraint does not allow. */
export function negate(a: Constraint): Constraint {
  if (a.kind === "numbers") return { ...a, absent: !a.absent, set: complementWhole(a) };
  const set = withinUniverse(complementDiscrete(a.set), a.domain.universe);
  return { ...a, absent: !a.absent && a.domain.neverAbsent !== true, set };
}

function complementWhole(a: Extract<Constraint, { kind: "numbers" }>): Intervals {
  const rest = complementIntervals(a.set, a.domain.range);
  return a.domain.whole ? wholeNumbers(rest) : rest;
}

/** Whether no state satisfies the constraint. */
export function isNothing(a: Constraint): boolean {
  return !a.absent && (a.kind === "numbers" ? a.set.length === 0 : isEmptyDiscrete(a.set));
}

/** Whether every state `a` allows, `b` allows too. */
export function within(a: Constraint, b: Constraint): boolean {
  // `a` allows the fact absent and `b` does not: the answer, without building the sets (most
  // questions the proofs ask end here, a comparison needing its fact present).
  if (a.absent && !b.absent && mayBeAbsent(b.domain)) return false;
  return isNothing(meet(a, negate(b)));
}

/** Whether the dimension can be absent at all (a list's items cannot: the list's own dimension says). */
export function mayBeAbsent(domain: Domain): boolean {
  return domain.kind === "numbers" || domain.neverAbsent !== true;
}

/** The dimension present with any value: what "its facts are present" means. */
export function anyPresent(domain: Domain): Constraint {
  return { ...unconstrained(domain), absent: false };
}
