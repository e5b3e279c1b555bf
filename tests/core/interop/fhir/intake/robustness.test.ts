import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bundleToAssessment } from "../../../../../src/core/interop/fhir/intake/index.js";

/** Resource-shaped JSON: known types and element names, with anything as values. */
const resource = fc.record(
  {
    resourceType: fc.constantFrom("Patient", "Observation", "QuestionnaireResponse", "Questionnaire", "Condition"),
    id: fc.string(),
    status: fc.constantFrom("final", "completed", "entered-in-error", "stopped", "in-progress", "cancelled"),
    gender: fc.jsonValue(),
    birthDate: fc.oneof(fc.string(), fc.constantFrom("1970", "1970-02", "1970-02-29")),
    subject: fc.jsonValue(),
    code: fc.jsonValue(),
    component: fc.jsonValue(),
    valueInteger: fc.jsonValue(),
    valueQuantity: fc.jsonValue(),
    questionnaire: fc.constantFrom(
      "https://backplan.dev/fhir/Questionnaire/backplan-assessment",
      "#q",
      "http://loinc.org/q/44249-1",
    ),
    item: fc.jsonValue(),
    contained: fc.jsonValue(),
  },
  { requiredKeys: ["resourceType"] },
);

describe("untrusted Bundles", () => {
  it("never throw: any JSON gives a result with issues or an assessment", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(fc.record({ resource }), { maxLength: 6 }), (anything, entry) => {
        for (const input of [anything, { resourceType: "Bundle", timestamp: "2026-11-23T00:00:00Z", entry }]) {
          const result = bundleToAssessment(input);
          expect(result.ok ? result.value.assessment : result.issues).toBeDefined();
        }
      }),
      { numRuns: 1000 },
    );
  });
});
