/**
 * fast-check arbitraries for assessments. Everything generated is valid (it passes
 * `parseAssessment`) and realistic: most fields present, each optional group sometimes absent,
 * items and totals consistent, red flags rare, pregnancy only for women of childbearing age.
 * `cohort` draws a seeded, deterministic sample for benchmarks and property suites.
 */
import fc from "fast-check";
import type { Assessment } from "../../src/core/generated/types.js";
import { startBackScores } from "../../src/core/run/assessment/instruments/start-back.js";
import { odiPercent } from "../../src/core/run/assessment/instruments/odi.js";
import { bmiOf } from "../../src/core/run/assessment/instruments/bmi.js";
import assessmentSchema from "../../schemas/assessment.schema.json" with { type: "json" };

const preferenceSchema = assessmentSchema.properties.preferences.properties;

type Defined<T> = Exclude<T, undefined>;
type Patient = Assessment["patient"];
type Questionnaires = Defined<Assessment["questionnaires"]>;
/** The types are generated from the schema these lists are read from. */
type Requestable = Defined<Defined<Assessment["preferences"]>["requestedTreatments"]>[number];
type Declinable = Defined<Defined<Assessment["preferences"]>["declinedTreatments"]>[number];

/** Drops keys whose value is undefined: absent, never present-but-undefined. */
function compact<R extends object>(record: { [K in keyof R]?: R[K] | undefined }): R {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as R;
}

/** Present `1 - 1/freq` of the time. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>, freq = 5): fc.Arbitrary<T | undefined> {
  return fc.option(arbitrary, { freq, nil: undefined });
}

/** `n` integers in `[min, max]`, typed as the exact-length tuple the schema declares. */
function answers<Tuple extends number[]>(n: number, max: number): fc.Arbitrary<Tuple> {
  return fc.array(fc.integer({ min: 0, max }), { minLength: n, maxLength: n }) as fc.Arbitrary<never>;
}

/** A decimal with one place in `[min, max]`. */
function tenths(min: number, max: number): fc.Arbitrary<number> {
  return fc.integer({ min: min * 10, max: max * 10 }).map((n) => n / 10);
}

const patient: fc.Arbitrary<Patient> = fc
  .record({
    age: fc.oneof(
      { arbitrary: fc.integer({ min: 18, max: 90 }), weight: 9 },
      { arbitrary: fc.integer({ min: 16, max: 120 }), weight: 1 },
    ),
    sex: sometimes(fc.constantFrom("female", "male", "other", "unknown" as const), 10),
    pregnant: fc.oneof({ arbitrary: fc.constant(false), weight: 8 }, { arbitrary: fc.constant(true), weight: 1 }),
    gestationWeeks: sometimes(fc.integer({ min: 4, max: 41 }), 3),
  })
  .map(({ age, sex, pregnant, gestationWeeks }) => {
    const couldBePregnant = sex === "female" && age < 50;
    const isPregnant = couldBePregnant && pregnant;
    return compact({
      age,
      sex,
      pregnant: couldBePregnant ? isPregnant : undefined,
      gestationWeeks: isPregnant ? gestationWeeks : undefined,
    });
  });

const pain = fc
  .record({
    durationWeeks: fc.oneof(tenths(0, 6), fc.integer({ min: 0, max: 26 }), fc.integer({ min: 12, max: 520 })),
    intensity: sometimes(fc.integer({ min: 0, max: 10 }), 10),
    legPain: sometimes(fc.constantFrom("none", "above-knee", "below-knee" as const), 8),
    onset: sometimes(fc.constantFrom("sudden", "gradual" as const), 4),
    course: sometimes(fc.constantFrom("improving", "stable", "worsening" as const), 4),
  })
  .map((p) => compact(p) as Assessment["pain"]);

const history = fc
  .record({
    previousEpisodes: sometimes(fc.integer({ min: 0, max: 12 })),
    failedTreatments: sometimes(
      fc.subarray(["exercise", "manual-therapy", "psychological", "medication", "injection"] as const),
    ),
    lumbarSurgery: sometimes(fc.oneof({ arbitrary: fc.constant(false), weight: 9 }, fc.constant(true)), 4),
    weeksAgo: fc.integer({ min: 1, max: 520 }),
  })
  .map(({ weeksAgo, ...h }) =>
    compact<Defined<Assessment["history"]>>({
      ...h,
      // The surgery's date belongs to a surgery: only with lumbarSurgery true.
      ...(h.lumbarSurgery === true ? { lumbarSurgeryWeeksAgo: weeksAgo } : {}),
    }),
  );

