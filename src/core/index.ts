/**
 * backplan's browser-safe core: compile a rule pack from file texts, then turn assessments into
 * explained care plans. No I/O, no Node APIs, no eval: it bundles for EHR pages.
 *
 * @example
 * import { compileRuleset, createEngine, renderPlan } from "backplan";
 * const engine = createEngine(compileRuleset(files)); // files: { path, text }[]
 * const plan = engine.recommend(assessment, { profile: "acp-2017" });
 * console.log(renderPlan(plan, "text"));
 */
export { createEngine } from "./engine.js";
export type { Engine, RecommendOptions, RecommendResult } from "./engine.js";
export { checkRuleset, compileRuleset, safeCompileRuleset } from "./ruleset/index.js";
export type { CompiledRule, CompileOptions, Governance, Ruleset, RuleFileText, ScenarioTest } from "./ruleset/types.js";
export type { CheckOptions, RulesetCheck } from "./ruleset/check-ruleset.js";
export { parseAssessment, safeParseAssessment } from "./assessment/index.js";
export { deriveFacts, factCatalog } from "./facts/catalog.js";
export type { FactDefinition, FactType, FactValue, Facts } from "./facts/types.js";
export { FORMATS, renderPlan } from "./render/index.js";
export { explainPlan, renderExplanation, safeExplainPlan } from "./explain/index.js";
export type { ExplainOptions, Explanation, Finding, MissingAnswer, RuleExplanation } from "./explain/index.js";
export {
  BACKPLAN_QUESTIONNAIRE,
  backplanQuestionnaire,
  bundleToAssessment,
  episodeSeries,
  type EpisodeSeries,
  type FhirIntake,
  type IntakeOptions,
} from "./fhir/intake/index.js";
export { planToFhir, type FhirPlan, type FhirPlanContext } from "./fhir/output/index.js";
export { runScenario } from "./scenarios/run-scenario.js";
export type { ScenarioOptions, ScenarioResult, UnmetExpectation } from "./scenarios/run-scenario.js";
export type { Format } from "./render/index.js";
export { AssessmentError, BackplanError, RulesetError, formatIssue, isBackplanError } from "./errors.js";
export type { BackplanErrorCode, Issue, Result, Severity, SourcePosition } from "./errors.js";
export type {
  Assessment,
  Category,
  DataGap,
  Details,
  Plan,
  PlanComponent,
  PlanEvidence,
  PlanReason,
  TraceEntry,
  WithheldComponent,
} from "./generated/types.js";
