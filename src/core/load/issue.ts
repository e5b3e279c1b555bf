import type { Issue, IssueParam, IssueParams, Severity, SourcePosition } from "../errors.js";

/**
 * The parameters a problem type declares: named plain data, a parameter the problem may lack
 * written `name?: T | undefined` so a caller can pass what a lookup returned.
 */
export type ProblemParams = Readonly<Record<string, IssueParam | undefined>>;

/** A kind of problem: a stable code, a severity, a message template and a hint (see messages.ts). */
export interface ProblemType<P extends ProblemParams> {
  readonly code: string;
  readonly severity: Severity;
  /** The message, rendered from the issue's parameters alone. */
  readonly message: (params: P) => string;
  /** What to do about it, from the same parameters. */
  readonly hint?: (params: P) => string;
}

/** No parameters: a problem that says the same every time. */
export type NoParams = Readonly<Record<string, never>>;

/** Declares a kind of problem; messages.ts declares them all. */
export function problem<P extends ProblemParams = NoParams>(
  code: string,
  severity: Severity,
  message: (params: P) => string,
  hint?: (params: P) => string,
): ProblemType<P> {
  return hint === undefined ? { code, severity, message } : { code, severity, message, hint };
}

/** Where an issue sits: a JSON Pointer into its file and, when known, its `file:line:col`. */
export interface Place {
  readonly path: string;
  readonly source?: SourcePosition;
}

/** A place in no file: issues about the pack as a whole. */
export const packWide: Place = { path: "" };

/** One issue of `type` at `place`, carrying `params` and the message rendered from them. */
export function issue<P extends ProblemParams>(type: ProblemType<P>, place: Place, ...[params]: ParamsArg<P>): Issue {
  const given = (params ?? {}) as P;
  return {
    code: type.code,
    severity: type.severity,
    path: place.path,
    message: type.message(given),
    ...(place.source === undefined ? {} : { source: { ...place.source } }),
    ...(type.hint === undefined ? {} : { hint: type.hint(given) }),
    params: definedParams(given),
  };
}

/** A problem whose parameters may all be left out takes them or nothing; any other takes its parameters. */
type ParamsArg<P extends ProblemParams> = Record<string, never> extends P ? [params?: P] : [params: P];

/** The parameters without the ones left out, as JSON would keep them. */
export function definedParams(params: ProblemParams): IssueParams {
  const kept: Record<string, IssueParam> = {};
  for (const [name, value] of Object.entries(params)) if (value !== undefined) kept[name] = value;
  return kept;
}
