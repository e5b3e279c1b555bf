/**
 * Facts are what rules read: every assessment field by its dotted path, plus derived facts
 * (scores, bands, counts), plus `profile` and `plan.*`. An absent fact is simply not in the map:
 * absent means "not assessed", never "normal".
 */
export type FactValue = number | string | boolean | readonly string[];

/** Facts by dotted name. A Map, not an object, so `__proto__` can never be a fact. */
export type Facts = ReadonlyMap<string, FactValue>;

export type FactType = "number" | "integer" | "boolean" | "string" | "string-list";

/** A self-describing fact: the checker, the evaluator's data gaps and the explainer read it. */
export interface FactDefinition {
  readonly name: string;
  readonly type: FactType;
  readonly description: string;
  /** Allowed values of a `string` fact or of the items of a `string-list` fact. */
  readonly enum?: readonly string[];
  /** For `string-list` facts whose items may also be free text (e.g. preferred activities). */
  readonly openEnum?: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  /**
   * Where the value comes from: `assessment` (a field, by the same path), `derived` (computed
   * from assessment fields) or `context` (`profile`, `plan.*`: never a data gap).
   */
  readonly origin: "assessment" | "derived" | "context";
  /**
   * The assessment fields to ask for when this fact is absent (a data gap names these, never a
   * derived fact). For an assessment fact: its own path.
   */
  readonly collect: readonly string[];
}
