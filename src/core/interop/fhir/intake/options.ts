import { isDate } from "../../../calendar.js";
import { isPlainObject } from "../../../run/assessment/plain-data.js";
import type { Result } from "../../../errors.js";
import { codes, fhirIssue, messages } from "./messages.js";

export interface IntakeOptions {
  /**
   * The visit date, `YYYY-MM-DD`, the clinic's local date; default the local date of the Bundle's
   * current Encounter (`period.start` as written), else of Bundle.timestamp. Ages, the recency of
   * results and the problem list's durations are computed on it.
   */
  readonly assessedOn?: string;
}

/**
 * `options.assessedOn`, checked: options come from callers (a CDS Hooks service, a page's
 * script), not only from typed code, and must not make the intake throw.
 */
export function assessedOnOf(options: unknown): Result<string | undefined> {
  const bad = (message: string): Result<string | undefined> => ({
    ok: false,
    issues: [fhirIssue(codes.badOption, "", message)],
  });
  if (options === undefined) return { ok: true, value: undefined, warnings: [] };
  if (options === null || typeof options !== "object")
    return bad(messages.badOptions(options === null ? "null" : `a ${typeof options}`));
  try {
    if (!isPlainObject(options))
      return bad(messages.badOptions(Array.isArray(options) ? "a list" : "a non-plain object"));
    const assessedOn = (options as Record<string, unknown>)["assessedOn"];
    if (assessedOn === undefined || (typeof assessedOn === "string" && isDate(assessedOn)))
      return { ok: true, value: assessedOn, warnings: [] };
    return bad(
      messages.badOption("assessedOn", typeof assessedOn === "string" ? `"${assessedOn}"` : `a ${typeof assessedOn}`),
    );
  } catch {
    return bad(messages.badOptions("an object that throws when read (a getter or a Proxy)"));
  }
}
