import { isNothing, mayBeAbsent, meet, negate, unconstrained, within, type Constraint } from "./constraint.js";

/**
 * A conjunction of constraints, one per dimension; a dimension not in the map may be anything
 * (absent included). Boxes built here are never empty: an empty one is `undefined` instead.
 */
export type Box = ReadonlyMap<string, Constraint>;

/** The states both boxes allow, or `undefined` when there are none. */
export function meetBoxes(a: Box, b: Box): Box | undefined {
  const result = new Map(a);
  for (const [key, constraint] of b) {
    const own = result.get(key);
    const both = own === undefined ? constraint : meet(own, constraint);
    if (isNothing(both)) return undefined;
    result.set(key, both);
  }
  return result;
}

/** Whether every state of `a` is in `b`. */
export function boxWithin(a: Box, b: Box): boolean {
  for (const [key, constraint] of b) {
    const own = a.get(key);
    // A dimension `a` leaves free may be absent there, which `b` here rules out: not within,
    // found without building the free constraint (`within` says the same).
    if (own === undefined && !constraint.absent && mayBeAbsent(constraint.domain)) return false;
    if (!within(own ?? unconstrained(constraint.domain), constraint)) return false;
  }
  return true;
}

/** The states of `a` outside `b`, as boxes that may overlap (one per dimension `b` constrains). */
export function boxMinus(a: Box, b: Box): Box[] {
  const pieces: Box[] = [];
  for (const [key, constraint] of b) {
    const rest = meet(a.get(key) ?? unconstrained(constraint.domain), negate(constraint));
    if (!isNothing(rest)) pieces.push(new Map(a).set(key, rest));
  }
  return pieces;
}

/** How much splitting one question may cost before it gives up (and proves nothing). */
export interface Budget {
  steps: number;
}

/**
 * Whether the boxes `by` together hold every state of `box`: `true`, `false`, or `undefined`
 * when the budget ran out first. Splits `box` along each box it partly overlaps, so the answer is
 * exact rather than "inside one of them".
 */
export function coveredBy(box: Box, by: readonly Box[], budget: Budget, from = 0): boolean | undefined {
  if (--budget.steps < 0) return undefined;
  for (let i = from; i < by.length; i++) {
    const other = by[i] as Box;
    if (meetBoxes(box, other) === undefined) continue;
    if (boxWithin(box, other)) return true;
    // What `other` holds is covered; the rest must be covered by the later boxes (the earlier
    // ones miss all of `box`).
    for (const piece of boxMinus(box, other)) {
      const covered = coveredBy(piece, by, budget, i + 1);
      if (covered !== true) return covered;
    }
    return true;
  }
  return false;
}
