import type { Issue } from "../../../errors.js";
import type { Assessment } from "../../../generated/types.js";
import { codes, issue, messages } from "../messages.js";
import { rangeOf } from "../schema.js";
import { bandOf, derivedFact, labelsOf, toOneDecimal, type Bands } from "./scoring.js";
import { consistent, type Instrument } from "./types.js";

/** WHO adult BMI classes, by lower bound in kg/m². */
const classes: Bands<"underweight" | "normal" | "overweight" | "obese"> = [
  [0, "underweight"],
  [18.5, "normal"],
  [25, "overweight"],
  [30, "obese"],
];
/** A given BMI may have been rounded, or measured on another day than height and weight. */
const tolerance = 0.5;
const range = rangeOf("lifestyle.bmi");
const source = "lifestyle.heightCm and lifestyle.weightKg";

/** kg/m² from centimetres and kilograms, unrounded. @example bmiOf(180, 81); // 25 */
export function bmiOf(heightCm: number, weightKg: number): number {
  return (weightKg * 10_000) / (heightCm * heightCm);
}

/** The given BMI, else the one from height and weight to one decimal, else undefined. */
function bmiFrom(lifestyle: Assessment["lifestyle"]): number | undefined {
  if (lifestyle?.bmi !== undefined) return lifestyle.bmi;
  const { heightCm, weightKg } = lifestyle ?? {};
  return heightCm === undefined || weightKg === undefined ? undefined : toOneDecimal(bmiOf(heightCm, weightKg));
}

function check(assessment: Assessment): readonly Issue[] {
  const { bmi, heightCm, weightKg } = assessment.lifestyle ?? {};
  if (heightCm === undefined || weightKg === undefined) return consistent;
  const computed = bmiOf(heightCm, weightKg);
  if (bmi !== undefined && Math.abs(bmi - computed) > tolerance) {
    return [issue(codes.inconsistent, "/lifestyle/bmi", messages.disagrees(bmi, toOneDecimal(computed), source))];
  }
  const { minimum = 0, maximum = Infinity } = range;
  if (bmi === undefined && (computed < minimum || computed > maximum)) {
    return [
      issue(
        codes.outOfRange,
        "/lifestyle",
        messages.derivedOutOfRange("BMI", toOneDecimal(computed), source, range.minimum, range.maximum),
      ),
    ];
  }
  return consistent;
}

/** Body mass index, given or from height and weight, and its WHO class. */
export const bmi: Instrument = {
  name: "BMI",
  facts: [
    derivedFact({
      name: "lifestyle.bmi",
      type: "number",
      ...range,
      description: "Body mass index in kg/m²: as given, else from heightCm and weightKg to one decimal.",
      collect: ["lifestyle.bmi"],
    }),
    derivedFact({
      name: "lifestyle.bmiClass",
      type: "string",
      enum: labelsOf(classes),
      description: "WHO BMI class: underweight < 18.5, normal < 25, overweight < 30, obese ≥ 30.",
      collect: ["lifestyle.bmi"],
    }),
  ],
  checks: [{ reads: ["/lifestyle"], check }],
  derive(assessment, facts) {
    const value = bmiFrom(assessment.lifestyle);
    if (value === undefined) return;
    facts.set("lifestyle.bmi", value);
    facts.set("lifestyle.bmiClass", bandOf(value, classes));
  },
};