/** The red flags every screen asks (`majorTrauma` only after a recent trauma). */
export const redFlagNames = [
  "saddleAnaesthesia",
  "bladderOrBowelDysfunction",
  "bilateralLegSymptoms",
  "progressiveNeurologicalDeficit",
  "historyOfCancer",
  "unexplainedWeightLoss",
  "constantNightPain",
  "fever",
  "ivDrugUse",
  "immunosuppression",
  "recentTrauma",
  "contusionOrAbrasion",
  "osteoporosis",
  "prolongedCorticosteroidUse",
] as const;
/** Mostly "asked, and no"; true about once in 200 answers; now and then not asked. */
const redFlagAnswer = sometimes(
  fc.oneof({ arbitrary: fc.constant(false), weight: 199 }, { arbitrary: fc.constant(true), weight: 1 }),
  30,
);
const redFlags = fc
  .tuple(fc.tuple(...redFlagNames.map(() => redFlagAnswer)), sometimes(fc.boolean(), 4))
  .map(([values, major]) => {
    const answered = compact(Object.fromEntries(redFlagNames.map((name, i) => [name, values[i]])));
    // Major trauma is a kind of recent trauma: asked only after a recent trauma.
    const withMajor = answered["recentTrauma"] === true && major !== undefined ? { majorTrauma: major } : {};
    return { ...answered, ...withMajor };
  });

const inflammatory = (age: number) =>
  fc
    .record({
      ageAtOnset: fc.integer({ min: 10, max: age }),
      wakesSecondHalfOfNight: fc.boolean(),
      alternatingButtockPain: fc.boolean(),
      improvesWithMovement: fc.boolean(),
      improvesWithNsaidsWithin48h: fc.boolean(),
      firstDegreeRelativeWithSpa: fc.boolean(),
      psoriasis: sometimes(fc.boolean(), 10),
      enthesitis: sometimes(fc.boolean(), 10),
      arthritis: sometimes(fc.boolean(), 10),
    })
    .map((i) => compact<Defined<Assessment["inflammatory"]>>(i));

type StartBack = Defined<Questionnaires["startBack"]>;
const startBack: fc.Arbitrary<StartBack> = fc
  .tuple(answers<number[]>(8, 1), fc.integer({ min: 0, max: 4 }), fc.constantFrom("items", "totals", "both", "total"))
  .map(([first8, item9, form]) => {
    const items = [...first8, item9] as Defined<StartBack["items"]>;
    const { total, psychosocial } = startBackScores(items);
    switch (form) {
      case "items":
        return { items };
      case "totals":
        return { total, psychosocial };
      case "both":
        return { items, total, psychosocial };
      case "total":
        return { total };
    }
  });

type Odi = Defined<Questionnaires["odi"]>;
const odi: fc.Arbitrary<Odi> = fc
  .tuple(
    answers<number[]>(10, 5),
    fc.subarray([...Array(10).keys()], { maxLength: 2 }),
    fc.constantFrom("items", "percent", "both"),
  )
  .map(([raw, unanswered, form]) => {
    const items = raw.map((answer, i) => (unanswered.includes(i) ? null : answer)) as Defined<Odi["items"]>;
    const percent = Math.round(odiPercent(items) ?? 0);
    return form === "items" ? { items } : form === "percent" ? { percent } : { items, percent };
  });

type Phq9 = Defined<Questionnaires["phq9"]>;
const phq9: fc.Arbitrary<Phq9> = fc
  .tuple(answers<Defined<Phq9["items"]>>(9, 3), fc.constantFrom("items", "total", "total-and-item9", "all"))
  .map(([items, form]) => {
    const total = items.reduce((a, b) => a + b, 0);
    switch (form) {
      case "items":
        return { items };
      case "total":
        return { total };
      case "total-and-item9":
        return { total, item9: items[8] };
      case "all":
        return { items, total, item9: items[8] };
    }
  });

type Gad7 = Defined<Questionnaires["gad7"]>;
const gad7: fc.Arbitrary<Gad7> = fc
  .tuple(answers<Defined<Gad7["items"]>>(7, 3), fc.constantFrom("items", "total", "both"))
  .map(([items, form]) => {
    const total = items.reduce((a, b) => a + b, 0);
    return form === "items" ? { items } : form === "total" ? { total } : { items, total };
  });

const questionnaires = fc
  .record({
    startBack: sometimes(startBack, 6),
    odi: sometimes(odi, 3),
    phq9: sometimes(phq9, 4),
    gad7: sometimes(gad7, 3),
    fabq: sometimes(
      fc.record(
        { physicalActivity: fc.integer({ min: 0, max: 24 }), work: fc.integer({ min: 0, max: 42 }) },
        { requiredKeys: [] },
      ),
      3,
    ),
    tsk: sometimes(fc.record({ total: fc.integer({ min: 17, max: 68 }) }), 3),
  })
  .map((q) => compact(q) as Questionnaires);

