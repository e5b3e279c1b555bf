import type { Assessment } from "../../core/generated/types.js";
import { drawComorbidities } from "./comorbidities.js";
import { compact, nonEmpty, pick } from "./draw.js";
import { drawClaudication, drawExamination } from "./examination.js";
import { asVisit } from "./follow-up.js";
import { drawInvestigations } from "./investigations.js";
import { drawLifestyle, drawMoreTreatments, drawPreferences } from "./lifestyle.js";
import { drawCurrentMedicines, drawMedications } from "./medications.js";
import { drawHistory, drawLumbarSurgery, drawOnsetAndCourse, drawPerson } from "./person.js";
import { drawQuestionnaires } from "./questionnaires.js";
import { population } from "./population.js";
import { randomFor, recordedWith } from "./random.js";
import { drawInflammatory, drawMajorTrauma, drawRedFlags } from "./red-flags.js";
import { drawWork } from "./work.js";

/**
 * Assessment `index` of the cohort seeded with `seed`: valid (`parseAssessment` accepts it),
 * realistic (see `population.ts`), and the same on every run and whatever the cohort's size.
 * About 30% are follow-up visits (with `followUp`, see `follow-up.ts`). Its id is `cohort-<index>`.
 *
 * @example generateAssessment(1, 42).id; // "cohort-42"
 */
export function generateAssessment(seed: number, index: number): Assessment {
  const stream = randomFor(seed, index);
  const person = drawPerson(recordedWith(stream, pick(stream, population.recording)));
  // Sections are drawn in a fixed order: each takes its draws from the one stream in turn.
  const history = drawHistory(person);
  const redFlags = drawRedFlags(person);
  const inflammatory = drawInflammatory(person);
  const questionnaires = drawQuestionnaires(person);
  const examination = drawExamination(person);
  const lifestyle = drawLifestyle(person);
  const preferences = drawPreferences(person);
  // Fields added in the second edition are drawn after every earlier one, so each assessment keeps
  // the earlier fields it had (an impact report on an old seed reads the same patients). A field
  // of a section is only drawn when that section was recorded.
  const fullPain = { ...person.pain, ...drawOnsetAndCourse(person) };
  const fullHistory = history && { ...history, ...drawLumbarSurgery(person) };
  const fullRedFlags = redFlags && { ...redFlags, ...drawMajorTrauma(person, redFlags) };
  const fullExamination = examination && { ...examination, ...drawClaudication(person) };
  const review = drawMedications(person);
  // The later batch (current medicines, comorbidities, work, investigations, the longer treatment
  // lists) follows it, for the same reason.
  const comorbidities = drawComorbidities(person);
  const medications = review && {
    ...review,
    ...drawCurrentMedicines(person, { medications: review, comorbidities, redFlags: fullRedFlags }),
  };
  const work = drawWork(person);
  const investigations = drawInvestigations(person);
  const first = compact<Assessment>({
    id: `cohort-${index}`,
    patient: person.patient,
    pain: fullPain,
    history: fullHistory,
    redFlags: fullRedFlags,
    inflammatory,
    questionnaires,
    examination: fullExamination,
    medications: medications && nonEmpty(medications),
    comorbidities,
    work,
    investigations,
    lifestyle,
    preferences: preferences && { ...preferences, ...drawMoreTreatments(person, preferences) },
  });
  // Whether this is a follow-up visit is drawn last of all, for the same reason: a first visit is
  // the assessment it was before follow-ups were generated. At a follow-up, the first-visit pain,
  // ODI and duration become the baseline and today's follow a trajectory (see follow-up.ts).
  return asVisit(person, first);
}

/**
 * A synthetic cohort of adults with low back pain in primary care: `size` assessments from
 * `seed`, deterministic (same arguments, deep-equal cohort) and a prefix of any larger cohort of
 * the same seed. Pure: the randomness is pure-rand's xoroshiro128+, never `Math.random`.
 *
 * @example
 * const cohort = generateCohort(10_000, 1);
 * generateCohort(100, 1); // deep-equal to cohort.slice(0, 100)
 */
export function generateCohort(size: number, seed: number): Assessment[] {
  return Array.from({ length: size }, (_, index) => generateAssessment(seed, index));
}
