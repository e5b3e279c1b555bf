import type { Issue } from "../../../errors.js";
import type { BundleResource } from "./bundle-index.js";
import { isRecord } from "./mappings/values.js";
import { codes, fhirIssue, messages } from "./messages.js";

/** A reference to one version of a resource (`Patient/pat/_history/2`) names the resource. */
const versionSuffix = /\/_history\/[^/]+$/;

/** `Type/id` at the end of a relative reference or an absolute URL. */
const typeAndId = /(?:^|\/)([A-Z][A-Za-z]*\/[A-Za-z0-9\-.]{1,64})$/;

/**
 * The resources about the Bundle's patient. An assessment describes one patient, so a second
 * Patient is an error; a resource whose `subject` names someone else is left out with a warning
 * (its answers are not this patient's). Without a Patient, the subjects must all be the same one:
 * resources about two people are an error, never one assessment. A resource without a subject
 * is taken as the patient's.
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
  if (patient === undefined) return oneSubject(resources);
  const issues: Issue[] = [];
  const kept = resources.filter((source) => {
    const reference = subjectOf(source);
    if (reference === undefined || names(patient, reference)) return true;
    const message = messages.otherSubject(source.label, reference, patient.label);
    issues.push(fhirIssue(codes.otherSubject, `${source.pointer}/subject/reference`, message, "warning"));
    return false;
  });
  return { resources: kept, issues };
}

/** Every resource, when all that name a subject name the same one; else an error naming two that differ. */
function oneSubject(resources: readonly BundleResource[]): { resources: BundleResource[]; issues: Issue[] } {
  let first: { source: BundleResource; reference: string } | undefined;
  for (const source of resources) {
    const reference = subjectOf(source);
    if (reference === undefined) continue;
    if (first === undefined) first = { source, reference };
    else if (canonical(reference) !== canonical(first.reference)) {
      const message = messages.severalSubjects(first.source.label, first.reference, source.label, reference);
      return {
        resources: [],
        issues: [fhirIssue(codes.severalSubjects, `${source.pointer}/subject/reference`, message)],
      };
    }
  }
  return { resources: [...resources], issues: [] };
}

function subjectOf(source: BundleResource): string | undefined {
  const subject = source.resource["subject"];
  const reference = isRecord(subject) ? subject["reference"] : undefined;
  return typeof reference === "string" ? reference : undefined;
}

/** The reference without a version, as `Type/id` when it ends in one (relative or absolute). */
function canonical(reference: string): string {
  const unversioned = reference.replace(versionSuffix, "");
  return typeAndId.exec(unversioned)?.[1] ?? unversioned;
}

/** `Patient/id`, an absolute URL ending in it (either perhaps of one version), or the entry's fullUrl (`urn:uuid:…`). */
function names(patient: BundleResource, reference: string): boolean {
  const unversioned = reference.replace(versionSuffix, "");
  return unversioned === patient.label || unversioned.endsWith(`/${patient.label}`) || unversioned === patient.fullUrl;
}
