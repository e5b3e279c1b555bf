import { describe, expect, it } from "vitest";
import { bundleToAssessment } from "../../../../src/core/fhir/intake/index.js";
import type { Bundle } from "../../../../src/core/fhir/types.js";
import { bundleOf, duration, observation, patient } from "./fixtures.js";

describe("one patient", () => {
  it("reads resources whose subject is the Patient, by relative reference, absolute URL or fullUrl", () => {
    const bundle: Bundle = {
      resourceType: "Bundle",
      type: "collection",
      timestamp: "2026-11-23T10:00:00+01:00",
      entry: [
        { fullUrl: "urn:uuid:8c2e6f4a-0000-4000-8000-000000000001", resource: patient() },
        { resource: { ...duration, subject: { reference: "https://ehr.example.org/fhir/Patient/pat" } } },
        {
          resource: observation("pain", "72514-3", {
            valueInteger: 4,
            subject: { reference: "urn:uuid:8c2e6f4a-0000-4000-8000-000000000001" },
          }),
        },
        {
          resource: observation("bmi", "39156-5", {
            valueQuantity: { value: 22, code: "kg/m2" },
            subject: { reference: "Patient/pat" },
          }),
        },
      ],
    };
    const result = bundleToAssessment(bundle);
    if (!result.ok) expect.fail(JSON.stringify(result.issues));
    expect(result.value.assessment).toMatchObject({ pain: { durationWeeks: 3, intensity: 4 }, lifestyle: { bmi: 22 } });
  });

  it("leaves out a resource about someone else, with a warning", () => {
    const other = observation("pain", "72514-3", { valueInteger: 9, subject: { reference: "Patient/someone-else" } });
    const result = bundleToAssessment(bundleOf(other));
    if (!result.ok) expect.fail();
    expect(result.value.assessment.pain.intensity).toBeUndefined();
    expect(result.warnings).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/other-subject",
          "message": "Observation/pain: its subject "Patient/someone-else" is not Patient/pat, so it is ignored",
          "path": "/entry/2/resource/subject/reference",
          "severity": "warning",
        },
      ]
    `);
  });

  it("rejects a Bundle with two Patients", () => {
    const result = bundleToAssessment(bundleOf(patient({ id: "twin" })));
    expect(!result.ok && result.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/several-patients",
          "message": "expected one Patient (an assessment describes one patient), found 2: Patient/pat, Patient/twin",
          "path": "/entry/2/resource",
          "severity": "error",
        },
      ]
    `);
  });
});
