/**
 * The impact of an edit to a rule pack: the same assessments planned with the pack before and
 * after, and what changed in their plans.
 */
export { compareRulesets, impactReport, impactSides } from "./compare.js";
export type { CompareOptions, ImpactInput } from "./compare.js";
export { diffPlans } from "./plan-diff.js";
export type { PlanDiff } from "./plan-diff.js";
export { rulesetFromTransfer, rulesetTransfer } from "../../core/load/pack-json/transfer.js";
export { planPrepared, planRange, prepareRange } from "./plan-range.js";
export type { ImpactSides, RangeOutcome } from "./plan-range.js";
export { impactPlanner, validatedAlready } from "./planner.js";
export type { AssessmentValidator, ImpactPlanner } from "./planner.js";
export { renderImpactText } from "./render-text.js";
export { cohortSubjects, generatedSubjects, scenarioSubjects } from "./subjects.js";
export type { SubjectList } from "./subjects.js";
export type * from "./types.js";
