import { describe, expect, it } from "vitest";
import { bundleToAssessment } from "../../../../../src/core/interop/fhir/intake/index.js";
import type { Observation } from "../../../../../src/core/interop/fhir/types.js";
import { LOINC, bundleOf } from "./fixtures.js";

function painWith(code: string, display: string): Observation {
  return {
    resourceType: "Observation",
    id: "pain",
    status: "final",
    code: { coding: [{ system: LOINC, code, display }], text: display },
    valueInteger: 5,
  };
}

describe("matching by system and code, never display text", () => {
  it("maps the right code under a wrong display", () => {
    const result = bundleToAssessment(bundleOf(painWith("72514-3", "Body weight")));
    expect(result.ok && result.value.assessment.pain.intensity).toBe(5);
  });

  it("does not map the right display under a wrong code", () => {
    const result = bundleToAssessment(
      bundleOf(painWith("29463-7-x", "Pain severity - 0-10 verbal numeric rating [Score] - Reported")),
    );
    expect(result.ok && result.value.assessment.pain).toEqual({ durationWeeks: 3 });
  });

  it("does not map the right code in another system", () => {
    const wrongSystem: Observation = {
      ...painWith("72514-3", "Pain"),
      code: { coding: [{ system: "http://snomed.info/sct", code: "72514-3" }] },
    };
    const result = bundleToAssessment(bundleOf(wrongSystem));
    expect(result.ok && result.value.assessment.pain).toEqual({ durationWeeks: 3 });
  });
});
