import type { Plan } from "../../../generated/types.js";
import type { FhirPlanContext } from "./context.js";
import { nameUuid } from "./uuid.js";

/** The `urn:uuid:` fullUrls of one plan's resources. */
export interface PlanIds {
  carePlan: string;
  provenance: string;
  serviceRequest(componentId: string): string;
}

/**
 * Ids from what identifies this plan for this patient at this time: the same plan and context
 * give the same ids (a retried transaction is recognised by `ifNoneExist`), another patient,
 * encounter, time, assessment, profile or pack gives others.
 */
export function planIds(plan: Plan, context: FhirPlanContext): PlanIds {
  const seed = [
    context.patient,
    context.encounter ?? "",
    context.recorded,
    plan.assessmentId ?? "",
    plan.profile,
    plan.ruleset.digest,
  ];
  return {
    carePlan: nameUuid([...seed, "CarePlan"]),
    provenance: nameUuid([...seed, "Provenance"]),
    serviceRequest: (componentId) => nameUuid([...seed, "ServiceRequest", componentId]),
  };
}
