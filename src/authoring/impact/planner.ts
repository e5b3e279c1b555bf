import { safeParseAssessment } from "../../core/run/assessment/index.js";
import type { Issue, Result } from "../../core/errors.js";
import type { Assessment, Plan } from "../../core/generated/types.js";
import { createPlanner } from "../../core/run/planner.js";
import type { Ruleset } from "../../core/load/types.js";

/**
 * One side of an impact (the pack before or after the edit) planning assessments that were
 * validated already: the engine's planner without its validation, so an assessment planned on
 * both sides is validated once, not twice (a quarter of a plan's time).
 */
export interface ImpactPlanner {
  readonly ruleset: Ruleset;
  /** The engine's issue for a profile this pack does not have; `undefined` when it has it. */
  profileIssue(profile: string | undefined): Issue | undefined;
  /** The plan for a valid assessment, under `profile` (the pack's default when omitted). */
  plan(assessment: Assessment, profile: string | undefined): Plan;
}

/** How an impact validates each assessment: `safeParseAssessment`, unless a test counts the calls. */
export type AssessmentValidator = (input: unknown) => Result<Assessment>;

export const validateAssessment: AssessmentValidator = safeParseAssessment;

/**
 * For assessments validated already (a cohort file is checked whole before planning, to list
 * every problem by line): each is its own value, as `safeParseAssessment` returns a valid one.
 */
export const validatedAlready: AssessmentValidator = (input) => ({
  ok: true,
  value: input as Assessment,
  warnings: [],
});

/**
 * A planner over one ruleset: the engine's own (`createPlanner`), with the pack's default profile
 * when none is given.
 *
 * @example
 * const side = impactPlanner(ruleset);
 * const parsed = safeParseAssessment(input);
 * if (parsed.ok && side.profileIssue(undefined) === undefined) side.plan(parsed.value, undefined);
 */
export function impactPlanner(ruleset: Ruleset): ImpactPlanner {
  const planner = createPlanner(ruleset);
  return {
    ruleset,
    profileIssue: (profile = ruleset.defaultProfile) => planner.profileIssue(profile),
    plan: (assessment, profile = ruleset.defaultProfile) => planner.plan(assessment, profile),
  };
}
