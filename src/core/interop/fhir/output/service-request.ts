import { detailsLine } from "../../../present/render/summary.js";
import type { Plan, PlanComponent } from "../../../generated/types.js";
import type { ServiceRequest } from "fhir/r4.js";
import { componentConcept, evidenceExtension, reasonConcept } from "./concepts.js";
import type { FhirPlanContext } from "./context.js";
import { priorityOf } from "./priority.js";
import { URI_IDENTIFIER_SYSTEM } from "./systems.js";

/** A referral component as a proposed ServiceRequest: its reasons, evidence, urgency and who to refer to. */
export function serviceRequestOf(
  component: PlanComponent,
  plan: Plan,
  context: FhirPlanContext,
  fullUrl: string,
  status: ServiceRequest["status"],
): ServiceRequest {
  const { details } = component;
  const line = detailsLine(details);
  return {
    resourceType: "ServiceRequest",
    extension: component.evidence.map(evidenceExtension),
    identifier: [{ system: URI_IDENTIFIER_SYSTEM, value: fullUrl }],
    status,
    intent: "proposal",
    priority: priorityOf(details),
    code: componentConcept(component.id, component.title, plan.ruleset.version),
    subject: { reference: context.patient },
    ...(context.encounter === undefined ? {} : { encounter: { reference: context.encounter } }),
    authoredOn: context.recorded,
    ...(details.referTo === undefined ? {} : { performerType: { text: details.referTo } }),
    reasonCode: component.reasons.map(reasonConcept),
    ...(line === "" ? {} : { note: [{ text: line }] }),
    patientInstruction: component.patientText,
  };
}
