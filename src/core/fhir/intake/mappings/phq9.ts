import { LOINC } from "../systems.js";
import { ll358_3, none } from "./answer-lists.js";
import type { InstrumentMapping } from "./types.js";
import { score } from "./values.js";

/** The nine item codes in published order (LOINC 44249-1; item 9 is 44260-8, thoughts of self-harm). */
const itemCodes = ["44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8"];
const item = score(ll358_3, "an integer or an LL358-3 answer (LA6568-5 … LA6571-9)");

/** PHQ-9: panel 44249-1, items, total 44261-6. Item 9 also fills `item9`, which stands alone when other items are missing. */
export const phq9: InstrumentMapping = {
  name: "PHQ-9",
  panel: { system: LOINC, code: "44249-1" },
  fields: [
    ...itemCodes.map((code, index) => ({
      system: LOINC,
      code,
      fields:
        index === 8
          ? ["questionnaires.phq9.items[8]", "questionnaires.phq9.item9"]
          : [`questionnaires.phq9.items[${index}]`],
      read: item,
    })),
    { system: LOINC, code: "44261-6", fields: ["questionnaires.phq9.total"], read: score(none, "an integer") },
  ],
};
