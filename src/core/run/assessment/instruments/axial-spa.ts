import type { Issue } from "../../../errors.js";
import type { Assessment } from "../../../generated/types.js";
import { codes, issue, messages } from "../messages.js";
import { fieldNames, fieldSchema } from "../schema.js";
import { derivedFact } from "./scoring.js";
import { consistent, type Instrument } from "./types.js";

/** NICE NG65 counts back pain that began before this age as a feature. */
const onsetAgeLimit = 35;
/** Every yes/no feature of `inflammatory` in the schema. */
const features = fieldNames("inflammatory").filter((name) => fieldSchema(`inflammatory.${name}`).type === "boolean");

/** Count of NG65 axial spondyloarthritis features, or undefined when any is unanswered. */
function axialSpaFeatures(inflammatory: NonNullable<Assessment["inflammatory"]>): number | undefined {
  const answers: Readonly<Record<string, unknown>> = inflammatory;
  if (inflammatory.ageAtOnset === undefined) return undefined;
  let count = inflammatory.ageAtOnset < onsetAgeLimit ? 1 : 0;
  for (const name of features) {
    const answer = Object.hasOwn(answers, name) ? answers[name] : undefined; // never an inherited answer
    if (answer === undefined) return undefined;
    if (answer === true) count++;
  }
  return count;
}

function check(assessment: Assessment): readonly Issue[] {
  const onset = assessment.inflammatory?.ageAtOnset;
  const age = assessment.patient.age;
  if (onset === undefined || onset <= age) return consistent;
  return [issue(codes.inconsistent, "/inflammatory/ageAtOnset", messages.exceeds(onset, "patient.age", age))];
}

/** Axial spondyloarthritis features (NICE NG65): onset before 35 plus each feature present. */
export const axialSpa: Instrument = {
  name: "axial SpA features",
  facts: [
    derivedFact({
      name: "axialSpa.features",
      type: "integer",
      minimum: 0,
      maximum: features.length + 1,
      description: `Count of NICE NG65 axial spondyloarthritis features: onset before ${onsetAgeLimit}, plus each inflammatory feature present.`,
      collect: fieldNames("inflammatory").map((name) => `inflammatory.${name}`),
    }),
  ],
  checks: [{ reads: ["/inflammatory", "/patient"], check }],
  derive(assessment, facts) {
    if (assessment.inflammatory === undefined) return;
    const count = axialSpaFeatures(assessment.inflammatory);
    if (count !== undefined) facts.set("axialSpa.features", count);
  },
};
