import type { Issue } from "../../../errors.js";
import type { FactTable } from "../../facts/fact-table.js";
import type { FactDefinition } from "../../facts/types.js";
import type { Assessment } from "../../../generated/types.js";

/**
 * A cross-field rule the schema cannot express (items that disagree with a total). It runs once
 * the subtrees it reads are schema-valid, so it may trust their types.
 */
export interface ConsistencyCheck {
  /** JSON Pointers of the subtrees it reads: skipped while any of them has a schema issue. */
  readonly reads: readonly string[];
  /** The problems found; an empty list when consistent. */
  readonly check: (assessment: Assessment) => readonly Issue[];
}

/**
 * A scored instrument or derived measure (PHQ-9, STarT Back, BMI…), self-described: the facts it
 * derives, the checks on its inputs and its scoring. The validator, the fact catalog and
 * `deriveFacts` read these definitions; none of them names an instrument.
 */
export interface Instrument {
  /** Its clinical name, e.g. "PHQ-9". */
  readonly name: string;
  /** Every fact `derive` may set, with origin "derived". */
  readonly facts: readonly FactDefinition[];
  readonly checks: readonly ConsistencyCheck[];
  /** Sets each of its facts whose inputs are present; one with any input absent stays unset. */
  derive(assessment: Assessment, facts: FactTable): void;
}

/** The result of a check that found nothing, shared so consistent input allocates nothing. */
export const consistent: readonly Issue[] = Object.freeze([]);
