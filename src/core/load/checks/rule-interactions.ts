import type { Issue } from "../../errors.js";
import type { Rule } from "../../generated/types.js";
import { ruleInteractions, type Interaction, type RuleView } from "../analysis/rule-interactions.js";
import { issue } from "../issue.js";
import {
  addWithholdConflict,
  alwaysWithheld,
  conflictingDetails,
  equivalentConditions,
  shadowedByHalt,
} from "../messages.js";
import type { PackModel } from "../pack-model.js";
import type { Check } from "./check.js";

type Item = PackModel["rules"]["items"][number];
type View = RuleView & { readonly item: Item; readonly draft: boolean };

export const ruleInteractionsCheck: Check = {
  name: "rule-interactions",
  proof: true,
  description:
    "How rules that run get in each other's way, proven from their conditions (../analysis): a rule that only fires " +
    "when a halting rule of higher priority does (an error: it never changes a plan); an addition a weaker rule of " +
    "higher priority always withholds; adding and withholding the same component at one priority; equivalent " +
    "conditions at one priority; rules of one priority giving one component different details (but urgency). Retired rules never run and are left out; a draft is judged with the drafts, and " +
    "never blamed on a rule that runs without them (drafts run only with --include-drafts).",
  run({ rules, components, facts }) {
    const categories = new Map(
      (components?.items ?? []).map(({ value }) => [value.id, (value as { category?: unknown }).category]),
    );
    const views = rules.items.flatMap((item): View[] => {
      // Priority and status are not among the parts every check relies on: read them warily.
      const { id, when, then, priority, status } = item.value as typeof item.value &
        Partial<Pick<Rule, "priority" | "status">>;
      if (typeof priority !== "number" || !Number.isInteger(priority) || status === "retired") return [];
      const category = (component: string) => {
        const found = categories.get(component);
        return typeof found === "string" ? found : undefined;
      };
      return [
        {
          item,
          draft: status === "draft",
          id,
          priority,
          when,
          halts: then.halt !== undefined,
          adds: (then.add ?? []).map((a) => ({
            component: a.component,
            category: category(a.component),
            details: a.details as Readonly<Record<string, unknown>> | undefined,
          })),
          withholds: (then.withhold ?? []).map((w) => ({ component: w.component, category: w.category })),
        },
      ];
    });
    // Anything written after `plan.` is what the higher priorities decided (context-facts.ts).
    const decidedSoFar = (fact: string) => fact.startsWith("plan.");
    const space = { facts, decidedSoFar };
    // Rules that run without drafts are judged among themselves, so a draft never hides what an
    // active rule does to them, and is never blamed for what happens to them; a draft's own
    // findings are judged with everything that runs beside it.
    return [
      ...ruleInteractions(
        views.filter((view) => !view.draft),
        space,
      ),
      ...ruleInteractions(views, space).filter((interaction) => interaction.rule.draft),
    ].map(interactionIssue);
  },
};

function interactionIssue(interaction: Interaction<View>): Issue {
  const { rule } = interaction;
  const { file, pointer } = rule.item;
  switch (interaction.kind) {
    case "shadowed-by-halt":
      return issue(shadowedByHalt, file.place(`${pointer}/id`), {
        rule: rule.id,
        priority: rule.priority,
        halt: interaction.by.id,
        haltPriority: interaction.by.priority,
        haltAt: atOf(interaction.by),
      });
    case "always-withheld":
    case "add-withhold-conflict": {
      const { addition, by, withholding } = interaction;
      const added = rule.adds[addition]?.component ?? "";
      const withheld = by.withholds[withholding];
      const category = withheld?.component === added ? undefined : withheld?.category;
      const type = interaction.kind === "always-withheld" ? alwaysWithheld : addWithholdConflict;
      return issue(type, file.place(`${pointer}/then/add/${addition}/component`), {
        rule: rule.id,
        component: added,
        by: by.id,
        byPriority: by.priority,
        byAt: atOf(by),
        category,
      });
    }
    case "equivalent-conditions":
      return issue(equivalentConditions, file.place(`${pointer}/id`), {
        rule: rule.id,
        first: interaction.first.id,
        firstPriority: interaction.first.priority,
        firstAt: atOf(interaction.first),
      });
    case "conflicting-details": {
      const { addition, key, other, otherValue } = interaction;
      const added = rule.adds[addition];
      const place = file.place(`${pointer}/then/add/${addition}/details/${key}`);
      const line = other.item.file.place(`${other.item.pointer}/id`).source.line;
      const value: unknown = added?.details?.[key];
      return issue(conflictingDetails, place, {
        rule: rule.id,
        component: added?.component ?? "",
        key,
        value: typeof value === "string" ? value : String(value),
        quoted: typeof value === "string",
        other: other.id,
        otherValue: typeof otherValue === "string" ? otherValue : String(otherValue),
        otherQuoted: typeof otherValue === "string",
        line,
      });
    }
  }
}

/** Where a rule's id is written: `file:line:col`. */
function atOf({ item }: View): string {
  const { source } = item.file.place(`${item.pointer}/id`);
  return `${source.file}:${source.line}:${source.column}`;
}
