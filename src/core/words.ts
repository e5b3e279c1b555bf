/**
 * Plain-language pieces of messages: what a value is, lists, "did you mean". Messages say what
 * was found, so these describe values the way an author wrote them (a mapping, a list).
 */
import type { FactDefinition } from "./run/facts/types.js";

const MAX_SHOWN = 40;

/**
 * A found value, the one way messages show it: text quoted (cut at 40 characters with `…`),
 * numbers, booleans and `null` as written, a list by its length, a mapping as `an object`, and a
 * missing value as `nothing`. Every "found …" of every message goes through here.
 *
 * @example shownValue("high"); // "\"high\"";  shownValue([1, 2]); // "a list of 2 items"
 */
export function shownValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") return quote(value);
  if (Array.isArray(value)) return `a list of ${value.length} ${value.length === 1 ? "item" : "items"}`;
  if (typeof value === "object") return "an object";
  return typeof value === "number" || typeof value === "boolean" ? String(value) : typeof value;
}

/**
 * A value described for an author of YAML, who writes no `null` and no braces: `a string ("high")`,
 * `the number 12`, `true`, `a list`, `a mapping with "a", "b"`, `nothing`. Built on `shownValue`.
 */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (typeof value === "string") return value === "" ? "an empty string" : `a string (${shownValue(value)})`;
  if (typeof value === "number") return `the number ${shownValue(value)}`;
  if (typeof value === "boolean") return shownValue(value);
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  const keys = Object.keys(value);
  if (keys.length === 0) return "an empty mapping";
  const listed = keys.slice(0, 3).map(quote).join(", ");
  return `a mapping with ${listed}${keys.length > 3 ? ", …" : ""}`;
}

/** JSON Schema type names as an author reads them. */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  object: "a mapping",
  array: "a list",
  string: "a string",
  integer: "a whole number",
  number: "a number",
  boolean: "true or false",
  null: "nothing",
};

const PLURAL_WORDS: Readonly<Record<string, string>> = {
  object: "mappings",
  array: "lists",
  string: "strings",
  integer: "whole numbers",
  number: "numbers",
  boolean: "booleans",
  null: "nothing",
};

/** `["number", "string"]` → `a number or a string`; `["boolean"]` → `true or false`. */
export function describeTypes(types: readonly string[]): string {
  if (types.length > 1) return orList(types.map((t) => (t === "boolean" ? "a boolean" : (TYPE_WORDS[t] ?? t))));
  return orList(types.map((t) => TYPE_WORDS[t] ?? t));
}

/** `["number", "string"]` → `numbers or strings`, for "a list of …". */
export function describeTypesPlural(types: readonly string[]): string {
  return orList(types.map((t) => PLURAL_WORDS[t] ?? t));
}

/** `a condition`, `an evidence source`. */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
}

/** A value quoted for a message, shortened when long. */
export function quote(value: unknown): string {
  const text = valueText(value);
  return JSON.stringify(text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text);
}

/** A value as text, for an issue's parameters: text itself, anything else as JSON. `quote` shows it. */
export function valueText(value: unknown): string {
  if (typeof value === "string") return value;
  // `undefined` and functions stringify to nothing at all, whatever the type says.
  const json = JSON.stringify(value) as string | undefined;
  return json ?? String(value);
}

/** `a`, `a or b`, `a, b or c`. */
export function orList(items: readonly string[]): string {
  return joinWith(items, "or");
}

/** `a`, `a and b`, `a, b and c`. */
export function andList(items: readonly string[]): string {
  return joinWith(items, "and");
}

function joinWith(items: readonly string[], word: string): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${word} ${items.at(-1) ?? ""}`;
}

/** ` (did you mean "x"?)`, or nothing without a suggestion. */
export function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? "" : ` (did you mean ${quote(suggestion)}?)`;
}

/** Bytes in MiB, for size limits: `10 MiB`, `1.5 MiB`. */
export function mebibytes(bytes: number): string {
  return `${Number((bytes / 1024 / 1024).toFixed(1))} MiB`;
}

/** What `factValues` reads of a fact. */
export type FactShape = Pick<FactDefinition, "type" | "minimum" | "maximum" | "enum" | "openEnum">;

/** The values a fact takes: `a whole number from 0 to 27`, `"acute", "subacute" or "chronic"`, `true or false`. */
export function factValues(fact: FactShape): string {
  const { minimum: min, maximum: max } = fact;
  const range =
    min !== undefined && max !== undefined
      ? ` from ${min} to ${max}`
      : min !== undefined
        ? ` of at least ${min}`
        : max !== undefined
          ? ` of at most ${max}`
          : "";
  const listed = fact.enum !== undefined && fact.openEnum !== true ? orList(fact.enum.map(quote)) : undefined;
  switch (fact.type) {
    case "integer":
      return `a whole number${range}`;
    case "number":
      return `a number${range}`;
    case "boolean":
      return "true or false";
    case "string":
      return listed ?? "text";
    case "string-list":
      return listed === undefined ? "a list" : `a list of ${listed}`;
  }
}
