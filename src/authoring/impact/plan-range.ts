import { formatIssue, type Result } from "../../core/errors.js";
import type { Assessment, Plan } from "../../core/generated/types.js";
import { diffPlans, type PlanDiff } from "./plan-diff.js";
import { validateAssessment, type AssessmentValidator, type ImpactPlanner } from "./planner.js";
import type { ImpactSubject, SubjectList } from "./subjects.js";
import type { ImpactExample, SkippedAssessment } from "./types.js";

/** The two sides of an impact: the pack before the edit and after it. */
export interface ImpactSides {
  readonly base: ImpactPlanner;
  readonly head: ImpactPlanner;
}

/**
 * What planning subjects `start` to `end - 1` on both sides found: plain data (a worker thread
 * posts it as it is), every list by subject position. Ranges merge into a section in order of
 * position whoever planned them, so the report does not depend on how the subjects were split.
 */
export interface RangeOutcome {
  readonly start: number;
  readonly end: number;
  /** Assessments planned on both sides. */
  readonly planned: number;
  /** The plans that changed. */
  readonly changed: readonly { readonly subject: number; readonly diff: PlanDiff }[];
  /** The assessments one side or both could not plan. */
  readonly skipped: readonly { readonly subject: number; readonly skipped: SkippedAssessment }[];
}

export interface RangeOptions {
  /** The profile for assessments that name none; each pack's default when omitted. */
  readonly profile?: string | undefined;
  /** Validates each assessment (once, for both sides); `safeParseAssessment` by default. */
  readonly validate?: AssessmentValidator;
}

/**
 * Subjects `start` to `end - 1`, made (a generated cohort's) and validated before the packs are
 * known: what a worker thread does while the packs load. `planPrepared` plans them.
 */
export interface PreparedRange {
  readonly start: number;
  readonly end: number;
  readonly subjects: readonly PreparedSubject[];
}

export interface PreparedSubject {
  readonly index: number;
  readonly subject: ImpactSubject;
  /** The assessment validated; validated when first needed when absent. */
  readonly parsed?: Result<Assessment>;
}

/**
 * Plans subjects `start` to `end - 1` with both sides and diffs their plans. Each assessment is
 * validated once; an invalid one (or a profile a side lacks) is skipped, with why.
 *
 * @example planRange(sides, generatedSubjects(10_000, 1), 0, 2_500).changed.length; // 103
 */
export function planRange(
  sides: ImpactSides,
  subjects: SubjectList,
  start: number,
  end: number,
  options: RangeOptions = {},
): RangeOutcome {
  const prepared: PreparedSubject[] = [];
  for (let index = start; index < end; index++) {
    const subject = subjects.at(index);
    if (subject !== undefined) prepared.push({ index, subject });
  }
  return planPrepared(sides, { start, end, subjects: prepared }, options);
}

/**
 * Makes and validates subjects `start` to `end - 1`, for `planPrepared`.
 *
 * @example planPrepared(sides, prepareRange(generatedSubjects(10_000, 1), 0, 500), {});
 */
export function prepareRange(
  subjects: SubjectList,
  start: number,
  end: number,
  validate: AssessmentValidator = validateAssessment,
): PreparedRange {
  const prepared: PreparedSubject[] = [];
  for (let index = start; index < end; index++) {
    const subject = subjects.at(index);
    if (subject !== undefined) prepared.push({ index, subject, parsed: validate(subject.assessment) });
  }
  return { start, end, subjects: prepared };
}

/** Plans prepared subjects with both sides and diffs their plans (see `planRange`). */
export function planPrepared(
  sides: ImpactSides,
  { start, end, subjects }: PreparedRange,
  { profile: cohortProfile, validate = validateAssessment }: RangeOptions = {},
): RangeOutcome {
  const changed: { subject: number; diff: PlanDiff }[] = [];
  const skipped: { subject: number; skipped: SkippedAssessment }[] = [];
  let planned = 0;
  for (const { index, subject, parsed: prepared } of subjects) {
    const profile = subject.profile ?? cohortProfile;
    // Validated when a side first needs it, then never again; as in the engine, a side whose
    // pack lacks the profile says so without validating.
    let parsed = prepared;
    const side = (planner: ImpactPlanner): Result<Plan> => {
      const issue = planner.profileIssue(profile);
      if (issue !== undefined) return { ok: false, issues: [issue] };
      parsed ??= validate(subject.assessment);
      return parsed.ok ? { ok: true, value: planner.plan(parsed.value, profile), warnings: [] } : parsed;
    };
    const before = side(sides.base);
    const after = side(sides.head);
    if (!before.ok || !after.ok) {
      skipped.push({ subject: index, skipped: skip(subject, before, after) });
      continue;
    }
    planned++;
    const diff = diffPlans(before.value, after.value);
    if (diff.change !== "none") changed.push({ subject: index, diff });
  }
  return { start, end, planned, changed, skipped };
}

function skip(subject: ImpactSubject, before: Result<Plan>, after: Result<Plan>): SkippedAssessment {
  const example: ImpactExample = subject.ref.kind === "scenario" ? subject.ref : { ...subject.ref, facts: {} };
  const problems = (result: Result<Plan>) => (result.ok ? [] : result.issues.map(formatIssue));
  if (!before.ok && !after.ok) return { example, side: "both", problems: problems(before) };
  return before.ok
    ? { example, side: "head", problems: problems(after) }
    : { example, side: "base", problems: problems(before) };
}
