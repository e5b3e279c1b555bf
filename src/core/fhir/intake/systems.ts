/** Code systems the intake matches on (FHIR R4 canonical URIs). */
export const LOINC = "http://loinc.org";
export const SNOMED = "http://snomed.info/sct";
export const UCUM = "http://unitsofmeasure.org";
