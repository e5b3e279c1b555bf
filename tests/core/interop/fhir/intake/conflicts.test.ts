import { describe, expect, it } from "vitest";
import { bundleToAssessment } from "../../../../../src/core/interop/fhir/intake/index.js";
import { PHQ9_ITEMS, bundleOf, la, loincQuestionnaire, observation, quantity, response } from "./fixtures.js";

const questionnaire = loincQuestionnaire(
  "phq9-q",
  "http://loinc.org/q/44249-1",
  PHQ9_ITEMS.map((code) => [`/${code}`, code]),
);
/** PHQ-9 items summing to 11. */
const answered = response(
  "phq9",
  "http://loinc.org/q/44249-1",
  PHQ9_ITEMS.map((code, n) => [`/${code}`, { valueCoding: la([2, 2, 1, 2, 1, 1, 1, 1, 0][n] ?? 0) }]),
);

describe("conflicting data", () => {
  it("is an error naming both resources when a total Observation disagrees with a response's items", () => {
    const result = bundleToAssessment(
      bundleOf(questionnaire, answered, observation("phq9-total", "44261-6", { valueInteger: 14 })),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/conflict",
          "message": "questionnaires.phq9.total: 14 disagrees with 11 from questionnaires.phq9.items (questionnaires.phq9.total from Observation/phq9-total; questionnaires.phq9.items from QuestionnaireResponse/phq9)",
          "params": {
            "computed": 11,
            "given": 14,
            "source": "questionnaires.phq9.items",
          },
          "path": "/entry/4/resource",
          "severity": "error",
        },
      ]
    `);
  });

  it("is an error naming both resources when two Observations give different totals", () => {
    const result = bundleToAssessment(
      bundleOf(
        observation("gad7-a", "70274-6", { valueInteger: 8 }),
        observation("gad7-b", "70274-6", quantity(9, "{score}")),
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/conflict",
          "message": "questionnaires.gad7.total: Observation/gad7-a gives 8 but Observation/gad7-b gives 9",
          "path": "/entry/3/resource",
          "severity": "error",
        },
      ]
    `);
  });

  it("is an error when two resources disagree about the patient (a PHQ-9 item as a panel member and in a response)", () => {
    const member = observation("phq9-item9", "44260-8", { valueInteger: 3 });
    const result = bundleToAssessment(bundleOf(questionnaire, answered, member));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.message)).toMatchInlineSnapshot(`
      [
        "questionnaires.phq9.items[8]: QuestionnaireResponse/phq9 gives 0 but Observation/phq9-item9 gives 3",
        "questionnaires.phq9.item9: QuestionnaireResponse/phq9 gives 0 but Observation/phq9-item9 gives 3",
      ]
    `);
  });

  it("is agreement when two resources give the same value: the first one is the source", () => {
    const result = bundleToAssessment(
      bundleOf(
        questionnaire,
        answered,
        observation("phq9-total", "44261-6", { valueInteger: 11 }),
        observation("again", "44261-6", { valueInteger: 11 }),
      ),
    );
    if (!result.ok) expect.fail(JSON.stringify(result.issues));
    expect(result.value.assessment.questionnaires?.phq9?.total).toBe(11);
    expect(result.value.sources["questionnaires.phq9.total"]).toBe("Observation/phq9-total");
  });
});
