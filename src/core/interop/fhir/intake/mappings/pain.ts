import { LOINC } from "../systems.js";
import { none } from "./answer-lists.js";
import type { InstrumentMapping } from "./types.js";
import { score } from "./values.js";

/**
 * Pain 72514-3, the 0–10 numeric rating. It is a rating at one moment; backplan's
 * `pain.intensity` is the average over the last week. It is the code EHRs send for the NPRS, so
 * it is taken as the best available answer.
 */
export const pain: InstrumentMapping = {
  name: "Pain intensity",
  fields: [{ system: LOINC, code: "72514-3", fields: ["pain.intensity"], read: score(none, "an integer 0–10") }],
};
