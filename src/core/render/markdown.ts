import type { Plan } from "../generated/types.js";
import { detailsLine, heading, ruleCounts, statusBanner } from "./summary.js";

/** Markdown for a clinician: a warning callout for urgent or incomplete plans, then sections. */
export function renderMarkdown(plan: Plan): string {
  const lines: string[] = [`# ${escape(heading(plan))}`, ""];
  const banner = statusBanner(plan);
  if (banner !== undefined)
    lines.push(`> [!${plan.status === "urgent" ? "CAUTION" : "WARNING"}]`, `> **${escape(banner)}**`, "");

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
  for (const w of plan.withheld) lines.push(`- **${w.id}**: ${escape(w.reason)} (rule \`${w.rule}\`)`);
  if (plan.withheld.length === 0) lines.push("_None._");

  lines.push("", `## Data gaps (${plan.dataGaps.length})`, "");
  for (const g of plan.dataGaps) lines.push(`- \`${g.fact}\`: ${escape(g.reason)}`);
  if (plan.dataGaps.length === 0) lines.push("_None._");

  lines.push("", `_${ruleCounts(plan)}._`);
  return `${lines.join("\n")}\n`;
}

/** Escapes the characters that would turn clinical text into markup. */
function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>|#])/g, "\\$1");
}
