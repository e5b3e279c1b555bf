import { describe, expect, it } from "vitest";
import { odiPercent } from "../../../../../src/core/run/assessment/instruments/odi.js";
import { assessmentWith, factsOf, problems } from "../factories.js";

describe("Oswestry Disability Index", () => {
  it("is the answered sum over 5 × answered, as a percentage", () => {
    expect(odiPercent([0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toBe(0);
    expect(odiPercent([5, 5, 5, 5, 5, 5, 5, 5, 5, 5])).toBe(100);
    expect(odiPercent([2, 2, 2, 2, 2, 2, 2, 2, 2, 2])).toBe(40);
    expect(odiPercent([2, 2, 2, 2, 2, 2, 2, 2, 2, null])).toBe(40);
    expect(odiPercent([1, 2, 3, 4, 5, 0, 1, 2, null, null])).toBe(45);
    expect(odiPercent([3, 2, 2, 2, 2, 2, 2, 2, 3, null])).toBeCloseTo(44.444, 3);
  });

  it("is not scored with fewer than 8 answers", () => {
    expect(odiPercent([1, 1, 1, 1, 1, 1, 1, null, null, null])).toBeUndefined();
    expect(odiPercent([1, 1, 1, 1, 1, 1, 1, 1, null, null])).toBe(20);
  });

  it("derives odi.percent to one decimal from items, or as given", () => {
    expect(factsOf({ questionnaires: { odi: { items: [3, 2, 2, 2, 2, 2, 2, 2, 3, null] } } }).get("odi.percent")).toBe(
      44.4,
    );
    expect(factsOf({ questionnaires: { odi: { percent: 38 } } }).get("odi.percent")).toBe(38);
    expect(
      factsOf({ questionnaires: { odi: { items: [3, 2, 2, 2, 2, 2, 2, 2, 3, null], percent: 44 } } }).get(
        "odi.percent",
      ),
    ).toBe(44.4);
  });

  it("rejects fewer than 8 answered items", () => {
    expect(
      problems(assessmentWith({ questionnaires: { odi: { items: [1, 1, 1, 1, 1, 1, 1, null, null, null] } } })),
    ).toEqual(["questionnaires.odi.items: 7 items answered; at least 8 are needed to score it"]);
  });

  it("accepts a percentage rounded from the items, and rejects one that disagrees", () => {
    const items = [3, 2, 2, 2, 2, 2, 2, 2, 3, null];
    expect(problems(assessmentWith({ questionnaires: { odi: { items, percent: 44 } } }))).toEqual([]);
    expect(problems(assessmentWith({ questionnaires: { odi: { items, percent: 45 } } }))).toEqual([
      "questionnaires.odi.percent: 45 disagrees with 44.4 from questionnaires.odi.items",
    ]);
  });
});
