import { LOINC } from "../systems.js";
import { none } from "./answer-lists.js";
import type { InstrumentMapping } from "./types.js";
import { agree, score } from "./values.js";

/** Items 1–8 (agree 1 / disagree 0) in published order (LOINC 91349-1). */
const agreeItems = ["91340-0", "91341-8", "91342-6", "91343-4", "91344-2", "91345-9", "91346-7", "91347-5"];

/**
 * STarT Back: panel 91349-1, items 91340-0 … 91348-3, distress (psychosocial) subscore 91350-9,
 * total 91351-7. The LOINC answer codes of the items are not verified, so items are read as
 * numbers (or booleans) only. The risk level 91352-5 is derived by the engine, not read.
 */
export const startBack: InstrumentMapping = {
  name: "STarT Back",
  panel: { system: LOINC, code: "91349-1" },
  fields: [
    ...agreeItems.map((code, index) => ({
      system: LOINC,
      code,
      fields: [`questionnaires.startBack.items[${index}]`],
      read: agree,
    })),
    {
      system: LOINC,
      code: "91348-3",
      fields: ["questionnaires.startBack.items[8]"],
      read: score(none, "an integer 0–4 (bothersomeness)"),
    },
    {
      system: LOINC,
      code: "91350-9",
      fields: ["questionnaires.startBack.psychosocial"],
      read: score(none, "an integer"),
    },
    { system: LOINC, code: "91351-7", fields: ["questionnaires.startBack.total"], read: score(none, "an integer") },
  ],
};
