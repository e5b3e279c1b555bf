import type { CdsCoding } from "./cds-types.js";

/**
 * Why a clinician may set the plan aside: the reasons the plan card offers, and the only ones
 * feedback records (a code from elsewhere could carry anything, patient data included).
 */
export const OVERRIDE_REASONS: readonly CdsCoding[] = [
  { system: "urn:backplan:cds:override-reason", code: "clinical-judgement", display: "Clinical judgement differs" },
  {
    system: "urn:backplan:cds:override-reason",
    code: "data-incorrect",
    display: "The patient's data is wrong or out of date",
  },
  { system: "urn:backplan:cds:override-reason", code: "patient-declined", display: "The patient declined" },
];

/** The offered reason with this system and code, or `undefined`. */
export function offeredReason(system: unknown, code: unknown): CdsCoding | undefined {
  return OVERRIDE_REASONS.find((reason) => reason.system === system && reason.code === code);
}
