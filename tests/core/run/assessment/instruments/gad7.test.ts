import { describe, expect, it } from "vitest";
import { assessmentWith, factsOf, problems } from "../factories.js";

describe("GAD-7", () => {
  it.each([
    [0, "minimal"],
    [4, "minimal"],
    [5, "mild"],
    [9, "mild"],
    [10, "moderate"],
    [14, "moderate"],
    [15, "severe"],
    [21, "severe"],
  ])("total %s is %s", (total, severity) => {
    const facts = factsOf({ questionnaires: { gad7: { total } } });
    expect([facts.get("gad7.total"), facts.get("gad7.severity")]).toEqual([total, severity]);
  });

  it("sums the items", () => {
    const facts = factsOf({ questionnaires: { gad7: { items: [3, 3, 2, 1, 0, 0, 1] } } });
    expect([facts.get("gad7.total"), facts.get("gad7.severity")]).toEqual([10, "moderate"]);
  });

  it("rejects items that disagree with the total", () => {
    expect(problems(assessmentWith({ questionnaires: { gad7: { items: [3, 3, 2, 1, 0, 0, 1], total: 9 } } }))).toEqual([
      "questionnaires.gad7.total: 9 disagrees with 10 from questionnaires.gad7.items",
    ]);
  });
});
