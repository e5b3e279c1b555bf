import type { Assessment } from "../../core/generated/types.js";
import { compact, subset, yesNoByAge } from "./draw.js";
import type { Person } from "./person.js";
import { population } from "./population.js";

type Medications = NonNullable<Assessment["medications"]>;

/**
 * The medicines review: an anticoagulant now and then, mostly from 65; undefined when there was no
 * review at this visit. The review may hold nothing yet (`{}`): `drawCurrentMedicines` adds to it.
 */
export function drawMedications({ random, patient }: Person): Medications | undefined {
  const spec = population.medications;
  if (random.absent(spec.missing)) return undefined;
  return compact<Medications>({ anticoagulant: yesNoByAge(random, spec.anticoagulant, patient.age) });
}

/** What else is known when the current medicines are drawn. */
export interface MedicinesContext {
  readonly medications: Medications;
  readonly comorbidities: Assessment["comorbidities"];
  readonly redFlags: Assessment["redFlags"];
}

/**
 * The kinds of medicine taken now, asked at a medicines review (an empty list: none), at rates by
 * chronicity: gabapentinoids more with leg pain, NSAIDs less where they are unsafe, an oral
 * corticosteroid mostly with prolonged corticosteroid use.
 */
export function drawCurrentMedicines(
  { random, pain, chronic }: Person,
  { medications, comorbidities: c, redFlags }: MedicinesContext,
): Pick<Medications, "current"> {
  const spec = population.medications.current;
  if (random.absent(spec.missing)) return {};
  const base = chronic ? spec.chronic : spec.notChronic;
  const cautions = [
    medications.anticoagulant,
    c?.gastrointestinalBleedOrUlcer,
    c?.chronicKidneyDisease,
    c?.cardiovascularDisease,
    c?.asthmaNsaidSensitive,
  ];
  // Overriding keys keep their place, so the list stays in the table's order.
  const rates = {
    ...base,
    nsaid: cautions.includes(true) ? base.nsaid * spec.nsaidWithCaution : base.nsaid,
    gabapentinoid: base.gabapentinoid * spec.gabapentinoidByLegPain[pain.legPain ?? "unrecorded"],
    "oral-corticosteroid":
      redFlags?.prolongedCorticosteroidUse === true
        ? spec.oralCorticosteroidWithProlongedUse
        : base["oral-corticosteroid"],
  };
  return { current: subset(random, rates) };
}
