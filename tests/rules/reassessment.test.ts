/**
 * Laws of reassessment at a follow-up visit (reference §6.10) over generated assessments on the
 * bundled pack (fast-check, 1,000 runs each). Each assessment is a valid one from
 * validAssessmentArb with a followUp added: a baseline ODI and NPRS, today's ODI % and NPRS drawn
 * close to the minimal important change more often than not, the weeks since baseline around the
 * 4- and 6-week cut-offs, adherence, and previous components from the catalogue's real ids (the
 * exercise programme, CBT and a specialist opinion made common). Each law counts the runs that met
 * its case, so none passes vacuously.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/core/run/engine.js";
import { deriveFacts } from "../../src/core/run/facts/catalog.js";
import type { Assessment, Plan } from "../../src/core/generated/types.js";
import { compileRuleset } from "../../src/core/load/index.js";
import { validAssessmentArb } from "../arbitraries/assessment.js";
import { bundledFiles } from "../properties/bundled-pack.js";

const ruleset = compileRuleset(bundledFiles);
const engine = createEngine(ruleset);
const RUNS = { numRuns: 1000 };
const profileArb = fc.constantFrom(...ruleset.profiles.map((p) => p.id));

type FollowUp = NonNullable<Assessment["followUp"]>;
type Change = "improved" | "unchanged" | "worse";

const COMPONENT_IDS = [...ruleset.components.keys()];
/** What steps care up (§6.10): the combined programme, then a specialist opinion. */
const ESCALATIONS = ["cbt", "spinal-specialist-referral"] as const;
/** Courses of supervised sessions: exercise, motor control, psychological therapy. */
const SUPERVISED_CATEGORIES = new Set(["physiotherapy", "motor-control", "psychological"]);
const STEP_DOWN_RULES = ["follow-up-improved-step-down", "follow-up-improved-finish-cbt"];

/** A score today near a baseline: often within a few points of it, sometimes anywhere. */
function todayNear(baseline: number, max: number, step: number): fc.Arbitrary<number> {
  const clamp = (n: number) => Math.min(max, Math.max(0, n));
  return fc.oneof(
    fc.integer({ min: -12, max: 12 }).map((d) => clamp(Math.round((baseline + d * step) * 10) / 10)),
    fc.integer({ min: 0, max: max / step }).map((n) => Math.round(n * step * 10) / 10),
  );
}

/**
 * ODI in whole percentage points and NPRS in tenths: a percentage below 30 then always reports
 * below 30.0 at one decimal (the instrument's rounding), so the independent computation below
 * can compare exact fractions.
 */
const trajectoryArb = fc
  .record({
    odiBaseline: fc.integer({ min: 0, max: 100 }),
    painBaseline: fc.oneof(
      fc.integer({ min: 0, max: 10 }),
      fc.integer({ min: 0, max: 100 }).map((n) => n / 10),
    ),
  })
  .chain(({ odiBaseline, painBaseline }) =>
    fc.record({
      odiBaseline: fc.constant(odiBaseline),
      painBaseline: fc.constant(painBaseline),
      odiToday: todayNear(odiBaseline, 100, 1),
      painToday: todayNear(painBaseline, 10, 0.5),
    }),
  );

const followUpArb = fc.record({
  weeksSinceBaseline: fc.oneof(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 0, max: 52 })),
  sessionsAttended: fc.integer({ min: 0, max: 12 }),
  adherence: fc.constantFrom("good", "partial", "poor" as const),
  others: fc.subarray(COMPONENT_IDS, { maxLength: 5 }),
  exercise: fc.boolean(),
  cbt: fc.boolean(),
  specialist: fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }),
});

type Trajectory = { odiBaseline: number; painBaseline: number; odiToday: number; painToday: number };
type FollowUpDraw = typeof followUpArb extends fc.Arbitrary<infer T> ? T : never;

