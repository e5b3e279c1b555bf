import type { Issue } from "../../../errors.js";
import type { Assessment } from "../../../generated/types.js";
import { codes, issue, messages } from "../messages.js";
import { rangeOf } from "../schema.js";
import { bandOf, derivedFact, labelsOf, sumOf, type Bands } from "./scoring.js";
import { consistent, type Instrument } from "./types.js";

/** The questionnaires scored as a plain sum of their items, with severity bands on the total. */
export type SummedScaleKey = "phq9" | "gad7";

/**
 * A questionnaire whose total is the sum of its items (PHQ-9, GAD-7), given either as items or
 * as a total, with a severity band. Derives `<key>.total` and `<key>.severity`.
 */
export function summedScale<Severity extends string>(
  key: SummedScaleKey,
  name: string,
  severities: Bands<Severity>,
): Instrument {
  const items = `questionnaires.${key}.items`;
  const totalFact = `${key}.total`;
  const severityFact = `${key}.severity`;
  const totalOf = (assessment: Assessment): number | undefined => {
    const scale = assessment.questionnaires?.[key];
    return scale?.items === undefined ? scale?.total : sumOf(scale.items);
  };
  const check = (assessment: Assessment): readonly Issue[] => {
    const scale = assessment.questionnaires?.[key];
    if (scale?.items === undefined || scale.total === undefined) return consistent;
    const sum = sumOf(scale.items);
    if (scale.total === sum) return consistent;
    return [issue(codes.inconsistent, `/questionnaires/${key}/total`, messages.disagrees(scale.total, sum, items))];
  };
  return {
    name,
    facts: [
      derivedFact({
        name: totalFact,
        type: "integer",
        ...rangeOf(`questionnaires.${key}.total`),
        description: `${name} total score.`,
        collect: [items],
      }),
      derivedFact({
        name: severityFact,
        type: "string",
        enum: labelsOf(severities),
        description: `${name} severity band of the total.`,
        collect: [items],
      }),
    ],
    checks: [{ reads: [`/questionnaires/${key}`], check }],
    derive(assessment, facts) {
      const total = totalOf(assessment);
      if (total === undefined) return;
      facts.set(totalFact, total);
      facts.set(severityFact, bandOf(total, severities));
    },
  };
}
