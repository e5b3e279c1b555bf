/**
 * FHIR R4 intake: a Bundle (Patient, Observations, QuestionnaireResponses and their
 * Questionnaires with the ValueSets and CodeSystems that score them, Conditions,
 * MedicationStatements and MedicationRequests coded in ATC, and an Encounter for the visit date) becomes an
 * assessment, each field traced to the resource it came
 * from. Codes are matched by system and code only; missing data stays missing; two resources that
 * disagree are an error naming both.
 */
import type { Issue, Result } from "../../../errors.js";
import { safeParseAssessment } from "../../../run/assessment/validate.js";
import type { Assessment } from "../../../generated/types.js";
import { assemble } from "./assemble.js";
import { repointed } from "./assessment-issues.js";
import { type BundleResource, indexBundle } from "./bundle-index.js";
import { readCondition } from "./condition.js";
import { type Reading, merge, nothing } from "./finding.js";
import { codes, fhirIssue, messages } from "./messages.js";
import { followUpFromRecord } from "./follow-up.js";
import { readMedication } from "./medication.js";
import { readObservation } from "./observation.js";
import { type IntakeOptions, assessedOnOf } from "./options.js";
import { readPatient } from "./patient.js";
import { phq2Screen } from "./phq2-screen.js";
import { type Questionnaires, indexQuestionnaires } from "./questionnaire.js";
import { readQuestionnaireResponse } from "./questionnaire-response.js";
import { aboutThePatient } from "./subject.js";
import { encounterDate } from "./visit-date.js";

export { BACKPLAN_ANSWERS, BACKPLAN_QUESTIONNAIRE, backplanQuestionnaire } from "./backplan-questionnaire.js";
export { activeBackplanCarePlan, episodeSeries } from "./episode.js";
export type { EpisodeOptions, EpisodePlanChange, EpisodePoint, EpisodeSeries } from "./episode.js";
export { instrumentMappings } from "./mappings/index.js";
export type { InstrumentMapping } from "./mappings/index.js";
export type { IntakeOptions } from "./options.js";

/** The assessment, and for each field (dotted path, `questionnaires.phq9.items[8]`) the `Type/id` it came from. */
export interface FhirIntake {
  readonly assessment: Assessment;
  readonly sources: Readonly<Record<string, string>>;
}

/** What the carriers share for one Bundle: the visit date, its Questionnaires and its resources by reference, indexed once. */
interface BundleContext {
  readonly assessedOn: string | undefined;
  readonly questionnaires: Questionnaires;
  /** A resource of the Bundle by `Type/id` or by its entry's fullUrl. */
  readonly find: (reference: string) => Readonly<Record<string, unknown>> | undefined;
}

/** Issues about data that decides a same-day referral (PHQ-9 item 9), listed before the rest. */
const safetyCodes: ReadonlySet<string> = new Set([codes.unreadableSafetyItem]);

/** The carrier of each resource type the intake reads; other types are skipped. */
const carriers: Readonly<Record<string, (source: BundleResource, context: BundleContext) => Reading>> = {
  Patient: (source, { assessedOn }) => readPatient(source, assessedOn),
  Observation: (source) => readObservation(source),
  QuestionnaireResponse: (source, { questionnaires }) => readQuestionnaireResponse(source, questionnaires),
  Condition: (source, { assessedOn }) => readCondition(source, assessedOn),
  MedicationStatement: (source, { find }) => readMedication(source, find),
  MedicationRequest: (source, { find }) => readMedication(source, find),
};

/**
 * A FHIR R4 Bundle as an assessment, validated like any other (`safeParseAssessment`). The visit
 * date is `options.assessedOn`, else the local date of the current Encounter's `period.start`
 * (visit-date.ts), else the date of Bundle.timestamp. Errors: a Bundle that is not bounded plain
 * data, conflicting values, an invalid assessment (its issues re-pointed at the resources).
 * Warnings: data that could not be used and was left out. An active CarePlan made by backplan
 * makes the visit a follow-up of it (follow-up.ts): `followUp` from the CarePlan and the episode's
 * first results, each traced in `sources`.
 *
 * @example
 * const result = bundleToAssessment(bundle, { assessedOn: "2026-11-23" });
 * if (result.ok) engine.recommend(result.value.assessment); // data gaps for what the Bundle lacks
 */
export function bundleToAssessment(bundle: unknown, options: IntakeOptions = {}): Result<FhirIntake> {
  const indexed = indexBundle(bundle);
  if (!indexed.ok) return { ok: false, issues: indexed.issues };
  const { index } = indexed;
  const asked = assessedOnOf(options);
  if (!asked.ok) return asked;
  const about = aboutThePatient(index.resources);
  if (about.issues.some((issue) => issue.severity === "error")) return { ok: false, issues: about.issues };
  // The caller's visit date, else the current Encounter's, else the day the Bundle was made.
  const visit = asked.value === undefined ? encounterDate(about.resources) : { issues: [] };
  const assessedOn = asked.value ?? visit.date ?? dateOf(index.timestamp);
  const byReference = new Map<string, Readonly<Record<string, unknown>>>();
  for (const source of index.resources) {
    byReference.set(source.label, source.resource);
    if (source.fullUrl !== undefined) byReference.set(source.fullUrl, source.resource);
  }
  const context: BundleContext = {
    assessedOn,
    questionnaires: indexQuestionnaires(index.resources),
    find: (reference) => byReference.get(reference),
  };
  const reading = merge(about.resources.map((source) => carriers[source.type]?.(source, context) ?? nothing()));
  const noDate: Issue[] =
    assessedOn === undefined && about.resources.some((source) => source.type === "Patient")
      ? [fhirIssue(codes.noAssessmentDate, "", messages.noAssessmentDate(), "warning")]
      : [];
  // The record's follow-up (an active backplan CarePlan): previous components, weeks and baseline.
  const episode = followUpFromRecord(about.resources, assessedOn, context.find);
  const assembled = assemble(reading.findings, assessedOn, episode.findings);
  const assessment = { ...(assessedOn === undefined ? {} : { assessedOn }), ...assembled.assessment };
  const screens = phq2Screen(about.resources, assembled.assessment, assessedOn);
  const parsed = safeParseAssessment(assessment);
  const issues = [
    ...about.issues,
    ...visit.issues,
    ...reading.issues,
    ...noDate,
    ...episode.issues,
    ...assembled.issues,
    ...screens,
    ...(parsed.ok ? [] : repointed(parsed.issues, assembled.sources)),
  ];
  // What decides a same-day referral and could not be read comes first: a reader of a long list
  // of warnings must not miss it.
  const all = [
    ...issues.filter((issue) => safetyCodes.has(issue.code)),
    ...issues.filter((issue) => !safetyCodes.has(issue.code)),
  ];
  const errors = all.filter((issue) => issue.severity === "error");
  if (errors.length > 0 || !parsed.ok) return { ok: false, issues: all };
  const sources = Object.fromEntries([...assembled.sources].map(([field, source]) => [field, source.label]));
  return { ok: true, value: { assessment: parsed.value, sources }, warnings: all };
}

/** The date part of Bundle.timestamp, as written (the sender's local date of the visit). */
function dateOf(timestamp: string | undefined): string | undefined {
  return timestamp !== undefined && /^\d{4}-\d{2}-\d{2}T/.test(timestamp) ? timestamp.slice(0, 10) : undefined;
}
