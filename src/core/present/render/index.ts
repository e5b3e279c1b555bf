import type { Plan } from "../../generated/types.js";
import { renderJson } from "./json.js";
import { renderMarkdown } from "./markdown.js";
import { renderText } from "./text.js";

export type Format = "json" | "text" | "markdown";

export const FORMATS: readonly Format[] = ["json", "text", "markdown"];

/**
 * Renders a plan for machines (`json`) or clinicians (`text`, `markdown`).
 * @example renderPlan(engine.recommend(assessment), "markdown")
 */
export function renderPlan(plan: Plan, format: Format): string {
  switch (format) {
    case "json":
      return renderJson(plan);
    case "text":
      return renderText(plan);
    case "markdown":
      return renderMarkdown(plan);
  }
}

export { renderJson, renderMarkdown, renderText };
export { progressChartSvg } from "./progress-chart.js";
export type { ProgressChartOptions, ProgressPlanChange, ProgressPoint, ProgressSeries } from "./progress-chart.js";
