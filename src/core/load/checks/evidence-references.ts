import { issue } from "../issue.js";
import { unknownEvidence } from "../messages.js";
import { closestMatch } from "../../suggest.js";
import type { Check } from "./check.js";

export const evidenceReferences: Check = {
  name: "evidence-references",
  description: "Every evidence id a rule cites is in the evidence catalog.",
  run({ rules, evidence }) {
    if (evidence === undefined) return [];
    return rules.items.flatMap(({ value: rule, file, pointer }) =>
      rule.evidence.flatMap((id, i) =>
        evidence.ids.has(id)
          ? []
          : [
              issue(unknownEvidence, file.place(`${pointer}/evidence/${i}`), {
                rule: rule.id,
                id,
                suggestion: closestMatch(id, evidence.ids),
              }),
            ],
      ),
    );
  },
};
