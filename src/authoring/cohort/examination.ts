import type { Assessment } from "../../core/generated/types.js";
import { compact, measure, nonEmpty, oneOf, yesNo, yesNoByAge } from "./draw.js";
import type { Person } from "./person.js";
import { population } from "./population.js";

type Examination = NonNullable<Assessment["examination"]>;

/** The physical examination: movement control, repeated movements and the Flynn rule's findings. */
export function drawExamination({ random }: Person): Assessment["examination"] {
  const spec = population.examination;
  if (random.absent(spec.missing)) return undefined;
  const positiveTests = measure(random, spec.movementControlPositive);
  return nonEmpty(
    compact<Examination>({
      movementControl: positiveTests === undefined ? undefined : { positiveTests },
      directionalPreference: oneOf(random, spec.directionalPreference),
      neurologicalDeficit: yesNo(random, spec.neurologicalDeficit),
      hipInternalRotationOver35: yesNo(random, spec.hipInternalRotationOver35),
      lumbarHypomobility: yesNo(random, spec.lumbarHypomobility),
    }),
  );
}

/** Neurogenic claudication (the spinal stenosis pattern), commoner from 60. */
export function drawClaudication({ random, patient }: Person): Pick<Examination, "neurogenicClaudication"> {
  return compact({
    neurogenicClaudication: yesNoByAge(random, population.examination.neurogenicClaudication, patient.age),
  });
}
