/** Code systems the intake matches on (FHIR R4 canonical URIs). */
export const LOINC = "http://loinc.org";
export const SNOMED = "http://snomed.info/sct";
export const UCUM = "http://unitsofmeasure.org";
/** ICD-10-CM, the US clinical modification (WHO ICD-10 is `http://hl7.org/fhir/sid/icd-10`, not read). */
export const ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
/** Condition.clinicalStatus and Condition.verificationStatus (FHIR R4). */
export const CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
export const CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
