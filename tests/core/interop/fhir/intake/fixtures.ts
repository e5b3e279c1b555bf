/** Small FHIR R4 resources for the intake tests: a Bundle per case, built from named parts. */
import type {
  Bundle,
  Coding,
  Observation,
  ObservationValue,
  Patient,
  Questionnaire,
  QuestionnaireResponse,
  QuestionnaireResponseAnswer,
  Resource,
} from "../../../../../src/core/interop/fhir/types.js";

export const LOINC = "http://loinc.org";
export const SNOMED = "http://snomed.info/sct";
export const UCUM = "http://unitsofmeasure.org";
export const BACKPLAN = "https://backplan.dev/fhir/Questionnaire/backplan-assessment";

/** The LL358-3 answer scoring `n` (0–3). */
export function la(n: number): Coding {
  const codes = ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"];
  return { system: LOINC, code: codes[n] ?? "none" };
}

export const patient = (extra: Partial<Patient> = {}): Patient => ({
  resourceType: "Patient",
  id: "pat",
  gender: "male",
  birthDate: "1980-05-17",
  ...extra,
});

export function observation(
  id: string,
  code: string,
  value: ObservationValue & Partial<Observation> = {},
  system = LOINC,
): Observation {
  return { resourceType: "Observation", id, status: "final", code: { coding: [{ system, code }] }, ...value };
}

export const quantity = (value: number, code: string): ObservationValue => ({
  valueQuantity: { value, unit: code, system: UCUM, code },
});

/** A response to backplan's own Questionnaire: linkId (the field path) → answers. */
export function backplanResponse(
  id: string,
  answers: Readonly<Record<string, QuestionnaireResponseAnswer[]>>,
): QuestionnaireResponse {
  return {
    resourceType: "QuestionnaireResponse",
    id,
    questionnaire: BACKPLAN,
    status: "completed",
    item: Object.entries(answers).map(([linkId, answer]) => ({ linkId, answer })),
  };
}

/** A LOINC-form Questionnaire: linkId → item code. */
export function loincQuestionnaire(
  id: string,
  url: string,
  items: readonly [linkId: string, code: string][],
): Questionnaire {
  return {
    resourceType: "Questionnaire",
    id,
    url,
    status: "active",
    item: items.map(([linkId, code]) => ({ linkId, type: "choice", code: [{ system: LOINC, code }] })),
  };
}

export function response(
  id: string,
  questionnaire: string | undefined,
  answers: readonly [linkId: string, answer: QuestionnaireResponseAnswer][],
): QuestionnaireResponse {
  return {
    resourceType: "QuestionnaireResponse",
    id,
    ...(questionnaire === undefined ? {} : { questionnaire }),
    status: "completed",
    item: answers.map(([linkId, answer]) => ({ linkId, answer: [answer] })),
  };
}

/** The required answers FHIR has no code for: the episode's duration. */
export const duration = backplanResponse("duration", { "pain.durationWeeks": [{ valueDecimal: 3 }] });

/** A collection Bundle, timestamped 2026-11-23, of the Patient, the duration and `resources`. */
export function bundleOf(...resources: Resource[]): Bundle {
  return {
    resourceType: "Bundle",
    type: "collection",
    timestamp: "2026-11-23T10:00:00Z",
    entry: [patient(), duration, ...resources].map((resource) => ({ resource })),
  };
}

export const PHQ9_ITEMS = [
  "44250-9",
  "44255-8",
  "44259-0",
  "44254-1",
  "44251-7",
  "44258-2",
  "44252-5",
  "44253-3",
  "44260-8",
];
export const GAD7_ITEMS = ["69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"];
export const START_BACK_ITEMS = [
  "91340-0",
  "91341-8",
  "91342-6",
  "91343-4",
  "91344-2",
  "91345-9",
  "91346-7",
  "91347-5",
  "91348-3",
];