function previousComponents(draw: FollowUpDraw): string[] {
  const previous = new Set(draw.others);
  const toggle = (id: string, on: boolean) => (on ? previous.add(id) : previous.delete(id));
  toggle("physiotherapy-exercise", draw.exercise);
  toggle("cbt", draw.cbt);
  toggle("spinal-specialist-referral", draw.specialist);
  return [...previous];
}

/** The assessment at a follow-up: the same findings, today's ODI and NPRS from the trajectory. */
function atFollowUp(assessment: Assessment, draw: FollowUpDraw, t: Trajectory): Assessment {
  const a = structuredClone(assessment);
  a.pain = { ...a.pain, intensity: t.painToday };
  a.questionnaires = { ...a.questionnaires, odi: { percent: t.odiToday } };
  const followUp: FollowUp = {
    weeksSinceBaseline: draw.weeksSinceBaseline,
    baseline: { odiPercent: t.odiBaseline, painIntensity: t.painBaseline },
    sessionsAttended: draw.sessionsAttended,
    adherence: draw.adherence,
    previousComponents: previousComponents(draw),
  };
  a.followUp = followUp;
  return a;
}

const has = (plan: Plan, id: string) => plan.components.some((c) => c.id === id);
const fired = (plan: Plan, rule: string) => plan.trace.some((t) => t.rule === rule && t.outcome === "fired");

/** Escalations the plan holds that the last plan did not. */
const newEscalations = (plan: Plan, previous: readonly string[]): string[] =>
  ESCALATIONS.filter((id) => has(plan, id) && !previous.includes(id));

/**
 * The intensity of a plan, defined for these laws as a pair compared in order:
 * 1. the step of the escalation ladder the plan holds, whether new or kept from the last plan:
 *    2 for a spinal specialist opinion, 1 for the combined programme (cbt), else 0;
 * 2. the supervised sessions planned: the sum of details.sessions over the components of the
 *    physiotherapy, motor-control and psychological categories (absent sessions count 0).
 * A plan is at most as intensive as another when its step is lower, or the same step with no more
 * sessions. At step 2 sessions are not compared: §6.10 sends a worse patient for a specialist
 * review of the diagnosis rather than stepping up, so a worse patient referred (e.g. for acute
 * severe sciatica as well) may rightly have fewer sessions than an unchanged one who is stepped up.
 */
function intensity(plan: Plan, leaving: ReadonlySet<string> = new Set()): { step: number; sessions: number } {
  const holds = (id: string) => has(plan, id) && !leaving.has(id);
  const step = holds("spinal-specialist-referral") ? 2 : holds("cbt") ? 1 : 0;
  const sessions = plan.components
    .filter((c) => SUPERVISED_CATEGORIES.has(c.category) && !leaving.has(c.id))
    .reduce((sum, c) => sum + (c.details.sessions ?? 0), 0);
  return { step, sessions };
}

/**
 * Change in a score from the spec (§6.10, Ostelo 2008), written independently of the instrument:
 * improved when better by at least `points`, or by at least `percent` % of the baseline and at
 * least `floor` points; worse likewise the other way; no percentage of a baseline of 0. Scores
 * are compared in tenths as exact integers, so no rounding enters.
 */
function expectedChange(baseline: number, today: number, points: number, percent: number, floor: number): Change {
  const b = Math.round(baseline * 10);
  const d = b - Math.round(today * 10); // tenths, positive is better
  const reaches = (delta: number) =>
    delta >= points * 10 || (b > 0 && delta * 100 >= percent * b && delta >= floor * 10);
  return reaches(d) ? "improved" : reaches(-d) ? "worse" : "unchanged";
}

function expectedOverall(fn: Change, pain: Change): Change {
  const improved = fn === "improved" || pain === "improved";
  const worse = fn === "worse" || pain === "worse";
  if (improved && !worse) return "improved";
  if (worse && !improved) return "worse";
  return "unchanged";
}

