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
 * The explanation as markdown: the plan in brief, a section per rule in the order it ran, then one
 * per contraindication of the components the rules chose.
 */
export function renderExplanationMarkdown(explanation: Explanation): string {
  const lines = [
    `# ${escape(title(explanation))}`,
    "",
    ...overview(explanation).map((line) => `${escape(line)}  `),
    "",
  ];
  for (const section of summarySections(explanation)) {
    lines.push(`**${escape(section.title)}**`, "");
    lines.push(...(section.items.length === 0 ? ["_None._"] : section.items.map((item) => `- ${escape(item)}`)), "");
  }
  lines.push("## Rules, highest priority first");
  for (const rule of explanation.rules) {
    lines.push("", `### ${escape(ruleHeading(rule))}`, "", `_${escape(ruleWhere(rule))}_`, "");
    lines.push(...ruleDetails(rule).map((line) => `- ${escape(line)}`));
  }
  if (explanation.contraindications.length > 0) {
    lines.push("", "## Contraindications of the components the rules chose");
    for (const c of explanation.contraindications) {
      lines.push("", `### ${escape(contraindicationHeading(c))}`, "", `_guards \`${c.component}\`_`, "");
      lines.push(...contraindicationDetails(c).map((line) => `- ${escape(line)}`));
    }
  }
  if (explanation.inactive.length > 0) {
    lines.push("", "## Not run (draft or retired)", "");
    for (const rule of explanation.inactive)
      lines.push(`- ${escape(inactiveHeading(rule))} (${escape(ruleWhere(rule))})`);
  }
  return `${lines.join("\n")}\n`;
}

/** Escapes the characters that would turn clinical text into markup (as the plan's markdown does). */
function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>|#])/g, "\\$1");
}
