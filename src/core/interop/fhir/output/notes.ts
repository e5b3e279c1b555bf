import type { Plan } from "../../../generated/types.js";
import type { Annotation } from "fhir/r4.js";

/**
 * What the plan leaves out or is unsure of, as `CarePlan.note` text. Notes, not activities: an
 * EHR that ignores `doNotPerform` would list a withheld component as something to do, while
 * every EHR shows a note's text as it is. Order: drafts, withheld components, data gaps.
 */
export function planNotes(plan: Plan): Annotation[] {
  const drafts = plan.ruleset.drafts ?? [];
  return [
    ...(drafts.length === 0 ? [] : [`Draft rules ran: ${drafts.join(", ")}. A plan for review, not for care.`]),
    ...plan.withheld.map(({ id, rule, reason, addedBy = [] }) => {
      const wouldAdd = addedBy.length === 0 ? "" : `; added by ${addedBy.join(", ")}`;
      return `Withheld component ${id} (rule ${rule}${wouldAdd}): ${reason}`;
    }),
    ...plan.dataGaps.map(({ fact, reason }) => `Data gap: ${fact} ${reason}`),
  ].map((text) => ({ text }));
}
