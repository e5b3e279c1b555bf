import { describe, expect, it } from "vitest";
import { factsOf } from "../factories.js";

describe("physical activity guideline (WHO 2020)", () => {
  it.each([
    [0, false],
    [149, false],
    [149.5, false],
    [150, true],
    [600, true],
  ])("%s minutes a week meets it: %s", (activityMinutesPerWeek, meets) => {
    expect(factsOf({ lifestyle: { activityMinutesPerWeek } }).get("lifestyle.meetsActivityGuideline")).toBe(meets);
  });

  it("is absent when activity was not recorded", () => {
    expect(factsOf({ lifestyle: { smoker: false } }).has("lifestyle.meetsActivityGuideline")).toBe(false);
  });
});
