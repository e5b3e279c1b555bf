import { LOINC } from "../systems.js";
import type { InstrumentMapping } from "./types.js";
import { quantity } from "./values.js";

/**
 * Oswestry: score 97909-6 (panel 97908-8). LOINC calls it a percent but its bands read like the
 * raw 0–50 sum, so only a quantity in UCUM `%` is taken. The items have no usable codes: they
 * come from backplan's own Questionnaire.
 */
export const odi: InstrumentMapping = {
  name: "ODI",
  panel: { system: LOINC, code: "97908-8" },
  fields: [
    {
      system: LOINC,
      code: "97909-6",
      fields: ["questionnaires.odi.percent"],
      read: quantity({ "%": 1 }, 'a quantity in "%"'),
    },
  ],
};
