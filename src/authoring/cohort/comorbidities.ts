import type { Assessment } from "../../core/generated/types.js";
import { compact, nonEmpty, yesNo, yesNoByAge } from "./draw.js";
import type { Person } from "./person.js";
import { population } from "./population.js";

type Comorbidities = NonNullable<Assessment["comorbidities"]>;

/** The conditions that make NSAIDs unsafe or cautioned, most commoner from 65; sometimes not asked. */
export function drawComorbidities({ random, patient }: Person): Assessment["comorbidities"] {
  const spec = population.comorbidities;
  if (random.absent(spec.missing)) return undefined;
  return nonEmpty(
    compact<Comorbidities>({
      gastrointestinalBleedOrUlcer: yesNoByAge(random, spec.gastrointestinalBleedOrUlcer, patient.age),
      chronicKidneyDisease: yesNoByAge(random, spec.chronicKidneyDisease, patient.age),
      cardiovascularDisease: yesNoByAge(random, spec.cardiovascularDisease, patient.age),
      asthmaNsaidSensitive: yesNo(random, spec.asthmaNsaidSensitive),
    }),
  );
}
