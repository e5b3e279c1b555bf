import type { Assessment } from "../generated/types.js";
import { compact, nonEmpty, yesNoByAge } from "./draw.js";
import type { Person } from "./person.js";
import { population } from "./population.js";

type Medications = NonNullable<Assessment["medications"]>;

/** The medicines review: an anticoagulant now and then, mostly from 65; sometimes no review at all. */
export function drawMedications({ random, patient }: Person): Assessment["medications"] {
  const spec = population.medications;
  if (random.absent(spec.missing)) return undefined;
  return nonEmpty(compact<Medications>({ anticoagulant: yesNoByAge(random, spec.anticoagulant, patient.age) }));
}
