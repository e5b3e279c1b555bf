import { operatorNamed, type OperatorName } from "../../core/run/evaluate/operators/index.js";
import type { FactType } from "../../core/run/facts/types.js";
import { andList, orList } from "../../core/words.js";
import type { Scalar } from "./value-words.js";

/** The fact a comparison reads, as a sentence names it and its values. */
export interface Subject {
  readonly label: string;
  readonly unit?: string;
  readonly type?: FactType;
  readonly word: (value: Scalar) => string;
}

export type Joiner = "and" | "or";

/** How one operator reads in plain language. */
interface Phrasing {
  /** The operator that holds exactly when this one does not, for a `not` over one comparison. */
  readonly inverse: OperatorName;
  /**
   * The groups in which consecutive comparisons of one fact with this operator read as one
   * phrase: `any` of `contains yoga`, `contains tai-chi` → "… include yoga or tai chi".
   */
  readonly mergesIn: readonly ("all" | "any")[];
  /** The phrase for one comparison (`values` has one item) or several merged with `joiner`. */
  phrase(subject: Subject, values: readonly Scalar[], joiner: Joiner): string;
}

/** Every operator's phrasing: a new operator must say how it reads before the rulebook compiles. */
const PHRASINGS: Readonly<Record<OperatorName, Phrasing>> = {
  equal: {
    inverse: "notEqual",
    mergesIn: ["any"],
    phrase: (s, values, joiner) =>
      s.type === "boolean"
        ? `${values[0] === true ? "" : "not "}${s.label}`
        : `${s.label} ${number(s) ? "=" : "is"} ${join(values.map(amount(s)), joiner)}`,
  },
  notEqual: {
    inverse: "equal",
    mergesIn: ["all"],
    phrase: (s, values) => {
      if (s.type === "boolean") return `${values[0] === true ? "not " : ""}${s.label}`;
      if (number(s) && values.length === 1) return comparison("notEqual")(s, values, "and");
      return `${s.label} is ${negative(values.map(amount(s)))}`;
    },
  },
  lessThan: { inverse: "greaterThanInclusive", mergesIn: [], phrase: comparison("lessThan") },
  lessThanInclusive: { inverse: "greaterThan", mergesIn: [], phrase: comparison("lessThanInclusive") },
  greaterThan: { inverse: "lessThanInclusive", mergesIn: [], phrase: comparison("greaterThan") },
  greaterThanInclusive: { inverse: "lessThan", mergesIn: [], phrase: comparison("greaterThanInclusive") },
  in: { inverse: "notIn", mergesIn: ["any"], phrase: (s, values) => `${s.label} is ${orList(values.map(amount(s)))}` },
  notIn: {
    inverse: "in",
    mergesIn: ["all"],
    phrase: (s, values) => `${s.label} is ${negative(values.map(amount(s)))}`,
  },
  contains: {
    inverse: "doesNotContain",
    mergesIn: ["all", "any"],
    phrase: (s, values, joiner) => `${s.label} include ${join(values.map(s.word), joiner)}`,
  },
  doesNotContain: {
    inverse: "contains",
    mergesIn: ["all"],
    phrase: (s, values) =>
      values.length === 1
        ? `${s.label} do not include ${s.word(values[0] ?? "")}`
        : `${s.label} include ${negative(values.map(s.word))}`,
  },
};

/** The phrasing of `operator` (every operator of the language has one). */
export function phrasingOf(operator: OperatorName): Phrasing {
  return PHRASINGS[operator];
}

/** The number comparisons: `≥ 5 and < 10` on one fact reads as a range. */
export const RANGE_OPERATORS: ReadonlySet<OperatorName> = new Set([
  "lessThan",
  "lessThanInclusive",
  "greaterThan",
  "greaterThanInclusive",
]);

/** `PHQ-9 total ≥ 5 and < 10`: consecutive number comparisons of one fact under `all`. */
export function rangePhrase(subject: Subject, bounds: readonly { operator: OperatorName; value: Scalar }[]): string {
  const parts = bounds.map(({ operator, value }) => `${operatorNamed(operator).symbol} ${amount(subject)(value)}`);
  return `${subject.label} ${andList(parts)}`;
}

/** `phq9.total ≥ 10` as `PHQ-9 total ≥ 10`, `pain duration ≥ 12 weeks`: the registry's symbol between label and value. */
function comparison(operator: OperatorName): Phrasing["phrase"] {
  const { symbol } = operatorNamed(operator);
  return (s, values) => `${s.label} ${symbol} ${amount(s)(values[0] ?? "")}`;
}

/** A value with the fact's unit: `12 weeks`, `40%`, `2 of 6`; words for other values. */
function amount(s: Subject): (value: Scalar) => string {
  return (value) => {
    if (typeof value !== "number" || s.unit === undefined) return s.word(value);
    return s.unit === "%" ? `${value}%` : `${value} ${s.unit}`;
  };
}

function number(s: Subject): boolean {
  return s.type === "number" || s.type === "integer";
}

function join(words: readonly string[], joiner: Joiner): string {
  return joiner === "and" ? andList(words) : orList(words);
}

/** `not a`, `neither a nor b`, `none of a, b and c`. */
function negative(words: readonly string[]): string {
  if (words.length <= 1) return `not ${words[0] ?? ""}`;
  if (words.length === 2) return `neither ${words[0] ?? ""} nor ${words[1] ?? ""}`;
  return `none of ${andList(words)}`;
}
