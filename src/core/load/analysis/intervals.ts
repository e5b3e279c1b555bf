/**
 * Sets of numbers as sorted, disjoint, non-empty intervals: what a numeric fact's comparisons
 * allow (`phq9.total ≥ 10` is [10, 27] on a 0–27 fact). Whole-number facts keep closed integer
 * bounds, so `> 9.5` and `≥ 10` give the same set.
 */

export interface Interval {
  /** May be `-Infinity`. */
  readonly low: number;
  readonly lowOpen: boolean;
  /** May be `Infinity`. */
  readonly high: number;
  readonly highOpen: boolean;
}

/** Sorted, disjoint, each non-empty; `[]` is the empty set. */
export type Intervals = readonly Interval[];

/** The interval from `low` to `high`, or nothing when it holds no number. */
export function between(low: number, lowOpen: boolean, high: number, highOpen: boolean): Intervals {
  const interval = { low, lowOpen: lowOpen || low === -Infinity, high, highOpen: highOpen || high === Infinity };
  return isEmptyInterval(interval) ? [] : [interval];
}

function isEmptyInterval({ low, lowOpen, high, highOpen }: Interval): boolean {
  return low > high || (low === high && (lowOpen || highOpen));
}

/** The numbers in both sets. */
export function intersectIntervals(a: Intervals, b: Intervals): Intervals {
  const result: Interval[] = [];
  for (const x of a) {
    for (const y of b) {
      const [low, lowOpen] =
        x.low === y.low ? [x.low, x.lowOpen || y.lowOpen] : x.low > y.low ? [x.low, x.lowOpen] : [y.low, y.lowOpen];
      const [high, highOpen] =
        x.high === y.high
          ? [x.high, x.highOpen || y.highOpen]
          : x.high < y.high
            ? [x.high, x.highOpen]
            : [y.high, y.highOpen];
      result.push(...between(low, lowOpen, high, highOpen));
    }
  }
  // Pieces of disjoint sorted sets are disjoint; sorting by their low ends restores the order.
  return result.sort((p, q) => p.low - q.low || Number(p.lowOpen) - Number(q.lowOpen));
}

/** The numbers of `within` that are not in `a`. */
export function complementIntervals(a: Intervals, within: Intervals): Intervals {
  const gaps: Interval[] = [];
  let [low, lowOpen] = [-Infinity, true];
  for (const interval of a) {
    gaps.push(...between(low, lowOpen, interval.low, !interval.lowOpen));
    [low, lowOpen] = [interval.high, !interval.highOpen];
  }
  gaps.push(...between(low, lowOpen, Infinity, true));
  return intersectIntervals(gaps, within);
}

/** The whole numbers of `a`, as closed intervals: `(9.5, 27]` → `[10, 27]`. */
export function wholeNumbers(a: Intervals): Intervals {
  return a.flatMap(({ low, lowOpen, high, highOpen }) => {
    const first = low === -Infinity ? low : lowOpen ? Math.floor(low) + 1 : Math.ceil(low);
    const last = high === Infinity ? high : highOpen ? Math.ceil(high) - 1 : Math.floor(high);
    return between(first, false, last, false);
  });
}

/** A set holding only the given numbers. */
export function points(values: readonly number[]): Intervals {
  return [...new Set(values)].sort((x, y) => x - y).flatMap((value) => between(value, false, value, false));
}
