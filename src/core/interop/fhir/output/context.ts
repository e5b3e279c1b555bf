import { isCalendarDay } from "../../../calendar.js";

/** What the FHIR output needs beyond the plan; the caller supplies it, the core reads no clock. */
export interface FhirPlanContext {
  /** The subject, as a reference: `Patient/123`. */
  patient: string;
  /** The engine that made the plan, named in the Provenance: `{ name: "backplan", version: "1.2.0" }`. */
  engine: { name: string; version: string };
  /** When the plan was made: an R4 instant, to the second and with a zone, `2026-11-23T22:40:00Z`. */
  recorded: string;
  /** The encounter, as a reference: `Encounter/456`. */
  encounter?: string;
}

/** FHIR R4's `instant` pattern (datatypes.html#instant), as the official JSON schema has it. */
const INSTANT =
  /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))$/;

/**
 * Throws a `RangeError` when `recorded` is not an R4 instant on a real day: Provenance.recorded
 * must be one, and a date alone (`2026-11-23`) would give a Provenance every FHIR server refuses.
 */
export function checkContext(context: FhirPlanContext): void {
  const { recorded } = context;
  if (INSTANT.test(recorded) && isCalendarDay(recorded.slice(0, 10))) return;
  throw new RangeError(
    `planToFhir: context.recorded must be a FHIR instant, to the second and with a time zone ` +
      `(YYYY-MM-DDThh:mm:ss[.sss]Z or ±hh:mm, e.g. "2026-11-23T22:40:00Z"), as Provenance.recorded requires; ` +
      `found ${JSON.stringify(recorded)}`,
  );
}
