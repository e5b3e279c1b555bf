/**
 * Medications that set an assessment flag: an active MedicationStatement or MedicationRequest
 * whose medication is coded in an ATC class (WHO ATC, `http://www.whocc.no/atc`). Only ATC is
 * read: RxNorm (what US records and Synthea carry) has no class hierarchy in the code itself and
 * would need a terminology server or an explicit list, so RxNorm-only medications are not read.
 * A medication only ever sets a flag to `true`: no medication on the list is missing data.
 */
import type { BundleResource } from "./bundle-index.js";
import type { Reading } from "./finding.js";
import { nothing } from "./finding.js";
import { isRecord } from "./mappings/values.js";

const ATC = "http://www.whocc.no/atc";

/** A flag set by any medication whose ATC code starts with one of `classes`. */
interface MedicationFlag {
  readonly field: string;
  readonly classes: readonly string[];
}

const medicationFlags: readonly MedicationFlag[] = [
  {
    // "Warfarin, DOAC or heparin" (assessment spec): B01AA vitamin K antagonists, B01AB heparin
    // group, B01AE direct thrombin inhibitors, B01AF direct factor Xa inhibitors. Not B01AC
    // (platelet aggregation inhibitors: aspirin, clopidogrel), which the field does not mean.
    field: "medications.anticoagulant",
    classes: ["B01AA", "B01AB", "B01AE", "B01AF"],
  },
];

/** Statuses of a medication the patient takes now (R4 MedicationStatement and MedicationRequest). */
const active: ReadonlySet<unknown> = new Set(["active"]);

/**
 * The flags an active medication resource sets. Its medication is `medicationCodeableConcept`, or
 * a `medicationReference` to a contained Medication (`#id`) or one of the Bundle (`find`).
 */
export function readMedication(
  source: BundleResource,
  find: (reference: string) => Readonly<Record<string, unknown>> | undefined,
): Reading {
  const { resource } = source;
  if (!active.has(resource["status"])) return nothing();
  const codes = atcCodes(medicationCode(resource, find));
  return {
    findings: medicationFlags
      .filter((flag) => codes.some((code) => flag.classes.some((prefix) => code.startsWith(prefix))))
      .map((flag) => ({ field: flag.field, value: true, source })),
    issues: [],
  };
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
