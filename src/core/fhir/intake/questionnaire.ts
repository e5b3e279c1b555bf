import type { BundleResource } from "./bundle-index.js";
import type { FhirValue } from "./mappings/index.js";
import { codeKey, isRecord } from "./mappings/values.js";

type Json = Readonly<Record<string, unknown>>;

/** The extension LHC-Forms and LOINC-derived Questionnaires put on an answer option's score. */
const ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";

/**
 * The Questionnaire a canonical names: contained (`#id`, or its url) first, then in the Bundle by
 * url (and version, when the canonical has one).
 */
export function findQuestionnaire(
  response: Json,
  bundle: readonly BundleResource[],
  url: string,
  version: string | undefined,
): Json | undefined {
  const contained = Array.isArray(response["contained"]) ? (response["contained"] as unknown[]).filter(isRecord) : [];
  const candidates = [...contained, ...bundle.map((entry) => entry.resource)];
  return candidates.find(
    (candidate) =>
      candidate["resourceType"] === "Questionnaire" &&
      ((url.startsWith("#") && contained.includes(candidate) && candidate["id"] === url.slice(1)) ||
        (candidate["url"] === url && (version === undefined || candidate["version"] === version))),
  );
}

/** linkId → the Questionnaire item, over nested items. */
export function itemsByLinkId(items: unknown, found = new Map<string, Json>()): Map<string, Json> {
  if (!Array.isArray(items)) return found;
  for (const item of (items as unknown[]).filter(isRecord)) {
    if (typeof item["linkId"] === "string") found.set(item["linkId"], item);
    itemsByLinkId(item["item"], found);
  }
  return found;
}

/**
 * The score the Questionnaire gives a coded answer (its answer option's `ordinalValue`), as a
 * number answer; `undefined` when it gives none. The Questionnaire defines it, so this is no guess.
 */
export function ordinalAnswer(item: Json | undefined, answer: FhirValue): FhirValue | undefined {
  const coding = answer["valueCoding"];
  const key = isRecord(coding) ? codeKey(coding["system"], coding["code"]) : undefined;
  const options = item !== undefined && Array.isArray(item["answerOption"]) ? (item["answerOption"] as unknown[]) : [];
  const option = options.filter(isRecord).find((candidate) => {
    const value = candidate["valueCoding"];
    return key !== undefined && isRecord(value) && codeKey(value["system"], value["code"]) === key;
  });
  const extensions =
    option !== undefined && Array.isArray(option["extension"]) ? (option["extension"] as unknown[]) : [];
  const ordinal = extensions.filter(isRecord).find((extension) => extension["url"] === ORDINAL_VALUE)?.["valueDecimal"];
  return typeof ordinal === "number" ? { valueDecimal: ordinal } : undefined;
}
