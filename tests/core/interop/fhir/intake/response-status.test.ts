import { describe, expect, it } from "vitest";
import { bundleToAssessment } from "../../../../../src/core/interop/fhir/intake/index.js";
import type { Resource } from "../../../../../src/core/interop/fhir/types.js";
import { backplanResponse, bundleOf, observation } from "./fixtures.js";

/** A response to backplan's Questionnaire, PHQ-9 items 1–2 and 9 answered, with `status`. */
const answered = (status: "completed" | "in-progress" | "stopped" | "entered-in-error" | "amended") => ({
  ...backplanResponse("phq9", {
    "questionnaires.phq9.items[0]": [{ valueInteger: 1 }],
    "questionnaires.phq9.items[1]": [{ valueInteger: 2 }],
    "questionnaires.phq9.items[8]": [{ valueInteger: 3 }],
  }),
  status,
});

function read(resource: Resource) {
  const result = bundleToAssessment(bundleOf(resource));
  if (!result.ok) expect.fail(JSON.stringify(result.issues, null, 2));
  return { assessment: result.value.assessment, warnings: result.warnings.map((issue) => issue.code) };
}

describe("QuestionnaireResponse.status", () => {
  it.each(["stopped", "in-progress"] as const)(
    "reads the answers of a response with status %s, warning that it is incomplete",
    (status) => {
      const { assessment, warnings } = read(answered(status));
      expect(assessment.questionnaires?.phq9).toEqual({ item9: 3 });
      expect(warnings).toEqual(["fhir/incomplete-response", "fhir/incomplete-items"]);
    },
  );

  it("pins the incomplete response's warning", () => {
    const result = bundleToAssessment(bundleOf(answered("stopped")));
    expect(result.ok && result.warnings[0]).toMatchInlineSnapshot(`
      {
        "code": "fhir/incomplete-response",
        "message": "QuestionnaireResponse/phq9: status "stopped", so the response is incomplete; its answers are read and the questions it did not answer stay missing",
        "path": "/entry/2/resource",
        "severity": "warning",
      }
    `);
  });

  it.each(["completed", "amended"] as const)("reads a response with status %s without a status warning", (status) => {
    expect(read(answered(status)).warnings).toEqual(["fhir/incomplete-items"]);
  });

  it("ignores a response entered in error, with a warning", () => {
    const { assessment, warnings } = read(answered("entered-in-error"));
    expect(assessment.questionnaires).toBeUndefined();
    expect(warnings).toEqual(["fhir/ignored-resource"]);
  });
});

describe("Observation.status", () => {
  it.each(["entered-in-error", "cancelled"] as const)("ignores an Observation with status %s", (status) => {
    const { assessment, warnings } = read(observation("pain", "72514-3", { valueInteger: 6, status }));
    expect(assessment.pain.intensity).toBeUndefined();
    expect(warnings).toEqual(["fhir/ignored-resource"]);
  });

  it.each(["registered", "preliminary", "final", "amended", "corrected", "unknown"] as const)(
    "reads an Observation with status %s as it is",
    (status) => {
      const { assessment, warnings } = read(observation("pain", "72514-3", { valueInteger: 6, status }));
      expect(assessment.pain.intensity).toBe(6);
      expect(warnings).toEqual([]);
    },
  );
});
