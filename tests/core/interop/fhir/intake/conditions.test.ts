import { describe, expect, it } from "vitest";
import { bundleToAssessment } from "../../../../../src/core/interop/fhir/intake/index.js";
import type { Coding, Condition, Resource } from "../../../../../src/core/interop/fhir/types.js";
import { SNOMED, backplanResponse, bundleOf, observation } from "./fixtures.js";

const ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
const CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
const VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

/** A Condition of the Bundle's patient with `coding`, active and confirmed unless told otherwise. */
function condition(id: string, coding: Coding, clinical = "active", verification = "confirmed"): Condition {
  return {
    resourceType: "Condition",
    id,
    clinicalStatus: { coding: [{ system: CLINICAL, code: clinical }] },
    verificationStatus: { coding: [{ system: VERIFICATION, code: verification }] },
    code: { coding: [coding] },
    subject: { reference: "Patient/pat" },
  };
}

/** The assessment's red flags and `sources`, or the issues when the Bundle is refused. */
function read(...resources: Resource[]) {
  const result = bundleToAssessment(bundleOf(...resources));
  if (!result.ok) return { issues: result.issues };
  return { redFlags: result.value.assessment.redFlags, sources: result.value.sources, warnings: result.warnings };
}

describe("Conditions, matched by system and code", () => {
  it.each([
    [ICD10CM, "C50.911", "redFlags.historyOfCancer"],
    [ICD10CM, "C00", "redFlags.historyOfCancer"],
    [ICD10CM, "C97", "redFlags.historyOfCancer"],
    [ICD10CM, "C7A.010", "redFlags.historyOfCancer"],
    [ICD10CM, "C4A.9", "redFlags.historyOfCancer"],
    [ICD10CM, "Z85.3", "redFlags.historyOfCancer"],
    [ICD10CM, "Z85038", "redFlags.historyOfCancer"],
    [SNOMED, "363346000", "redFlags.historyOfCancer"],
    [SNOMED, "128462008", "redFlags.historyOfCancer"],
    [SNOMED, "1287652008", "redFlags.historyOfCancer"],
    [SNOMED, "64859006", "redFlags.osteoporosis"],
  ])("%s|%s sets %s to true, traced to the Condition", (system, code, field) => {
    const found = read(condition("dx", { system, code }));
    const flag = field.split(".")[1] ?? "";
    expect(found.redFlags).toEqual({ [flag]: true });
    expect(found.sources?.[field]).toBe("Condition/dx");
    expect(found.warnings).toEqual([]);
  });

  it.each([
    ["a display alone", { system: ICD10CM, display: "Malignant neoplasm of breast" }],
    ["a display under another system", { system: "http://example.org/local", code: "C50.911", display: "Cancer" }],
    ["WHO ICD-10 (not read)", { system: "http://hl7.org/fhir/sid/icd-10", code: "C50.9" }],
    ["a carcinoma in situ (D05)", { system: ICD10CM, code: "D05.10" }],
    ["C98, past the range", { system: ICD10CM, code: "C98" }],
    ["Z86 (other history)", { system: ICD10CM, code: "Z86.010" }],
    ["a code not shaped like ICD-10-CM", { system: ICD10CM, code: "C50 breast" }],
    ["an unmapped SNOMED code", { system: SNOMED, code: "279039007" }],
  ])("%s sets nothing", (_case, coding: Coding) => {
    const found = read(condition("dx", coding));
    expect(found.redFlags).toBeUndefined();
    expect(found.sources).not.toHaveProperty("redFlags.historyOfCancer");
    expect(found.warnings).toEqual([]);
  });

  it("leaves the flags missing when there is no Condition: absence is not false", () => {
    expect(read().redFlags).toBeUndefined();
  });

  it("agrees with itself: two cancer Conditions keep the first as the source", () => {
    const found = read(
      condition("a", { system: SNOMED, code: "363346000" }),
      condition("b", { system: ICD10CM, code: "Z85.3" }, "resolved"),
    );
    expect(found.redFlags).toEqual({ historyOfCancer: true });
    expect(found.sources?.["redFlags.historyOfCancer"]).toBe("Condition/a");
  });
});

describe("clinical and verification status", () => {
  it.each(["recurrence", "relapse"])("counts an osteoporosis with clinicalStatus %s", (status) => {
    expect(read(condition("dx", { system: SNOMED, code: "64859006" }, status)).redFlags).toEqual({
      osteoporosis: true,
    });
  });

  it.each(["resolved", "remission", "inactive"])("counts a %s cancer as a history of cancer", (status) => {
    const found = read(condition("dx", { system: ICD10CM, code: "C61" }, status));
    expect(found.redFlags).toEqual({ historyOfCancer: true });
    expect(found.warnings).toEqual([]);
  });

  it("does not count a resolved osteoporosis, and says why", () => {
    const found = read(condition("dx", { system: SNOMED, code: "64859006" }, "resolved"));
    expect(found.redFlags).toBeUndefined();
    expect(found.warnings).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/not-current-condition",
          "message": "Condition/dx: clinicalStatus "resolved", expected active, recurrence or relapse; it does not set redFlags.osteoporosis",
          "path": "/entry/2/resource/clinicalStatus",
          "severity": "warning",
        },
      ]
    `);
  });

  it("does not count an osteoporosis without clinicalStatus", () => {
    const { clinicalStatus: _dropped, ...bare } = condition("dx", { system: SNOMED, code: "64859006" });
    const found = read(bare);
    expect(found.redFlags).toBeUndefined();
    expect(found.warnings?.map((issue) => issue.message)).toMatchInlineSnapshot(`
      [
        "Condition/dx: clinicalStatus missing, expected active, recurrence or relapse; it does not set redFlags.osteoporosis",
      ]
    `);
  });

  it.each(["refuted", "entered-in-error"])("ignores a %s Condition with a warning", (status) => {
    const found = read(condition("dx", { system: SNOMED, code: "363346000" }, "active", status));
    expect(found.redFlags).toBeUndefined();
    expect(found.warnings).toEqual([
      {
        code: "fhir/ignored-resource",
        message: `Condition/dx: status "${status}", so it is ignored`,
        path: "/entry/2/resource",
        severity: "warning",
      },
    ]);
  });

  it("pins the refuted warning's text", () => {
    expect(read(condition("dx", { system: SNOMED, code: "64859006" }, "active", "refuted")).warnings)
      .toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/ignored-resource",
          "message": "Condition/dx: status "refuted", so it is ignored",
          "path": "/entry/2/resource",
          "severity": "warning",
        },
      ]
    `);
  });

  it.each(["unconfirmed", "provisional", "differential"])(
    "counts a %s Condition (only refuted withdraws it)",
    (status) => {
      expect(read(condition("dx", { system: SNOMED, code: "64859006" }, "active", status)).redFlags).toEqual({
        osteoporosis: true,
      });
    },
  );
});

