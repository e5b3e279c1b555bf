import { describe, expect, it } from "vitest";
import { bundleToAssessment } from "../../../../../src/core/interop/fhir/intake/index.js";
import { guardedEngine } from "../../../../fixtures/guarded-pack.js";
import { backplanResponse, bundleOf } from "./fixtures.js";

/** PHQ-9 answers by backplan linkId: items 1–9 but item 3, item 9 = 3. */
const eightItems = Object.fromEntries(
  [1, 1, undefined, 2, 1, 0, 1, 1, 3].flatMap((answer, index) =>
    answer === undefined ? [] : [[`questionnaires.phq9.items[${String(index)}]`, [{ valueInteger: answer }]]],
  ),
);

describe("PHQ-9 item 9 from backplan's own Questionnaire", () => {
  it("fills item9 from items[8], so it stands alone when another item is missing, and the suicide-risk rule fires", () => {
    const result = bundleToAssessment(bundleOf(backplanResponse("phq9", eightItems)));
    if (!result.ok) expect.fail(JSON.stringify(result.issues, null, 2));
    expect(result.value.assessment.questionnaires).toEqual({ phq9: { item9: 3 } });
    expect(result.value.sources["questionnaires.phq9.item9"]).toBe("QuestionnaireResponse/phq9");
    expect(result.warnings.map((issue) => issue.code)).toEqual(["fhir/incomplete-items"]);
    const plan = guardedEngine.recommend(result.value.assessment);
    expect(plan.trace.find((entry) => entry.rule === "suicide-risk")?.outcome).toBe("fired");
    expect(plan.components.map((component) => component.id)).toContain("mental-health-referral");
  });

  it("agrees with an item9 answer of the same value", () => {
    const answers = { ...eightItems, "questionnaires.phq9.item9": [{ valueInteger: 3 }] };
    const result = bundleToAssessment(bundleOf(backplanResponse("phq9", answers)));
    expect(result.ok && result.value.assessment.questionnaires).toEqual({ phq9: { item9: 3 } });
  });

  it("is a conflict naming both linkIds when item9 disagrees with items[8]", () => {
    const answers = { ...eightItems, "questionnaires.phq9.item9": [{ valueInteger: 0 }] };
    const result = bundleToAssessment(bundleOf(backplanResponse("phq9", answers)));
    expect(!result.ok && result.issues.filter((issue) => issue.severity === "error")).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/conflict",
          "message": "QuestionnaireResponse/phq9: linkId "questionnaires.phq9.items[8]" gives 3 but linkId "questionnaires.phq9.item9" gives 0; both answer the same question",
          "path": "/entry/2/resource/item/8",
          "severity": "error",
        },
      ]
    `);
  });
});
