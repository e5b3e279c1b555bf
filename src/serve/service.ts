import { BACKPLAN_QUESTIONNAIRE, instrumentMappings } from "../core/fhir/intake/index.js";

/** A CDS Service as discovery describes it (CDS Hooks 2.0, "Discovery"). */
export interface CdsService {
  readonly hook: "patient-view";
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** What the client must do for the service to be useful (CDS Hooks 2.0 `usageRequirements`). */
  readonly usageRequirements: string;
  /** Prefetch key → FHIR query template; every key is required (see prefetch.ts). */
  readonly prefetch: Readonly<Record<string, string>>;
}

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

/** backplan's patient-view service. The templates keep to the CDS Hooks prefetch subset (read, `patient=`, token search). */
export const LOW_BACK_PAIN_SERVICE: CdsService = {
  hook: "patient-view",
  id: SERVICE_ID,
  title: "backplan: low back pain care plan",
  description:
    "Proposes an explained low back pain care plan (referrals, exercise, education, psychological care) from " +
    "the patient's PHQ-9, GAD-7, STarT Back, ODI, pain, BMI, smoking and pregnancy data and backplan's own " +
    "assessment QuestionnaireResponse (LOINC-form responses are read through their Questionnaire), and the " +
    "patient's Conditions (history of cancer, osteoporosis). Works from prefetch only: it never calls the FHIR " +
    "server, so a request without every prefetch key gets 412 (a key with no data is null, not missing).",
  usageRequirements:
    "For a complete plan, the prefetched QuestionnaireResponses must include one to backplan's assessment " +
    `Questionnaire (${BACKPLAN_QUESTIONNAIRE}), which carries what FHIR has no code for (red flags, ` +
    "examination, episode duration). The service never queries the FHIR server, so a prefetch key that is " +
    "missing, failed or paginated gets 412; of each instrument it reads the latest result up to the visit date.",
  prefetch: {
    patient: "Patient/{{context.patientId}}",
    observations: `Observation?patient={{context.patientId}}&code=${observationCodes}`,
    questionnaireResponses: "QuestionnaireResponse?patient={{context.patientId}}",
    // QuestionnaireResponse items carry no codes: the intake reads them through their Questionnaire.
    questionnaires: `Questionnaire?code=${observationCodes}`,
    // Every Condition: the intake matches ICD-10-CM categories (C00–C97), which a token search cannot express.
    conditions: "Condition?patient={{context.patientId}}",
  },
};
