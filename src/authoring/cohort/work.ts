import type { Assessment } from "../../core/generated/types.js";
import { compact, measure, nonEmpty, oneOfByAge, yesNo } from "./draw.js";
import type { Person } from "./person.js";
import { population } from "./population.js";

type Work = NonNullable<Assessment["work"]>;
type Status = NonNullable<Work["status"]>;

/**
 * Work status by age; the weeks off work only for those off work (the validator rejects them
 * otherwise), never more than the episode has lasted; whether the job is physically demanding
 * only for those with a job.
 */
export function drawWork({ random, patient, pain }: Person): Assessment["work"] {
  const spec = population.work;
  if (random.absent(spec.missing)) return undefined;
  const status = oneOfByAge(random, spec.status, patient.age);
  const weeks = status === "off-work" ? measure(random, spec.weeksOffWork) : undefined;
  const demanding = demandingRate(status);
  return nonEmpty(
    compact<Work>({
      status,
      weeksOffWork: weeks === undefined ? undefined : Math.min(weeks, pain.durationWeeks),
      physicallyDemanding:
        demanding === undefined
          ? undefined
          : yesNo(random, { chance: demanding, missing: spec.physicallyDemanding.missing }),
    }),
  );
}

/** How often the job is physically demanding, or undefined when there is no job to ask about. */
function demandingRate(status: Status | undefined): number | undefined {
  const rates: Partial<Record<Status, number>> = population.work.physicallyDemanding.rate;
  return status === undefined ? undefined : rates[status];
}
