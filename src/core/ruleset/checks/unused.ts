import { issue } from "../issue.js";
import { componentNeverAdded, evidenceNeverCited } from "../messages.js";
import type { Check } from "./check.js";

export const unusedComponents: Check = {
  name: "unused-components",
  description: "Warns about components no rule adds: they can never reach a plan. Quiet while a rule is unreadable.",
  run({ rules, components }) {
    if (!rules.complete) return [];
    const added = new Set(rules.items.flatMap(({ value }) => (value.then.add ?? []).map((a) => a.component)));
    return (components?.items ?? [])
      .filter(({ value }) => !added.has(value.id))
      .map(({ value, file, pointer }) => issue(componentNeverAdded, file.place(`${pointer}/id`), value.id));
  },
};

export const unusedEvidence: Check = {
  name: "unused-evidence",
  description: "Warns about evidence no rule cites. Quiet while a rule is unreadable.",
  run({ rules, evidence }) {
    if (!rules.complete) return [];
    const cited = new Set(rules.items.flatMap(({ value }) => value.evidence));
    return (evidence?.items ?? [])
      .filter(({ value }) => !cited.has(value.id))
      .map(({ value, file, pointer }) => issue(evidenceNeverCited, file.place(`${pointer}/id`), value.id));
  },
};
