/**
 * backplan for browser pages (EHR plugins): load a pack.json made by `backplan bundle`, turn
 * assessments into explained plans, render them. No YAML parser, no file access, no eval: the
 * bundle (dist/browser/backplan.js) runs under `Content-Security-Policy: script-src 'self'`.
 * The npm package exports this module as `backplan/browser`, for plugins built with a bundler.
 *
 * @example
 * import { createEngine, formatIssue, rulesetFromJsonText, renderPlan } from "./backplan.js"; // or "backplan/browser"
 * // The text, not `.json()`: one parse instead of three (rulesetFromJson takes the parsed object).
 * const loaded = rulesetFromJsonText(await (await fetch("pack.json")).text());
 * if (!loaded.ok) throw new Error(loaded.issues.map(formatIssue).join("\n"));
 * const plan = createEngine(loaded.value).recommend(assessment);
 * output.textContent = renderPlan(plan, "text");
 * // A progress chart of the record's visits (an SVG string: no script, no style attribute):
 * const svg = progressChartSvg(episodeSeries(fhirBundle, { assessedOn: "2026-11-23" }));
 */
export { createEngine } from "./core/run/engine.js";
export type { Engine, RecommendOptions, RecommendResult } from "./core/run/engine.js";
export { PACK_JSON_FORMAT, packToJson, rulesetFromJson, rulesetFromJsonText } from "./core/load/pack-json/index.js";
export type { PackJson, PackJsonOptions } from "./core/load/pack-json/index.js";
export type { CompiledRule, Governance, Ruleset } from "./core/load/types.js";
export { parseAssessment, safeParseAssessment } from "./core/run/assessment/index.js";
export { FORMATS, progressChartSvg, renderPlan } from "./core/present/render/index.js";
export type {
  Format,
  ProgressPlanChange,
  ProgressChartOptions,
  ProgressPoint,
  ProgressSeries,
} from "./core/present/render/index.js";
export { explainPlan, renderExplanation, safeExplainPlan } from "./core/present/explain/index.js";
export type { ExplainOptions, Explanation } from "./core/present/explain/index.js";
export { AssessmentError, BackplanError, RulesetError, formatIssue, isBackplanError } from "./core/errors.js";
export type { Issue, Result } from "./core/errors.js";
export type {
  Assessment,
  DataGap,
  Plan,
  PlanComponent,
  PlanEvidence,
  PlanReason,
  WithheldComponent,
} from "./core/generated/types.js";
export { bundleToAssessment, episodeSeries } from "./core/interop/fhir/intake/index.js";
export type {
  EpisodeOptions,
  EpisodePlanChange,
  EpisodePoint,
  EpisodeSeries,
  FhirIntake,
  IntakeOptions,
} from "./core/interop/fhir/intake/index.js";
export { planToFhir } from "./core/interop/fhir/output/index.js";
export type { FhirPlan, FhirPlanContext } from "./core/interop/fhir/output/index.js";
