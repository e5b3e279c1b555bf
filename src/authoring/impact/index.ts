/**
 * The impact of an edit to a rule pack: the same assessments planned with the pack before and
 * after, and what changed in their plans.
 */
export { compareRulesets, impactReport, impactSides } from "./compare.js";
export type { CompareOptions, ImpactInput } from "./compare.js";
export { diffPlans } from "./plan-diff.js";
export type { DetailChange, PlanDiff, RuleChange } from "./plan-diff.js";
export { packEdits } from "./edits.js";
export { rulesetFromTransfer, rulesetTransfer } from "./pack-transfer.js";
export { planPrepared, planRange, prepareRange } from "./plan-range.js";
export type { ImpactSides, PreparedRange, PreparedSubject, RangeOptions, RangeOutcome } from "./plan-range.js";
export { impactPlanner, validateAssessment, validatedAlready } from "./planner.js";
export type { AssessmentValidator, ImpactPlanner } from "./planner.js";
export { renderImpactText } from "./render-text.js";
export { cohortSubjects, cohortWindow, generatedSubjects, scenarioSubjects } from "./subjects.js";
export type { ImpactSubject, ScenarioSource, SubjectList, SubjectRef } from "./subjects.js";
export type * from "./types.js";
