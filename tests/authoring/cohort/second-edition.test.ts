/**
 * The scope fields of the assessment's second edition (current medicines, comorbidities, work,
 * imaging concordance, the longer treatment lists) over a generated cohort: present at plausible
 * rates, each sometimes absent, in the combinations the validator accepts. The bounds are loose
 * around population.ts: they catch a broken generator, not a retuned figure.
 */
import { describe, expect, it } from "vitest";
import { safeParseAssessment } from "../../../src/core/run/assessment/index.js";
import { generateCohort } from "../../../src/authoring/cohort/index.js";
import type { Assessment } from "../../../src/core/generated/types.js";

type Medicine = NonNullable<NonNullable<Assessment["medications"]>["current"]>[number];
type Comorbidity = keyof NonNullable<Assessment["comorbidities"]>;
type Requested = NonNullable<NonNullable<Assessment["preferences"]>["requestedTreatments"]>[number];
type Declined = NonNullable<NonNullable<Assessment["preferences"]>["declinedTreatments"]>[number];

const cohort = generateCohort(5000, 11);
/** The share of `list` (the whole cohort by default) for which `test` holds. */
const share = (test: (a: Assessment) => boolean, list: readonly Assessment[] = cohort) =>
  list.filter(test).length / list.length;
const older = (a: Assessment) => a.patient.age >= 65;
const chronic = (a: Assessment) => a.pain.durationWeeks >= 12;

describe("current medicines", () => {
  const reviewed = cohort.filter((a) => a.medications?.current !== undefined);
  const taking = (medicine: Medicine) => (a: Assessment) => a.medications?.current?.includes(medicine) === true;

  it("are recorded at most medicine reviews, sometimes as none, sometimes not at all", () => {
    expect(reviewed.length / cohort.length).toBeGreaterThan(0.6);
    expect(reviewed.length / cohort.length).toBeLessThan(0.95);
    expect(share((a) => a.medications?.current?.length === 0, reviewed)).toBeGreaterThan(0.15);
    expect(share((a) => a.medications !== undefined && a.medications.current === undefined)).toBeGreaterThan(0);
  });

  it("are taken at primary-care rates", () => {
    const bounds: readonly (readonly [Medicine, number, number])[] = [
      ["nsaid", 0.25, 0.45],
      ["paracetamol", 0.22, 0.4],
      ["weak-opioid", 0.07, 0.17],
      ["strong-opioid", 0.005, 0.06],
      ["gabapentinoid", 0.03, 0.1],
      ["antidepressant", 0.07, 0.18],
      ["muscle-relaxant", 0.005, 0.07],
      ["benzodiazepine", 0.005, 0.06],
      ["oral-corticosteroid", 0.002, 0.04],
    ];
    for (const [medicine, min, max] of bounds) {
      const rate = share(taking(medicine), reviewed);
      expect(rate, medicine).toBeGreaterThan(min);
      expect(rate, medicine).toBeLessThan(max);
    }
  });

  it("hold more opioids and antidepressants in chronic pain, more gabapentinoids with leg pain below the knee", () => {
    for (const medicine of ["weak-opioid", "strong-opioid", "antidepressant"] as const) {
      expect(share(taking(medicine), reviewed.filter(chronic)), medicine).toBeGreaterThan(
        1.5 *
          share(
            taking(medicine),
            reviewed.filter((a) => !chronic(a)),
          ),
      );
    }
    expect(
      share(
        taking("gabapentinoid"),
        reviewed.filter((a) => a.pain.legPain === "below-knee"),
      ),
    ).toBeGreaterThan(
      2 *
        share(
          taking("gabapentinoid"),
          reviewed.filter((a) => a.pain.legPain === "none"),
        ),
    );
  });

  it("hold fewer NSAIDs where they are unsafe, but not none", () => {
    const unsafe = (a: Assessment) =>
      a.medications?.anticoagulant === true ||
      a.comorbidities?.chronicKidneyDisease === true ||
      a.comorbidities?.gastrointestinalBleedOrUlcer === true;
    const cautioned = share(taking("nsaid"), reviewed.filter(unsafe));
    expect(cautioned).toBeGreaterThan(0);
    expect(cautioned).toBeLessThan(0.7 * share(taking("nsaid"), reviewed));
  });
});

