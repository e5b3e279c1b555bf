import { beforeAll, describe, expect, it } from "vitest";
import { safeParseAssessment } from "../../../src/core/run/assessment/index.js";
import { generateCohort } from "../../../src/authoring/cohort/index.js";
import { createEngine } from "../../../src/core/run/engine.js";
import { impactPlanner, rulesetFromTransfer, rulesetTransfer } from "../../../src/authoring/impact/index.js";
import type { Ruleset } from "../../../src/core/load/types.js";
import { packAndEdited } from "./impact-packs.js";

let packs: { base: Ruleset; head: Ruleset };
beforeAll(async () => {
  packs = await packAndEdited();
});

/** The scenario tests' assessments under their profiles, and a generated cohort under each profile. */
function cases(ruleset: Ruleset): { assessment: unknown; profile: string | undefined }[] {
  const profiles = [undefined, ...ruleset.profiles.map((p) => p.id)];
  return [
    ...ruleset.scenarios.map(({ scenario }) => ({ assessment: scenario.assessment, profile: scenario.profile })),
    ...generateCohort(600, 7).map((assessment, i) => ({ assessment, profile: profiles[i % profiles.length] })),
  ];
}

describe("impactPlanner", () => {
  it("plans a validated assessment as the engine plans it (the engine's plan without its validation)", () => {
    for (const ruleset of [packs.base, packs.head]) {
      const [engine, planner] = [createEngine(ruleset), impactPlanner(ruleset)];
      let planned = 0;
      for (const { assessment, profile } of cases(ruleset)) {
        const parsed = safeParseAssessment(assessment);
        if (!parsed.ok) continue;
        const options = profile === undefined ? {} : { profile };
        expect(planner.plan(parsed.value, profile)).toEqual(engine.recommend(parsed.value, options));
        planned++;
      }
      expect(planned).toBeGreaterThan(500);
    }
  });

  it("names a profile the pack lacks as the engine does", () => {
    const [engine, planner] = [createEngine(packs.base), impactPlanner(packs.base)];
    const result = engine.safeRecommend(generateCohort(1, 1)[0], { profile: "nice-ng999" });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues).toEqual([planner.profileIssue("nice-ng999")]);
    expect(planner.profileIssue(undefined)).toBeUndefined();
    expect(planner.profileIssue(packs.base.defaultProfile)).toBeUndefined();
  });
});

describe("rulesetFromTransfer", () => {
  it("compiles a transferred ruleset (what a worker thread is sent) into one that plans the same", () => {
    const transfer = rulesetTransfer(packs.head);
    // Plain data: what postMessage's structured clone carries between threads.
    const again = rulesetFromTransfer(structuredClone(transfer));
    expect([again.name, again.version, again.digest, again.rules.length]).toEqual([
      packs.head.name,
      packs.head.version,
      packs.head.digest,
      packs.head.rules.length,
    ]);
    const [original, copy] = [createEngine(packs.head), createEngine(again)];
    for (const { assessment, profile } of cases(packs.head)) {
      const options = profile === undefined ? {} : { profile };
      expect(copy.safeRecommend(assessment, options)).toEqual(original.safeRecommend(assessment, options));
    }
  });
});
