/**
 * backplan's authoring toolkit, pure like the core and kept out of its entry point so an EHR
 * bundle never carries it: scenario coverage, the rulebook, the impact of an edit, the synthetic
 * cohort, the canonical layout of rule files and what guards each component. The `backplan`
 * commands `test --coverage`, `rulebook`, `impact`, `fmt` and `lint --guards` are thin edges over
 * these.
 *
 * @example
 * import { compareRulesets, generatedSubjects, renderImpactText } from "backplan/authoring";
 */
export { coverageShortfalls, GATED_MEASURES } from "./scenarios/coverage-gate.js";
export type { GatedMeasure, Shortfall } from "./scenarios/coverage-gate.js";
export { measureCoverage, seenBothWays } from "./scenarios/coverage.js";
export type {
  ConditionCoverage,
  Coverage,
  CoverageOptions,
  CoverageSummary,
  Measure,
  RuleCoverage,
  ScenarioRun,
  ThresholdCoverage,
} from "./scenarios/coverage.js";
export { buildRulebook, RULEBOOK_FORMATS, renderRulebookHtml, renderRulebookMarkdown } from "./rulebook/index.js";
export type { Rulebook, RulebookFormat, RulebookOptions } from "./rulebook/index.js";
export {
  cohortSubjects,
  compareRulesets,
  diffPlans,
  generatedSubjects,
  renderImpactText,
  scenarioSubjects,
} from "./impact/index.js";
export type { CompareOptions, ImpactInput, ImpactReport, PlanDiff } from "./impact/index.js";
export { generateAssessment, generateCohort } from "./cohort/index.js";
export { formatRuleFile } from "./format/index.js";
export { componentGuards } from "../core/load/component-guards.js";
export type { ComponentGuards, GuardingContraindication, GuardingRule } from "../core/load/component-guards.js";