describe("comorbidities", () => {
  const comorbidities: readonly Comorbidity[] = [
    "gastrointestinalBleedOrUlcer",
    "chronicKidneyDisease",
    "cardiovascularDisease",
    "asthmaNsaidSensitive",
  ];
  const asked = (name: Comorbidity) => cohort.filter((a) => a.comorbidities?.[name] !== undefined);
  const has = (name: Comorbidity) => (a: Assessment) => a.comorbidities?.[name] === true;

  it("are each asked at most visits, and each sometimes not", () => {
    for (const name of comorbidities) {
      expect(asked(name).length / cohort.length, name).toBeGreaterThan(0.6);
      expect(asked(name).length / cohort.length, name).toBeLessThan(0.95);
    }
  });

  it("are present at plausible rates", () => {
    const bounds: readonly (readonly [Comorbidity, number, number])[] = [
      ["gastrointestinalBleedOrUlcer", 0.02, 0.07],
      ["chronicKidneyDisease", 0.02, 0.1],
      ["cardiovascularDisease", 0.03, 0.12],
      ["asthmaNsaidSensitive", 0.003, 0.03],
    ];
    for (const [name, min, max] of bounds) {
      expect(share(has(name), asked(name)), name).toBeGreaterThan(min);
      expect(share(has(name), asked(name)), name).toBeLessThan(max);
    }
  });

  it("are much commoner from 65: CKD and cardiovascular disease, and GI bleeds or ulcers less so", () => {
    const byAge = (name: Comorbidity) => ({
      older: share(has(name), asked(name).filter(older)),
      younger: share(
        has(name),
        asked(name).filter((a) => !older(a)),
      ),
    });
    for (const name of ["chronicKidneyDisease", "cardiovascularDisease"] as const) {
      const { older: o, younger: y } = byAge(name);
      expect(o, name).toBeGreaterThan(4 * y);
    }
    const gi = byAge("gastrointestinalBleedOrUlcer");
    expect(gi.older).toBeGreaterThan(1.3 * gi.younger);
  });
});

describe("work", () => {
  const withStatus = cohort.filter((a) => a.work?.status !== undefined);
  const status = (value: string) => (a: Assessment) => a.work?.status === value;

  it("gives weeks off work only to those off work, never more than the episode has lasted", () => {
    const counted = cohort.filter((a) => a.work?.weeksOffWork !== undefined);
    expect(counted.length).toBeGreaterThan(0);
    for (const a of counted) {
      expect(a.work?.status).toBe("off-work");
      expect(a.work?.weeksOffWork).toBeLessThanOrEqual(a.pain.durationWeeks);
    }
    expect(cohort.some((a) => a.work?.status === "off-work" && a.work.weeksOffWork === undefined)).toBe(true);
  });

  it("mixes the statuses: most working, retired mostly from 65, students mostly under 25", () => {
    expect(share(status("working"), withStatus)).toBeGreaterThan(0.4);
    for (const value of ["modified-duties", "off-work", "not-employed", "retired", "student"]) {
      expect(share(status(value), withStatus), value).toBeGreaterThan(0.01);
    }
    expect(share(status("off-work"), withStatus)).toBeLessThan(0.2);
    const retired = withStatus.filter(status("retired"));
    expect(share(older, retired)).toBeGreaterThan(0.7);
    const students = withStatus.filter(status("student"));
    expect(share((a) => a.patient.age < 25, students)).toBeGreaterThan(0.6);
  });

  it("asks whether the job is physically demanding only of those with a job, true for about 30%", () => {
    const asked = cohort.filter((a) => a.work?.physicallyDemanding !== undefined);
    const hasJob = (a: Assessment) => ["working", "modified-duties", "off-work"].includes(a.work?.status ?? "");
    expect(asked.every(hasJob)).toBe(true);
    const rate = share((a) => a.work?.physicallyDemanding === true, asked);
    expect(rate).toBeGreaterThan(0.2);
    expect(rate).toBeLessThan(0.4);
  });

  it("is sometimes not asked (an unrecorded status with nothing else leaves the section out)", () => {
    expect(share((a) => a.work === undefined)).toBeGreaterThan(0.05);
    expect(cohort.every((a) => a.work === undefined || Object.keys(a.work).length > 0)).toBe(true);
    expect(share((a) => a.work?.status === "working" && a.work.physicallyDemanding === undefined)).toBeGreaterThan(0);
  });
});

