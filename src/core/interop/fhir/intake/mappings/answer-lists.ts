/** LOINC answer lists whose answers carry a score. */
import { LOINC } from "../systems.js";

/** LL358-3 (PHQ-9 and GAD-7 items): not at all 0, several days 1, more than half the days 2, nearly every day 3. */
export const ll358_3: ReadonlyMap<string, number> = new Map([
  [`${LOINC}|LA6568-5`, 0],
  [`${LOINC}|LA6569-3`, 1],
  [`${LOINC}|LA6570-1`, 2],
  [`${LOINC}|LA6571-9`, 3],
]);

/** No coded answers: an integer only (for totals, and items whose answer codes are not verified). */
export const none: ReadonlyMap<string, number> = new Map();
