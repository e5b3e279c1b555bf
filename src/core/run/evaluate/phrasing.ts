/**
 * The words operators' phrases are made of: each operator's definition says how a comparison on
 * it reads in plain language, from these parts.
 */
import type { FactType } from "../facts/types.js";
import { andList, orList } from "../../words.js";

/** A value a condition compares with: one of a `value` list, or the value itself. */
export type Scalar = string | number | boolean;

/** The fact a comparison reads, as a sentence names it and its values. */
export interface Subject {
  readonly label: string;
  readonly unit?: string;
  readonly type?: FactType;
  readonly word: (value: Scalar) => string;
}

export type Joiner = "and" | "or";

/** How one operator reads in plain language. */
export interface Phrase {
  /**
   * The groups in which consecutive comparisons of one fact with this operator read as one
   * phrase: `any` of `contains yoga`, `contains tai-chi` → "… include yoga or tai chi".
   */
  readonly mergesIn: readonly ("all" | "any")[];
  /** The phrase for one comparison (`values` has one item) or several merged with `joiner`. */
  text(subject: Subject, values: readonly Scalar[], joiner: Joiner): string;
}

/** `phq9.total ≥ 10` as `PHQ-9 total ≥ 10`, `pain duration ≥ 12 weeks`: the symbol between label and value. */
export function compared(s: Subject, symbol: string, value: Scalar): string {
  return `${s.label} ${symbol} ${amount(s)(value)}`;
}

/** `PHQ-9 total ≥ 5 and < 10`: consecutive number comparisons of one fact under `all`. */
export function rangePhrase(subject: Subject, bounds: readonly { symbol: string; value: Scalar }[]): string {
  return `${subject.label} ${andList(bounds.map(({ symbol, value }) => `${symbol} ${amount(subject)(value)}`))}`;
}

/** A value with the fact's unit: `12 weeks`, `40%`, `2 of 6`; words for other values. */
export function amount(s: Subject): (value: Scalar) => string {
  return (value) => {
    if (typeof value !== "number" || s.unit === undefined) return s.word(value);
    return s.unit === "%" ? `${value}%` : `${value} ${s.unit}`;
  };
}

export function isNumber(s: Subject): boolean {
  return s.type === "number" || s.type === "integer";
}

export function joined(words: readonly string[], joiner: Joiner): string {
  return joiner === "and" ? andList(words) : orList(words);
}

/** `not a`, `neither a nor b`, `none of a, b and c`. */
export function negative(words: readonly string[]): string {
  if (words.length <= 1) return `not ${words[0] ?? ""}`;
  if (words.length === 2) return `neither ${words[0] ?? ""} nor ${words[1] ?? ""}`;
  return `none of ${andList(words)}`;
}
