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
export { conditionPlaces } from "./scenarios/coverage-places.js";
export type { ConditionPlaces } from "./scenarios/coverage-places.js";
export { runScenario } from "./scenarios/run-scenario.js";
export type { ScenarioOptions, ScenarioResult, UnmetExpectation } from "./scenarios/run-scenario.js";
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
export type { CohortSource, CompareOptions, ImpactInput, ImpactReport, PlanDiff, SubjectList } from "./impact/index.js";
// What backplan/node's worker threads need to split compareRulesets over a cohort: the packs as
// transferable data, a range of the cohort planned with both, and the report from the outcomes.
export { impactReport, impactSides, planRange, rulesetTransfer, validatedAlready } from "./impact/index.js";
export type { RangeOutcome } from "./impact/index.js";
export { generateAssessment, generateCohort } from "./cohort/index.js";
export { formatRuleFile, INDENT, LINE_WIDTH, unifiedDiff } from "./format/index.js";
export { componentGuards } from "../core/load/component-guards.js";
export type { ComponentGuards, GuardingContraindication, GuardingRule } from "../core/load/component-guards.js";
