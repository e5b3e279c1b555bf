/**
 * Clinical laws of the bundled pack (issue 3), over generated assessments (fast-check, 1,000 runs
 * each). Red flags, a positive PHQ-9 item 9, pregnancy with obesity and requested treatments are
 * rare in realistic data, so each law's arbitrary forces its situation into a share of the cases,
 * and each test asserts afterwards that the law was exercised often enough to mean something.
 *
 * "Exercise" for the NICE packaging law is every component of the catalog categories
 * `physiotherapy` (physiotherapy-exercise, directional-preference-exercise, graded-activity,
 * yoga-or-tai-chi) and `motor-control` (motor-control-training).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/core/run/engine.js";
import type { Assessment, Plan } from "../../src/core/generated/types.js";
import { compileRuleset } from "../../src/core/load/index.js";
import { validAssessmentArb } from "../arbitraries/assessment.js";
import { bundledFiles } from "../properties/bundled-pack.js";

const ruleset = compileRuleset(bundledFiles);
const engine = createEngine(ruleset);
const RUNS = 1000;
/** Each law must have held in at least this many of its runs for the test to count. */
const EXERCISED = 150;
const profileArb = fc.constantFrom(...ruleset.profiles.map((p) => p.id));

type RedFlags = NonNullable<Assessment["redFlags"]>;
type Defined<T> = Exclude<T, undefined>;

/** The emergency red-flag patterns of reference.md §2.1, each as the flags and findings it sets. */
const EMERGENCIES: readonly { name: string; flags: Partial<RedFlags>; deficit?: true }[] = [
  { name: "saddle anaesthesia", flags: { saddleAnaesthesia: true } },
  { name: "bladder or bowel dysfunction", flags: { bladderOrBowelDysfunction: true } },
  { name: "bilateral leg symptoms", flags: { bilateralLegSymptoms: true } },
  { name: "progressive neurological deficit", flags: { progressiveNeurologicalDeficit: true } },
  { name: "fever with IV drug use", flags: { fever: true, ivDrugUse: true } },
  { name: "fever with immunosuppression", flags: { fever: true, immunosuppression: true } },
  { name: "cancer with a neurological deficit", flags: { historyOfCancer: true }, deficit: true },
];

/** Whether an assessment holds an emergency red-flag pattern (what the law is about, not the rules). */
function isEmergency({ redFlags: f = {}, examination }: Assessment): boolean {
  return (
    f.saddleAnaesthesia === true ||
    f.bladderOrBowelDysfunction === true ||
    f.bilateralLegSymptoms === true ||
    f.progressiveNeurologicalDeficit === true ||
    (f.fever === true && (f.ivDrugUse === true || f.immunosuppression === true)) ||
    (f.historyOfCancer === true && examination?.neurologicalDeficit === true)
  );
}

/** Generated assessments, an emergency pattern forced into about half of them. */
const emergencyArb = fc
  .tuple(validAssessmentArb, fc.option(fc.constantFrom(...EMERGENCIES), { freq: 2, nil: undefined }))
  .map(([a, emergency]): Assessment => {
    if (emergency === undefined) return a;
    const withFlags = { ...a, redFlags: { ...a.redFlags, ...emergency.flags } };
    return emergency.deficit
      ? { ...withFlags, examination: { ...a.examination, neurologicalDeficit: true } }
      : withFlags;
  });

type Phq9 = Defined<Defined<Assessment["questionnaires"]>["phq9"]>;
/** A PHQ-9 whose item 9 is 1–3, given as items or as total and item 9. */
const positiveItem9Arb: fc.Arbitrary<Phq9> = fc
  .tuple(
    fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 8, maxLength: 8 }),
    fc.integer({ min: 1, max: 3 }),
    fc.boolean(),
  )
  .map(([first8, item9, asItems]) => {
    const items = [...first8, item9] as Defined<Phq9["items"]>;
    return asItems ? { items } : { total: items.reduce((sum, n) => sum + n, 0), item9 };
  });

/** Generated assessments, a positive item 9 forced into about half of them. */
const item9Arb = fc
  .tuple(validAssessmentArb, fc.option(positiveItem9Arb, { freq: 2, nil: undefined }))
  .map(([a, phq9]): Assessment => (phq9 === undefined ? a : { ...a, questionnaires: { ...a.questionnaires, phq9 } }));

const TREATMENTS = ["acupuncture", "massage", "spinal-manipulation", "yoga-or-tai-chi"] as const;
/**
 * Generated assessments, in about half of which the patient asks for acupuncture, massage or
 * manipulation (and does not decline it), or scores high on STarT Back's psychosocial items (so
 * psychological components are likely).
 */
const packagingArb = fc
  .tuple(
    validAssessmentArb,
    fc.option(fc.subarray([...TREATMENTS], { minLength: 1 }), { freq: 2, nil: undefined }),
    fc.boolean(),
  )
  .map(([a, requested, distressed]): Assessment => {
    let result = a;
    if (requested !== undefined) {
      const declined = a.preferences?.declinedTreatments?.filter((t) => !(requested as string[]).includes(t));
      result = {
        ...result,
        preferences: {
          ...a.preferences,
          requestedTreatments: requested,
          ...(declined === undefined ? {} : { declinedTreatments: declined }),
        },
      };
    }
    if (distressed) {
      result = {
        ...result,
        questionnaires: { ...result.questionnaires, startBack: { items: [1, 1, 0, 1, 1, 1, 1, 1, 4] } },
      };
    }
    return result;
  });

