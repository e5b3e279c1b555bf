/** What the FHIR output needs beyond the plan; the caller supplies it, the core reads no clock. */
export interface FhirPlanContext {
  /** The subject, as a reference: `Patient/123`. */
  patient: string;
  /** The engine that made the plan, named in the Provenance: `{ name: "backplan", version: "1.2.0" }`. */
  engine: { name: string; version: string };
  /** When the plan was made: an instant with a zone, `2026-11-23T22:40:00Z`. */
  recorded: string;
  /** The encounter, as a reference: `Encounter/456`. */
  encounter?: string;
}
