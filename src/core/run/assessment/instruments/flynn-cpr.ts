import type { Assessment } from "../../../generated/types.js";
import { derivedFact } from "./scoring.js";
import type { Instrument } from "./types.js";

/** One criterion of the rule: the field it reads, and whether it is met (undefined: unanswered). */
interface Criterion {
  readonly field: string;
  met(assessment: Assessment): boolean | undefined;
}

const maxFabqWork = 19;
const maxDurationDays = 16;

/** Flynn et al. 2002, spinal manipulation clinical prediction rule, in its published order. */
const criteria: readonly Criterion[] = [
  { field: "pain.durationWeeks", met: (a) => a.pain.durationWeeks * 7 < maxDurationDays },
  { field: "pain.legPain", met: (a) => (a.pain.legPain === undefined ? undefined : a.pain.legPain !== "below-knee") },
  { field: "questionnaires.fabq.work", met: (a) => lessThan(a.questionnaires?.fabq?.work, maxFabqWork) },
  { field: "examination.hipInternalRotationOver35", met: (a) => a.examination?.hipInternalRotationOver35 },
  { field: "examination.lumbarHypomobility", met: (a) => a.examination?.lumbarHypomobility },
];

function lessThan(value: number | undefined, limit: number): boolean | undefined {
  return value === undefined ? undefined : value < limit;
}

/**
 * Criteria met of the Flynn manipulation rule: duration < 16 days, no symptoms below the knee,
 * FABQ-W < 19, a hip with > 35° internal rotation, lumbar hypomobility.
 */
export const flynnCpr: Instrument = {
  name: "Flynn manipulation CPR",
  facts: [
    derivedFact({
      name: "flynnCpr.criteriaMet",
      type: "integer",
      minimum: 0,
      maximum: criteria.length,
      description: "Criteria met of the Flynn 2002 spinal manipulation prediction rule (0–5).",
      collect: criteria.map((criterion) => criterion.field),
    }),
  ],
  checks: [],
  derive(assessment, facts) {
    let count = 0;
    for (const criterion of criteria) {
      const met = criterion.met(assessment);
      if (met === undefined) return;
      if (met) count++;
    }
    facts.set("flynnCpr.criteriaMet", count);
  },
};
