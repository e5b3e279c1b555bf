/**
 * Every assessment issue's code and message text, in one place (pinned by inline snapshots in
 * tests/core/run/assessment/messages.test.ts). A message says what was found and what was expected;
 * `formatIssue` puts the field in front of it: `questionnaires.phq9.total: 30 is out of range 0–27`.
 */
import type { Issue } from "../../errors.js";

/** Stable issue codes: callers may branch on them. */
export const codes = {
  notAnObject: "assessment/not-an-object",
  notPlainData: "assessment/not-plain-data",
  forbiddenKey: "assessment/forbidden-key",
  unknownField: "assessment/unknown-field",
  missingField: "assessment/missing-field",
  wrongType: "assessment/wrong-type",
  outOfRange: "assessment/out-of-range",
  unknownValue: "assessment/unknown-value",
  wrongFormat: "assessment/wrong-format",
  wrongLength: "assessment/wrong-length",
  duplicateItem: "assessment/duplicate-item",
  tooFewAnswers: "assessment/too-few-answers",
  inconsistent: "assessment/inconsistent",
  invalid: "assessment/invalid",
  moreProblems: "assessment/more-problems",
} as const;

export type AssessmentIssueCode = (typeof codes)[keyof typeof codes];

/** An error-severity issue at a JSON Pointer. */
export function issue(code: AssessmentIssueCode, path: string, message: string): Issue {
  return { code, path, message, severity: "error" };
}

export const messages = {
  notAnObject: (found: unknown) => `expected an assessment object, found ${show(found)}`,
  notPlainData: (kind: string) => `expected plain data (an object or a list), found ${kind}`,
  unreadable: (error: unknown) =>
    `the input could not be read as plain data (${show(error instanceof Error ? error.message : String(error))} was thrown reading it)`,
  forbiddenKey: (key: string) => `"${key}" is not allowed as a key (it could alter object prototypes)`,
  unknownField: (suggestion: string | undefined) =>
    suggestion === undefined ? "unknown field" : `unknown field (did you mean "${suggestion}"?)`,
  missingField: () => "required field is missing",
  moreProblems: (count: number) =>
    `… and ${String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ",")} more ${count === 1 ? "problem" : "problems"} (not listed: fix these first)`,
  wrongType: (found: unknown, expected: readonly string[]) =>
    `expected ${expected.map(typeName).join(" or ")}, found ${show(found)}`,
  outOfRange: (found: number, minimum: number | undefined, maximum: number | undefined) =>
    `${found} is out of range ${rangeText(minimum, maximum)}`,
  unknownValue: (found: unknown, allowed: readonly unknown[], suggestion: unknown) =>
    `${show(found)} is not one of ${allowed.map(show).join(", ")}${suggestion === undefined ? "" : ` (did you mean ${show(suggestion)}?)`}`,
  wrongFormat: (found: unknown, example: unknown) =>
    `${show(found)} is not in the expected format, e.g. ${show(example)}`,
  notACalendarDate: (found: string) => `${show(found)} is not a calendar date`,
  emptyText: () => "expected text, found an empty string",
  wrongLength: (found: number, minimum: number | undefined, maximum: number | undefined) =>
    `expected ${minimum === maximum ? "exactly" : minimum === undefined ? "at most" : "at least"} ${items(minimum ?? maximum ?? 0)}, found ${found}`,
  duplicateItem: (found: unknown) => `${show(found)} is listed more than once`,
  tooFewAnswers: (answered: number, needed: number) =>
    `${answered} items answered; at least ${needed} are needed to score it`,
  disagrees: (given: number, computed: number, source: string) => `${given} disagrees with ${computed} from ${source}`,
  exceeds: (given: number, other: string, bound: number) => `${given} exceeds ${other} (${bound})`,
  onlyWhen: (field: string, required: unknown, found: unknown) =>
    `only allowed when ${field} is ${show(required)}; it is ${found === undefined ? "absent" : show(found)}`,
  needs: (value: unknown, field: string, required: unknown, found: unknown) =>
    `${show(value)} needs ${field} to be ${show(required)}; it is ${found === undefined ? "absent" : show(found)}`,
  derivedOutOfRange: (
    what: string,
    value: number,
    from: string,
    minimum: number | undefined,
    maximum: number | undefined,
  ) => `${what} ${value} from ${from} is out of range ${rangeText(minimum, maximum)}`,
  invalid: (detail: string) => `invalid: ${detail}`,
} as const;

const typeNames: Readonly<Record<string, string>> = {
  integer: "an integer",
  number: "a number",
  string: "a string",
  boolean: "true or false",
  object: "an object",
  array: "a list",
  null: "null",
};

function typeName(type: string): string {
  return typeNames[type] ?? type;
}

function items(count: number): string {
  return `${count} ${count === 1 ? "item" : "items"}`;
}

function rangeText(minimum: number | undefined, maximum: number | undefined): string {
  if (maximum === undefined) return `≥ ${minimum}`;
  if (minimum === undefined) return `≤ ${maximum}`;
  return `${minimum}–${maximum}`;
}

/** A found value as the user wrote it: scalars literally (long text cut), containers by kind. */
function show(value: unknown): string {
  if (Array.isArray(value)) return `a list of ${items(value.length)}`;
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
  return typeof value === "number" || typeof value === "boolean" ? String(value) : typeof value;
}
