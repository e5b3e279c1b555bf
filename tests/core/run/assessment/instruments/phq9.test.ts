import { describe, expect, it } from "vitest";
import { assessmentWith, factsOf, problems } from "../factories.js";

/** Nine answers summing to `total`, with item 9 as given. */
function answersFor(total: number, item9 = 0): number[] {
  const items = [0, 0, 0, 0, 0, 0, 0, 0, item9];
  let rest = total - item9;
  for (let i = 0; i < 8 && rest > 0; i++) {
    items[i] = Math.min(3, rest);
    rest -= items[i] ?? 0;
  }
  return items;
}

describe("PHQ-9", () => {
  it.each([
    [0, "minimal"],
    [4, "minimal"],
    [5, "mild"],
    [9, "mild"],
    [10, "moderate"],
    [14, "moderate"],
    [15, "moderately-severe"],
    [19, "moderately-severe"],
    [20, "severe"],
    [27, "severe"],
  ])("total %s is %s, from items and from a given total", (total, severity) => {
    const fromItems = factsOf({ questionnaires: { phq9: { items: answersFor(total, total >= 3 ? 3 : 0) } } });
    expect([fromItems.get("phq9.total"), fromItems.get("phq9.severity")]).toEqual([total, severity]);
    const fromTotal = factsOf({ questionnaires: { phq9: { total } } });
    expect([fromTotal.get("phq9.total"), fromTotal.get("phq9.severity")]).toEqual([total, severity]);
  });

  it("derives item 9 from the items, or as given, and leaves it absent with a bare total", () => {
    expect(factsOf({ questionnaires: { phq9: { items: [1, 0, 0, 0, 0, 0, 0, 0, 2] } } }).get("phq9.item9")).toBe(2);
    expect(factsOf({ questionnaires: { phq9: { total: 6, item9: 1 } } }).get("phq9.item9")).toBe(1);
    expect(factsOf({ questionnaires: { phq9: { total: 6 } } }).has("phq9.item9")).toBe(false);
    expect(factsOf({ questionnaires: { phq9: { item9: 0 } } }).has("phq9.total")).toBe(false);
  });

  it("rejects items that disagree with the total or item 9, naming both", () => {
    expect(
      problems(
        assessmentWith({ questionnaires: { phq9: { items: [1, 1, 1, 1, 1, 1, 1, 1, 1], total: 12, item9: 0 } } }),
      ),
    ).toEqual([
      "questionnaires.phq9.total: 12 disagrees with 9 from questionnaires.phq9.items",
      "questionnaires.phq9.item9: 0 disagrees with 1 from questionnaires.phq9.items[8]",
    ]);
  });

  it("rejects an item 9 above the total", () => {
    expect(problems(assessmentWith({ questionnaires: { phq9: { total: 2, item9: 3 } } }))).toEqual([
      "questionnaires.phq9.item9: 3 exceeds questionnaires.phq9.total (2)",
    ]);
  });
});
