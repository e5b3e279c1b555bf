import type { Explanation } from "./types.js";
import {
  contraindicationDetails,
  contraindicationHeading,
  inactiveHeading,
  overview,
  ruleDetails,
  ruleHeading,
  ruleWhere,
  summarySections,
  title,
} from "./wording.js";

/**
 * The explanation as plain text: the plan in brief, each rule in the order it ran, then the
 * contraindications of the components the rules chose.
 */
export function renderExplanationText(explanation: Explanation): string {
  const lines = [title(explanation), ...overview(explanation), ""];
  for (const section of summarySections(explanation)) {
    lines.push(`${section.title}${section.items.length === 0 ? ": none" : ":"}`);
    lines.push(...section.items.map((item) => `  - ${item}`));
  }
  lines.push("", "RULES, HIGHEST PRIORITY FIRST");
  for (const rule of explanation.rules) {
    lines.push("", ruleHeading(rule), `  ${ruleWhere(rule)}`, ...ruleDetails(rule).map((line) => `  - ${line}`));
  }
  if (explanation.contraindications.length > 0) {
    lines.push("", "CONTRAINDICATIONS OF THE COMPONENTS THE RULES CHOSE");
    for (const c of explanation.contraindications) {
      lines.push("", contraindicationHeading(c), `  guards ${c.component}`);
      lines.push(...contraindicationDetails(c).map((line) => `  - ${line}`));
    }
  }
  if (explanation.inactive.length > 0) {
    lines.push("", "NOT RUN (DRAFT OR RETIRED)");
    for (const rule of explanation.inactive) lines.push("", inactiveHeading(rule), `  ${ruleWhere(rule)}`);
  }
  return `${lines.join("\n")}\n`;
}
