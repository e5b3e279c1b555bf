import { describe, expect, it } from "vitest";
import { factsOf } from "../factories.js";

const noFeatures = {
  ageAtOnset: 40,
  wakesSecondHalfOfNight: false,
  alternatingButtockPain: false,
  improvesWithMovement: false,
  improvesWithNsaidsWithin48h: false,
  firstDegreeRelativeWithSpa: false,
  psoriasis: false,
  enthesitis: false,
  arthritis: false,
};

function features(inflammatory: Record<string, unknown>) {
  return factsOf({ patient: { age: 50 }, inflammatory }).get("axialSpa.features");
}

describe("axial spondyloarthritis features (NICE NG65)", () => {
  it("counts onset before 35 as a feature: 34 yes, 35 no", () => {
    expect(features(noFeatures)).toBe(0);
    expect(features({ ...noFeatures, ageAtOnset: 34 })).toBe(1);
    expect(features({ ...noFeatures, ageAtOnset: 35 })).toBe(0);
  });

  it("adds each inflammatory feature present", () => {
    expect(
      features({
        ...noFeatures,
        ageAtOnset: 25,
        wakesSecondHalfOfNight: true,
        improvesWithMovement: true,
        psoriasis: true,
      }),
    ).toBe(4);
    expect(
      features({
        ageAtOnset: 20,
        ...Object.fromEntries(
          Object.keys(noFeatures)
            .slice(1)
            .map((name) => [name, true]),
        ),
      }),
    ).toBe(9);
  });

  it("is absent while any feature, or the age at onset, is unanswered", () => {
    const { arthritis: _unasked, ...rest } = noFeatures;
    expect(features(rest)).toBeUndefined();
    const { ageAtOnset: _age, ...withoutOnset } = noFeatures;
    expect(features(withoutOnset)).toBeUndefined();
  });
});
