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

/**
 * Markdown for a clinician: a caution callout at the very top for an emergency, same-day or urgent
 * referral, then the heading, a callout for a halted or incomplete plan, and the sections.
 */
export function renderMarkdown(plan: Plan): string {
  const lines: string[] = [];
  const urgency = urgencyBanner(plan);
  if (urgency !== undefined) {
    lines.push("> [!CAUTION]", `> **${escape(urgency.headline)}**`, ">");
    for (const r of urgency.referrals) lines.push(`> - **${escape(r.action)}**`, `>   Why: ${escape(r.why)}`);
    if (plan.status === "urgent") lines.push(">", `> ${escape(haltNote(plan))}`);
    lines.push("");
  }
  lines.push(`# ${escape(heading(plan))}`, "");
  const banner = statusBanner(plan);
  if (banner !== undefined)
    lines.push(`> [!${plan.status === "urgent" ? "CAUTION" : "WARNING"}]`, `> **${escape(banner)}**`, "");

  if (plan.changes !== undefined) {
    lines.push(`## Changes since the last plan (${changeCounts(plan.changes)})`, "");
    for (const { kind, change } of changeEntries(plan.changes)) {
      const by = change.rule === undefined ? "" : ` (${changedBy(change.rule, (id) => `\`${id}\``)})`;
      lines.push(`- ${kind} **${change.id}**: ${escape(change.reason)}${by}`);
    }
    lines.push("");
  }

  lines.push(`## Recommended (${plan.components.length})`, "");
  for (const c of plan.components) {
    lines.push(`### ${escape(c.title)} \`${c.id}\``, "", `*${c.category}*. ${escape(c.patientText)}`, "");
    const details = detailsLine(c.details);
    if (details !== "") lines.push(`**Details:** ${escape(details)}`, "");
    lines.push("**Why:**", "");
    for (const r of c.reasons) lines.push(`- ${escape(r.text)} (rule \`${r.rule}\`)`);
    lines.push("", "**Evidence:**", "");
    for (const e of c.evidence) {
      const citation = e.link ? `[${escape(e.citation)}](${e.link})` : escape(e.citation);
      lines.push(`- ${citation} (certainty: ${e.certainty})`);
    }
    lines.push("");
  }
  if (plan.components.length === 0) lines.push("_None._", "");

  lines.push(`## Withheld (${plan.withheld.length})`, "");
  for (const w of plan.withheld) {
    const mark = w.unscreened === true ? " (**not screened**)" : "";
    lines.push(`- **${w.id}**${mark}: ${escape(w.reason)} (${withheldBy(w, (id) => `\`${id}\``)})`);
  }
  if (plan.withheld.length === 0) lines.push("_None._");

  lines.push("", `## Data gaps (${plan.dataGaps.length})`, "");
  for (const g of plan.dataGaps) lines.push(`- \`${g.fact}\` (${g.concern}): ${escape(g.reason)}`);
  if (plan.dataGaps.length === 0) lines.push("_None._");

  lines.push("", `_${ruleCounts(plan)}._`);
  return `${lines.join("\n")}\n`;
}

/** Escapes the characters that would turn clinical text into markup. */
function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>|#])/g, "\\$1");
}
