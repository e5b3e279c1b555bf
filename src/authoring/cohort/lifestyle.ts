import type { Assessment } from "../../core/generated/types.js";
import { compact, measure, nonEmpty, oneOf, pick, recorded, subset, yesNo } from "./draw.js";
import type { Person } from "./person.js";
import { population } from "./population.js";
import type { Random } from "./random.js";

type Lifestyle = NonNullable<Assessment["lifestyle"]>;
type Preferences = NonNullable<Assessment["preferences"]>;

/** Weight, activity, sitting, smoking and sleep; short sleep follows distress. */
export function drawLifestyle({ random, distress, patient }: Person): Assessment["lifestyle"] {
  const spec = population.lifestyle;
  if (random.absent(spec.missing)) return undefined;
  return nonEmpty(
    compact<Lifestyle>({
      ...bodyMass(random, patient.sex === "female"),
      activityMinutesPerWeek: measure(random, spec.activityMinutesPerWeek),
      sittingHoursPerDay: measure(random, spec.sittingHoursPerDay),
      smoker: yesNo(random, spec.smoker),
      // More distress, less sleep: the sleep quantile runs against the trait.
      sleepHoursPerNight: measure(random, spec.sleepHoursPerNight, 1 - distress),
    }),
  );
}

/**
 * BMI as clinics record it: the number, or height and weight (the weight worked back from the
 * BMI to a tenth of a kilogram, so the two always agree), or both.
 */
function bodyMass(random: Random, female: boolean): Pick<Lifestyle, "bmi" | "heightCm" | "weightKg"> {
  const spec = population.lifestyle;
  const bmi = measure(random, spec.bmi);
  if (bmi === undefined) return {};
  const form = pick(random, spec.bmiForms);
  if (form === "bmi") return { bmi };
  const heightCm = recorded(random, female ? spec.heightCm.female : spec.heightCm.other);
  const weightKg = Math.round((bmi * heightCm * heightCm) / 1000) / 10;
  return form === "both" ? { bmi, heightCm, weightKg } : { heightCm, weightKg };
}

/** What the patient enjoys, where they would rather exercise, and what they ask for or decline. */
export function drawPreferences({ random }: Person): Assessment["preferences"] {
  const spec = population.preferences;
  if (random.absent(spec.missing)) return undefined;
  const requested = listOf(random, spec.requestedTreatments);
  // A treatment the patient asks for is not also one they decline.
  const declined = listOf(random, spec.declinedTreatments)?.filter((t) => requested?.includes(t) !== true);
  return nonEmpty(
    compact<Preferences>({
      activities: listOf(random, spec.activities),
      setting: oneOf(random, spec.setting),
      requestedTreatments: requested,
      declinedTreatments: declined,
    }),
  );
}

/** The names whose rate came up, or undefined when the question was not asked (an empty list is an answer). */
function listOf<K extends string>(
  random: Random,
  spec: { readonly missing: number; readonly rate: Readonly<Record<K, number>> },
): K[] | undefined {
  return random.absent(spec.missing) ? undefined : subset(random, spec.rate);
}

/**
 * The treatments the lists gained in the second edition, drawn after everything else and only for
 * a list that was asked; never one the patient both asks for and declines.
 */
export function drawMoreTreatments(
  { random }: Person,
  preferences: Preferences,
): Pick<Preferences, "requestedTreatments" | "declinedTreatments"> {
  const { requestedTreatments, declinedTreatments } = population.preferences;
  const requested = preferences.requestedTreatments && [
    ...preferences.requestedTreatments,
    ...subset(random, requestedTreatments.added),
  ];
  const asked = new Set<string>(requested);
  const declined = preferences.declinedTreatments && [
    ...preferences.declinedTreatments,
    ...subset(random, declinedTreatments.added).filter((t) => !asked.has(t)),
  ];
  return compact({ requestedTreatments: requested, declinedTreatments: declined });
}
