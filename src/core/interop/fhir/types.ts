/**
 * FHIR R4 shapes, from @types/fhir (a dependency, not a devDependency: `planToFhir`'s `FhirPlan`
 * and `backplanQuestionnaire` expose them in the published .d.ts). What backplan writes imports
 * them from "fhir/r4.js" where it is made; the edges and tests that name a resource import it here.
 *
 * What backplan reads is another matter: a Bundle from an EHR is untrusted JSON, so intake/ types
 * none of it as R4 resources. It reads each element as `unknown` from a `JsonObject` and checks it,
 * so a resource that breaks R4 (a string where a number goes, one object where an array goes)
 * gives an issue, never a crash; an R4 type there would promise what nothing checked.
 */
import type { Bundle as R4Bundle, FhirResource, Observation } from "fhir/r4.js";

export type {
  CarePlan,
  Coding,
  Condition,
  Observation,
  Patient,
  Provenance,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItemAnswer as QuestionnaireResponseAnswer,
  ServiceRequest,
  FhirResource as Resource,
} from "fhir/r4.js";

/** A Bundle of any R4 resources (@types/fhir's own default is the bare Resource base, with no elements). */
export type Bundle<R extends FhirResource = FhirResource> = R4Bundle<R>;

/** One value of an Observation or of one of its components: the `value[x]` choices backplan reads. */
export type ObservationValue = Pick<
  Observation,
  "valueQuantity" | "valueCodeableConcept" | "valueInteger" | "valueBoolean" | "valueString"
>;

/** A JSON object as intake reads it: its keys are known, its values are not until checked. */
export type JsonObject = Readonly<Record<string, unknown>>;
