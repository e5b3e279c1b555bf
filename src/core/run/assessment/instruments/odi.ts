import type { Issue } from "../../../errors.js";
import type { Assessment } from "../../../generated/types.js";
import { codes, issue, messages } from "../messages.js";
import { rangeOf } from "../schema.js";
import { derivedFact, toOneDecimal } from "./scoring.js";
import { consistent, type Instrument } from "./types.js";

const items = "questionnaires.odi.items";
/** With fewer sections answered the ODI is not interpretable (Fairbank & Pynsent 2000). */
const minimumAnswered = 8;
/** A given percentage may have been rounded to a whole number by whoever scored it. */
const tolerance = 0.5;

/**
 * Oswestry Disability Index: the sum of the answered sections ÷ (5 × answered) × 100, unrounded;
 * undefined when fewer than 8 of the 10 sections are answered.
 *
 * @example odiPercent([2, 2, 2, 2, 2, 2, 2, 2, 2, null]); // 40
 */
export function odiPercent(answers: readonly (number | null)[]): number | undefined {
  let sum = 0;
  let answered = 0;
  for (const answer of answers) {
    if (answer === null) continue;
    sum += answer;
    answered++;
  }
  return answered < minimumAnswered ? undefined : (sum * 20) / answered;
}

function check(assessment: Assessment): readonly Issue[] {
  const odi = assessment.questionnaires?.odi;
  if (odi?.items === undefined) return consistent;
  const percent = odiPercent(odi.items);
  if (percent === undefined) {
    const answered = odi.items.filter((answer) => answer !== null).length;
    return [issue(codes.tooFewAnswers, "/questionnaires/odi/items", messages.tooFewAnswers(answered, minimumAnswered))];
  }
  if (odi.percent !== undefined && Math.abs(odi.percent - percent) > tolerance) {
    return [
      issue(
        codes.inconsistent,
        "/questionnaires/odi/percent",
        messages.disagrees(odi.percent, toOneDecimal(percent), items),
      ),
    ];
  }
  return consistent;
}

/** Oswestry Disability Index percentage. */
export const odi: Instrument = {
  name: "ODI",
  facts: [
    derivedFact({
      name: "odi.percent",
      type: "number",
      ...rangeOf("questionnaires.odi.percent"),
      description: "Oswestry Disability Index, % (from the answered items, to one decimal place).",
      collect: [items],
    }),
  ],
  checks: [{ reads: ["/questionnaires/odi"], check }],
  derive(assessment, facts) {
    const odi = assessment.questionnaires?.odi;
    // Items win over a given percentage: the two agree within rounding, and items are exact.
    if (odi?.items !== undefined) {
      const percent = odiPercent(odi.items);
      if (percent !== undefined) facts.set("odi.percent", toOneDecimal(percent));
    } else if (odi?.percent !== undefined) {
      facts.set("odi.percent", odi.percent);
    }
  },
};
