/**
 * Bounds on an untrusted Bundle, checked before anything is read. A patient's prefetch holds
 * tens of resources; these leave room for a long history while keeping the work bounded.
 */
export const limits = {
  /** Objects and arrays anywhere in the Bundle. */
  nodes: 200_000,
  /** Nesting of objects and lists (readers of nested items recurse; FHIR data nests a dozen deep). */
  depth: 100,
  /** Bundle.entry length. */
  entries: 5_000,
} as const;
