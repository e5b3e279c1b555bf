import type { Plan } from "../../generated/types.js";
import {
  changeCounts,
  changedBy,
  changeEntries,
  detailsLine,
  haltNote,
  heading,
  ruleCounts,
  statusBanner,
  withheldBy,
} from "./summary.js";
import { urgencyBanner } from "./urgency-banner.js";

/** The rule above and below an urgency banner: a box a clinician cannot read past. */
const BANNER_RULE = "!".repeat(80);

/**
 * A plain-text rendering for a clinician: a boxed banner for an emergency, same-day or urgent
 * referral first, then the status, then each component beside its reasons and evidence.
 */
export function renderText(plan: Plan): string {
  const lines: string[] = [];
  const urgency = urgencyBanner(plan);
  if (urgency !== undefined) {
    lines.push(BANNER_RULE, `!!! ${urgency.headline}`);
    for (const r of urgency.referrals) lines.push(`!!! - ${r.action}`, `!!!   Why: ${r.why}`);
    if (plan.status === "urgent") lines.push(`!!! ${haltNote(plan)}`);
    lines.push(BANNER_RULE, "");
  }
  const banner = statusBanner(plan);
  if (banner !== undefined) lines.push(`!!! ${banner}`, "");
  lines.push(heading(plan), "");
  if (plan.changes !== undefined) {
    lines.push(`CHANGES SINCE THE LAST PLAN (${changeCounts(plan.changes)})`);
    const MARK = { added: "+", stopped: "-", kept: "=" } as const;
    for (const { kind, change } of changeEntries(plan.changes)) {
      const by = change.rule === undefined ? "" : ` (${changedBy(change.rule)})`;
      lines.push(`${MARK[kind]} ${change.id}: ${change.reason}${by}`);
    }
    lines.push("");
  }

  lines.push(`RECOMMENDED (${plan.components.length})`);
  plan.components.forEach((c, i) => {
    lines.push(`${i + 1}. ${c.title} [${c.category}] (${c.id})`);
    const details = detailsLine(c.details);
    if (details !== "") lines.push(`   Details: ${details}`);
    lines.push("   Why:");
    for (const r of c.reasons) lines.push(`   - ${r.text} (rule ${r.rule})`);
    lines.push("   Evidence:");
    for (const e of c.evidence)
      lines.push(`   - ${e.citation} [certainty: ${e.certainty}]${e.link ? ` ${e.link}` : ""}`);
  });
  if (plan.components.length === 0) lines.push("(none)");

  lines.push("", `WITHHELD (${plan.withheld.length})`);
  for (const w of plan.withheld)
    lines.push(`- ${w.id}${w.unscreened === true ? " [NOT SCREENED]" : ""}: ${w.reason} (${withheldBy(w)})`);
  if (plan.withheld.length === 0) lines.push("(none)");

  lines.push("", `DATA GAPS (${plan.dataGaps.length})`);
  for (const g of plan.dataGaps) lines.push(`- ${g.fact} [${g.concern}]: ${g.reason}`);
  if (plan.dataGaps.length === 0) lines.push("(none)");

  lines.push("", ruleCounts(plan));
  return `${lines.join("\n")}\n`;
}
