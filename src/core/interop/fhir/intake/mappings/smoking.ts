import { LOINC, SNOMED } from "../systems.js";
import type { InstrumentMapping } from "./types.js";
import { coded } from "./values.js";

/**
 * Tobacco smoking status 72166-2 with the US Core SNOMED answers. "Smoker, current status
 * unknown" and "unknown if ever smoked" do not say "current", so they leave `smoker` absent.
 */
const answers: ReadonlyMap<string, boolean | "absent"> = new Map<string, boolean | "absent">([
  [`${SNOMED}|449868002`, true], // current every day smoker
  [`${SNOMED}|428041000124106`, true], // current some day smoker
  [`${SNOMED}|428071000124103`, true], // current heavy tobacco smoker
  [`${SNOMED}|428061000124105`, true], // current light tobacco smoker
  [`${SNOMED}|8517006`, false], // former smoker
  [`${SNOMED}|266919005`, false], // never smoker
  [`${SNOMED}|77176002`, "absent"], // smoker, current status unknown
  [`${SNOMED}|266927001`, "absent"], // unknown if ever smoked
]);

export const smoking: InstrumentMapping = {
  name: "Smoking status",
  fields: [
    {
      system: LOINC,
      code: "72166-2",
      fields: ["lifestyle.smoker"],
      read: coded(answers, "a SNOMED CT smoking status (US Core)"),
    },
  ],
};
