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
export { createEngine } from "./run/engine.js";
export type { Engine, RecommendOptions, RecommendResult } from "./run/engine.js";
export { checkRuleset, compileRuleset, safeCompileRuleset } from "./load/index.js";
export type { CompiledRule, CompileOptions, Governance, Ruleset, RuleFileText, ScenarioTest } from "./load/types.js";
export type { CheckOptions, RulesetCheck } from "./load/check-ruleset.js";
export {
  PACK_JSON_FORMAT,
  packJsonText,
  packToJson,
  rulesetFromJson,
  rulesetFromJsonText,
} from "./load/pack-json/index.js";
export type { PackJson, PackJsonOptions } from "./load/pack-json/index.js";
export { assessmentIssueCodes, parseAssessment, safeParseAssessment } from "./run/assessment/index.js";
export type { AssessmentIssueCode } from "./run/assessment/index.js";
export { deriveFacts, factCatalog } from "./run/facts/catalog.js";
export type { FactDefinition, FactType, FactValue, Facts } from "./run/facts/types.js";
export { FORMATS, renderPlan } from "./present/render/index.js";
export { explainPlan, renderExplanation, safeExplainPlan } from "./present/explain/index.js";
export { describeCondition } from "./load/describe.js";
export type { ExplainOptions, Explanation, Finding, MissingAnswer, RuleExplanation } from "./present/explain/index.js";
export {
  activeBackplanCarePlan,
  BACKPLAN_QUESTIONNAIRE,
  backplanQuestionnaire,
  bundleToAssessment,
  episodeSeries,
  instrumentMappings,
  type EpisodeSeries,
  type FhirIntake,
  type InstrumentMapping,
  type IntakeOptions,
} from "./interop/fhir/intake/index.js";
export type { Bundle, CarePlan, QuestionnaireItem, Resource } from "./interop/fhir/types.js";
export { planToFhir, type FhirPlan, type FhirPlanContext } from "./interop/fhir/output/index.js";
export type { Format } from "./present/render/index.js";
export { AssessmentError, BackplanError, RulesetError, formatIssue, isBackplanError, printable } from "./errors.js";
export { isDate } from "./calendar.js";
export { shownValue } from "./words.js";
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