describe("imaging concordance", () => {
  const recorded = cohort.filter((a) => a.investigations?.imagingConcordant !== undefined);
  const longBelowKnee = (a: Assessment) => a.pain.legPain === "below-knee" && a.pain.durationWeeks >= 6;

  it("is mostly absent, and recorded mostly for below-knee leg pain that has lasted", () => {
    expect(recorded.length / cohort.length).toBeGreaterThan(0.02);
    expect(recorded.length / cohort.length).toBeLessThan(0.2);
    expect(share(longBelowKnee, recorded)).toBeGreaterThan(0.5);
    expect(share((a) => a.investigations !== undefined, cohort.filter(longBelowKnee))).toBeGreaterThan(
      5 *
        share(
          (a) => a.investigations !== undefined,
          cohort.filter((a) => a.pain.legPain === "none"),
        ),
    );
  });

  it("is never true without leg pain, and sometimes true and sometimes false with it", () => {
    expect(recorded.some((a) => a.pain.legPain === "none" && a.investigations?.imagingConcordant === true)).toBe(false);
    const belowKnee = recorded.filter((a) => a.pain.legPain === "below-knee");
    const rate = share((a) => a.investigations?.imagingConcordant === true, belowKnee);
    expect(rate).toBeGreaterThan(0.25);
    expect(rate).toBeLessThan(0.75);
  });
});

describe("requested and declined treatments", () => {
  const requested = (t: Requested) => (a: Assessment) => a.preferences?.requestedTreatments?.includes(t) === true;
  const declined = (t: Declined) => (a: Assessment) => a.preferences?.declinedTreatments?.includes(t) === true;
  const added: readonly Requested[] = [
    "opioids",
    "imaging",
    "tens",
    "lumbar-support",
    "traction",
    "ultrasound-therapy",
    "superficial-heat",
  ];
  const declinedOnly: readonly Declined[] = [
    "cbt",
    "psychologically-informed-pt",
    "physiotherapy-exercise",
    "graded-activity",
    "motor-control-training",
    "directional-preference-exercise",
    "mental-health-referral",
    "medication",
  ];

  it("has imaging asked for by about 10–15%, and every added item requested or declined now and then, rarely", () => {
    expect(share(requested("imaging"))).toBeGreaterThan(0.07);
    expect(share(requested("imaging"))).toBeLessThan(0.17);
    for (const t of added) {
      expect(share(requested(t)), t).toBeGreaterThan(0);
      if (t !== "imaging") expect(share(requested(t)), t).toBeLessThan(0.06);
    }
    for (const t of [...added, ...declinedOnly]) {
      expect(share(declined(t)), t).toBeGreaterThan(0);
      expect(share(declined(t)), t).toBeLessThan(0.08);
    }
  });

  it("never both asks for and declines one treatment", () => {
    const both = cohort.filter((a) =>
      (a.preferences?.requestedTreatments ?? []).some((t) => a.preferences?.declinedTreatments?.includes(t)),
    );
    expect(both).toEqual([]);
  });
});

describe("the cohort with the new fields", () => {
  it("is valid throughout", () => {
    expect(cohort.filter((a) => !safeParseAssessment(a).ok)).toEqual([]);
  });

  it("has every new section sometimes absent and sometimes present", () => {
    for (const section of ["comorbidities", "work", "investigations"] as const) {
      expect(
        share((a) => a[section] === undefined),
        section,
      ).toBeGreaterThan(0.05);
      expect(
        share((a) => a[section] !== undefined),
        section,
      ).toBeGreaterThan(0.02);
    }
  });
});
