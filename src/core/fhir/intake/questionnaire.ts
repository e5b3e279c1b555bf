import type { BundleResource } from "./bundle-index.js";
import type { FhirValue } from "./mappings/index.js";
import { codeKey, isRecord } from "./mappings/values.js";

type Json = Readonly<Record<string, unknown>>;

/** The extension LHC-Forms and LOINC-derived Questionnaires put on an answer option's score. */
const ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";

/** The Questionnaires of one Bundle, each indexed once however many responses name it. */
export interface Questionnaires {
  /**
   * The Questionnaire a response's canonical names: contained (`#id`, or its url) first, then in
   * the Bundle by url (and version, when the canonical has one).
   */
  readonly find: (response: Json, url: string, version: string | undefined) => Json | undefined;
  /** linkId → the Questionnaire's item, over nested items; built on first use. */
  readonly itemsOf: (questionnaire: Json) => ReadonlyMap<string, Json>;
}

/**
 * An index of the Bundle's Questionnaires by url and version, and a cache of their items, so a
 * Bundle of many responses to one large Questionnaire is read in linear time. Made per Bundle:
 * nothing is kept between calls.
 */
export function indexQuestionnaires(bundle: readonly BundleResource[]): Questionnaires {
  const byUrl = new Map<string, Json[]>();
  for (const { resource } of bundle) {
    const url = resource["url"];
    if (resource["resourceType"] !== "Questionnaire" || typeof url !== "string") continue;
    const same = byUrl.get(url);
    if (same === undefined) byUrl.set(url, [resource]);
    else same.push(resource);
  }
  const items = new WeakMap<Json, ReadonlyMap<string, Json>>();
  return {
    find(response, url, version) {
      const contained = Array.isArray(response["contained"])
        ? (response["contained"] as unknown[]).filter(
            (candidate): candidate is Json => isRecord(candidate) && candidate["resourceType"] === "Questionnaire",
          )
        : [];
      const matches = (candidate: Json): boolean =>
        candidate["url"] === url && (version === undefined || candidate["version"] === version);
      return (
        contained.find(
          (candidate) => (url.startsWith("#") && candidate["id"] === url.slice(1)) || matches(candidate),
        ) ?? byUrl.get(url)?.find(matches)
      );
    },
    itemsOf(questionnaire) {
      const known = items.get(questionnaire);
      if (known !== undefined) return known;
      const found = itemsByLinkId(questionnaire["item"]);
      items.set(questionnaire, found);
      return found;
    },
  };
}

/** linkId → the Questionnaire item, over nested items. */
function itemsByLinkId(items: unknown, found = new Map<string, Json>()): Map<string, Json> {
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
