import type { Assessment } from "../../core/generated/types.js";
import { nonEmpty, recorded } from "./draw.js";
import type { Person } from "./person.js";
import { population } from "./population.js";
import type { Random } from "./random.js";

/** The red-flag screen: each flag rare, now and then one answer unrecorded, sometimes no screen at all. */
export function drawRedFlags({ random }: Person): Assessment["redFlags"] {
  const { missing, answerMissing, rate } = population.redFlags;
  if (random.absent(missing)) return undefined;
  return nonEmpty(answers(random, rate, answerMissing));
}

/**
 * Major trauma, a kind of recent trauma: asked when there was recent trauma (sometimes left
 * unrecorded), and when there was none either answered no or left out. Never true without it.
 */
export function drawMajorTrauma(
  { random }: Person,
  redFlags: NonNullable<Assessment["redFlags"]>,
): Pick<NonNullable<Assessment["redFlags"]>, "majorTrauma"> {
  const { answerMissing, majorTrauma } = population.redFlags;
  if (redFlags.recentTrauma === true)
    return random.absent(answerMissing) ? {} : { majorTrauma: random.chance(majorTrauma.ofRecentTrauma) };
  if (redFlags.recentTrauma === false && random.chance(majorTrauma.recordedWithoutTrauma))
    return { majorTrauma: false };
  return {};
}

/**
 * Features of axial spondyloarthritis, asked at some visits. The back pain began with this
 * episode or, for some patients, years before it (never before age 10, never after today).
 */
export function drawInflammatory({ random, patient, pain, chronic }: Person): Assessment["inflammatory"] {
  const { asked, answerMissing, earlierOnsetYears, rate } = population.inflammatory;
  if (random.absent(1 - (chronic && patient.age < 45 ? asked.persistentUnder45 : asked.otherwise))) return undefined;
  const episodeBegan = Math.floor(patient.age - pain.durationWeeks / 52);
  const ageAtOnset = Math.min(patient.age, Math.max(10, episodeBegan - recorded(random, earlierOnsetYears)));
  return { ageAtOnset, ...answers(random, rate, answerMissing) };
}

/** A yes/no answer per name, true at its rate, unrecorded at `missing`. */
function answers<K extends string>(
  random: Random,
  rates: Readonly<Record<K, number>>,
  missing: number,
): Partial<Record<K, boolean>> {
  const result: Partial<Record<K, boolean>> = {};
  for (const name in rates) if (!random.absent(missing)) result[name] = random.chance(rates[name]);
  return result;
}
