import { safeParseAssessment } from "../assessment/index.js";
import { changesSince } from "../compose/changes.js";
import { compose } from "../compose/compose.js";
import { prepare } from "../compose/prepare.js";
import type { Issue, Result } from "../errors.js";
import { factDeriver } from "../facts/catalog.js";
import type { Assessment, Plan } from "../generated/types.js";
import type { Ruleset } from "../ruleset/types.js";

/**
 * One side of an impact (the pack before or after the edit) planning assessments that were
 * validated already: `createEngine(ruleset).safeRecommend` without its validation, so an
 * assessment planned on both sides is validated once, not twice (a quarter of a plan's time).
 * Its plans must equal the engine's: tests/core/impact/planner.test.ts compares them.
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
 * A planner over one ruleset, built as `createEngine` builds its engine (src/core/engine.ts).
 *
 * @example
 * const side = impactPlanner(ruleset);
 * const parsed = safeParseAssessment(input);
 * if (parsed.ok && side.profileIssue(undefined) === undefined) side.plan(parsed.value, undefined);
 */
export function impactPlanner(ruleset: Ruleset): ImpactPlanner {
  const profiles = new Set(ruleset.profiles.map((p) => p.id));
  const catalog = new Map([...ruleset.components.keys()].map((id, i) => [id, i]));
  const catalogOrder = (id: string) => catalog.get(id) ?? catalog.size;
  const deriveFacts = factDeriver(prepare(ruleset).reads);
  const fieldKeys = new Map(
    [...ruleset.facts.values()].flatMap((fact) => fact.collect).map((field) => [field, field.split(".")]),
  );
  return {
    ruleset,
    profileIssue(profile = ruleset.defaultProfile) {
      if (profiles.has(profile)) return undefined;
      return {
        code: "engine/unknown-profile",
        path: "",
        severity: "error",
        message: `unknown profile "${profile}": this pack has ${[...profiles].map((p) => `"${p}"`).join(", ")}`,
      };
    },
    plan(assessment, profile = ruleset.defaultProfile) {
      const made = compose(ruleset, {
        facts: deriveFacts(assessment),
        profile,
        assessmentHas: (field) => hasPath(assessment, fieldKeys.get(field) ?? field.split(".")),
        requested: new Set(assessment.preferences?.requestedTreatments ?? []),
        ...(assessment.id === undefined ? {} : { assessmentId: assessment.id }),
      });
      const previous = assessment.followUp?.previousComponents;
      return previous === undefined
        ? made
        : { ...made, changes: changesSince(previous, made, catalogOrder, (id) => catalog.has(id)) };
    },
  };
}

/** Whether the field at `keys` (a dotted path, split) holds a value in the assessment. */
function hasPath(assessment: Assessment, keys: readonly string[]): boolean {
  let node: unknown = assessment;
  for (const key of keys) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, key)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return node !== undefined && node !== null;
}
