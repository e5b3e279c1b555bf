import { describe, expect, it } from "vitest";
import { bundleToAssessment } from "../../../../../src/core/interop/fhir/intake/index.js";
import type { Bundle, Resource } from "../../../../../src/core/interop/fhir/types.js";
import { PHQ9_ITEMS, SNOMED, backplanResponse, la, observation, patient } from "./fixtures.js";

const ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
const ATC = "http://www.whocc.no/atc";
const RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

const loose = (resource: Record<string, unknown>): Resource => resource as unknown as Resource;

/** A Bundle of the Patient and `resources`, read on 2026-11-23 (no backplan answers unless given). */
function read(...resources: Resource[]) {
  const bundle: Bundle = {
    resourceType: "Bundle",
    type: "collection",
    entry: [patient(), ...resources].map((resource) => ({ resource })),
  };
  return bundleToAssessment(bundle, { assessedOn: "2026-11-23" });
}

const condition = (id: string, system: string, code: string, extra: Record<string, unknown> = {}): Resource =>
  loose({
    resourceType: "Condition",
    id,
    clinicalStatus: {
      coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "active" }],
    },
    code: { coding: [{ system, code }] },
    subject: { reference: "Patient/pat" },
    onsetDateTime: "2026-10-26T09:00:00-05:00",
    ...extra,
  });

describe("the episode's duration from a low back pain Condition's onset", () => {
  // Codes: SNOMED 279039007 Low back pain (finding), 278860009 Chronic low back pain (finding,
  // Synthea's code); ICD-10-CM M54.5 (until 30 Sep 2021), then M54.50 unspecified, M54.51
  // vertebrogenic, M54.59 other low back pain (CMS FY2022 update).
  it.each([
    [SNOMED, "279039007"],
    [SNOMED, "278860009"],
    [ICD10CM, "M54.5"],
    [ICD10CM, "M54.50"],
    [ICD10CM, "M54.51"],
    [ICD10CM, "M54.59"],
  ])(
    "%s %s: onset to the assessment date in weeks, with a warning that it is the problem list's onset",
    (system, code) => {
      const result = read(condition("lbp", system, code));
      if (!result.ok) expect.fail(JSON.stringify(result.issues));
      expect(result.value.assessment.pain.durationWeeks).toBe(4);
      expect(result.value.sources["pain.durationWeeks"]).toBe("Condition/lbp");
      expect(result.warnings).toContainEqual(
        expect.objectContaining({
          code: "fhir/condition-onset",
          message:
            "pain.durationWeeks: 4 from Condition/lbp, the problem list's onset 2026-10-26T09:00:00-05:00 to 2026-11-23, not the patient's account of this episode; confirm it",
        }),
      );
    },
  );

  it("is only a fallback: backplan's Questionnaire answer wins, without a conflict or the warning", () => {
    const answered = backplanResponse("form", { "pain.durationWeeks": [{ valueDecimal: 1.4 }] });
    const result = read(condition("lbp", SNOMED, "278860009"), answered);
    if (!result.ok) expect.fail(JSON.stringify(result.issues));
    expect(result.value.assessment.pain.durationWeeks).toBe(1.4);
    expect(result.warnings.map((issue) => issue.code)).not.toContain("fhir/condition-onset");
  });

  it("gives nothing when two Conditions disagree, or the Condition is resolved, has no onset, or another code", () => {
    const other = condition("lbp-2", ICD10CM, "M54.50", { onsetDateTime: "2014-02-03" });
    const disagree = read(condition("lbp", SNOMED, "278860009"), other);
    expect(disagree.ok ? "" : disagree.issues.map((issue) => issue.message).join("\n")).toContain(
      "pain.durationWeeks: the problem list gives different values (Condition/lbp: 4, Condition/lbp-2: 668); it is left out, so it is asked for",
    );
    const resolved = condition("lbp", SNOMED, "279039007", {
      clinicalStatus: {
        coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "resolved" }],
      },
    });
    for (const resource of [
      resolved,
      condition("lbp", SNOMED, "279039007", { onsetDateTime: undefined }),
      condition("x", SNOMED, "161891005"),
    ]) {
      const result = read(resource);
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : result.issues.map((issue) => issue.message)).toContain("pain: required field is missing");
    }
  });
});

