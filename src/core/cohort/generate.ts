import type { Assessment } from "../generated/types.js";
import { compact, pick } from "./draw.js";
import { drawExamination } from "./examination.js";
import { drawLifestyle, drawPreferences } from "./lifestyle.js";
import { drawHistory, drawPerson } from "./person.js";
import { drawQuestionnaires } from "./questionnaires.js";
import { population } from "./population.js";
import { randomFor, recordedWith } from "./random.js";
import { drawInflammatory, drawRedFlags } from "./red-flags.js";

/**
 * Assessment `index` of the cohort seeded with `seed`: valid (`parseAssessment` accepts it),
 * realistic (see `population.ts`), and the same on every run and whatever the cohort's size.
 * Its id is `cohort-<index>`.
 *
 * @example generateAssessment(1, 42).id; // "cohort-42"
 */
export function generateAssessment(seed: number, index: number): Assessment {
  const stream = randomFor(seed, index);
  const person = drawPerson(recordedWith(stream, pick(stream, population.recording)));
  // Sections are drawn in a fixed order: each takes its draws from the one stream in turn.
  return compact<Assessment>({
    id: `cohort-${index}`,
    patient: person.patient,
    pain: person.pain,
    history: drawHistory(person),
    redFlags: drawRedFlags(person),
    inflammatory: drawInflammatory(person),
    questionnaires: drawQuestionnaires(person),
    examination: drawExamination(person),
    lifestyle: drawLifestyle(person),
    preferences: drawPreferences(person),
  });
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
