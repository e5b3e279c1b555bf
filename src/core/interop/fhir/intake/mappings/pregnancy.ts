import { LOINC, SNOMED } from "../systems.js";
import type { InstrumentMapping } from "./types.js";
import { coded } from "./values.js";

/** Pregnancy status 82810-3, answers LL4129-4 or their SNOMED equivalents (the IPS ConceptMap). */
const answers: ReadonlyMap<string, boolean | "absent"> = new Map<string, boolean | "absent">([
  [`${LOINC}|LA15173-0`, true], // pregnant
  [`${SNOMED}|77386006`, true],
  [`${LOINC}|LA26683-5`, false], // not pregnant
  [`${SNOMED}|60001007`, false],
  [`${LOINC}|LA4489-6`, "absent"], // unknown
]);

export const pregnancy: InstrumentMapping = {
  name: "Pregnancy status",
  fields: [
    {
      system: LOINC,
      code: "82810-3",
      fields: ["patient.pregnant"],
      read: coded(answers, "an LL4129-4 answer or its SNOMED CT equivalent"),
    },
  ],
};