const examination = fc
  .record({
    movementControl: sometimes(fc.record({ positiveTests: fc.integer({ min: 0, max: 6 }) })),
    directionalPreference: sometimes(fc.constantFrom("none", "extension", "flexion", "lateral-shift" as const)),
    neurologicalDeficit: sometimes(fc.boolean()),
    hipInternalRotationOver35: sometimes(fc.boolean()),
    lumbarHypomobility: sometimes(fc.boolean()),
    neurogenicClaudication: sometimes(fc.oneof({ arbitrary: fc.constant(false), weight: 9 }, fc.constant(true)), 3),
  })
  .map((e) => compact<Defined<Assessment["examination"]>>(e));

/** Mostly false, now and then true. */
const mostlyFalse = fc.oneof({ arbitrary: fc.constant(false), weight: 9 }, fc.constant(true));

const medicines = [
  "nsaid",
  "paracetamol",
  "weak-opioid",
  "strong-opioid",
  "gabapentinoid",
  "antidepressant",
  "muscle-relaxant",
  "benzodiazepine",
  "oral-corticosteroid",
] as const;
const medications = fc
  .record({
    anticoagulant: sometimes(mostlyFalse, 4),
    // An empty list is an answer: no medicines.
    current: sometimes(fc.subarray([...medicines], { maxLength: 4 }), 4),
  })
  .map((m) => compact<Defined<Assessment["medications"]>>(m));

const comorbidities = fc
  .record({
    gastrointestinalBleedOrUlcer: sometimes(mostlyFalse, 5),
    chronicKidneyDisease: sometimes(mostlyFalse, 5),
    cardiovascularDisease: sometimes(mostlyFalse, 5),
    asthmaNsaidSensitive: sometimes(mostlyFalse, 5),
  })
  .map((c) => compact<Defined<Assessment["comorbidities"]>>(c));

const work = fc
  .record({
    status: sometimes(
      fc.constantFrom("working", "modified-duties", "off-work", "not-employed", "retired", "student" as const),
      6,
    ),
    weeksOffWork: sometimes(fc.oneof(fc.integer({ min: 0, max: 104 }), tenths(0, 12)), 4),
    physicallyDemanding: sometimes(fc.boolean(), 4),
  })
  .map(({ status, weeksOffWork, physicallyDemanding }) =>
    compact<Defined<Assessment["work"]>>({
      status,
      // The weeks off count an absence: only with status off-work (the validator rejects them otherwise).
      weeksOffWork: status === "off-work" ? weeksOffWork : undefined,
      physicallyDemanding,
    }),
  );

const investigations = fc.record({ imagingConcordant: fc.boolean() });

const lifestyle = fc
  .record({
    heightCm: fc.integer({ min: 150, max: 200 }),
    weightKg: tenths(40, 150),
    bmiForm: fc.constantFrom("bmi", "height-and-weight", "both", "none"),
    activityMinutesPerWeek: sometimes(fc.oneof(fc.integer({ min: 0, max: 600 }), fc.constantFrom(0, 149, 150))),
    sittingHoursPerDay: sometimes(tenths(0, 16)),
    smoker: sometimes(fc.boolean()),
    sleepHoursPerNight: sometimes(tenths(3, 11)),
  })
  .map(({ heightCm, weightKg, bmiForm, ...rest }) => {
    const bmi = Math.round(bmiOf(heightCm, weightKg) * 10) / 10;
    const measures =
      bmiForm === "bmi"
        ? { bmi }
        : bmiForm === "height-and-weight"
          ? { heightCm, weightKg }
          : bmiForm === "both"
            ? { bmi, heightCm, weightKg }
            : {};
    return compact<Defined<Assessment["lifestyle"]>>({ ...measures, ...rest });
  });

