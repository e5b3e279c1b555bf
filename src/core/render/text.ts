import type { Plan } from "../generated/types.js";
import { detailsLine, heading, ruleCounts, statusBanner } from "./summary.js";

/** A plain-text rendering for a clinician: each component beside its reasons and evidence. */
export function renderText(plan: Plan): string {
  const lines: string[] = [];
  const banner = statusBanner(plan);
  if (banner !== undefined) lines.push(`!!! ${banner}`, "");
  lines.push(heading(plan), "");

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
  for (const w of plan.withheld) lines.push(`- ${w.id}: ${w.reason} (rule ${w.rule})`);
  if (plan.withheld.length === 0) lines.push("(none)");

  lines.push("", `DATA GAPS (${plan.dataGaps.length})`);
  for (const g of plan.dataGaps) lines.push(`- ${g.fact}: ${g.reason}`);
  if (plan.dataGaps.length === 0) lines.push("(none)");

  lines.push("", ruleCounts(plan));
  return `${lines.join("\n")}\n`;
}
