/**
 * Every assessment issue's code and message text, in one place (pinned by inline snapshots in
 * tests/core/run/assessment/messages.test.ts). A message says what was found and what was expected;
 * `formatIssue` puts the field in front of it: `questionnaires.phq9.total: 30 is out of range 0–27`.
 */
import type { Issue, IssueParams } from "../../errors.js";
import { definedParams, type ProblemParams } from "../../load/issue.js";
import { shownValue } from "../../words.js";

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

/** A message and the data it was rendered from: what `issue` takes. */
export interface Said {
  readonly message: string;
  readonly params: IssueParams;
}

/** The message `render` makes of `params` alone, with the params (found values as `shownValue` shows them). */
function said<P extends ProblemParams>(params: P, render: (p: P) => string): Said {
  return { message: render(params), params: definedParams(params) };
}

/** An error-severity issue at a JSON Pointer. */
export function issue(code: AssessmentIssueCode, path: string, { message, params }: Said): Issue {
  return { code, path, message, severity: "error", params };
}

/** `found` for a value that may be absent: `shownValue`'s, or left out. */
const present = (value: unknown): string | undefined => (value === undefined ? undefined : shownValue(value));

export const messages = {
  notAnObject: (found: unknown) =>
    said({ found: shownValue(found) }, (p) => `expected an assessment object, found ${p.found}`),
  notPlainData: (kind: string) => said({ kind }, (p) => `expected plain data (an object or a list), found ${p.kind}`),
  unreadable: (error: unknown) =>
    said(
      { thrown: shownValue(error instanceof Error ? error.message : String(error)) },
      (p) => `the input could not be read as plain data (${p.thrown} was thrown reading it)`,
    ),
  forbiddenKey: (key: string) =>
    said({ key }, (p) => `"${p.key}" is not allowed as a key (it could alter object prototypes)`),
  unknownField: (suggestion: string | undefined) =>
    said({ suggestion }, (p) =>
      p.suggestion === undefined ? "unknown field" : `unknown field (did you mean "${p.suggestion}"?)`,
    ),
  missingField: () => said({}, () => "required field is missing"),
  moreProblems: (count: number) =>
    said(
      { count },
      (p) =>
        `… and ${String(p.count).replace(/\B(?=(\d{3})+(?!\d))/g, ",")} more ${p.count === 1 ? "problem" : "problems"} (not listed: fix these first)`,
    ),
  wrongType: (found: unknown, expected: readonly string[]) =>
    said(
      { found: shownValue(found), expected },
      (p) => `expected ${p.expected.map(typeName).join(" or ")}, found ${p.found}`,
    ),
  outOfRange: (found: number, minimum: number | undefined, maximum: number | undefined) =>
    said({ found, minimum, maximum }, (p) => `${p.found} is out of range ${rangeText(p.minimum, p.maximum)}`),
  unknownValue: (found: unknown, allowed: readonly unknown[], suggestion: unknown) =>
    said(
      { found: shownValue(found), allowed: allowed.map(shownValue), suggestion: present(suggestion) },
      (p) =>
        `${p.found} is not one of ${p.allowed.join(", ")}${p.suggestion === undefined ? "" : ` (did you mean ${p.suggestion}?)`}`,
    ),
  wrongFormat: (found: unknown, example: unknown) =>
    said(
      { found: shownValue(found), example: shownValue(example) },
      (p) => `${p.found} is not in the expected format, e.g. ${p.example}`,
    ),
  notACalendarDate: (found: string) => said({ found: shownValue(found) }, (p) => `${p.found} is not a calendar date`),
  emptyText: () => said({}, () => "expected text, found an empty string"),
  wrongLength: (found: number, minimum: number | undefined, maximum: number | undefined) =>
    said(
      { found, minimum, maximum },
      (p) =>
        `expected ${p.minimum === p.maximum ? "exactly" : p.minimum === undefined ? "at most" : "at least"} ${items(p.minimum ?? p.maximum ?? 0)}, found ${p.found}`,
    ),
  duplicateItem: (found: unknown) => said({ found: shownValue(found) }, (p) => `${p.found} is listed more than once`),
  tooFewAnswers: (answered: number, needed: number) =>
    said({ answered, needed }, (p) => `${p.answered} items answered; at least ${p.needed} are needed to score it`),
  disagrees: (given: number, computed: number, source: string) =>
    said({ given, computed, source }, (p) => `${p.given} disagrees with ${p.computed} from ${p.source}`),
  exceeds: (given: number, other: string, bound: number) =>
    said({ given, other, bound }, (p) => `${p.given} exceeds ${p.other} (${p.bound})`),
  onlyWhen: (field: string, required: unknown, found: unknown) =>
    said(
      { field, required: shownValue(required), found: present(found) },
      (p) => `only allowed when ${p.field} is ${p.required}; it is ${p.found ?? "absent"}`,
    ),
  needs: (value: unknown, field: string, required: unknown, found: unknown) =>
    said(
      { value: shownValue(value), field, required: shownValue(required), found: present(found) },
      (p) => `${p.value} needs ${p.field} to be ${p.required}; it is ${p.found ?? "absent"}`,
    ),
  derivedOutOfRange: (
    what: string,
    value: number,
    from: string,
    minimum: number | undefined,
    maximum: number | undefined,
  ) =>
    said(
      { what, value, from, minimum, maximum },
      (p) => `${p.what} ${p.value} from ${p.from} is out of range ${rangeText(p.minimum, p.maximum)}`,
    ),
  invalid: (detail: string) => said({ detail }, (p) => `invalid: ${p.detail}`),
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
