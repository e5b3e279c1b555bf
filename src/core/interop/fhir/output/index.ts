import type { Plan } from "../../../generated/types.js";
import type { Bundle, BundleEntry, CarePlan, Provenance, ServiceRequest } from "fhir/r4.js";
import { carePlanOf, isReferral } from "./care-plan.js";
import { checkContext, type FhirPlanContext } from "./context.js";
import { planIds } from "./ids.js";
import { provenanceOf } from "./provenance.js";
import { serviceRequestOf } from "./service-request.js";
import { URI_IDENTIFIER_SYSTEM } from "./systems.js";

export type { FhirPlanContext } from "./context.js";
export * from "./systems.js";

/** The resources a plan becomes. */
type PlanResource = CarePlan | ServiceRequest | Provenance;

/** A plan as FHIR R4 resources, and the transaction Bundle that stores them all. */
export interface FhirPlan {
  carePlan: CarePlan;
  /** One per referral component, in plan order. */
  serviceRequests: readonly ServiceRequest[];
  provenance: Provenance;
  /** A `transaction`: the CarePlan, its ServiceRequests, then the Provenance, each `POST`ed once (`ifNoneExist`). */
  bundle: Bundle<PlanResource>;
}

/**
 * The plan as a proposed CarePlan (status `active`, or `draft` when draft rules ran), a
 * ServiceRequest per referral with its priority, and a Provenance naming the engine, rule pack
 * digest and profile. Pure and deterministic: the same plan and context give byte-identical JSON;
 * resources reference each other by `urn:uuid:` fullUrls derived from them. Throws a `RangeError`
 * when `context.recorded` is not an R4 instant (`2026-11-23T22:40:00Z`; a date alone is not one).
 *
 * @example
 * const { bundle } = planToFhir(plan, { patient: "Patient/123", engine: { name: "backplan", version: "1.2.0" }, recorded: "2026-11-23T22:40:00Z" });
 */
export function planToFhir(plan: Plan, context: FhirPlanContext): FhirPlan {
  checkContext(context);
  const ids = planIds(plan, context);
  const status: CarePlan["status"] = (plan.ruleset.drafts ?? []).length === 0 ? "active" : "draft";
  const referrals = plan.components.filter(isReferral).map((component) => {
    const fullUrl = ids.serviceRequest(component.id);
    return { fullUrl, resource: serviceRequestOf(component, plan, context, fullUrl, status) };
  });
  const serviceRequests = referrals.map(({ resource }) => resource);
  const carePlan = carePlanOf(plan, context, ids, status);
  const provenance = provenanceOf(plan, context, [
    { reference: ids.carePlan },
    ...referrals.map(({ fullUrl }) => ({ reference: fullUrl })),
  ]);
  const bundle: Bundle<PlanResource> = {
    resourceType: "Bundle",
    type: "transaction",
    entry: [
      entry(ids.carePlan, carePlan),
      ...referrals.map(({ fullUrl, resource }) => entry(fullUrl, resource)),
      entry(ids.provenance, provenance),
    ],
  };
  return { carePlan, serviceRequests, provenance, bundle };
}

/** A create that a retry does not repeat: the resource's identifier is its fullUrl. */
function entry(fullUrl: string, resource: PlanResource): BundleEntry<PlanResource> {
  const request = { method: "POST" as const, url: resource.resourceType };
  // An R4 Provenance has no identifier to search by: a retried transaction records it again.
  if (resource.resourceType === "Provenance") return { fullUrl, resource, request };
  return { fullUrl, resource, request: { ...request, ifNoneExist: `identifier=${URI_IDENTIFIER_SYSTEM}|${fullUrl}` } };
}
