import { describe, expect, it } from "vitest";
import { bmiOf } from "../../../../../src/core/run/assessment/instruments/bmi.js";
import { assessmentWith, factsOf, problems } from "../factories.js";

function bmiFacts(lifestyle: Record<string, unknown>) {
  const facts = factsOf({ lifestyle });
  return [facts.get("lifestyle.bmi"), facts.get("lifestyle.bmiClass")];
}

describe("BMI", () => {
  it("is kg/m²", () => {
    expect(bmiOf(180, 81)).toBeCloseTo(25, 10);
    expect(bmiOf(160, 64)).toBeCloseTo(25, 10);
    expect(bmiOf(175, 70)).toBeCloseTo(22.857, 3);
  });

  it.each([
    [18.49, "underweight"],
    [18.5, "normal"],
    [24.9, "normal"],
    [25, "overweight"],
    [29.9, "overweight"],
    [30, "obese"],
  ])("a given BMI of %s is %s (WHO)", (bmi, bmiClass) => {
    expect(bmiFacts({ bmi })).toEqual([bmi, bmiClass]);
  });

  it("derives BMI from height and weight, to one decimal", () => {
    expect(bmiFacts({ heightCm: 175, weightKg: 70 })).toEqual([22.9, "normal"]);
    expect(bmiFacts({ heightCm: 180, weightKg: 81 })).toEqual([25, "overweight"]);
    expect(bmiFacts({ heightCm: 180 })).toEqual([undefined, undefined]);
  });

  it("prefers a given BMI that agrees within 0.5 with height and weight", () => {
    expect(bmiFacts({ bmi: 23.3, heightCm: 175, weightKg: 70 })).toEqual([23.3, "normal"]);
    expect(problems(assessmentWith({ lifestyle: { bmi: 23.4, heightCm: 175, weightKg: 70 } }))).toEqual([
      "lifestyle.bmi: 23.4 disagrees with 22.9 from lifestyle.heightCm and lifestyle.weightKg",
    ]);
  });

  it("rejects height and weight whose BMI is out of the schema's range", () => {
    expect(problems(assessmentWith({ lifestyle: { heightCm: 100, weightKg: 300 } }))).toEqual([
      "lifestyle: BMI 300 from lifestyle.heightCm and lifestyle.weightKg is out of range 10–80",
    ]);
    expect(problems(assessmentWith({ lifestyle: { heightCm: 250, weightKg: 25 } }))).toEqual([
      "lifestyle: BMI 4 from lifestyle.heightCm and lifestyle.weightKg is out of range 10–80",
    ]);
  });
});
