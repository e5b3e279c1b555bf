/**
 * The score a Questionnaire gives a coded answer, as the form itself defines it: forms built from
 * LOINC (LHC-Forms, US Core) put it on the answer option; the HL7 SDC IG's PHQ-9 puts it on the
 * concepts of a contained ValueSet (`compose.include.concept`, or `expansion.contains`) or, in its
 * later editions, on the CodeSystem's concepts as the `itemWeight` property. The Questionnaire
 * defines the score, so reading it is no guess.
 */
import type { FhirValue } from "./mappings/index.js";
import { isRecord } from "./mappings/values.js";
import type { Questionnaires } from "./questionnaire.js";
import type { JsonObject as Json } from "../types.js";

/** R4's extension, and the R5 name (`itemWeight`) some forms already use for the same thing. */
const SCORE_EXTENSIONS: ReadonlySet<unknown> = new Set([
  "http://hl7.org/fhir/StructureDefinition/ordinalValue",
  "http://hl7.org/fhir/StructureDefinition/itemWeight",
]);

/**
 * The answer as a number answer (`valueDecimal`) when the Questionnaire scores its coding;
 * `undefined` when it gives no score. An answer coding matches a defined one by system and code,
 * an absent system only another absent one (LHC-Forms writes options without a system).
 */
export function scoredAnswer(
  questionnaires: Questionnaires,
  questionnaire: Json,
  item: Json | undefined,
  answer: FhirValue,
): FhirValue | undefined {
  const coding = answer["valueCoding"];
  if (item === undefined || !isRecord(coding) || typeof coding["code"] !== "string") return undefined;
  const wanted = { system: coding["system"], code: coding["code"] };
  const score =
    optionScore(item, wanted) ??
    valueSetScore(questionnaires, questionnaire, item, wanted) ??
    weight(questionnaires, wanted);
  return score === undefined ? undefined : { valueDecimal: score };
}

interface Wanted {
  readonly system: unknown;
  readonly code: string;
}

function optionScore(item: Json, wanted: Wanted): number | undefined {
  const options = Array.isArray(item["answerOption"]) ? (item["answerOption"] as unknown[]).filter(isRecord) : [];
  for (const option of options) {
    const value = option["valueCoding"];
    if (isRecord(value) && same(value["system"], value["code"], wanted)) return extensionScore(option);
  }
  return undefined;
}

function valueSetScore(
  questionnaires: Questionnaires,
  questionnaire: Json,
  item: Json,
  wanted: Wanted,
): number | undefined {
  const reference = item["answerValueSet"];
  const valueSet = typeof reference === "string" ? questionnaires.valueSet(questionnaire, reference) : undefined;
  if (valueSet === undefined) return undefined;
  const expansion = isRecord(valueSet["expansion"])
    ? containsScore(valueSet["expansion"]["contains"], wanted)
    : undefined;
  if (expansion !== undefined) return expansion;
  const compose = valueSet["compose"];
  const includes = isRecord(compose) && Array.isArray(compose["include"]) ? (compose["include"] as unknown[]) : [];
  for (const include of includes.filter(isRecord)) {
    const concepts = Array.isArray(include["concept"]) ? (include["concept"] as unknown[]).filter(isRecord) : [];
    const concept = concepts.find((candidate) => same(include["system"], candidate["code"], wanted));
    if (concept !== undefined) return extensionScore(concept);
  }
  return undefined;
}

/** `expansion.contains`, nested as FHIR allows. */
function containsScore(contains: unknown, wanted: Wanted): number | undefined {
  if (!Array.isArray(contains)) return undefined;
  for (const entry of (contains as unknown[]).filter(isRecord)) {
    const score = same(entry["system"], entry["code"], wanted)
      ? extensionScore(entry)
      : containsScore(entry["contains"], wanted);
    if (score !== undefined) return score;
  }
  return undefined;
}

/** The `itemWeight` property of the answer's concept in a CodeSystem of the Bundle. */
function weight(questionnaires: Questionnaires, wanted: Wanted): number | undefined {
  const codeSystem = typeof wanted.system === "string" ? questionnaires.codeSystem(wanted.system) : undefined;
  const concept = codeSystem === undefined ? undefined : conceptOf(codeSystem["concept"], wanted.code);
  const properties =
    concept !== undefined && Array.isArray(concept["property"]) ? (concept["property"] as unknown[]) : [];
  const found = properties.filter(isRecord).find((property) => property["code"] === "itemWeight")?.["valueDecimal"];
  return typeof found === "number" && Number.isFinite(found) ? found : undefined;
}

function conceptOf(concepts: unknown, code: string): Json | undefined {
  if (!Array.isArray(concepts)) return undefined;
  for (const concept of (concepts as unknown[]).filter(isRecord)) {
    const found = concept["code"] === code ? concept : conceptOf(concept["concept"], code);
    if (found !== undefined) return found;
  }
  return undefined;
}

function extensionScore(element: Json): number | undefined {
  const extensions = Array.isArray(element["extension"]) ? (element["extension"] as unknown[]).filter(isRecord) : [];
  const found = extensions.find((extension) => SCORE_EXTENSIONS.has(extension["url"]))?.["valueDecimal"];
  return typeof found === "number" && Number.isFinite(found) ? found : undefined;
}

function same(system: unknown, code: unknown, wanted: Wanted): boolean {
  return code === wanted.code && system === wanted.system;
}
