import { describe, expect, it } from "vitest";
import { bundleToAssessment } from "../../../../../src/core/interop/fhir/intake/index.js";
import type { Coding, Condition, Resource } from "../../../../../src/core/interop/fhir/types.js";
import { SNOMED, backplanResponse, bundleOf } from "./fixtures.js";

const ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
const ATC = "http://www.whocc.no/atc";
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

function read(...resources: Resource[]) {
  const result = bundleToAssessment(bundleOf(...resources));
  if (!result.ok) return { issues: result.issues };
  const { assessment, sources } = result.value;
  return { assessment, comorbidities: assessment.comorbidities, sources, warnings: result.warnings };
}

describe("comorbidities from Conditions, by system and code", () => {
  it.each([
    [ICD10CM, "K25.4", "gastrointestinalBleedOrUlcer"],
    [ICD10CM, "K26.9", "gastrointestinalBleedOrUlcer"],
    [ICD10CM, "K27.7", "gastrointestinalBleedOrUlcer"],
    [ICD10CM, "K28.9", "gastrointestinalBleedOrUlcer"],
    [ICD10CM, "K92.0", "gastrointestinalBleedOrUlcer"],
    [ICD10CM, "K92.1", "gastrointestinalBleedOrUlcer"],
    [ICD10CM, "K92.2", "gastrointestinalBleedOrUlcer"],
    [ICD10CM, "K922", "gastrointestinalBleedOrUlcer"],
    [SNOMED, "13200003", "gastrointestinalBleedOrUlcer"],
    [SNOMED, "397825006", "gastrointestinalBleedOrUlcer"],
    [SNOMED, "74474003", "gastrointestinalBleedOrUlcer"],
    [ICD10CM, "N18.30", "chronicKidneyDisease"],
    [ICD10CM, "N18.6", "chronicKidneyDisease"],
    [SNOMED, "709044004", "chronicKidneyDisease"],
    [ICD10CM, "I50.22", "cardiovascularDisease"],
    [ICD10CM, "I20.9", "cardiovascularDisease"],
    [ICD10CM, "I21.4", "cardiovascularDisease"],
    [ICD10CM, "I25.2", "cardiovascularDisease"],
    [ICD10CM, "I63.9", "cardiovascularDisease"],
    [ICD10CM, "G45.9", "cardiovascularDisease"],
    [ICD10CM, "Z86.73", "cardiovascularDisease"],
    [ICD10CM, "Z8673", "cardiovascularDisease"],
    [SNOMED, "84114007", "cardiovascularDisease"],
    [SNOMED, "414545008", "cardiovascularDisease"],
    [SNOMED, "22298006", "cardiovascularDisease"],
    [SNOMED, "230690007", "cardiovascularDisease"],
    [SNOMED, "266257000", "cardiovascularDisease"],
    [SNOMED, "407674008", "asthmaNsaidSensitive"],
  ])("%s|%s sets comorbidities.%s, traced to the Condition", (system, code, flag) => {
    const found = read(condition("dx", { system, code }));
    expect(found.comorbidities).toEqual({ [flag]: true });
    expect(found.sources?.[`comorbidities.${flag}`]).toBe("Condition/dx");
    expect(found.warnings).toEqual([]);
  });

  it.each([
    ["asthma alone (J45.909): not sensitivity to NSAIDs", { system: ICD10CM, code: "J45.909" }],
    ["asthma alone (SNOMED 195967001)", { system: SNOMED, code: "195967001" }],
    ["hay fever with asthma (233683003), not aspirin-induced", { system: SNOMED, code: "233683003" }],
    ["transient global amnesia (G45.4), not a TIA", { system: ICD10CM, code: "G45.4" }],
    ["gastritis (K29.70)", { system: ICD10CM, code: "K29.70" }],
    ["K92.81, not a bleed", { system: ICD10CM, code: "K92.81" }],
    ["hypertension (I10)", { system: ICD10CM, code: "I10" }],
    ["acute kidney failure (N17.9)", { system: ICD10CM, code: "N17.9" }],
    ["WHO ICD-10 I64 (not read)", { system: "http://hl7.org/fhir/sid/icd-10", code: "I64" }],
  ])("%s sets nothing", (_case, coding: Coding) => {
    const found = read(condition("dx", coding));
    expect(found.comorbidities).toBeUndefined();
    expect(found.warnings).toEqual([]);
  });

  it("a record with ibuprofen, pregabalin, CKD and heart failure: one assessment, each value traced", () => {
    const found = read(
      {
        resourceType: "MedicationStatement",
        id: "ibuprofen",
        status: "active",
        medicationCodeableConcept: { coding: [{ system: ATC, code: "M01AE01", display: "ibuprofen" }] },
        subject: { reference: "Patient/pat" },
      } as unknown as Resource,
      {
        resourceType: "MedicationRequest",
        id: "pregabalin",
        status: "active",
        intent: "order",
        medicationCodeableConcept: { coding: [{ system: ATC, code: "N02BF02", display: "pregabalin" }] },
        subject: { reference: "Patient/pat" },
      } as unknown as Resource,
      condition("ckd", { system: ICD10CM, code: "N18.31", display: "Chronic kidney disease, stage 3a" }),
      condition("hf", { system: SNOMED, code: "84114007", display: "Heart failure (disorder)" }),
    );
    expect(found.assessment).toMatchObject({
      medications: { current: ["nsaid", "gabapentinoid"] },
      comorbidities: { chronicKidneyDisease: true, cardiovascularDisease: true },
    });
    expect(found.comorbidities).not.toHaveProperty("gastrointestinalBleedOrUlcer");
    expect(found.sources).toMatchObject({
      "medications.current[0]": "MedicationStatement/ibuprofen",
      "medications.current[1]": "MedicationRequest/pregabalin",
      "comorbidities.chronicKidneyDisease": "Condition/ckd",
      "comorbidities.cardiovascularDisease": "Condition/hf",
    });
    // The one warning: the medication list is the record's, to confirm with the patient.
    expect(found.warnings?.map((issue) => issue.code)).toEqual(["fhir/record-list"]);
  });
});

