/**
 * Every FHIR intake issue's code and message text, in one place (pinned by inline snapshots in
 * tests/core/interop/fhir/intake). A message names the resource (`Observation/phq9-total`) and the
 * assessment field, what was found and what was expected; `path` points into the Bundle.
 */
import type { Issue, Severity } from "../../../errors.js";

/** Stable issue codes: callers may branch on them. */
export const codes = {
  notABundle: "fhir/not-a-bundle",
  notPlainData: "fhir/not-plain-data",
  forbiddenKey: "fhir/forbidden-key",
  tooLarge: "fhir/too-large",
  badOption: "fhir/bad-option",
  conflict: "fhir/conflict",
  unreadableValue: "fhir/unreadable-value",
  unreadableSafetyItem: "fhir/unreadable-safety-item",
  readWithNote: "fhir/read-with-note",
  unmatchedItems: "fhir/unmatched-items",
  conditionOnset: "fhir/condition-onset",
  screenPositive: "fhir/screen-positive",
  encounterDate: "fhir/encounter-date",
  unknownQuestionnaire: "fhir/unknown-questionnaire",
  unknownLinkId: "fhir/unknown-link-id",
  incompleteItems: "fhir/incomplete-items",
  ignoredResource: "fhir/ignored-resource",
  incompleteResponse: "fhir/incomplete-response",
  notCurrentCondition: "fhir/not-current-condition",
  uncodedMedication: "fhir/uncoded-medication",
  recordList: "fhir/record-list",
  noAssessmentDate: "fhir/no-assessment-date",
  impreciseBirthDate: "fhir/imprecise-birth-date",
  severalPatients: "fhir/several-patients",
  otherSubject: "fhir/other-subject",
  severalSubjects: "fhir/several-subjects",
  futureResult: "fhir/future-result",
  staleResult: "fhir/stale-result",
  followUp: "fhir/follow-up",
} as const;

export type FhirIssueCode = (typeof codes)[keyof typeof codes];

/** An issue at a JSON Pointer into the Bundle. */
export function fhirIssue(code: FhirIssueCode, path: string, message: string, severity: Severity = "error"): Issue {
  return { code, path, message, severity };
}

