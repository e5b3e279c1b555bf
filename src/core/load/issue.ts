import type { Issue, Severity, SourcePosition } from "../errors.js";

/** A kind of problem: a stable code, a severity, a message template and a hint (see messages.ts). */
export interface ProblemType<A extends readonly unknown[]> {
  readonly code: string;
  readonly severity: Severity;
  readonly message: (...args: A) => string;
  /** What to do about it, from the same arguments. */
  readonly hint?: (...args: A) => string;
}

/** Declares a kind of problem; messages.ts declares them all. */
export function problem<A extends readonly unknown[]>(
  code: string,
  severity: Severity,
  message: (...args: A) => string,
  hint?: (...args: A) => string,
): ProblemType<A> {
  return hint === undefined ? { code, severity, message } : { code, severity, message, hint };
}

/** Where an issue sits: a JSON Pointer into its file and, when known, its `file:line:col`. */
export interface Place {
  readonly path: string;
  readonly source?: SourcePosition;
}

/** A place in no file: issues about the pack as a whole. */
export const packWide: Place = { path: "" };

/** One issue of `type` at `place`. */
export function issue<A extends readonly unknown[]>(type: ProblemType<A>, place: Place, ...args: A): Issue {
  return {
    code: type.code,
    severity: type.severity,
    path: place.path,
    message: type.message(...args),
    ...(place.source === undefined ? {} : { source: { ...place.source } }),
    ...(type.hint === undefined ? {} : { hint: type.hint(...args) }),
  };
}
