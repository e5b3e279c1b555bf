import { LOINC } from "../systems.js";
import type { InstrumentMapping } from "./types.js";
import { quantity } from "./values.js";

/** BMI 39156-5, body height 8302-2, body weight 29463-7 (FHIR vital signs), in UCUM units. */
export const bodySize: InstrumentMapping = {
  name: "Body size",
  fields: [
    {
      system: LOINC,
      code: "39156-5",
      fields: ["lifestyle.bmi"],
      read: quantity({ "kg/m2": 1 }, 'a quantity in "kg/m2"'),
    },
    {
      system: LOINC,
      code: "8302-2",
      fields: ["lifestyle.heightCm"],
      read: quantity({ cm: 1, m: 100, "[in_i]": 2.54 }, 'a quantity in "cm", "m" or "[in_i]"'),
    },
    {
      system: LOINC,
      code: "29463-7",
      fields: ["lifestyle.weightKg"],
      read: quantity({ kg: 1, g: 0.001, "[lb_av]": 0.45359237 }, 'a quantity in "kg", "g" or "[lb_av]"'),
    },
  ],
};
