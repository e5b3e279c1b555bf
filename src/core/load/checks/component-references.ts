import { issue } from "../issue.js";
import { unknownComponent } from "../messages.js";
import { closestMatch } from "../../suggest.js";
import type { Check } from "./check.js";

export const componentReferences: Check = {
  name: "component-references",
  description: "Every component a rule adds or withholds is in the component catalog.",
  run({ rules, components }) {
    if (components === undefined) return [];
    return rules.items.flatMap(({ value: rule, file, pointer }) => {
      const references = [
        ...(rule.then.add ?? []).map((a, i) => ({
          id: a.component,
          verb: "adds",
          at: `${pointer}/then/add/${i}/component`,
        })),
        ...(rule.then.withhold ?? []).flatMap((w, i) =>
          w.component === undefined
            ? []
            : [{ id: w.component, verb: "withholds", at: `${pointer}/then/withhold/${i}/component` }],
        ),
      ];
      return references
        .filter(({ id }) => !components.ids.has(id))
        .map(({ id, verb, at }) =>
          issue(unknownComponent, file.place(at), {
            rule: rule.id,
            verb,
            id,
            suggestion: closestMatch(id, components.ids),
          }),
        );
    });
  },
};
