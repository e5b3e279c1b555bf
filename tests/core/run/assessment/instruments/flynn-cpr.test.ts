import { describe, expect, it } from "vitest";
import { factsOf } from "../factories.js";

/** Meets all five criteria of Flynn et al. 2002. */
const allMet = {
  pain: { durationWeeks: 2, legPain: "above-knee" },
  questionnaires: { fabq: { work: 18 } },
  examination: { hipInternalRotationOver35: true, lumbarHypomobility: true },
};

function criteriaMet(extra: Record<string, unknown>) {
  return factsOf({ ...allMet, ...extra }).get("flynnCpr.criteriaMet");
}

describe("Flynn spinal manipulation clinical prediction rule", () => {
  it("counts all five when each is met", () => {
    expect(criteriaMet({})).toBe(5);
  });

  it("meets duration under 16 days: 15 days yes, 16 days no", () => {
    expect(criteriaMet({ pain: { durationWeeks: 15 / 7, legPain: "none" } })).toBe(5);
    expect(criteriaMet({ pain: { durationWeeks: 16 / 7, legPain: "none" } })).toBe(4);
  });

  it("fails symptoms below the knee, FABQ-W 19, and a negative examination", () => {
    expect(criteriaMet({ pain: { durationWeeks: 2, legPain: "below-knee" } })).toBe(4);
    expect(criteriaMet({ questionnaires: { fabq: { work: 19 } } })).toBe(4);
    expect(criteriaMet({ examination: { hipInternalRotationOver35: false, lumbarHypomobility: false } })).toBe(3);
  });

  it("is absent while any criterion is unanswered", () => {
    expect(criteriaMet({ pain: { durationWeeks: 2 } })).toBeUndefined();
    expect(criteriaMet({ questionnaires: { fabq: { physicalActivity: 10 } } })).toBeUndefined();
    expect(criteriaMet({ examination: { lumbarHypomobility: true } })).toBeUndefined();
  });
});