describe("PHQ-2 (55758-7) as a screen", () => {
  const phq2 = (value: Record<string, unknown>) =>
    observation("phq2", "55758-7", { effectiveDateTime: "2026-11-23T09:00:00+10:00", ...value });
  const duration = backplanResponse("form", { "pain.durationWeeks": [{ valueDecimal: 3 }] });

  it("positive (3 or more) without a PHQ-9: the PHQ-9 stays a gap, with a warning to complete it", () => {
    const result = read(duration, phq2({ valueInteger: 4 }));
    if (!result.ok) expect.fail(JSON.stringify(result.issues));
    expect(result.value.assessment.questionnaires?.phq9).toBeUndefined();
    expect(result.warnings).toEqual([
      {
        code: "fhir/screen-positive",
        path: "/entry/2/resource",
        message:
          "PHQ-2 positive: complete the PHQ-9 (Observation/phq2 gives a PHQ-2 total of 4, 3 or more, and the Bundle has no current PHQ-9; the PHQ-9 stays a data gap)",
        severity: "warning",
      },
    ]);
  });

  it("negative, or with a PHQ-9, or outside its 28 days: nothing is said and nothing is invented", () => {
    const total = observation("phq9-total", "44261-6", { valueInteger: 9 });
    for (const resources of [
      [phq2({ valueInteger: 2 })],
      [phq2({ valueInteger: 5 }), total],
      [phq2({ valueInteger: 5, effectiveDateTime: "2026-09-01" })],
    ]) {
      const result = read(duration, ...resources);
      if (!result.ok) expect.fail(JSON.stringify(result.issues));
      expect(result.warnings.map((issue) => issue.code)).not.toContain("fhir/screen-positive");
      expect(result.value.assessment.questionnaires?.phq9?.item9).toBeUndefined();
    }
  });

  it("its items 44250-9 and 44255-8 are PHQ-9 items 1 and 2: a partial PHQ-9, left out with its warning, no item 9", () => {
    const items = [PHQ9_ITEMS[0] ?? "", PHQ9_ITEMS[1] ?? ""].map((code, n) =>
      observation(`item-${String(n)}`, code, { valueCodeableConcept: { coding: [la(2)] } }),
    );
    const result = read(duration, phq2({ valueString: "4" }), ...items);
    if (!result.ok) expect.fail(JSON.stringify(result.issues));
    expect(result.value.assessment.questionnaires).toBeUndefined();
    expect(result.warnings.map((issue) => issue.code)).toEqual(["fhir/incomplete-items", "fhir/screen-positive"]);
  });
});

describe("numeric totals sent as text", () => {
  it('reads valueString "12" (as US Core\'s PHQ-9 example sends it) with a warning; other text is unreadable', () => {
    const duration = backplanResponse("form", { "pain.durationWeeks": [{ valueDecimal: 3 }] });
    const result = read(duration, observation("total", "44261-6", { valueString: "12" }));
    if (!result.ok) expect.fail(JSON.stringify(result.issues));
    expect(result.value.assessment.questionnaires?.phq9?.total).toBe(12);
    expect(result.warnings).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/read-with-note",
          "message": "Observation/total: the value for questionnaires.phq9.total was sent as text "12", read as 12; send it as a number",
          "path": "/entry/2/resource",
          "severity": "warning",
        },
      ]
    `);
    const text = read(duration, observation("total", "44261-6", { valueString: "twelve" }));
    expect(text.ok && text.warnings.map((issue) => issue.code)).toEqual(["fhir/unreadable-value"]);
  });
});

describe("anticoagulants from MedicationStatement and MedicationRequest by ATC class", () => {
  const duration = backplanResponse("form", { "pain.durationWeeks": [{ valueDecimal: 3 }] });
  const statement = (code: string, status = "active", system = ATC): Resource =>
    loose({
      resourceType: "MedicationStatement",
      id: `med-${code}`,
      status,
      medicationCodeableConcept: { coding: [{ system, code }] },
      subject: { reference: "Patient/pat" },
    });

  // WHO ATC: B01AA03 warfarin, B01AB05 enoxaparin, B01AE07 dabigatran, B01AF01 rivaroxaban, B01AF02 apixaban.
  it.each(["B01AA03", "B01AB05", "B01AE07", "B01AF01", "B01AF02"])("%s sets medications.anticoagulant", (code) => {
    const result = read(duration, statement(code));
    if (!result.ok) expect.fail(JSON.stringify(result.issues));
    expect(result.value.assessment.medications?.anticoagulant).toBe(true);
    expect(result.value.sources["medications.anticoagulant"]).toBe(`MedicationStatement/med-${code}`);
  });

  it("reads an active MedicationRequest whose medication is a contained or Bundle Medication", () => {
    const medication = {
      resourceType: "Medication",
      id: "apixaban",
      code: { coding: [{ system: ATC, code: "B01AF02" }] },
    };
    const contained = loose({
      resourceType: "MedicationRequest",
      id: "rx",
      status: "active",
      intent: "order",
      contained: [medication],
      medicationReference: { reference: "#apixaban" },
      subject: { reference: "Patient/pat" },
    });
    const inBundle = loose({
      resourceType: "MedicationRequest",
      id: "rx",
      status: "active",
      intent: "order",
      medicationReference: { reference: "Medication/apixaban" },
      subject: { reference: "Patient/pat" },
    });
    for (const resources of [[contained], [inBundle, loose(medication)]]) {
      const result = read(duration, ...resources);
      if (!result.ok) expect.fail(JSON.stringify(result.issues));
      expect(result.value.assessment.medications?.anticoagulant).toBe(true);
    }
  });

  it("never sets false: no medication, an antiplatelet (B01AC06 aspirin), a stopped one, or RxNorm only (not read) leave it missing", () => {
    for (const resources of [
      [],
      [statement("B01AC06")],
      [statement("B01AA03", "stopped")],
      [statement("855332", "active", RXNORM)],
    ]) {
      const result = read(duration, ...resources);
      if (!result.ok) expect.fail(JSON.stringify(result.issues));
      expect(result.value.assessment.medications?.anticoagulant).toBeUndefined();
    }
  });
});
