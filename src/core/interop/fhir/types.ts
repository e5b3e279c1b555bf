/**
 * The few FHIR R4 shapes backplan reads (intake) and writes (output), hand-written and partial:
 * only the elements used, every one optional as FHIR allows unless the spec makes it 1..1 and we
 * always write it. Input is untrusted, so intake still checks each value it reads; these types
 * describe what a well-formed resource looks like, not what arrived.
 */

/** `http://loinc.org`, `http://snomed.info/sct`, … plus a code in that system. */
export interface Coding {
  system?: string;
  version?: string;
  code?: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

/** `reference` is `ResourceType/id`, a `urn:uuid:…` fullUrl or `#id` for a contained resource. */
export interface Reference {
  reference?: string;
  type?: string;
  identifier?: Identifier;
  display?: string;
}

export interface Identifier {
  system?: string;
  value?: string;
}

/** UCUM units: `system` `http://unitsofmeasure.org`, `code` e.g. `kg`, `cm`, `kg/m2`, `%`. */
export interface Quantity {
  value?: number;
  comparator?: "<" | "<=" | ">=" | ">";
  unit?: string;
  system?: string;
  code?: string;
}

export interface Period {
  start?: string;
  end?: string;
}

export interface Extension {
  url: string;
  valueDecimal?: number;
  valueInteger?: number;
  valueString?: string;
  valueCoding?: Coding;
  valueCodeableConcept?: CodeableConcept;
  valueReference?: Reference;
}

export interface Annotation {
  text: string;
  time?: string;
  authorString?: string;
}

export interface Meta {
  versionId?: string;
  lastUpdated?: string;
  profile?: string[];
  source?: string;
}

/** Elements every resource may carry. */
export interface ResourceBase {
  resourceType: string;
  id?: string;
  meta?: Meta;
  contained?: Resource[];
  extension?: Extension[];
}

export interface Patient extends ResourceBase {
  resourceType: "Patient";
  gender?: "male" | "female" | "other" | "unknown";
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  birthDate?: string;
  active?: boolean;
}

/** One value of an Observation or of one of its components (the `value[x]` choice). */
export interface ObservationValue {
  valueQuantity?: Quantity;
  valueCodeableConcept?: CodeableConcept;
  valueInteger?: number;
  valueBoolean?: boolean;
  valueString?: string;
}

export interface ObservationComponent extends ObservationValue {
  code: CodeableConcept;
  dataAbsentReason?: CodeableConcept;
}

export interface Observation extends ResourceBase, ObservationValue {
  resourceType: "Observation";
  status?:
    "registered" | "preliminary" | "final" | "amended" | "corrected" | "cancelled" | "entered-in-error" | "unknown";
  category?: CodeableConcept[];
  code?: CodeableConcept;
  subject?: Reference;
  encounter?: Reference;
  effectiveDateTime?: string;
  issued?: string;
  dataAbsentReason?: CodeableConcept;
  /** Panel members (US Core pattern: a panel Observation pointing at one Observation per item). */
  hasMember?: Reference[];
  derivedFrom?: Reference[];
  component?: ObservationComponent[];
}

/** An answer of a QuestionnaireResponse item (the `value[x]` choice). */
export interface QuestionnaireResponseAnswer {
  valueBoolean?: boolean;
  valueDecimal?: number;
  valueInteger?: number;
  valueDate?: string;
  valueDateTime?: string;
  valueString?: string;
  valueCoding?: Coding;
  valueQuantity?: Quantity;
  item?: QuestionnaireResponseItem[];
}

/** In R4 a response item carries no code: `linkId` points at the Questionnaire item that has it. */
export interface QuestionnaireResponseItem {
  linkId: string;
  definition?: string;
  text?: string;
  answer?: QuestionnaireResponseAnswer[];
  item?: QuestionnaireResponseItem[];
}

export interface QuestionnaireResponse extends ResourceBase {
  resourceType: "QuestionnaireResponse";
  /** Canonical URL of the Questionnaire, optionally `|version`. */
  questionnaire?: string;
  status?: "in-progress" | "completed" | "amended" | "entered-in-error" | "stopped";
  subject?: Reference;
  encounter?: Reference;
  authored?: string;
  item?: QuestionnaireResponseItem[];
}

export type QuestionnaireItemType =
  | "group"
  | "display"
  | "boolean"
  | "decimal"
  | "integer"
  | "date"
  | "dateTime"
  | "time"
  | "string"
  | "text"
  | "url"
  | "choice"
  | "open-choice"
  | "attachment"
  | "reference"
  | "quantity";

export interface QuestionnaireAnswerOption {
  valueCoding?: Coding;
  valueString?: string;
  valueInteger?: number;
  /** LHC-Forms puts the score here: `http://hl7.org/fhir/StructureDefinition/ordinalValue`. */
  extension?: Extension[];
}

export interface QuestionnaireItem {
  linkId: string;
  definition?: string;
  code?: Coding[];
  prefix?: string;
  text?: string;
  type: QuestionnaireItemType;
  required?: boolean;
  repeats?: boolean;
  readOnly?: boolean;
  answerOption?: QuestionnaireAnswerOption[];
  extension?: Extension[];
  item?: QuestionnaireItem[];
}

export interface Questionnaire extends ResourceBase {
  resourceType: "Questionnaire";
  url?: string;
  version?: string;
  name?: string;
  title?: string;
  status: "draft" | "active" | "retired" | "unknown";
  description?: string;
  subjectType?: string[];
  code?: Coding[];
  item?: QuestionnaireItem[];
}

export interface Condition extends ResourceBase {
  resourceType: "Condition";
  clinicalStatus?: CodeableConcept;
  verificationStatus?: CodeableConcept;
  category?: CodeableConcept[];
  code?: CodeableConcept;
  subject: Reference;
  onsetDateTime?: string;
  recordedDate?: string;
}

export type RequestStatus = "draft" | "active" | "on-hold" | "revoked" | "completed" | "entered-in-error" | "unknown";

export type CarePlanActivityStatus =
  | "not-started"
  | "scheduled"
  | "in-progress"
  | "on-hold"
  | "completed"
  | "cancelled"
  | "stopped"
  | "unknown"
  | "entered-in-error";

export interface CarePlanActivityDetail {
  kind?: string;
  code?: CodeableConcept;
  reasonCode?: CodeableConcept[];
  reasonReference?: Reference[];
  status: CarePlanActivityStatus;
  statusReason?: CodeableConcept;
  doNotPerform?: boolean;
  description?: string;
}

/** Either `reference` (e.g. to a ServiceRequest) or an inline `detail`, not both (invariant cpl-3). */
export interface CarePlanActivity {
  outcomeCodeableConcept?: CodeableConcept[];
  progress?: Annotation[];
  reference?: Reference;
  detail?: CarePlanActivityDetail;
}

export interface CarePlan extends ResourceBase {
  resourceType: "CarePlan";
  identifier?: Identifier[];
  instantiatesCanonical?: string[];
  status: RequestStatus;
  intent: "proposal" | "plan" | "order" | "option";
  category?: CodeableConcept[];
  title?: string;
  description?: string;
  subject: Reference;
  encounter?: Reference;
  period?: Period;
  created?: string;
  author?: Reference;
  addresses?: Reference[];
  supportingInfo?: Reference[];
  activity?: CarePlanActivity[];
  note?: Annotation[];
}

export interface ServiceRequest extends ResourceBase {
  resourceType: "ServiceRequest";
  identifier?: Identifier[];
  basedOn?: Reference[];
  status: RequestStatus;
  intent:
    | "proposal"
    | "plan"
    | "directive"
    | "order"
    | "original-order"
    | "reflex-order"
    | "filler-order"
    | "instance-order"
    | "option";
  category?: CodeableConcept[];
  priority?: "routine" | "urgent" | "asap" | "stat";
  code?: CodeableConcept;
  subject: Reference;
  encounter?: Reference;
  authoredOn?: string;
  performerType?: CodeableConcept;
  reasonCode?: CodeableConcept[];
  reasonReference?: Reference[];
  supportingInfo?: Reference[];
  note?: Annotation[];
  patientInstruction?: string;
}

export interface ProvenanceAgent {
  type?: CodeableConcept;
  role?: CodeableConcept[];
  who: Reference;
  onBehalfOf?: Reference;
}

export interface ProvenanceEntity {
  role: "derivation" | "revision" | "quotation" | "source" | "removal";
  what: Reference;
}

export interface Provenance extends ResourceBase {
  resourceType: "Provenance";
  target: Reference[];
  occurredDateTime?: string;
  /** An instant: full date-time with a zone. */
  recorded: string;
  policy?: string[];
  reason?: CodeableConcept[];
  activity?: CodeableConcept;
  agent: ProvenanceAgent[];
  entity?: ProvenanceEntity[];
}

export interface Device extends ResourceBase {
  resourceType: "Device";
  deviceName?: {
    name: string;
    type:
      "udi-label-name" | "user-friendly-name" | "patient-reported-name" | "manufacturer-name" | "model-name" | "other";
  }[];
  version?: { type?: CodeableConcept; value: string }[];
}

export interface BundleEntryRequest {
  method: "GET" | "HEAD" | "POST" | "PUT" | "DELETE" | "PATCH";
  url: string;
  ifNoneExist?: string;
}

export interface BundleEntry<R extends ResourceBase = Resource> {
  fullUrl?: string;
  resource?: R;
  request?: BundleEntryRequest;
}

export interface Bundle<R extends ResourceBase = Resource> extends ResourceBase {
  resourceType: "Bundle";
  type:
    | "document"
    | "message"
    | "transaction"
    | "transaction-response"
    | "batch"
    | "batch-response"
    | "history"
    | "searchset"
    | "collection";
  /** When the Bundle was assembled (an instant). */
  timestamp?: string;
  total?: number;
  entry?: BundleEntry<R>[];
}

/** Every resource type backplan reads or writes. */
export type Resource =
  | Patient
  | Observation
  | QuestionnaireResponse
  | Questionnaire
  | Condition
  | CarePlan
  | ServiceRequest
  | Provenance
  | Device;
