import { bandOf, derivedFact, labelsOf, type Bands } from "./scoring.js";
import type { Instrument } from "./types.js";

/** Weeks of the current episode at which each class starts. */
const classes: Bands<"acute" | "subacute" | "chronic"> = [
  [0, "acute"],
  [6, "subacute"],
  [12, "chronic"],
];

/** Acute (< 6 weeks), subacute (6 to < 12) or chronic (≥ 12), from the episode's duration. */
export const chronicity: Instrument = {
  name: "chronicity",
  facts: [
    derivedFact({
      name: "chronicity",
      type: "string",
      enum: labelsOf(classes),
      description: "Chronicity of the current episode: acute (< 6 weeks), subacute (6 to < 12), chronic (≥ 12).",
      collect: ["pain.durationWeeks"],
    }),
  ],
  checks: [],
  derive(assessment, facts) {
    facts.set("chronicity", bandOf(assessment.pain.durationWeeks, classes));
  },
};
