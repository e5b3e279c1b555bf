import fc from "fast-check";
import type { Engine } from "../../src/core/run/engine.js";
import type { Assessment, Plan } from "../../src/core/generated/types.js";

/**
 * Runs a law over generated assessments, each planned under a generated profile, and counts the
 * runs that met the law's case (the law returns true for those; it asserts with `expect`
 * inside). Callers assert the count, so a law whose case never comes up fails instead of passing
 * vacuously.
 */
export function lawCases(
  engine: Engine,
  assessments: fc.Arbitrary<Assessment>,
  profiles: fc.Arbitrary<string>,
  runs: fc.Parameters<[Assessment, string]>,
  law: (assessment: Assessment, plan: Plan) => boolean,
): number {
  let met = 0;
  fc.assert(
    fc.property(assessments, profiles, (assessment, profile) => {
      if (law(assessment, engine.recommend(assessment, { profile }))) met++;
    }),
    runs,
  );
  return met;
}