export const messages = {
  notABundle: (found: string) => `expected a FHIR Bundle (an object with resourceType "Bundle"), found ${found}`,
  tooLarge: (what: string, found: number, limit: number) => `${what}: ${found} exceeds the limit of ${limit}`,
  badOption: (name: string, found: string) => `options.${name}: expected a date YYYY-MM-DD, found ${found}`,
  badOptions: (found: string) => `options: expected an object (or nothing), found ${found}`,
  unreadableBundle: () => "expected plain data (JSON), found an object that throws when read (a getter or a Proxy)",
  cycle: () => "expected plain data (JSON), found an object inside itself (a cycle)",
  conflict: (field: string, first: string, firstValue: unknown, second: string, secondValue: unknown) =>
    `${field}: ${first} gives ${show(firstValue)} but ${second} gives ${show(secondValue)}`,
  unreadableValue: (resource: string, field: string, expected: string) =>
    `${resource}: the value for ${field} is not usable, expected ${expected}; it is left out`,
  readWithNote: (resource: string, field: string, note: string, value: unknown) =>
    `${resource}: the value for ${field} was ${note}, read as ${show(value)}; send it as a number`,
  unmatchedItems: (
    resource: string,
    instrument: string,
    questionnaire: string,
    linkIds: readonly string[],
    known: boolean,
  ) =>
    `${resource}: Questionnaire "${questionnaire}" ${known ? "is" : "looks like"} the ${instrument}, but linkId ${linkIds.map((id) => `"${id}"`).join(", ")} cannot be matched to its items (no item code, ${known ? `neither its linkIds nor its questions' order match the ${instrument}'s items` : `not a known ${instrument} form`}); ${linkIds.length === 1 ? "its answer is" : "their answers are"} left out`,
  conditionOnset: (resource: string, onset: string, weeks: number, assessedOn: string) =>
    `pain.durationWeeks: ${String(weeks)} from ${resource}, the problem list's onset ${onset} to ${assessedOn}, not the patient's account of this episode; confirm it`,
  fallbacksDisagree: (field: string, values: readonly string[]) =>
    `${field}: the problem list gives different values (${values.join(", ")}); it is left out, so it is asked for`,
  screenPositive: (resource: string, total: number) =>
    `PHQ-2 positive: complete the PHQ-9 (${resource} gives a PHQ-2 total of ${String(total)}, 3 or more, and the Bundle has no current PHQ-9; the PHQ-9 stays a data gap)`,
  encounterDates: (encounters: readonly string[]) =>
    `no visit date: the Bundle has several current Encounters (${encounters.join(", ")}) and no options.assessedOn; pass the visit date`,
  unknownQuestionnaire: (resource: string, canonical: string | undefined) =>
    canonical === undefined
      ? `${resource}: no questionnaire canonical, so its items (which carry no codes) cannot be read; its answers are ignored`
      : `${resource}: Questionnaire "${canonical}" is not in the Bundle or contained, so its items (which carry no codes) cannot be read; its answers are ignored`,
  unknownLinkId: (resource: string, linkId: string) =>
    `${resource}: linkId "${linkId}" is not an item of backplan's Questionnaire; its answer is ignored`,
  incompleteItems: (field: string, answered: number, needed: number, resources: readonly string[]) =>
    `${field}: ${answered} of ${needed} items answered (${resources.join(", ")}); the items are left out`,
  ignoredResource: (resource: string, status: string) => `${resource}: status "${status}", so it is ignored`,
  incompleteResponse: (resource: string, status: string) =>
    `${resource}: status "${status}", so the response is incomplete; its answers are read and the questions it did not answer stay missing`,
  notCurrentCondition: (resource: string, status: string | undefined, field: string) =>
    `${resource}: clinicalStatus ${status === undefined ? "missing" : `"${status}"`}, expected active, recurrence or relapse; it does not set ${field}`,
  notInList: (field: string, first: string, list: unknown, second: string, member: string) =>
    `${field}: ${first} gives ${show(list)} but ${second} gives ${show(member)}, which is not in it`,
  recordList: (field: string, list: readonly string[], resources: readonly string[]) =>
    `${field}: ${show(list)} from the record (${resources.join(", ")}), not the patient's account: what the record does not hold or code in ATC (medicines bought over the counter) is not in it; confirm it`,
  uncodedMedication: (resource: string) =>
    `${resource}: its medication has no ATC code (http://www.whocc.no/atc), so it is not read; medications.current and medications.anticoagulant may miss it`,
  linkIdsDisagree: (resource: string, first: string, firstValue: unknown, second: string, secondValue: unknown) =>
    `${resource}: linkId "${first}" gives ${show(firstValue)} but linkId "${second}" gives ${show(secondValue)}; both answer the same question`,
  notACalendarDate: (resource: string, birthDate: string) =>
    `${resource}: birthDate "${birthDate}" is not a calendar date (month 01–12, a day the month has); patient.age is left out`,
  noAssessmentDate: () =>
    "no assessment date (options.assessedOn, a current Encounter or Bundle.timestamp), so the age cannot be computed from Patient.birthDate",
  impreciseBirthDate: (resource: string, birthDate: string, assessedOn: string) =>
    `${resource}: birthDate "${birthDate}" gives more than one age on ${assessedOn}; the age is left out`,
  severalPatients: (patients: readonly string[]) =>
    `expected one Patient (an assessment describes one patient), found ${String(patients.length)}: ${patients.join(", ")}`,
  otherSubject: (resource: string, subject: string, patient: string) =>
    `${resource}: its subject "${subject}" is not ${patient}, so it is ignored`,
  severalSubjects: (first: string, firstSubject: string, second: string, secondSubject: string) =>
    `expected the resources to be about one patient (the Bundle has no Patient to say which), but ${first} is about "${firstSubject}" and ${second} is about "${secondSubject}"`,
  futureResult: (resource: string, date: string, assessedOn: string) =>
    `${resource}: dated ${date}, after the assessment date ${assessedOn}; it is ignored`,
  staleResult: (what: string, resource: string, date: string, maxAgeDays: number, assessedOn: string) =>
    `${what}: the latest result, ${resource} of ${date}, is more than ${maxAgeDays} days before the assessment date ${assessedOn}; it is left out, so it is asked for`,
  followUpFromCarePlan: (carePlan: string, start: string, weeks: number) =>
    `${carePlan}: an active backplan CarePlan begun ${start}, ${String(weeks)} weeks before this visit, so this visit is a follow-up: followUp.previousComponents are its activities, the baseline is the first result of each instrument on or after ${start}`,
  severalCarePlans: (chosen: string, others: readonly string[]) =>
    `several active backplan CarePlans: ${chosen} (the latest begun) is read as the plan being followed; ${others.join(", ")} should be revoked or completed`,
  carePlanToday: (carePlan: string, date: string) =>
    `${carePlan}: an active backplan CarePlan begun on the visit date ${date}, so it is this visit's plan, not a previous one: the visit is not read as a follow-up`,
  undatedCarePlan: (carePlan: string) =>
    `${carePlan}: an active backplan CarePlan with neither period.start nor created, so the episode's start is unknown: followUp.weeksSinceBaseline and followUp.baseline are left out`,
  unmappedActivity: (carePlan: string) =>
    `${carePlan}: an activity that is neither coded in backplan's component system nor a reference to a ServiceRequest of the record that is, so it is not among followUp.previousComponents (a referral's ServiceRequest may not have been sent)`,
  noBaseline: (field: string, start: string, assessedOn: string) =>
    `${field}: no result on or after the episode's start ${start} and before the visit date ${assessedOn}, so there is no baseline for it`,
  baselineConflict: (field: string, date: string, resources: readonly string[]) =>
    `${field}: the first results of the episode, on ${date} (${resources.join(", ")}), disagree, so there is no baseline for it`,
  /** An assessment issue re-pointed at the Bundle: the field, the message and where the data came from. */
  assessmentIssue: (field: string, message: string, from: string) =>
    `${field === "" ? "" : `${field}: `}${message}${from === "" ? "" : ` (${from})`}`,
} as const;

/** A value as it appears in a message: strings quoted, the rest as JSON. */
export function show(value: unknown): string {
  return typeof value === "string" ? `"${value}"` : JSON.stringify(value);
}
