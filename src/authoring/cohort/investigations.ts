import type { Assessment } from "../../core/generated/types.js";
import type { Person } from "./person.js";
import { population } from "./population.js";

/**
 * Whether imaging matched the leg symptoms: recorded mostly in below-knee leg pain that has lasted,
 * else rarely, and never true without leg pain to match.
 */
export function drawInvestigations({ random, pain }: Person): Assessment["investigations"] {
  const { longerFromWeeks, recorded, concordant } = population.investigations;
  const rate =
    pain.legPain !== "below-knee"
      ? recorded.otherwise
      : pain.durationWeeks >= longerFromWeeks
        ? recorded.longBelowKnee
        : recorded.belowKnee;
  // Not scaled by the intake's thoroughness: even a structured form asks this only where it matters.
  if (!random.chance(rate)) return undefined;
  return { imagingConcordant: random.chance(concordant[pain.legPain ?? "unrecorded"]) };
}
