import { derivedFact } from "./scoring.js";
import type { Instrument } from "./types.js";

/** WHO 2020: adults should do at least 150 minutes of moderate-intensity activity a week. */
const guidelineMinutes = 150;

/** Whether leisure activity meets the WHO 2020 guideline. */
export const activity: Instrument = {
  name: "physical activity",
  facts: [
    derivedFact({
      name: "lifestyle.meetsActivityGuideline",
      type: "boolean",
      description: `Whether activityMinutesPerWeek is at least ${guidelineMinutes} (WHO 2020).`,
      collect: ["lifestyle.activityMinutesPerWeek"],
    }),
  ],
  checks: [],
  derive(assessment, facts) {
    const minutes = assessment.lifestyle?.activityMinutesPerWeek;
    if (minutes !== undefined) facts.set("lifestyle.meetsActivityGuideline", minutes >= guidelineMinutes);
  },
};
