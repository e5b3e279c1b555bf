/** Named factories for assessments in tests: the smallest valid one, and ones built on it. */
import { safeParseAssessment } from "../../../../src/core/run/assessment/index.js";
import { formatIssue } from "../../../../src/core/errors.js";
import { deriveFacts } from "../../../../src/core/run/facts/catalog.js";
import type { FactValue } from "../../../../src/core/run/facts/types.js";
import type { Assessment } from "../../../../src/core/generated/types.js";

/** The smallest valid assessment: the two required fields. */
export function minimalAssessment(): Assessment {
  return { patient: { age: 40 }, pain: { durationWeeks: 2 } };
}

/** The minimal assessment with `extra` groups merged in (one level deep), as plain data. */
export function assessmentWith(extra: Record<string, unknown>): Record<string, unknown> {
  const base: Record<string, unknown> = { ...minimalAssessment() };
  for (const [key, value] of Object.entries(extra)) {
    const current = base[key];
    base[key] = isRecord(current) && isRecord(value) ? { ...current, ...value } : value;
  }
  return base;
}

/** The issues of an invalid input, formatted as a user sees them; [] when valid. */
export function problems(input: unknown): string[] {
  const result = safeParseAssessment(input);
  return result.ok ? [] : result.issues.map(formatIssue);
}

/** The facts of `extra` merged into the minimal assessment; throws when it does not validate. */
export function factsOf(extra: Record<string, unknown>): Map<string, FactValue> {
  const result = safeParseAssessment(assessmentWith(extra));
  if (!result.ok) throw new Error(`test assessment is invalid:\n${result.issues.map(formatIssue).join("\n")}`);
  return deriveFacts(result.value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
