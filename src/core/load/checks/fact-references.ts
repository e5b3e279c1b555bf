import { issue } from "../issue.js";
import { unknownFact } from "../messages.js";
import type { Check } from "./check.js";
import { suggestFact } from "./suggest-fact.js";
import { comparisonsOf } from "./rule-parts.js";

export const factReferences: Check = {
  name: "fact-references",
  description: "Every fact a condition reads is an assessment, derived or context fact.",
  run({ rules, facts }) {
    return rules.items.flatMap(({ value: rule, file, pointer }) =>
      comparisonsOf(rule, pointer)
        .filter(({ condition }) => !facts.has(condition.fact))
        .map(({ condition, pointer: at }) =>
          issue(unknownFact, file.place(`${at}/fact`), {
            rule: rule.id,
            fact: condition.fact,
            suggestion: suggestFact(condition.fact, facts.keys()),
          }),
        ),
    );
  },
};
