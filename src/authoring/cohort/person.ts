import type { Assessment } from "../../core/generated/types.js";
import { compact, measure, nonEmpty, oneOf, recorded, subset, yesNo } from "./draw.js";
import { population } from "./population.js";
import type { Random } from "./random.js";

type Patient = Assessment["patient"];
type Sex = NonNullable<Patient["sex"]>;
type Pain = Assessment["pain"];
type History = NonNullable<Assessment["history"]>;

/** What the later sections of one generated assessment depend on: who the patient is, and the traits. */
export interface Person {
  readonly random: Random;
  /** Latent psychosocial distress, a quantile in [0, 1). */
  readonly distress: number;
  /** Latent physical severity, a quantile in [0, 1). */
  readonly severity: number;
  readonly patient: Patient;
  readonly pain: Assessment["pain"];
  readonly chronic: boolean;
}

/** The patient and the pain episode, with the latent traits the rest of the assessment follows. */
export function drawPerson(random: Random): Person {
  const distress = random.unit();
  const severity = random.unit();
  const age = recorded(random, population.patient.age);
  const sex = oneOf(random, population.patient.sex);
  const patient = compact<Patient>({ age, sex, ...pregnancy(random, age, sex) });
  const { durationWeeks, intensity, legPain } = population.pain;
  const weeks = recorded(random, durationWeeks);
  const pain = compact<Assessment["pain"]>({
    durationWeeks: weeks,
    intensity: measure(random, intensity, severity),
    legPain: oneOf(random, legPain),
  });
  return { random, distress, severity, patient, pain, chronic: weeks >= 12 };
}

/**
 * Pregnancy is asked of anyone but men (more often of women of childbearing age), and is only
 * ever true for women of childbearing age; gestation goes with a pregnancy only.
 */
function pregnancy(random: Random, age: number, sex: Sex | undefined): Pick<Patient, "pregnant" | "gestationWeeks"> {
  const { childbearingAges, asked, pregnant, gestationWeeks } = population.patient.pregnancy;
  if (sex === "male") return {};
  const childbearing = sex === "female" && age >= childbearingAges[0] && age <= childbearingAges[1];
  if (random.absent(1 - (childbearing ? asked.childbearing : asked.otherwise))) return {};
  if (!childbearing || !random.chance(pregnant)) return { pregnant: false };
  return compact({ pregnant: true, gestationWeeks: measure(random, gestationWeeks) });
}

/** Earlier episodes and the courses of treatment that did not help (more of them in chronic pain). */
export function drawHistory({ random, chronic }: Person): Assessment["history"] {
  const { missing, previousEpisodes, failedTreatments } = population.history;
  if (random.absent(missing)) return undefined;
  const failed = random.absent(failedTreatments.missing)
    ? undefined
    : subset(random, chronic ? failedTreatments.chronic : failedTreatments.notChronic);
  return nonEmpty(compact({ previousEpisodes: measure(random, previousEpisodes), failedTreatments: failed }));
}

/** How the episode began and how it has gone over the last two weeks. */
export function drawOnsetAndCourse({ random }: Person): Pick<Pain, "onset" | "course"> {
  const { onset, course } = population.pain;
  return compact({ onset: oneOf(random, onset), course: oneOf(random, course) });
}

/**
 * Previous lumbar spine surgery, asked with the rest of the history; when there was one, the weeks
 * since the most recent (never before age 16).
 */
export function drawLumbarSurgery({
  random,
  patient,
}: Person): Pick<History, "lumbarSurgery" | "lumbarSurgeryWeeksAgo"> {
  const { lumbarSurgery, lumbarSurgeryWeeksAgo } = population.history;
  const surgery = yesNo(random, lumbarSurgery);
  if (surgery !== true) return compact({ lumbarSurgery: surgery });
  const weeks = measure(random, lumbarSurgeryWeeksAgo);
  return compact({
    lumbarSurgery: true,
    lumbarSurgeryWeeksAgo: weeks === undefined ? undefined : Math.min(weeks, (patient.age - 16) * 52),
  });
}