/** Generated assessments, about half of them of a pregnant woman with a BMI of 30 or more. */
const pregnancyArb = fc
  .tuple(
    validAssessmentArb,
    fc.option(
      fc.record({
        age: fc.integer({ min: 18, max: 49 }),
        weeks: fc.integer({ min: 4, max: 41 }),
        bmi: fc.integer({ min: 300, max: 450 }),
      }),
      { freq: 2, nil: undefined },
    ),
  )
  .map(([a, pregnancy]): Assessment => {
    if (pregnancy === undefined) return a;
    // A BMI without the height and weight it could disagree with; no onset of SpA after today.
    const { heightCm: _height, weightKg: _weight, ...lifestyle } = a.lifestyle ?? {};
    const { inflammatory, ...rest } = a;
    const onsetFits = inflammatory !== undefined && (inflammatory.ageAtOnset ?? 0) <= pregnancy.age;
    return {
      ...rest,
      ...(onsetFits ? { inflammatory } : {}),
      patient: { age: pregnancy.age, sex: "female", pregnant: true, gestationWeeks: pregnancy.weeks },
      lifestyle: { ...lifestyle, bmi: pregnancy.bmi / 10 },
    };
  });

const EXERCISE_CATEGORIES = new Set(["physiotherapy", "motor-control"]);
const MANUAL = new Set(["spinal-manipulation", "massage"]);
const PSYCHOLOGICAL = new Set(["psychologically-informed-pt", "cbt"]);

const has = (plan: Plan, id: string): boolean => plan.components.some((c) => c.id === id);
const ids = (plan: Plan): string[] => plan.components.map((c) => c.id);

describe("clinical laws of the bundled pack", () => {
  it("any emergency red flag: emergency-referral, urgent status, and only referrals remain", () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(emergencyArb, profileArb, (assessment, profile) => {
        if (!isEmergency(assessment)) return;
        for (const { name, flags, deficit } of EMERGENCIES) {
          const matches = Object.entries(flags).every(([k, v]) => assessment.redFlags?.[k as keyof RedFlags] === v);
          if (matches && (deficit !== true || assessment.examination?.neurologicalDeficit === true))
            seen.set(name, (seen.get(name) ?? 0) + 1);
        }
        const plan = engine.recommend(assessment, { profile });
        expect(ids(plan)).toContain("emergency-referral");
        expect(plan.status).toBe("urgent");
        expect(plan.components.filter((c) => c.category !== "referral").map((c) => c.id)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
    expect([...seen.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(EXERCISED);
    for (const { name } of EMERGENCIES) expect(seen.get(name) ?? 0, name).toBeGreaterThanOrEqual(10);
  });

  it("PHQ-9 item 9 ≥ 1 always yields mental-health-referral, red flags or not", () => {
    let exercised = 0;
    fc.assert(
      fc.property(fc.tuple(item9Arb, fc.boolean()), profileArb, ([assessment, emergency], profile) => {
        const input = emergency
          ? { ...assessment, redFlags: { ...assessment.redFlags, saddleAnaesthesia: true } }
          : assessment;
        const phq9 = input.questionnaires?.phq9;
        const item9 = phq9?.items?.[8] ?? phq9?.item9;
        if (item9 === undefined || item9 < 1) return;
        exercised++;
        expect(ids(engine.recommend(input, { profile }))).toContain("mental-health-referral");
      }),
      { numRuns: RUNS },
    );
    expect(exercised).toBeGreaterThanOrEqual(EXERCISED);
  });

  it("under nice-ng59: no acupuncture, and manual or psychological therapy only with an exercise component", () => {
    const exercised = { acupuncture: 0, manual: 0, psychological: 0 };
    fc.assert(
      fc.property(packagingArb, (assessment) => {
        const plan = engine.recommend(assessment, { profile: "nice-ng59" });
        if (assessment.preferences?.requestedTreatments?.includes("acupuncture") === true) exercised.acupuncture++;
        expect(ids(plan)).not.toContain("acupuncture");
        const manual = plan.components.some((c) => MANUAL.has(c.id));
        const psychological = plan.components.some((c) => PSYCHOLOGICAL.has(c.id));
        if (manual) exercised.manual++;
        if (psychological) exercised.psychological++;
        if (manual || psychological) {
          expect(
            plan.components.some((c) => EXERCISE_CATEGORIES.has(c.category)),
            ids(plan).join(", "),
          ).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
    expect(exercised.acupuncture).toBeGreaterThanOrEqual(EXERCISED);
    expect(exercised.manual).toBeGreaterThanOrEqual(EXERCISED);
    expect(exercised.psychological).toBeGreaterThanOrEqual(EXERCISED);
  });

  it("no plan recommends weight-management when patient.pregnant is true", () => {
    let exercised = 0;
    fc.assert(
      fc.property(pregnancyArb, profileArb, (assessment, profile) => {
        if (assessment.patient.pregnant !== true) return;
        if ((assessment.lifestyle?.bmi ?? 0) >= 30) exercised++;
        expect(has(engine.recommend(assessment, { profile }), "weight-management")).toBe(false);
      }),
      { numRuns: RUNS },
    );
    expect(exercised).toBeGreaterThanOrEqual(EXERCISED);
  });

  it("every component cites evidence, and only evidence the ruleset holds", () => {
    let components = 0;
    fc.assert(
      fc.property(packagingArb, profileArb, (assessment, profile) => {
        for (const component of engine.recommend(assessment, { profile }).components) {
          components++;
          expect(component.evidence.length).toBeGreaterThan(0);
          for (const { id } of component.evidence)
            expect(ruleset.evidence.has(id), `${component.id} cites ${id}`).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
    expect(components).toBeGreaterThanOrEqual(RUNS);
  });
});
