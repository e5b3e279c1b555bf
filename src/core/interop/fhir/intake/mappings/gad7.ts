import { LOINC } from "../systems.js";
import { ll358_3, none } from "./answer-lists.js";
import type { InstrumentMapping } from "./types.js";
import { score } from "./values.js";

/** The seven item codes in published order (LOINC 69737-5). */
const itemCodes = ["69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"];
const item = score(ll358_3, "an integer or an LL358-3 answer (LA6568-5 … LA6571-9)");

/** GAD-7: panel 69737-5, items, total 70274-6; LOINC's own form is `http://loinc.org/q/69737-5`. */
export const gad7: InstrumentMapping = {
  name: "GAD-7",
  panel: { system: LOINC, code: "69737-5" },
  forms: ["http://loinc.org/q/69737-5"],
  looksLike: /gad[-_ ]?7|69737-5/i,
  fields: [
    ...itemCodes.map((code, index) => ({
      system: LOINC,
      code,
      fields: [`questionnaires.gad7.items[${index}]`],
      read: item,
    })),
    { system: LOINC, code: "70274-6", fields: ["questionnaires.gad7.total"], read: score(none, "an integer") },
  ],
};
