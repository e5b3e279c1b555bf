import { safeParseAssessment } from "../../run/assessment/validate.js";
import { pointerToDotted } from "../../errors.js";
import { issue } from "../issue.js";
import { scenarioInvalidAssessment } from "../messages.js";
import type { FilePlace } from "../parse/source-file.js";
import type { Check } from "./check.js";

/**
 * Each scenario's assessment, validated as `backplan recommend` would, so an author sees the bad
 * value at its line and column while editing rather than as an invalid test later. A warning,
 * not an error: a broken test must not stop the pack from planning (`backplan test` fails on it).
 * Scenarios share parts through YAML anchors, so one bad value is reported once, at the anchor.
 */
export const scenarioAssessments: Check = {
  name: "scenario-assessments",
  description:
    "Each scenario's assessment is valid (the schema's ranges, types and fields, and the cross-field checks), " +
    "each problem once, at the value it is about.",
  run(pack) {
    const found = new Map<string, { place: FilePlace; scenarios: string[]; field: string; message: string }>();
    for (const { value: scenario, file, pointer } of pack.scenarios.items) {
      const parsed = safeParseAssessment(scenario.assessment);
      if (parsed.ok) continue;
      for (const problem of parsed.issues) {
        const place = file.place(`${pointer}/assessment${problem.path}`);
        const field = pointerToDotted(problem.path);
        const { file: at, line, column } = place.source;
        const key = JSON.stringify([at, line, column, field, problem.message]);
        const seen = found.get(key);
        if (seen === undefined) found.set(key, { place, scenarios: [scenario.name], field, message: problem.message });
        else seen.scenarios.push(scenario.name);
      }
    }
    return [...found.values()].map(({ place, scenarios, field, message }) =>
      issue(scenarioInvalidAssessment, place, {
        scenario: scenarios[0] ?? "",
        others: scenarios.length - 1,
        field,
        message,
      }),
    );
  },
};