describe("Conditions and backplan's questionnaire", () => {
  const saysNo = backplanResponse("flags", { "redFlags.historyOfCancer": [{ valueBoolean: false }] });
  const saysYes = backplanResponse("flags", { "redFlags.historyOfCancer": [{ valueBoolean: true }] });
  const cancer = condition("breast-ca", { system: ICD10CM, code: "C50.911" });

  it("is a conflict naming both resources when the questionnaire says no and a Condition says yes", () => {
    expect(read(saysNo, cancer).issues).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/conflict",
          "message": "redFlags.historyOfCancer: QuestionnaireResponse/flags gives false but Condition/breast-ca gives true",
          "path": "/entry/3/resource",
          "severity": "error",
        },
      ]
    `);
  });

  it("is the same conflict the other way round", () => {
    expect(read(cancer, saysNo).issues).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/conflict",
          "message": "redFlags.historyOfCancer: Condition/breast-ca gives true but QuestionnaireResponse/flags gives false",
          "path": "/entry/3/resource",
          "severity": "error",
        },
      ]
    `);
  });

  it("agrees with a questionnaire that says yes", () => {
    const found = read(saysYes, cancer);
    expect(found.redFlags).toEqual({ historyOfCancer: true });
    expect(found.sources?.["redFlags.historyOfCancer"]).toBe("QuestionnaireResponse/flags");
  });

  it("keeps the questionnaire's false when there is no Condition", () => {
    const found = read(saysNo);
    expect(found.redFlags).toEqual({ historyOfCancer: false });
    expect(found.sources?.["redFlags.historyOfCancer"]).toBe("QuestionnaireResponse/flags");
  });
});

describe("a Bundle of Patient, QuestionnaireResponse, Observation and Condition", () => {
  it("becomes one assessment, each field traced to its resource", () => {
    const result = bundleToAssessment(
      bundleOf(
        observation("gad7-total", "70274-6", { valueInteger: 8 }),
        condition("osteo", { system: SNOMED, code: "64859006" }),
      ),
    );
    if (!result.ok) expect.fail(JSON.stringify(result.issues));
    expect(result.value.assessment).toMatchObject({
      patient: { age: 46, sex: "male" },
      pain: { durationWeeks: 3 },
      questionnaires: { gad7: { total: 8 } },
      redFlags: { osteoporosis: true },
    });
    expect(result.value.sources).toMatchObject({
      "patient.age": "Patient/pat",
      "pain.durationWeeks": "QuestionnaireResponse/duration",
      "questionnaires.gad7.total": "Observation/gad7-total",
      "redFlags.osteoporosis": "Condition/osteo",
    });
  });
});

describe("status codings without a system", () => {
  const cancer = { system: ICD10CM, code: "C50.911" };
  const withStatus = (verification: Coding, clinical: Coding = { system: CLINICAL, code: "active" }): Condition => ({
    ...condition("dx", cancer),
    clinicalStatus: { coding: [clinical] },
    verificationStatus: { coding: [verification] },
  });

  it("reads a verificationStatus coding with no system: entered-in-error withdraws the Condition", () => {
    const found = read(withStatus({ code: "entered-in-error" }));
    expect(found.redFlags).toBeUndefined();
    expect(found.warnings?.map((issue) => issue.message)).toEqual([
      'Condition/dx: status "entered-in-error", so it is ignored',
    ]);
  });

  it("reads a clinicalStatus coding with no system", () => {
    const osteoporosis = {
      ...withStatus({ code: "confirmed" }, { code: "resolved" }),
      code: { coding: [{ system: SNOMED, code: "64859006" }] },
    };
    expect(read(osteoporosis).warnings?.map((issue) => issue.code)).toEqual(["fhir/not-current-condition"]);
  });

  it("ignores a status coding of another system", () => {
    const found = read(withStatus({ system: "http://example.org/status", code: "entered-in-error" }));
    expect(found.redFlags).toEqual({ historyOfCancer: true });
  });

  it("prefers the coding of the right system to one with no system", () => {
    const both: Condition = {
      ...withStatus({ code: "confirmed" }),
      verificationStatus: { coding: [{ code: "confirmed" }, { system: VERIFICATION, code: "refuted" }] },
    };
    expect(read(both).redFlags).toBeUndefined();
  });
});
