import { AssessmentError, type Issue, type Result } from "../../errors.js";
import type { Assessment } from "../../generated/types.js";
import { validateAssessment } from "../../generated/validators/assessment.js";
import { consistencyIssues } from "./consistency.js";
import { codes, issue, messages } from "./messages.js";
import { MAX_LIST_ITEMS, isPlainObject, plainDataIssues } from "./plain-data.js";
import { schemaIssues } from "./schema-issues.js";

const none: readonly Issue[] = Object.freeze([]);

/**
 * Validates an assessment against `schemas/assessment.schema.json` and the cross-field checks
 * (items against totals, gestation only in pregnancy…), collecting every problem. The input is
 * never mutated or copied: on success `value` is the input itself, typed.
 *
 * @example
 * const result = safeParseAssessment({ patient: { age: 40 }, pain: { durationWeeks: 2 }, phq9: {} });
 * if (!result.ok) result.issues.map(formatIssue); // ['phq9: unknown field (did you mean "questionnaires.phq9"?)']
 */
export function safeParseAssessment(input: unknown): Result<Assessment> {
  try {
    return validate(input);
  } catch (error) {
    // Only a caller's own code can throw here (a Proxy's traps): plain data cannot.
    return { ok: false, issues: [issue(codes.notPlainData, "", messages.unreadable(error))] };
  }
}

function validate(input: unknown): Result<Assessment> {
  if (!isPlainObject(input)) return { ok: false, issues: [issue(codes.notAnObject, "", messages.notAnObject(input))] };
  const notPlain = plainDataIssues(input, MAX_LIST_ITEMS);
  if (notPlain.length > 0) return { ok: false, issues: notPlain };
  const assessment = input as Assessment;
  const found = validateAssessment(input) ? none : schemaIssues(validateAssessment.errors ?? [], input);
  const inconsistencies = consistencyIssues(assessment, found);
  if (found.length === 0 && inconsistencies.length === 0) return { ok: true, value: assessment, warnings: none };
  return { ok: false, issues: [...found, ...inconsistencies] };
}

/** As `safeParseAssessment`, but throws an `AssessmentError` holding every issue. */
export function parseAssessment(input: unknown): Assessment {
  const result = safeParseAssessment(input);
  if (!result.ok) throw new AssessmentError(result.issues);
  return result.value;
}
