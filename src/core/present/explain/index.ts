import type { Format } from "../render/index.js";
import { renderExplanationMarkdown } from "./markdown.js";
import { renderExplanationText } from "./text.js";
import type { Explanation } from "./types.js";

export { explainPlan, safeExplainPlan } from "./explain-plan.js";
export type { ExplainOptions } from "./explain-plan.js";
export type * from "./types.js";

/**
 * Renders an explanation for people (`text`, `markdown`) or machines (`json`: the structure
 * itself, whose keys and lists are in a fixed order).
 *
 * @example renderExplanation(explainPlan(engine, assessment), "text")
 */
export function renderExplanation(explanation: Explanation, format: Format): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(explanation, null, 2)}\n`;
    case "text":
      return renderExplanationText(explanation);
    case "markdown":
      return renderExplanationMarkdown(explanation);
  }
}
