import { describe, expect, it } from "vitest";
import { startBackRisk, startBackScores } from "../../../../../src/core/run/assessment/instruments/start-back.js";
import { factsOf, problems, assessmentWith } from "../factories.js";

function startBackFacts(startBack: Record<string, unknown>) {
  const facts = factsOf({ questionnaires: { startBack } });
  return {
    total: facts.get("startBack.total"),
    psychosocial: facts.get("startBack.psychosocial"),
    risk: facts.get("startBack.risk"),
  };
}

describe("STarT Back scoring", () => {
  it("scores items 1–8 as given and item 9 as 1 only for 'very much' or 'extremely'", () => {
    expect(startBackScores([0, 0, 0, 0, 0, 0, 0, 0, 0])).toEqual({ total: 0, psychosocial: 0 });
    expect(startBackScores([1, 1, 1, 1, 0, 0, 0, 0, 2])).toEqual({ total: 4, psychosocial: 0 });
    expect(startBackScores([0, 0, 0, 0, 0, 0, 0, 0, 3])).toEqual({ total: 1, psychosocial: 1 });
    expect(startBackScores([0, 0, 0, 0, 0, 0, 0, 0, 4])).toEqual({ total: 1, psychosocial: 1 });
    expect(startBackScores([1, 1, 1, 1, 1, 1, 1, 1, 4])).toEqual({ total: 9, psychosocial: 5 });
    expect(startBackScores([1, 0, 1, 0, 1, 0, 1, 0, 1])).toEqual({ total: 4, psychosocial: 2 });
  });

  it("bands risk at total 3/4 and psychosocial 3/4", () => {
    expect(startBackRisk(3, 3)).toBe("low");
    expect(startBackRisk(3, undefined)).toBe("low");
    expect(startBackRisk(4, 3)).toBe("medium");
    expect(startBackRisk(4, 4)).toBe("high");
    expect(startBackRisk(9, 5)).toBe("high");
    expect(startBackRisk(4, undefined)).toBeUndefined();
  });

  it("derives all three facts from items", () => {
    expect(startBackFacts({ items: [1, 1, 0, 0, 1, 1, 1, 0, 3] })).toEqual({ total: 6, psychosocial: 4, risk: "high" });
    expect(startBackFacts({ items: [1, 1, 1, 0, 0, 0, 0, 0, 0] })).toEqual({ total: 3, psychosocial: 0, risk: "low" });
  });

  it("derives from given totals, and leaves risk absent when only a total above 3 is known", () => {
    expect(startBackFacts({ total: 5, psychosocial: 3 })).toEqual({ total: 5, psychosocial: 3, risk: "medium" });
    expect(startBackFacts({ total: 2 })).toEqual({ total: 2, psychosocial: undefined, risk: "low" });
    expect(startBackFacts({ total: 5 })).toEqual({ total: 5, psychosocial: undefined, risk: undefined });
    expect(startBackFacts({ psychosocial: 2 })).toEqual({ total: undefined, psychosocial: 2, risk: undefined });
  });

  it("rejects items that disagree with the given scores, naming both", () => {
    expect(
      problems(
        assessmentWith({
          questionnaires: { startBack: { items: [1, 1, 0, 0, 1, 1, 1, 0, 3], total: 5, psychosocial: 3 } },
        }),
      ),
    ).toEqual([
      "questionnaires.startBack.total: 5 disagrees with 6 from questionnaires.startBack.items",
      "questionnaires.startBack.psychosocial: 3 disagrees with 4 from questionnaires.startBack.items",
    ]);
  });

  it("rejects a subscore no answers could give", () => {
    expect(problems(assessmentWith({ questionnaires: { startBack: { total: 2, psychosocial: 3 } } }))).toEqual([
      "questionnaires.startBack.psychosocial: 3 exceeds questionnaires.startBack.total (2)",
    ]);
    expect(problems(assessmentWith({ questionnaires: { startBack: { total: 6, psychosocial: 1 } } }))).toEqual([
      "questionnaires.startBack.total: 6 exceeds questionnaires.startBack.psychosocial + 4 (5)",
    ]);
    expect(problems(assessmentWith({ questionnaires: { startBack: { total: 5, psychosocial: 1 } } }))).toEqual([]);
  });
});
