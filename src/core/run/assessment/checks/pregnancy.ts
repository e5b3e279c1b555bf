import type { Issue } from "../../../errors.js";
import type { Assessment } from "../../../generated/types.js";
import { codes, issue, messages } from "../messages.js";
import { consistent, type ConsistencyCheck } from "../instruments/types.js";

function check(assessment: Assessment): readonly Issue[] {
  const { pregnant, gestationWeeks } = assessment.patient;
  if (gestationWeeks === undefined || pregnant === true) return consistent;
  return [issue(codes.inconsistent, "/patient/gestationWeeks", messages.onlyWhen("patient.pregnant", true, pregnant))];
}

/** `patient.gestationWeeks` belongs to a pregnancy: it needs `patient.pregnant: true`. */
export const pregnancy: ConsistencyCheck = { reads: ["/patient"], check };
