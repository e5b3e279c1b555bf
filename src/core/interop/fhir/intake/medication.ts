/**
 * What a medication the patient takes now says (medication-codes.ts): an active
 * MedicationStatement or MedicationRequest whose medication is coded in ATC sets the flags its
 * class sets (`medications.anticoagulant`) and names its kinds in `medications.current`. A
 * medication only ever says yes: no medication on the list is missing data, so a flag is never
 * `false` and the list is never empty from the record; the kinds found are partial (finding.ts),
 * joined across resources, and a list the patient gave must hold them (assemble.ts).
 */
import type { BundleResource } from "./bundle-index.js";
import type { Finding, Reading } from "./finding.js";
import { nothing } from "./finding.js";
import { kindsOf, medicationFlags } from "./medication-codes.js";
import { isRecord } from "./mappings/values.js";
import { codes, fhirIssue, messages } from "./messages.js";

const ATC = "http://www.whocc.no/atc";

/** Statuses of a medication the patient takes now (R4 MedicationStatement and MedicationRequest). */
const active: ReadonlySet<unknown> = new Set(["active"]);

/** A medication that was never the patient's: said, so a reader sees why it did not count. */
const withdrawn: ReadonlySet<unknown> = new Set(["entered-in-error"]);

/** MedicationRequest intents that are not the patient's medication: a suggestion, an option. */
const notTaken: ReadonlySet<unknown> = new Set(["proposal", "option"]);

/**
 * What an active medication resource sets. Its medication is `medicationCodeableConcept`, or a
 * `medicationReference` to a contained Medication (`#id`) or one of the Bundle (`find`). One
 * entered in error is a warning; one stopped, completed, on hold or only intended says nothing
 * about now and is passed over. An active one with no ATC code is a warning: it may be any kind.
 */
export function readMedication(
  source: BundleResource,
  find: (reference: string) => Readonly<Record<string, unknown>> | undefined,
): Reading {
  const { resource, pointer, label } = source;
  if (withdrawn.has(resource["status"])) {
    const message = messages.ignoredResource(label, String(resource["status"]));
    return { findings: [], issues: [fhirIssue(codes.ignoredResource, pointer, message, "warning")] };
  }
  if (!active.has(resource["status"])) return nothing();
  if (resource["resourceType"] === "MedicationRequest" && notTaken.has(resource["intent"])) return nothing();
  const atc = atcCodes(medicationCode(resource, find));
  if (atc.length === 0) {
    const message = messages.uncodedMedication(label);
    return { findings: [], issues: [fhirIssue(codes.uncodedMedication, pointer, message, "warning")] };
  }
  const flags: Finding[] = medicationFlags
    .filter((flag) => atc.some((code) => flag.atc.some((prefix) => code.startsWith(prefix))))
    .map((flag) => ({ field: flag.field, value: true, source }));
  const kinds = [...new Set(atc.flatMap(kindsOf))];
  const current: Finding[] =
    kinds.length === 0 ? [] : [{ field: "medications.current", value: kinds, source, partial: true }];
  return { findings: [...flags, ...current], issues: [] };
}

function medicationCode(
  resource: Readonly<Record<string, unknown>>,
  find: (reference: string) => Readonly<Record<string, unknown>> | undefined,
): unknown {
  if (resource["medicationCodeableConcept"] !== undefined) return resource["medicationCodeableConcept"];
  const reference = isRecord(resource["medicationReference"])
    ? resource["medicationReference"]["reference"]
    : undefined;
  if (typeof reference !== "string") return undefined;
  const contained = Array.isArray(resource["contained"]) ? (resource["contained"] as unknown[]).filter(isRecord) : [];
  const medication = reference.startsWith("#")
    ? contained.find((candidate) => candidate["id"] === reference.slice(1))
    : find(reference);
  return medication?.["resourceType"] === "Medication" ? medication["code"] : undefined;
}

function atcCodes(concept: unknown): string[] {
  const codings = isRecord(concept) && Array.isArray(concept["coding"]) ? (concept["coding"] as unknown[]) : [];
  return codings.flatMap((coding) =>
    isRecord(coding) && coding["system"] === ATC && typeof coding["code"] === "string" ? [coding["code"]] : [],
  );
}
