import type { Issue } from "../../../errors.js";
import type { Assessment } from "../../../generated/types.js";
import { codes, issue, messages } from "../messages.js";
import { consistent, type ConsistencyCheck } from "../instruments/types.js";

function check(assessment: Assessment): readonly Issue[] {
  const flags = assessment.redFlags;
  if (flags?.majorTrauma !== true || flags.recentTrauma !== false) return consistent;
  return [
    issue(codes.inconsistent, "/redFlags/majorTrauma", messages.needs(true, "redFlags.recentTrauma", true, false)),
  ];
}

/**
 * `redFlags.majorTrauma` is a kind of recent trauma: true contradicts `redFlags.recentTrauma:
 * false`. With recentTrauma unasked it stands alone (the high-energy injury was recorded, the
 * general question was not).
 */
export const majorTrauma: ConsistencyCheck = { reads: ["/redFlags"], check };
