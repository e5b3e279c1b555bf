import type { CompiledRule } from "../../core/load/types.js";
import { actionText } from "./action-text.js";
import { conditionClause, type Clause, type Wording } from "./condition-text.js";
import { detailEntries } from "./details.js";
import { templatePlain, templateText } from "./template-text.js";
import { quoted } from "./value-words.js";

/** A part of a rule as the rulebook words it, under the label a change table shows it by. */
export type RulePart = readonly [label: string, text: Clause];

/**
 * A rule cut into the parts a reviewer compares between two versions, each in the rulebook's
 * own words (the condition as `conditionClause` says it, what it does as `actionText`, reasons
 * with `⟨label⟩` slots), so a change reads like the rest of the book. Labels are unique within a
 * rule: the reason of each component it adds is its own part.
 *
 * @example ruleParts(rule, wording)[1]; // ["Condition", { kind: "phrase", text: "PHQ-9 total ≥ 10" }]
 */
export function ruleParts(rule: CompiledRule, wording: Wording): RulePart[] {
  const { facts, components } = wording;
  const name = (id: string) => quoted(components.get(id)?.title ?? id);
  const text = (value: string): Clause => ({ kind: "phrase", text: value });
  const template = (value: string) => text(templatePlain(templateText(value, facts)));
  const { status, owner, reviewedBy, reviewedOn, reviewDue } = rule.governance;
  const by = reviewedBy === undefined ? [] : [`by ${reviewedBy}`];
  const on = reviewedOn === undefined ? [] : [`on ${reviewedOn}`];
  const reviewed = [...by, ...on].join(" ") || "not recorded";
  const review = `owner ${owner ?? "not recorded"}; reviewed ${reviewed}; review due ${reviewDue ?? "not recorded"}`;
  const parts: RulePart[] = [
    ["Title", text(rule.title)],
    ["Condition", conditionClause(rule.when, wording)],
    ["Does", text(actionText(rule, components))],
  ];
  for (const addition of rule.add) {
    parts.push([`Reason for ${name(addition.component)}`, template(addition.reason)]);
    const details = detailEntries(addition.details ?? {}, facts);
    if (details.length > 0) {
      const line = details.map((d) => `${d.label}: ${templatePlain(d.value)}`).join("; ");
      parts.push([`Details of ${name(addition.component)}`, text(line)]);
    }
  }
  for (const w of rule.withhold) {
    const target = w.component === undefined ? `category ${w.category ?? ""}` : name(w.component);
    parts.push([`Reason for withholding ${target}`, template(w.reason)]);
  }
  if (rule.halt !== undefined) parts.push(["Reason for halting", template(rule.halt.reason)]);
  parts.push(
    ["Evidence", text(rule.evidence.join(", ") || "none")],
    ["Priority", text(String(rule.priority))],
    ["Status", text(status)],
    ["Governance", text(review)],
  );
  if (rule.description !== undefined) parts.push(["Author's note", text(rule.description)]);
  return unique(parts);
}

/** A label given twice (a rule adding one component twice) gets its number: `Reason for “X” (2)`. */
function unique(parts: readonly RulePart[]): RulePart[] {
  const seen = new Map<string, number>();
  return parts.map(([label, clause]) => {
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return [n === 1 ? label : `${label} (${n})`, clause] as const;
  });
}
