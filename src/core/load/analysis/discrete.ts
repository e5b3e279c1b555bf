/**
 * Sets of separate values (strings, booleans): exactly some values, or every value but some.
 * The second form is what `notEqual` and `notIn` allow on a fact whose values are free text;
 * given the fact's values (an enum, true/false), every set is brought to the first form.
 */

export type Scalar = string | number | boolean;

export interface Discrete {
  /** `false`: exactly `values`; `true`: every value but them. */
  readonly excluded: boolean;
  readonly values: ReadonlySet<Scalar>;
}

/** Exactly these values. */
export function only(values: Iterable<Scalar>): Discrete {
  return { excluded: false, values: new Set(values) };
}

/** The values in both sets. */
export function intersectDiscrete(a: Discrete, b: Discrete): Discrete {
  if (!a.excluded && !b.excluded) return only([...a.values].filter((v) => b.values.has(v)));
  if (a.excluded && b.excluded) return { excluded: true, values: new Set([...a.values, ...b.values]) };
  const [kept, removed] = a.excluded ? [b, a] : [a, b];
  return only([...kept.values].filter((v) => !removed.values.has(v)));
}

/** The values not in `a`. */
export function complementDiscrete(a: Discrete): Discrete {
  return { excluded: !a.excluded, values: a.values };
}

/** `a` within the fact's values, when it has a fixed list of them. */
export function withinUniverse(a: Discrete, universe: ReadonlySet<Scalar> | undefined): Discrete {
  if (universe === undefined) return a;
  // As intersectDiscrete(a, only(universe)), in the same order, without copying the universe first:
  // the proofs over contraindications ask this tens of thousands of times.
  const [from, keep] = a.excluded
    ? [universe, (v: Scalar) => !a.values.has(v)]
    : [a.values, (v: Scalar) => universe.has(v)];
  const kept: Scalar[] = [];
  for (const v of from) if (keep(v)) kept.push(v);
  return only(kept);
}

/** Whether the set holds no value (an open set of free text never is empty). */
export function isEmptyDiscrete(a: Discrete): boolean {
  return !a.excluded && a.values.size === 0;
}
