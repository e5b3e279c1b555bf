/**
 * What an instrument mapping declares: which coded answer fills which assessment field, and how
 * its value is read. The carriers (Observations, QuestionnaireResponses) read these definitions;
 * none of them names an instrument.
 */

/** The `value[x]` elements of an Observation, one of its components, or a response answer. */
export type FhirValue = Readonly<Record<string, unknown>>;

/**
 * `{ value }` when read (with `note` when it was read from a form the sender should not use, such
 * as a number sent as text: a warning says so); `"absent"` for an answer that means "not known"
 * (a data gap, no warning).
 */
export type ReadResult = { readonly value: number | boolean | string; readonly note?: string } | "absent";

/** Reads one value; `undefined` when it cannot be used (wrong type, unknown unit or answer code). */
export interface ValueReader {
  /** What it accepts, for the "not usable" message: `an integer 0–3 or an LL358-3 answer`. */
  readonly expected: string;
  readonly read: (value: FhirValue) => ReadResult | undefined;
}

/** One code of an instrument and the assessment fields its value fills. */
export interface CodedField {
  /** `http://loinc.org`. Matching is by system and code only, never by display text. */
  readonly system: string;
  readonly code: string;
  /** Dotted assessment paths; an item position is `questionnaires.phq9.items[8]`. */
  readonly fields: readonly string[];
  readonly read: ValueReader;
  /** Why a gap here matters now, said when its value cannot be read (PHQ-9 item 9: same-day suicide risk). */
  readonly safety?: string;
}

/** An instrument's codes, e.g. PHQ-9: its nine items, the total and item 9. */
export interface InstrumentMapping {
  /** Its clinical name, e.g. "PHQ-9". */
  readonly name: string;
  /** The panel code (for documentation and the Questionnaire's own `code`). */
  readonly panel?: { readonly system: string; readonly code: string };
  readonly fields: readonly CodedField[];
  /**
   * Canonical URLs of Questionnaires known to be this instrument, whose items may carry no codes:
   * their items are matched by known linkIds or, failing that, by position.
   */
  readonly forms?: readonly string[];
  /**
   * What a Questionnaire's url, name, title or id looks like when it is probably this instrument:
   * never used to read a value, only to warn that its answers could not be read.
   */
  readonly looksLike?: RegExp;
}
