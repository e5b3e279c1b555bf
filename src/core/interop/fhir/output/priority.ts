import type { Details } from "../../../generated/types.js";
import type { ServiceRequest } from "fhir/r4.js";

type Urgency = NonNullable<Details["urgency"]>;
type Priority = NonNullable<ServiceRequest["priority"]>;

/**
 * A referral's urgency as a ServiceRequest priority (http://hl7.org/fhir/request-priority:
 * routine < urgent < asap < stat). FHIR's priority says how soon, so the mapping follows time:
 * `same-day` (today) is sooner than `urgent` (within 24 hours), as in backplan's own order. FHIR
 * has four steps to backplan's five, so `soon` shares `routine`; the ServiceRequest's note keeps
 * the exact word ("urgency: soon").
 */
export const PRIORITY_OF_URGENCY: Readonly<Record<Urgency, Priority>> = {
  // "stat: highest possible priority, e.g. an emergency": go now.
  emergency: "stat",
  // backplan's urgent is "specialist within 24 hours": FHIR's "actioned promptly".
  urgent: "urgent",
  // same-day (e.g. suicide-risk assessment today): FHIR's "as soon as possible".
  "same-day": "asap",
  soon: "routine",
  routine: "routine",
};

/** The priority for a referral's details; a referral without an urgency goes as `routine`, FHIR's normal priority. */
export function priorityOf(details: Details): Priority {
  return details.urgency === undefined ? "routine" : PRIORITY_OF_URGENCY[details.urgency];
}
