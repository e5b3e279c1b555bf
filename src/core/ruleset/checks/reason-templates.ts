import { issue } from "../issue.js";
import { templateFact } from "../messages.js";
import { templateFacts } from "../reason-template.js";
import { closestMatch } from "../../suggest.js";
import type { Check } from "./check.js";
import { templatedTextsOf } from "./rule-parts.js";

export const reasonTemplates: Check = {
  name: "reason-templates",
  description: "Every {placeholder} in a reason, halt or detail text names a known fact.",
  run({ rules, facts }) {
    return rules.items.flatMap(({ value: rule, file, pointer }) =>
      templatedTextsOf(rule, pointer).flatMap(({ text, pointer: at }) =>
        templateFacts(text)
          .filter((name) => !facts.has(name))
          .map((name) =>
            issue(templateFact, file.placeOfText(at, `{${name}}`), rule.id, name, closestMatch(name, facts.keys())),
          ),
      ),
    );
  },
};
