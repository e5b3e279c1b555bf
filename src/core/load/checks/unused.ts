import type { Rule } from "../../generated/types.js";
import { issue } from "../issue.js";
import { componentNeverAdded, evidenceNeverCited } from "../messages.js";
import { closestMatch } from "../../suggest.js";
import type { Check } from "./check.js";
import { contraindicationsOf } from "./contraindications.js";

export const unusedComponents: Check = {
  name: "unused-components",
  description:
    "Warns about components no rule that runs adds or withholds by id (retired rules never run): they can never reach a " +
    "plan. A component only ever withheld is a catalogue entry the patient can ask for, answered with the rule's reason " +
    "(imaging, opioids, TENS…). Quiet while a rule is unreadable, and about the component a misspelt reference meant.",
  run({ rules, components }) {
    if (!rules.complete) return [];
    const running = new Set<string>();
    const retired = new Map<string, string[]>();
    for (const { value } of rules.items) {
      // Status is not among the parts every check relies on: read it warily.
      const isRetired = (value as Partial<Pick<Rule, "status">>).status === "retired";
      for (const { component } of value.then.add ?? []) {
        if (!isRetired) running.add(component);
        else retired.set(component, [...(retired.get(component) ?? []), value.id]);
      }
      for (const { component } of value.then.withhold ?? []) {
        if (!isRetired && component !== undefined) running.add(component);
      }
    }
    // A rule that names a misspelt component (`sleep-hygeine`) leaves the one it meant unused:
    // that is the same slip, already reported with its "did you mean", and deleting the
    // component would be the wrong advice.
    const ids = new Set((components?.items ?? []).map(({ value }) => value.id));
    const meant = new Set(
      rules.items.flatMap(({ value }) =>
        [...(value.then.add ?? []), ...(value.then.withhold ?? [])].flatMap(({ component }) => {
          const match = component === undefined || ids.has(component) ? undefined : closestMatch(component, ids);
          return match === undefined ? [] : [match];
        }),
      ),
    );
    return (components?.items ?? [])
      .filter(({ value }) => !running.has(value.id) && !meant.has(value.id))
      .map(({ value, file, pointer }) =>
        issue(componentNeverAdded, file.place(`${pointer}/id`), {
          id: value.id,
          retiredRules: retired.get(value.id) ?? [],
        }),
      );
  },
};

export const unusedEvidence: Check = {
  name: "unused-evidence",
  description:
    "Warns about evidence no rule or contraindication cites (a retired rule's citations count: they keep its record). Quiet while a rule is unreadable.",
  run({ rules, evidence, components }) {
    if (!rules.complete) return [];
    const cited = new Set([
      ...rules.items.flatMap(({ value }) => value.evidence),
      ...contraindicationsOf({ components }).flatMap(({ value }) => value.evidence),
    ]);
    return (evidence?.items ?? [])
      .filter(({ value }) => !cited.has(value.id))
      .map(({ value, file, pointer }) => issue(evidenceNeverCited, file.place(`${pointer}/id`), { id: value.id }));
  },
};
