/**
 * The outcome of a condition under absent facts: Kleene's strong three-valued logic, where
 * `"unknown"` means "some value this depends on was not assessed".
 */
export type Truth = true | false | "unknown";

/**
 * Kleene conjunction: false dominates, then unknown.
 *
 * @example and(false, "unknown"); // false: no value could make it true
 */
export function and(a: Truth, b: Truth): Truth {
  if (a === false || b === false) return false;
  return a === true && b === true ? true : "unknown";
}

/**
 * Kleene disjunction: true dominates, then unknown.
 *
 * @example or(true, "unknown"); // true: no value could make it false
 */
export function or(a: Truth, b: Truth): Truth {
  if (a === true || b === true) return true;
  return a === false && b === false ? false : "unknown";
}

/** Kleene negation: unknown stays unknown. */
export function not(a: Truth): Truth {
  return a === "unknown" ? "unknown" : !a;
}
