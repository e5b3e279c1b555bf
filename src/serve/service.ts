import { BACKPLAN_QUESTIONNAIRE, instrumentMappings } from "../core/index.js";

/** A CDS Service as discovery describes it (CDS Hooks 2.0, "Discovery"). */
export interface CdsService {
  readonly hook: "patient-view";
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** What the client must do for the service to be useful (CDS Hooks 2.0 `usageRequirements`). */
  readonly usageRequirements: string;
  /** Prefetch key → FHIR query template; every key is required but those in `OPTIONAL_PREFETCH` (see prefetch.ts). */
  readonly prefetch: Readonly<Record<string, string>>;
}

/** Prefetch keys a plan can do without: the Encounter only dates the visit. */
export const OPTIONAL_PREFETCH: ReadonlySet<string> = new Set(["encounter"]);

/** The id of backplan's one service: the path segment after `/cds-services/`. */
export const SERVICE_ID = "backplan-lbp";

/** Every code the intake maps (items, totals, panels), as `system|code`, so the EHR sends no other Observations. */
const observationCodes = [
  ...new Set(
    instrumentMappings
      .flatMap((mapping) => [...(mapping.panel === undefined ? [] : [mapping.panel]), ...mapping.fields])
      .map(({ system, code }) => `${system}|${code}`),
  ),
].join(",");

/**
 * backplan's patient-view service. The templates keep to the CDS Hooks prefetch subset (read,
 * `patient=`, token search) plus `_count` and `_sort`, which the specification's own examples use.
 * CDS Hooks has no date token (only `{{context.*}}` and `{{user…Id}}`), and a fixed date would go
 * stale, so searches are bounded by page size and sorted newest first instead; a longer history
 * comes as pages, which the service follows on `fhirServer` when the client lends a token. The
 * QuestionnaireResponse search is not narrowed to known Questionnaires: an EHR's own PHQ-9 form,
 * read through its Questionnaire's code, has a canonical no list here can name, and leaving it out
 * would lose item 9.
 */
export const LOW_BACK_PAIN_SERVICE: CdsService = {
  hook: "patient-view",
  id: SERVICE_ID,
  title: "backplan: low back pain care plan",
  description:
    "Proposes an explained low back pain care plan (referrals, exercise, education, psychological care) from " +
    "the patient's PHQ-9, GAD-7, STarT Back, ODI, pain, BMI, smoking and pregnancy data and backplan's own " +
    "assessment QuestionnaireResponse (LOINC-form responses are read through their Questionnaire), and the " +
    "patient's Conditions (history of cancer, osteoporosis, comorbidities that rule out NSAIDs) and active " +
    "MedicationStatements and MedicationRequests (ATC-coded). Works from prefetch; a key that is missing or " +
    "paginated is fetched from fhirServer when the request lends a token (fhirAuthorization), else the " +
    "request gets 412 (a key with no data is null, not missing).",
  usageRequirements:
    "For a complete plan, the prefetched QuestionnaireResponses must include one to backplan's assessment " +
    `Questionnaire (${BACKPLAN_QUESTIONNAIRE}), which carries what FHIR has no code for (red flags, ` +
    "examination, episode duration). Send every prefetch key but encounter, or fhirServer and fhirAuthorization " +
    "(read access to the patient's Observations, QuestionnaireResponses, Questionnaires, Conditions, " +
    "MedicationStatements, MedicationRequests, CarePlans and Encounter) " +
    "so the service fetches what is missing and follows next links (up to 10 pages a key, 5 s in all, never " +
    "off fhirServer); otherwise a key that is missing, failed or paginated gets 412. Of each instrument it reads " +
    "the latest result up to the visit date: the extension dev.backplan.visit-date (YYYY-MM-DD, the clinic's " +
    "date), else the date of the context's Encounter (period.start), else the latest calendar date anywhere now. " +
    "An active CarePlan made by backplan makes the visit a follow-up (baseline: the first results since it began) " +
    "and the suggestion updates that CarePlan instead of creating a second.",
  prefetch: {
    patient: "Patient/{{context.patientId}}",
    observations: `Observation?patient={{context.patientId}}&code=${observationCodes}&_sort=-date&_count=100`,
    questionnaireResponses: "QuestionnaireResponse?patient={{context.patientId}}&_sort=-authored&_count=50",
    // QuestionnaireResponse items carry no codes: the intake reads them through their Questionnaire.
    questionnaires: `Questionnaire?code=${observationCodes}&_count=50`,
    // Every Condition: the intake matches ICD-10-CM categories (C00–C97), which a token search cannot express.
    conditions: "Condition?patient={{context.patientId}}&_count=100",
    // Medicines taken now (NSAID cautions, anticoagulants, medicines NICE advises against): active only.
    // A Medication a statement or request refers to is not included (no _include in the prefetch
    // subset): code the medicine in the resource, or contain it.
    medicationStatements: "MedicationStatement?patient={{context.patientId}}&status=active&_count=100",
    medicationRequests: "MedicationRequest?patient={{context.patientId}}&status=active&_count=100",
    // backplan's active CarePlan, if any: the visit is a follow-up and the plan revises it (an update, not a second plan).
    carePlans: "CarePlan?patient={{context.patientId}}&status=active&_count=10",
    encounter: "Encounter/{{context.encounterId}}",
  },
};