/** What a patient can ask for, in the schema's order (the seeded cohort depends on it). */
const treatments = preferenceSchema.requestedTreatments.items.enum as readonly Requestable[];
/** What a patient can decline but not ask for: the care a plan offers. */
const declinableOnly = (preferenceSchema.declinedTreatments.items.enum as readonly Declinable[]).filter(
  (treatment) => !(treatments as readonly string[]).includes(treatment),
);
const preferences = fc
  .record({
    activities: sometimes(
      fc.subarray([
        "walking",
        "swimming",
        "cycling",
        "yoga",
        "tai-chi",
        "pilates",
        "gym",
        "dancing",
        "gardening",
        "running",
        "chess club",
        "bowls",
      ]),
    ),
    setting: sometimes(fc.constantFrom("home", "clinic", "group", "remote" as const)),
    requested: sometimes(fc.subarray([...treatments], { maxLength: 2 })),
    declined: sometimes(fc.subarray([...treatments, ...declinableOnly], { maxLength: 2 })),
  })
  .map(({ activities, setting, requested, declined }) => {
    const asked = new Set<string>(requested);
    return compact<Defined<Assessment["preferences"]>>({
      activities,
      setting,
      requestedTreatments: requested,
      declinedTreatments: declined?.filter((t) => !asked.has(t)),
    });
  });

/**
 * Component ids of the bundled pack's rules/components.yaml that a last plan may hold (the
 * engine rejects an id its pack does not have, so only real ones).
 */
const planComponents = [
  "mental-health-referral",
  "spinal-specialist-referral",
  "education-reassurance",
  "self-management-activity",
  "return-to-work",
  "physiotherapy-exercise",
  "directional-preference-exercise",
  "graded-activity",
  "yoga-or-tai-chi",
  "motor-control-training",
  "psychologically-informed-pt",
  "cbt",
  "pain-medication-review",
  "activity-increase",
  "weight-management",
  "smoking-cessation",
  "sleep-hygiene",
  "spinal-manipulation",
  "massage",
  "follow-up-reassessment",
] as const;

/**
 * A follow-up visit: the episode's baseline and the care since, each field sometimes absent; the
 * last plan's components from `components` (a pack other than the bundled one has other ids).
 */
const followUpWith = (components: readonly string[]) =>
  fc
    .record({
      weeksSinceBaseline: sometimes(fc.oneof(fc.integer({ min: 0, max: 52 }), tenths(0, 16)), 8),
      baseline: sometimes(
        fc
          .record({
            odiPercent: sometimes(fc.oneof(fc.integer({ min: 0, max: 100 }), tenths(0, 100)), 6),
            painIntensity: sometimes(fc.integer({ min: 0, max: 10 }), 8),
            startBackTotal: sometimes(fc.integer({ min: 0, max: 9 }), 4),
            phq9Total: sometimes(fc.integer({ min: 0, max: 27 }), 4),
          })
          .map((b) => compact<Defined<Defined<Assessment["followUp"]>["baseline"]>>(b)),
        8,
      ),
      sessionsAttended: sometimes(fc.oneof(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 0, max: 200 })), 5),
      adherence: sometimes(fc.constantFrom("good", "partial", "poor" as const), 6),
      previousComponents: sometimes(fc.subarray([...components]), 6),
    })
    .map((f) => compact<Defined<Assessment["followUp"]>>(f));

const assessedOn = fc
  .record({
    year: fc.integer({ min: 2020, max: 2026 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ year, month, day }) => `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);

/**
 * A valid, realistic assessment whose follow-up visits (about a third) name last-plan components
 * from `components`: the engine rejects an id its pack does not have.
 */
export function assessmentArbFor(components: readonly string[]): fc.Arbitrary<Assessment> {
  return patient.chain((p) =>
    fc
      .record({
        id: sometimes(
          fc.integer({ min: 1, max: 99_999 }).map((n) => `case-${n}`),
          3,
        ),
        assessedOn: sometimes(assessedOn, 3),
        pain,
        history: sometimes(history),
        medications: sometimes(medications, 3),
        comorbidities: sometimes(comorbidities, 3),
        work: sometimes(work, 3),
        investigations: fc.option(investigations, { freq: 2, nil: undefined }),
        redFlags: sometimes(redFlags, 8),
        inflammatory: sometimes(inflammatory(p.age), 2),
        questionnaires: sometimes(questionnaires, 10),
        examination: sometimes(examination, 3),
        lifestyle: sometimes(lifestyle, 6),
        preferences: sometimes(preferences, 4),
        // About a third are follow-up visits.
        followUp: fc.oneof(
          { arbitrary: fc.constant(undefined), weight: 2 },
          { arbitrary: followUpWith(components), weight: 1 },
        ),
      })
      .map((rest) => compact({ ...rest, patient: p }) as Assessment),
  );
}

/** A valid, realistic assessment, planned with the bundled pack (its follow-ups name its components). */
export const validAssessmentArb: fc.Arbitrary<Assessment> = assessmentArbFor(planComponents);

/** `n` assessments, the same for the same seed. */
export function cohort(n: number, seed: number): Assessment[] {
  return fc.sample(validAssessmentArb, { seed, numRuns: n });
}
