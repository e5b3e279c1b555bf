import { isCalendarDay } from "../../../calendar.js";
import type { Issue } from "../../../errors.js";
import type { Assessment } from "../../../generated/types.js";
import { codes, issue, messages } from "../messages.js";
import { consistent, type ConsistencyCheck } from "../instruments/types.js";

function check(assessment: Assessment): readonly Issue[] {
  const date = assessment.assessedOn;
  if (date === undefined || isCalendarDay(date)) return consistent;
  return [issue(codes.wrongFormat, "/assessedOn", messages.notACalendarDate(date))];
}

/** `assessedOn` must be a real day: the schema's pattern lets 2025-02-30 through. */
export const calendarDate: ConsistencyCheck = { reads: ["/assessedOn"], check };
