import { parseAssessment, safeParseAssessment } from "./assessment/index.js";
import { BackplanError, type Issue } from "../errors.js";
import type { Assessment, Plan } from "../generated/types.js";
import { createPlanner } from "./planner.js";
import type { Ruleset } from "../load/types.js";

export interface RecommendOptions {
  /** A guideline profile of the pack; the pack's default when omitted. */
  readonly profile?: string;
}

/**
 * What `safeRecommend` returns: the plan, or why there is none. `code` tells whose mistake it is:
 * `ASSESSMENT_INVALID`, the input's (every problem, with its path: a service answers 422); or
 * `PROFILE_UNKNOWN`, the caller's own configuration (one `engine/unknown-profile` issue naming the
 * pack's profiles: a 400 or a startup error). The codes are those `recommend` throws with.
 */
export type RecommendResult =
  | { ok: true; value: Plan; warnings: readonly Issue[] }
  | { ok: false; code: "ASSESSMENT_INVALID" | "PROFILE_UNKNOWN"; issues: readonly Issue[] };

export interface Engine {
  readonly ruleset: Ruleset;
  /**
   * The plan for one assessment. Synchronous and deterministic: the same ruleset and assessment
   * give a deep-equal plan. The assessment is still validated at run time (types do not reach
   * JSON from the outside): throws `AssessmentError` (every problem, with its path) or a
   * `BackplanError` with code `PROFILE_UNKNOWN`. For input not yet known to be an `Assessment`,
   * use `safeRecommend`.
   *
   * @example
   * const engine = createEngine(compileRuleset(files));
   * const plan = engine.recommend({ patient: { age: 40 }, pain: { durationWeeks: 2 } });
   * plan.status; // "incomplete": most of the assessment is missing
   */
  recommend(assessment: Assessment, options?: RecommendOptions): Plan;
  /**
   * As `recommend`, for any input (parsed JSON, a form's values): returns the issues instead of
   * throwing, and says by `code` whether the assessment or the profile was wrong.
   *
   * @example
   * const result = engine.safeRecommend(JSON.parse(body));
   * if (!result.ok) return reply(result.code === "PROFILE_UNKNOWN" ? 400 : 422, result.issues);
   */
  safeRecommend(assessment: unknown, options?: RecommendOptions): RecommendResult;
}

/** An engine over one compiled ruleset. Cheap to create; keep one per ruleset. */
export function createEngine(ruleset: Ruleset): Engine {
  const { profileIssue, plan } = createPlanner(ruleset);

  return {
    ruleset,
    recommend(input, options = {}) {
      const profile = options.profile ?? ruleset.defaultProfile;
      const issue = profileIssue(profile);
      if (issue !== undefined) throw new BackplanError("PROFILE_UNKNOWN", "unknown profile", [issue]);
      return plan(parseAssessment(input), profile);
    },
    safeRecommend(input, options = {}) {
      try {
        return safeRecommend(input, options);
      } catch (error) {
        // A Proxy can answer the validator and throw later, when the rules read it: still a Result.
        return { ok: false, code: "ASSESSMENT_INVALID", issues: [unreadable(error)] };
      }
    },
  };

  function safeRecommend(input: unknown, options: RecommendOptions): RecommendResult {
    const profile = options.profile ?? ruleset.defaultProfile;
    const issue = profileIssue(profile);
    if (issue !== undefined) return { ok: false, code: "PROFILE_UNKNOWN", issues: [issue] };
    const parsed = safeParseAssessment(input);
    if (!parsed.ok) return { ok: false, code: "ASSESSMENT_INVALID", issues: parsed.issues };
    return { ok: true, value: plan(parsed.value, profile), warnings: parsed.warnings };
  }
}

/** An input that threw while the engine read it (only a caller's own code can). */
function unreadable(error: unknown): Issue {
  const message = error instanceof Error ? error.message : String(error);
  const shown = JSON.stringify(message.length > 80 ? `${message.slice(0, 79)}…` : message);
  return {
    code: "engine/unreadable-input",
    path: "",
    severity: "error",
    message: `the assessment could not be read (${shown} was thrown reading it)`,
  };
}
