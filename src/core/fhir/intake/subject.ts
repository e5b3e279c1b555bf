import type { Issue } from "../../errors.js";
import type { BundleResource } from "./bundle-index.js";
import { isRecord } from "./mappings/values.js";
import { codes, fhirIssue, messages } from "./messages.js";

/**
 * The resources about the Bundle's patient. An assessment describes one patient, so a second
 * Patient is an error; a resource whose `subject` names someone else is left out with a warning
 * (its answers are not this patient's). A resource without a subject is taken as the patient's.
 */
export function aboutThePatient(resources: readonly BundleResource[]): {
  resources: BundleResource[];
  issues: Issue[];
} {
  const patients = resources.filter((source) => source.type === "Patient");
  const [patient, second] = patients;
  if (second !== undefined && patient !== undefined) {
    const message = messages.severalPatients(patients.map((source) => source.label));
    return { resources: [], issues: [fhirIssue(codes.severalPatients, second.pointer, message)] };
  }
  if (patient === undefined) return { resources: [...resources], issues: [] };
  const issues: Issue[] = [];
  const kept = resources.filter((source) => {
    const subject = source.resource["subject"];
    const reference = isRecord(subject) ? subject["reference"] : undefined;
    if (typeof reference !== "string" || names(patient, reference)) return true;
    const message = messages.otherSubject(source.label, reference, patient.label);
    issues.push(fhirIssue(codes.otherSubject, `${source.pointer}/subject/reference`, message, "warning"));
    return false;
  });
  return { resources: kept, issues };
}

/** `Patient/id`, an absolute URL ending in it, or the entry's fullUrl (`urn:uuid:…`). */
function names(patient: BundleResource, reference: string): boolean {
  return reference === patient.label || reference.endsWith(`/${patient.label}`) || reference === patient.fullUrl;
}
