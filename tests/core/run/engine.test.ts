import { describe, expect, it } from "vitest";
import { deepFreeze } from "../../../src/core/load/compile/deep-freeze.js";
import { createEngine } from "../../../src/core/run/engine.js";
import { AssessmentError, BackplanError, formatIssue, isBackplanError } from "../../../src/core/errors.js";
import { ALWAYS, add, packOf, rule } from "./compose/fixture.js";
import type { Assessment } from "../../../src/core/generated/types.js";

const engine = createEngine(packOf(rule("everyone", 100, ALWAYS, add("education-reassurance"))));
const assessment = { id: "a-1", patient: { age: 40 }, pain: { durationWeeks: 2 } };

describe("createEngine().recommend", () => {
  it("plans under the pack's default profile, echoes the assessment id and stamps the ruleset", () => {
    const plan = engine.recommend(assessment);
    expect(plan.assessmentId).toBe("a-1");
    expect(plan.profile).toBe("nice-ng59");
    expect(plan.ruleset).toEqual({ name: "test-pack", version: "1.0.0", digest: engine.ruleset.digest });
    expect(plan.ruleset.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("leaves out assessmentId when the assessment has no id", () => {
    expect("assessmentId" in engine.recommend({ patient: { age: 40 }, pain: { durationWeeks: 2 } })).toBe(false);
  });

  it("gives byte-identical plans for the same input, and never mutates it", () => {
    const frozen = deepFreeze(structuredClone(assessment));
    expect(JSON.stringify(engine.recommend(frozen))).toBe(
      JSON.stringify(engine.recommend(structuredClone(assessment))),
    );
  });

  it("uses the profile asked for", () => {
    expect(engine.recommend(assessment, { profile: "acp-2017" }).profile).toBe("acp-2017");
  });

  it("rejects a profile the pack does not have, with the ones it has", () => {
    const error = (() => {
      try {
        engine.recommend(assessment, { profile: "nice-ng95" });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(BackplanError);
    expect(isBackplanError(error) && error.code).toBe("PROFILE_UNKNOWN");
    const result = engine.safeRecommend(assessment, { profile: "nice-ng95" });
    expect(result.ok ? [] : result.issues.map(formatIssue)).toMatchInlineSnapshot(`
      [
        "unknown profile "nice-ng95": this pack has "nice-ng59", "acp-2017"",
      ]
    `);
  });

  it("tells a profile error from an assessment's problems by its code", () => {
    const bad = { patient: { age: 200 }, pain: { durationWeeks: 2 } };
    const profile = engine.safeRecommend(assessment, { profile: "nice-ng95" });
    const invalid = engine.safeRecommend(bad);
    expect(profile.ok ? undefined : [profile.code, profile.issues.map((i) => i.code)]).toEqual([
      "PROFILE_UNKNOWN",
      ["engine/unknown-profile"],
    ]);
    expect(invalid.ok ? undefined : invalid.code).toBe("ASSESSMENT_INVALID");
    expect(invalid.ok ? [] : invalid.issues.map((i) => i.code)).not.toContain("engine/unknown-profile");
  });

  it("throws an AssessmentError holding every problem, and makes no plan", () => {
    const bad = { patient: { age: 200 }, pain: { durationWeeks: -1 }, questionnaires: { "phq-9": { total: 3 } } };
    expect(() => engine.recommend(bad as Assessment)).toThrow(AssessmentError);
    const result = engine.safeRecommend(bad);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((i) => i.path).sort()).toEqual([
      "/pain/durationWeeks",
      "/patient/age",
      "/questionnaires/phq-9",
    ]);
  });

  it("rejects __proto__ keys without polluting any prototype", () => {
    const hostile = JSON.parse(
      '{"patient": {"age": 40}, "pain": {"durationWeeks": 2}, "__proto__": {"polluted": true}}',
    ) as unknown;
    const result = engine.safeRecommend(hostile);
    expect(result.ok).toBe(false);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});

describe("a follow-up plan's changes against the last plan", () => {
  const followUpEngine = createEngine(
    packOf(
      rule("everyone", 100, ALWAYS, add("education-reassurance", "for everyone")),
      rule(
        "massage-asked",
        100,
        "{ fact: preferences.requestedTreatments, operator: contains, value: massage }",
        add("massage", "asked for"),
      ),
      rule("no-acupuncture", 100, ALWAYS, '{ withhold: [{ component: acupuncture, reason: "not under this pack" }] }'),
    ),
  );
  const followUp = (previousComponents: string[]) => ({
    ...assessment,
    preferences: { requestedTreatments: ["massage"] },
    followUp: { weeksSinceBaseline: 6, previousComponents },
  });

  it("says what was added, stopped (withheld, or no longer called for) and kept, each with why", () => {
    const plan = followUpEngine.recommend(
      followUp(["acupuncture", "follow-up-reassessment", "education-reassurance"]) as Assessment,
    );
    expect(plan.changes).toEqual({
      added: [{ id: "massage", rule: "massage-asked", reason: "asked for" }],
      stopped: [
        { id: "acupuncture", rule: "no-acupuncture", reason: "not under this pack" },
        {
          id: "follow-up-reassessment",
          reason: "No rule adds it at this visit: what called for it is no longer found",
        },
      ],
      kept: [{ id: "education-reassurance", rule: "everyone", reason: "for everyone" }],
    });
  });

  it("lists stopped components in catalog order, whatever order the last plan was written in", () => {
    const a = followUpEngine.recommend(followUp(["follow-up-reassessment", "acupuncture"]) as Assessment);
    const b = followUpEngine.recommend(followUp(["acupuncture", "follow-up-reassessment"]) as Assessment);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it("has no changes at a first visit", () => {
    expect(followUpEngine.recommend(assessment)).not.toHaveProperty("changes");
  });

  it("lists a previous component this pack does not know (renamed or removed) as stopped, last, and still plans", () => {
    const plan = followUpEngine.recommend(
      followUp(["cbt-online", "education-reassurance", "acupuncture"]) as Assessment,
    );
    expect(plan.changes?.stopped.map((c) => [c.id, c.reason])).toEqual([
      ["acupuncture", "not under this pack"],
      ["cbt-online", "Not a component of this pack (renamed or removed since the last plan): review what replaces it"],
    ]);
  });
});

describe("safeRecommend never throws", () => {
  it("reports a getter without calling it, and a Proxy whose traps throw, as issues", () => {
    let called = false;
    const withGetter = {
      patient: { age: 40 },
      pain: {
        get durationWeeks() {
          called = true;
          throw new Error("boom");
        },
      },
    };
    const getter = engine.safeRecommend(withGetter);
    expect(getter.ok).toBe(false);
    if (!getter.ok)
      expect(getter.issues.map(formatIssue)).toEqual([
        "pain.durationWeeks: expected plain data (an object or a list), found a getter",
      ]);
    expect(called).toBe(false);

    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error("\u001b[2Jtrap");
        },
      },
    );
    const proxied = engine.safeRecommend(hostile);
    expect(proxied.ok).toBe(false);
    if (!proxied.ok) expect(proxied.issues[0]?.message).toContain('"\\u001b[2Jtrap"');
    expect(() => engine.recommend(withGetter as unknown as Assessment)).toThrow(AssessmentError);
  });
});
