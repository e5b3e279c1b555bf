import type { Issue } from "../../../errors.js";
import type { Assessment } from "../../../generated/types.js";
import { codes, issue, messages } from "../messages.js";
import { rangeOf } from "../schema.js";
import { derivedFact } from "./scoring.js";
import { summedScale } from "./summed-scale.js";
import { consistent, type Instrument } from "./types.js";

/** Every PHQ-9 fact asks for the items: one gap per questionnaire, as it is administered whole. */
const items = "questionnaires.phq9.items";

/** PHQ-9 (Kroenke 2001) severity: minimal 0–4, mild 5–9, moderate 10–14, moderately severe 15–19, severe 20–27. */
const scale = summedScale("phq9", "PHQ-9", [
  [0, "minimal"],
  [5, "mild"],
  [10, "moderate"],
  [15, "moderately-severe"],
  [20, "severe"],
]);

/** Item 9 (thoughts of self-harm) matters for safety on its own, so it can be given without items. */
function item9Of(assessment: Assessment): number | undefined {
  const phq9 = assessment.questionnaires?.phq9;
  return phq9?.items === undefined ? phq9?.item9 : phq9.items[8];
}

function check(assessment: Assessment): readonly Issue[] {
  const phq9 = assessment.questionnaires?.phq9;
  if (phq9?.item9 === undefined) return consistent;
  const { item9, items: answers, total } = phq9;
  if (answers !== undefined && answers[8] !== item9) {
    return [
      issue(codes.inconsistent, "/questionnaires/phq9/item9", messages.disagrees(item9, answers[8], `${items}[8]`)),
    ];
  }
  if (answers === undefined && total !== undefined && item9 > total) {
    return [
      issue(
        codes.inconsistent,
        "/questionnaires/phq9/item9",
        messages.exceeds(item9, "questionnaires.phq9.total", total),
      ),
    ];
  }
  return consistent;
}

/** PHQ-9: total, severity and item 9. */
export const phq9: Instrument = {
  name: "PHQ-9",
  facts: [
    ...scale.facts,
    derivedFact({
      name: "phq9.item9",
      type: "integer",
      ...rangeOf("questionnaires.phq9.item9"),
      description: "PHQ-9 item 9: thoughts that you would be better off dead, or of hurting yourself (0–3).",
      collect: [items],
    }),
  ],
  checks: [...scale.checks, { reads: ["/questionnaires/phq9"], check }],
  derive(assessment, facts) {
    scale.derive(assessment, facts);
    const item9 = item9Of(assessment);
    if (item9 !== undefined) facts.set("phq9.item9", item9);
  },
};
