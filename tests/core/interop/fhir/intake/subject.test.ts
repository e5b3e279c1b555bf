import { describe, expect, it } from "vitest";
import { BACKPLAN_ANSWERS, bundleToAssessment } from "../../../../../src/core/interop/fhir/intake/index.js";
import type { Bundle, Resource } from "../../../../../src/core/interop/fhir/types.js";
import { UCUM, backplanResponse, bundleOf, duration, observation, patient, quantity } from "./fixtures.js";

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
            valueQuantity: { value: 22, system: UCUM, code: "kg/m2" },
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

describe("references to a version of the Patient", () => {
  it.each([
    "Patient/pat/_history/2",
    "https://ehr.example.org/fhir/Patient/pat/_history/2",
    "https://ehr.example.org/fhir/Patient/pat",
  ])("reads a resource whose subject is %s as the Patient's", (reference) => {
    const pain = observation("pain", "72514-3", { valueInteger: 4, subject: { reference } });
    const result = bundleToAssessment(bundleOf(pain));
    if (!result.ok) expect.fail(JSON.stringify(result.issues));
    expect(result.value.assessment.pain.intensity).toBe(4);
    expect(result.warnings).toEqual([]);
  });

  it("still leaves out a version of someone else", () => {
    const other = observation("pain", "72514-3", {
      valueInteger: 4,
      subject: { reference: "Patient/someone-else/_history/2" },
    });
    const result = bundleToAssessment(bundleOf(other));
    expect(result.ok && result.warnings.map((issue) => issue.code)).toEqual(["fhir/other-subject"]);
  });
});

describe("a Bundle without a Patient", () => {
  const noPatient = (...resources: Resource[]): Bundle => ({
    resourceType: "Bundle",
    type: "collection",
    timestamp: "2026-11-23T10:00:00Z",
    entry: resources.map((resource) => ({ resource })),
  });
  const about = (reference: string) => ({ subject: { reference } });
  /** The required answers, patient's included, from backplan's Questionnaire. */
  const required = backplanResponse("required", {
    "patient.age": [{ valueInteger: 40 }],
    "patient.sex": [{ valueCoding: { system: BACKPLAN_ANSWERS, code: "female" } }],
    "pain.durationWeeks": [{ valueDecimal: 3 }],
  });

  it("rejects resources about different subjects, naming both", () => {
    const result = bundleToAssessment(
      noPatient(
        { ...required, ...about("Patient/A") },
        observation("pain", "72514-3", { valueInteger: 4, ...about("Patient/B") }),
      ),
    );
    expect(!result.ok && result.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/several-subjects",
          "message": "expected the resources to be about one patient (the Bundle has no Patient to say which), but QuestionnaireResponse/required is about "Patient/A" and Observation/pain is about "Patient/B"",
          "path": "/entry/1/resource/subject/reference",
          "severity": "error",
        },
      ]
    `);
  });

  it("reads resources about one subject, however it is referenced, and those without a subject", () => {
    const result = bundleToAssessment(
      noPatient(
        { ...required, ...about("Patient/A") },
        observation("pain", "72514-3", {
          valueInteger: 4,
          ...about("https://ehr.example.org/fhir/Patient/A/_history/3"),
        }),
        observation("bmi", "39156-5", quantity(22, "kg/m2")),
      ),
    );
    expect(result.ok ? result.value.assessment.pain : result.issues).toEqual({ durationWeeks: 3, intensity: 4 });
  });
});
