import { detailsLine } from "../../../present/render/summary.js";
import type { Plan, PlanComponent } from "../../../generated/types.js";
import type { CarePlan, CarePlanActivity, CarePlanActivityDetail } from "fhir/r4.js";
import { componentConcept, evidenceExtension, reasonConcept } from "./concepts.js";
import type { FhirPlanContext } from "./context.js";
import type { PlanIds } from "./ids.js";
import { planNotes } from "./notes.js";
import { URI_IDENTIFIER_SYSTEM } from "./systems.js";

/** Components that become ServiceRequests; every other component is an inline activity. */
export function isReferral(component: PlanComponent): boolean {
  return component.category === "referral";
}

/**
 * The plan as a proposed CarePlan: one activity per component in plan order, a referral by
 * reference to its ServiceRequest, anything else inline with its reasons and evidence.
 */
export function carePlanOf(plan: Plan, context: FhirPlanContext, ids: PlanIds, status: CarePlan["status"]): CarePlan {
  const { name, version, digest } = plan.ruleset;
  const notes = planNotes(plan);
  const activities = plan.components.map((component) =>
    isReferral(component)
      ? { reference: { reference: ids.serviceRequest(component.id), display: component.title } }
      : inlineActivity(component, version),
  );
  return {
    resourceType: "CarePlan",
    identifier: [{ system: URI_IDENTIFIER_SYSTEM, value: ids.carePlan }],
    status,
    intent: "proposal",
    title: "Low back pain care plan",
    description:
      `Proposed by ${context.engine.name} ${context.engine.version} from rule pack ${name} ${version} ` +
      `(${digest}), profile ${plan.profile}; plan ${plan.status}.`,
    subject: { reference: context.patient },
    ...(context.encounter === undefined ? {} : { encounter: { reference: context.encounter } }),
    created: context.recorded,
    // FHIR JSON forbids empty arrays: a plan with nothing to do has no `activity`.
    ...(activities.length === 0 ? {} : { activity: activities }),
    ...(notes.length === 0 ? {} : { note: notes }),
  };
}

function inlineActivity(component: PlanComponent, packVersion: string): CarePlanActivity {
  // Evidence travels in the detail's extensions (a BackboneElement's).
  const detail: CarePlanActivityDetail = {
    extension: component.evidence.map(evidenceExtension),
    code: componentConcept(component.id, component.title, packVersion),
    reasonCode: component.reasons.map(reasonConcept),
    status: "not-started",
    description: [detailsLine(component.details), `For the patient: ${component.patientText}`]
      .filter((part) => part !== "")
      .join("\n"),
  };
  return { detail };
}