describe("clinical and verification status", () => {
  it.each([
    [ICD10CM, "K25.7", "gastrointestinalBleedOrUlcer"],
    [ICD10CM, "I21.9", "cardiovascularDisease"],
    [SNOMED, "407674008", "asthmaNsaidSensitive"],
  ])("a resolved %s|%s still counts: comorbidities.%s is a history", (system, code, flag) => {
    const found = read(condition("dx", { system, code }, "resolved"));
    expect(found.comorbidities).toEqual({ [flag]: true });
    expect(found.warnings).toEqual([]);
  });

  it("a resolved CKD does not count, and says why", () => {
    const found = read(condition("ckd", { system: ICD10CM, code: "N18.4" }, "resolved"));
    expect(found.comorbidities).toBeUndefined();
    expect(found.warnings?.map((issue) => issue.message)).toEqual([
      'Condition/ckd: clinicalStatus "resolved", expected active, recurrence or relapse; it does not set comorbidities.chronicKidneyDisease',
    ]);
  });

  it.each(["entered-in-error", "refuted"])("ignores a %s heart failure with a warning", (status) => {
    const found = read(condition("hf", { system: ICD10CM, code: "I50.9" }, "active", status));
    expect(found.comorbidities).toBeUndefined();
    expect(found.warnings?.map((issue) => issue.code)).toEqual(["fhir/ignored-resource"]);
  });
});

describe("Conditions and backplan's Questionnaire", () => {
  const says = (value: boolean) =>
    backplanResponse("form", { "comorbidities.cardiovascularDisease": [{ valueBoolean: value }] });
  const stroke = condition("stroke", { system: SNOMED, code: "230690007" }, "resolved");

  it("is a conflict naming both when the questionnaire says no and a Condition says yes", () => {
    expect(read(says(false), stroke).issues).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/conflict",
          "message": "comorbidities.cardiovascularDisease: QuestionnaireResponse/form gives false but Condition/stroke gives true",
          "path": "/entry/3/resource",
          "severity": "error",
        },
      ]
    `);
  });

  it("agrees with a questionnaire that says yes, and keeps its no when there is no Condition", () => {
    const yes = read(says(true), stroke);
    expect(yes.comorbidities).toEqual({ cardiovascularDisease: true });
    expect(yes.sources?.["comorbidities.cardiovascularDisease"]).toBe("QuestionnaireResponse/form");
    expect(read(says(false)).comorbidities).toEqual({ cardiovascularDisease: false });
  });
});
