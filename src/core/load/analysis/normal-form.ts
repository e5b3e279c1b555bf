import { foldCondition } from "../../run/evaluate/fold.js";
import type { Condition } from "../../generated/types.js";
import { boxWithin, meetBoxes, type Box } from "./box.js";
import { literalBox, type Space } from "./literal.js";

/**
 * A condition as a disjunction of boxes: it is true in exactly the states one of them allows.
 * `[]` is a condition that can never be true.
 */
export type NormalForm = readonly Box[];

/** Past this many boxes a condition is too large to reason about: nothing is claimed about it. */
const MAX_BOXES = 256;

/**
 * The states in which `condition` is true (`negated`: false), under json-rules-engine's
 * three-valued logic: negations are pushed down to the comparisons, where a negated comparison
 * still needs its fact present (absent stays unknown either way). `undefined` when too large.
 *
 * @example normalForm({ all: [a, { any: [b, c] }] }, space); // [a∧b, a∧c], with the boxes met
 */
export function normalForm(condition: Condition, space: Space, negated = false): NormalForm | undefined {
  type Build = (negated: boolean) => NormalForm | undefined;
  const build = foldCondition<Build>(condition, {
    fact: (leaf) => (neg) => {
      const box = literalBox(leaf, neg, space);
      return box === undefined ? [] : [box];
    },
    not: (child) => (neg) => child(!neg),
    // De Morgan: a negated "all" is true when some child is false, and so on.
    all: (children) => (neg) => (neg ? disjunction : conjunction)(children.map((child) => child(neg))),
    any: (children) => (neg) => (neg ? conjunction : disjunction)(children.map((child) => child(neg))),
  });
  return build(negated);
}

/** True when one of the parts is; `undefined` when a part is (or the result grows) too large. */
export function disjunction(parts: readonly (NormalForm | undefined)[]): NormalForm | undefined {
  if (parts.some((part) => part === undefined)) return undefined;
  return bounded(simplified((parts as NormalForm[]).flat()));
}

/** True when every part is; `undefined` when a part is (or the result grows) too large. */
export function conjunction(parts: readonly (NormalForm | undefined)[]): NormalForm | undefined {
  let result: NormalForm | undefined = [new Map()];
  for (const part of parts) {
    if (part === undefined || result === undefined) return undefined;
    const boxes: Box[] = [];
    for (const a of result) {
      for (const b of part) {
        const both = meetBoxes(a, b);
        if (both !== undefined) boxes.push(both);
      }
    }
    result = bounded(simplified(boxes));
  }
  return result;
}

/** Without the boxes another one already holds (the first of equal boxes stays). */
function simplified(boxes: readonly Box[]): Box[] {
  return boxes.filter(
    (box, i) => !boxes.some((other, j) => j !== i && boxWithin(box, other) && (j < i || !boxWithin(other, box))),
  );
}

function bounded(boxes: NormalForm): NormalForm | undefined {
  return boxes.length > MAX_BOXES ? undefined : boxes;
}
