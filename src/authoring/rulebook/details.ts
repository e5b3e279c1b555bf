import type { FactDefinition } from "../../core/run/facts/types.js";
import type { Details } from "../../core/generated/types.js";
import { templateText, type TemplateText } from "./template-text.js";

/** One detail of a component: `Refer to`, `GP or primary care mental health service`. */
export interface DetailEntry {
  readonly label: string;
  readonly value: TemplateText;
}

/** The heading of each detail, in the order a plan shows them; a new key must be named here. */
const DETAIL_LABELS: Readonly<Record<keyof Details, string>> = {
  what: "What",
  sessions: "Sessions",
  frequency: "Frequency",
  duration: "Duration",
  deliveredBy: "Delivered by",
  setting: "Setting",
  referTo: "Refer to",
  urgency: "Urgency",
  progression: "Progression",
  target: "Target",
  notes: "Notes",
  opinions: "Opinions asked for",
  consider: "Consider",
  avoid: "Avoid",
  cautions: "Cautions",
};

/**
 * Details as labelled entries, in a fixed order whatever order they were written in; a rule's
 * details may hold `{fact}` placeholders, shown as slots.
 */
export function detailEntries(details: Details, facts: ReadonlyMap<string, FactDefinition>): DetailEntry[] {
  return (Object.keys(DETAIL_LABELS) as (keyof Details)[]).flatMap((key) => {
    const value = details[key];
    if (value === undefined) return [];
    const text = Array.isArray(value) ? value.join(" | ") : String(value);
    return [{ label: DETAIL_LABELS[key], value: templateText(text, facts) }];
  });
}
