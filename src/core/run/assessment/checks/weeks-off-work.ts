import type { Issue } from "../../../errors.js";
import type { Assessment } from "../../../generated/types.js";
import { codes, issue, messages } from "../messages.js";
import { consistent, type ConsistencyCheck } from "../instruments/types.js";

function check(assessment: Assessment): readonly Issue[] {
  const work = assessment.work;
  if (work?.weeksOffWork === undefined || work.status === "off-work") return consistent;
  return [issue(codes.inconsistent, "/work/weeksOffWork", messages.onlyWhen("work.status", "off-work", work.status))];
}

/** `work.weeksOffWork` counts an absence: it needs `work.status: off-work` (a patient at work has none to count). */
export const weeksOffWork: ConsistencyCheck = { reads: ["/work"], check };