const expectedOf = (t: Trajectory) => {
  const fn = expectedChange(t.odiBaseline, t.odiToday, 10, 30, 5);
  const pain = expectedChange(t.painBaseline, t.painToday, 2, 30, 1);
  return { fn, pain, overall: expectedOverall(fn, pain) };
};

const caseArb = fc.tuple(validAssessmentArb, followUpArb, trajectoryArb, profileArb);

function check(law: (assessment: Assessment, plan: Plan, t: Trajectory) => boolean): number {
  let exercised = 0;
  fc.assert(
    fc.property(caseArb, ([assessment, draw, t, profile]) => {
      const a = atFollowUp(assessment, draw, t);
      if (law(a, engine.recommend(a, { profile }), t)) exercised++;
    }),
    RUNS,
  );
  return exercised;
}

describe("reassessment laws on the bundled pack", () => {
  it("a better trajectory never gets a more intensive plan than a worse one, for the same findings", () => {
    let stricter = 0;
    const kept = new Map<string, number>();
    let exercised = 0;
    // Two trajectories from one baseline: the better one's ODI and NPRS today are each at most
    // the worse one's.
    const pairArb = trajectoryArb.chain((worse) =>
      fc
        .record({ odi: fc.integer({ min: 0, max: 30 }), pain: fc.integer({ min: 0, max: 40 }) })
        .map(({ odi, pain }) => ({
          worse,
          better: {
            ...worse,
            odiToday: Math.max(0, worse.odiToday - odi),
            painToday: Math.max(0, Math.round((worse.painToday - pain / 10) * 10) / 10),
          },
        })),
    );
    fc.assert(
      fc.property(validAssessmentArb, followUpArb, pairArb, profileArb, (assessment, draw, pair, profile) => {
        const betterPlan = engine.recommend(atFollowUp(assessment, draw, pair.better), { profile });
        const worsePlan = engine.recommend(atFollowUp(assessment, draw, pair.worse), { profile });
        if (betterPlan.urgency === "emergency" || worsePlan.urgency === "emergency") return;
        const better = intensity(betterPlan);
        const worse = intensity(worsePlan);
        const atMost = (b: { step: number; sessions: number }) =>
          b.step < worse.step || (b.step === worse.step && (b.step === 2 || b.sessions <= worse.sessions));
        if (!atMost(better)) {
          // Known exception, reported with this suite: an improved patient keeps what is under
          // way (the exercise programme stepped down to two review sessions, a CBT course
          // finished), while a patient not improving loses it whenever no other rule adds it
          // again (no rule of reassessment.yaml keeps it). The law must hold without those.
          const keptOnlyWhenImproved = new Set(
            betterPlan.components
              .filter((c) => c.reasons.some((r) => STEP_DOWN_RULES.includes(r.rule)) && !has(worsePlan, c.id))
              .map((c) => c.id),
          );
          expect(keptOnlyWhenImproved.size, "the better trajectory gets a more intensive plan").toBeGreaterThan(0);
          expect(atMost(intensity(betterPlan, keptOnlyWhenImproved)), "more intensive beyond what it keeps").toBe(true);
          keptOnlyWhenImproved.forEach((id) => kept.set(id, (kept.get(id) ?? 0) + 1));
        }
        const overall = [expectedOf(pair.better).overall, expectedOf(pair.worse).overall];
        if (overall[0] !== overall[1]) exercised++;
        if (better.step < worse.step || better.sessions < worse.sessions) stricter++;
      }),
      RUNS,
    );
    console.info(
      `monotonicity: ${exercised} runs with different progress, ${stricter} with a strictly less intensive better plan, known exception (kept only when improved): ${JSON.stringify(Object.fromEntries(kept))}`,
    );
    expect(exercised).toBeGreaterThan(200);
    expect(stricter).toBeGreaterThan(100);
  });

  it("an improved patient is never escalated: no cbt or specialist opinion the last plan did not hold", () => {
    const exercised = check((assessment, plan) => {
      if (deriveFacts(assessment).get("progress.overall") !== "improved") return false;
      const previous = assessment.followUp?.previousComponents ?? [];
      // One exception, by design: an epidural opinion for sciatica still acute and severe is not
      // tied to failed care (NICE NG59), so improvement does not hold it back.
      const epiduralOnly = (id: string) =>
        plan.components.find((c) => c.id === id)?.reasons.every((r) => r.rule === "sciatica-acute-severe-epidural") ===
        true;
      expect(
        newEscalations(plan, previous).filter((id) => !epiduralOnly(id)),
        "escalated although improved",
      ).toEqual([]);
      return true;
    });
    console.info(`improved, never escalated: ${exercised} runs`);
    expect(exercised).toBeGreaterThan(150);
  });

  it("a worse patient is never stepped down", () => {
    const exercised = check((assessment, plan) => {
      if (deriveFacts(assessment).get("progress.overall") !== "worse") return false;
      for (const rule of STEP_DOWN_RULES) expect(fired(plan, rule), rule).toBe(false);
      expect(fired(plan, "follow-up-improved-discharge-planning")).toBe(false);
      const exercise = plan.components.find((c) => c.id === "physiotherapy-exercise");
      if (exercise !== undefined)
        expect(exercise.reasons.map((r) => r.rule)).not.toContain("follow-up-improved-step-down");
      return true;
    });
    console.info(`worse, never stepped down: ${exercised} runs`);
    expect(exercised).toBeGreaterThan(150);
  });

  it("progress facts agree with the minimal important change computed from the spec", () => {
    let percentAbsent = 0;
    const seen = new Set<string>();
    const exercised = check((assessment, _plan, t) => {
      const facts = deriveFacts(assessment);
      const expected = expectedOf(t);
      expect(facts.get("visit")).toBe("follow-up");
      expect(facts.get("progress.function"), `ODI ${t.odiBaseline} → ${t.odiToday}`).toBe(expected.fn);
      expect(facts.get("progress.pain"), `NPRS ${t.painBaseline} → ${t.painToday}`).toBe(expected.pain);
      expect(facts.get("progress.overall")).toBe(expected.overall);
      expect(facts.get("progress.odiChange")).toBeCloseTo(t.odiBaseline - t.odiToday, 5);
      expect(facts.get("progress.painChange")).toBeCloseTo(t.painBaseline - t.painToday, 5);
      for (const [name, baseline, today] of [
        ["progress.odiChangePercent", t.odiBaseline, t.odiToday],
        ["progress.painChangePercent", t.painBaseline, t.painToday],
      ] as const) {
        if (baseline === 0) {
          expect(facts.has(name), `${name} for a baseline of 0`).toBe(false);
          percentAbsent++;
        } else {
          const percent = facts.get(name) as number;
          expect(Math.abs(percent - ((baseline - today) / baseline) * 100)).toBeLessThanOrEqual(0.05 + 1e-9);
        }
      }
      seen.add(`${expected.fn}/${expected.pain}`);
      return true;
    });
    console.info(`progress facts: ${exercised} runs, ${percentAbsent} percentages absent for a baseline of 0`);
    expect(exercised).toBe(1000);
    expect(seen.size).toBe(9);
    expect(percentAbsent).toBeGreaterThan(5);
  });

  it("a first visit has no progress facts and visit first", () => {
    const exercised = check((assessment) => {
      const first = structuredClone(assessment);
      delete first.followUp;
      const facts = deriveFacts(first);
      expect(facts.get("visit")).toBe("first");
      for (const name of [...facts.keys()]) expect(name.startsWith("progress."), name).toBe(false);
      const plan = engine.recommend(first);
      expect(plan.dataGaps.map((g) => g.fact).filter((f) => f.startsWith("followUp."))).toEqual([]);
      return true;
    });
    expect(exercised).toBe(1000);
  });
});
