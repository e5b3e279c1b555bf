import type { Issue } from "../../errors.js";
import type { Assessment } from "../../generated/types.js";
import { codes, issue, messages } from "../messages.js";
import { consistent, type ConsistencyCheck } from "../instruments/types.js";

/** Days in `month` (1–12) of `year`, by the Gregorian leap-year rule. */
function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function check(assessment: Assessment): readonly Issue[] {
  const date = assessment.assessedOn;
  // The schema's pattern already holds: YYYY-MM-DD with month 01–12 and day 01–31.
  if (date === undefined || Number(date.slice(8)) <= daysIn(Number(date.slice(0, 4)), Number(date.slice(5, 7))))
    return consistent;
  return [issue(codes.wrongFormat, "/assessedOn", messages.notACalendarDate(date))];
}

/** `assessedOn` must be a real day: the schema's pattern lets 2025-02-30 through. */
export const calendarDate: ConsistencyCheck = { reads: ["/assessedOn"], check };
