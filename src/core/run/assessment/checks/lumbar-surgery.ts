import type { Issue } from "../../../errors.js";
import type { Assessment } from "../../../generated/types.js";
import { codes, issue, messages } from "../messages.js";
import { consistent, type ConsistencyCheck } from "../instruments/types.js";

function check(assessment: Assessment): readonly Issue[] {
  const history = assessment.history;
  if (history?.lumbarSurgeryWeeksAgo === undefined || history.lumbarSurgery === true) return consistent;
  return [
    issue(
      codes.inconsistent,
      "/history/lumbarSurgeryWeeksAgo",
      messages.onlyWhen("history.lumbarSurgery", true, history.lumbarSurgery),
    ),
  ];
}

/** `history.lumbarSurgeryWeeksAgo` dates a surgery: it needs `history.lumbarSurgery: true`. */
export const lumbarSurgery: ConsistencyCheck = { reads: ["/history"], check };
