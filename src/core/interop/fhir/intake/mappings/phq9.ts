import { LOINC } from "../systems.js";
import { ll358_3, none } from "./answer-lists.js";
import type { InstrumentMapping } from "./types.js";
import { score } from "./values.js";

/** The nine item codes in published order (LOINC 44249-1; item 9 is 44260-8, thoughts of self-harm). */
const itemCodes = ["44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8"];
const item = score(ll358_3, "an integer or an LL358-3 answer (LA6568-5 … LA6571-9)");

/** Item 9 unread is not a gap like the others: a positive answer needs a same-day suicide-risk assessment. */
const item9Safety =
  "PHQ-9 item 9 (thoughts of self-harm) decides the same-day suicide-risk referral: it stays a data gap, ask it today";

/**
 * PHQ-9: panel 44249-1, items, total 44261-6. Item 9 also fills `item9`, which stands alone when
 * other items are missing. Forms: LOINC's own Questionnaire canonical (`http://loinc.org/q/` and
 * the panel code, as LOINC's FHIR server names its forms); the HL7 SDC IG's example (its items
 * carry no codes, its answers are local codes scored in a contained ValueSet); US Core's example.
 */
export const phq9: InstrumentMapping = {
  name: "PHQ-9",
  panel: { system: LOINC, code: "44249-1" },
  forms: [
    "http://loinc.org/q/44249-1",
    "http://hl7.org/fhir/uv/sdc/Questionnaire/questionnaire-sdc-profile-example-PHQ9",
    "http://hl7.org/fhir/us/core/Questionnaire/phq-9-example",
  ],
  looksLike: /phq[-_ ]?9|44249-1/i,
  fields: [
    ...itemCodes.map((code, index) => ({
      system: LOINC,
      code,
      fields:
        index === 8
          ? ["questionnaires.phq9.items[8]", "questionnaires.phq9.item9"]
          : [`questionnaires.phq9.items[${index}]`],
      read: item,
      ...(index === 8 ? { safety: item9Safety } : {}),
    })),
    { system: LOINC, code: "44261-6", fields: ["questionnaires.phq9.total"], read: score(none, "an integer") },
  ],
};
