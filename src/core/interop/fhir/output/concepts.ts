import type { PlanEvidence, PlanReason } from "../../../generated/types.js";
import type { CodeableConcept, Extension, RelatedArtifact } from "fhir/r4.js";
import { COMPONENT_SYSTEM, RELATED_ARTIFACT_EXTENSION, RULE_SYSTEM } from "./systems.js";

/** A component as a concept: its id as a code in the pack's component system, its title as text. */
export function componentConcept(id: string, title: string, packVersion: string): CodeableConcept {
  return { coding: [{ system: COMPONENT_SYSTEM, version: packVersion, code: id, display: title }], text: title };
}

/** A reason as a concept: the rule that gave it as the code, its sentence as the text an EHR shows. */
export function reasonConcept(reason: PlanReason): CodeableConcept {
  return { coding: [{ system: RULE_SYSTEM, code: reason.rule }], text: reason.text };
}

/**
 * One evidence entry as a citation in a `workflow-relatedArtifact` extension: its id as the label,
 * the certainty as the display.
 */
export function evidenceExtension(evidence: PlanEvidence): Extension {
  const artifact: RelatedArtifact = {
    type: "citation",
    label: evidence.id,
    display: `certainty: ${evidence.certainty}`,
    citation: evidence.citation,
  };
  if (evidence.link !== undefined) artifact.url = evidence.link;
  return { url: RELATED_ARTIFACT_EXTENSION, valueRelatedArtifact: artifact };
}
