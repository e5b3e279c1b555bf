import { describe, expect, it } from "vitest";
import { bundleToAssessment } from "../../../../../src/core/interop/fhir/intake/index.js";
import type { Bundle } from "../../../../../src/core/interop/fhir/types.js";
import { guardedEngine } from "../../../../fixtures/guarded-pack.js";
import { PHQ9_ITEMS, bundleOf, duration, la, patient, response } from "./fixtures.js";

describe("missing data stays missing", () => {
  it("leaves every field the Bundle lacks out, so the plan lists it as a data gap", () => {
    const result = bundleToAssessment(bundleOf());
    if (!result.ok) expect.fail(JSON.stringify(result.issues));
    expect(result.value.assessment).toEqual({
      assessedOn: "2026-11-23",
      patient: { age: 46, sex: "male" },
      pain: { durationWeeks: 3 },
    });
    const plan = guardedEngine.recommend(result.value.assessment);
    expect(plan.status).toBe("incomplete");
    expect(plan.dataGaps.map((gap) => gap.fact)).toEqual(
      expect.arrayContaining(["questionnaires.phq9.items", "redFlags.saddleAnaesthesia"]),
    );
  });

  it("ignores a response whose Questionnaire is not there, rather than guess codes from its linkIds", () => {
    const answered = response(
      "phq9",
      "http://loinc.org/q/44249-1",
      PHQ9_ITEMS.map((code) => [`/${code}`, { valueCoding: la(1) }]),
    );
    const result = bundleToAssessment(bundleOf(answered));
    if (!result.ok) expect.fail();
    expect(result.value.assessment.questionnaires).toBeUndefined();
    expect(result.warnings).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/unknown-questionnaire",
          "message": "QuestionnaireResponse/phq9: Questionnaire "http://loinc.org/q/44249-1" is not in the Bundle or contained, so its items (which carry no codes) cannot be read; its answers are ignored",
          "path": "/entry/2/resource/questionnaire",
          "severity": "warning",
        },
      ]
    `);
  });

  it("ignores a response that names no Questionnaire", () => {
    const result = bundleToAssessment(bundleOf(response("anonymous", undefined, [["/44250-9", { valueInteger: 1 }]])));
    expect(result.ok && result.warnings.map((issue) => issue.message)).toMatchInlineSnapshot(`
      [
        "QuestionnaireResponse/anonymous: no questionnaire canonical, so its items (which carry no codes) cannot be read; its answers are ignored",
      ]
    `);
  });

  it("has no age without an assessment date: the clock is never read, and the assessment is invalid", () => {
    const bundle: Bundle = {
      resourceType: "Bundle",
      type: "collection",
      entry: [{ resource: patient() }, { resource: duration }],
    };
    const result = bundleToAssessment(bundle);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/no-assessment-date",
          "message": "no assessment date (options.assessedOn, a current Encounter or Bundle.timestamp), so the age cannot be computed from Patient.birthDate",
          "path": "",
          "severity": "warning",
        },
        {
          "code": "assessment/missing-field",
          "message": "patient.age: required field is missing",
          "params": {},
          "path": "",
          "severity": "error",
        },
      ]
    `);
    expect(bundleToAssessment(bundle, { assessedOn: "2026-05-17" }).ok && true).toBe(true);
  });

  it("gives an age from a partial birthDate only when it is the same on every day it can mean", () => {
    const on = (birthDate: string, assessedOn: string) => {
      const bundle: Bundle = {
        resourceType: "Bundle",
        type: "collection",
        entry: [{ resource: patient({ birthDate }) }, { resource: duration }],
      };
      const result = bundleToAssessment(bundle, { assessedOn });
      return result.ok ? result.value.assessment.patient.age : result.issues.map((issue) => issue.message);
    };
    expect(on("1980-05-17", "2026-05-16")).toBe(45);
    expect(on("1980-05-17", "2026-05-17")).toBe(46);
    expect(on("1980-05", "2026-06-01")).toBe(46);
    expect(on("1980", "2026-12-31")).toBe(46);
    expect(on("1980", "2026-06-01")).toMatchInlineSnapshot(`
      [
        "Patient/pat: birthDate "1980" gives more than one age on 2026-06-01; the age is left out",
        "patient.age: required field is missing",
      ]
    `);
  });

  it("ignores an Observation entered in error", () => {
    const result = bundleToAssessment(
      bundleOf({
        resourceType: "Observation",
        id: "oops",
        status: "entered-in-error",
        code: { coding: [{ system: "http://loinc.org", code: "72514-3" }] },
        valueInteger: 9,
      }),
    );
    if (!result.ok) expect.fail();
    expect(result.value.assessment.pain).toEqual({ durationWeeks: 3 });
    expect(result.warnings).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/ignored-resource",
          "message": "Observation/oops: status "entered-in-error", so it is ignored",
          "path": "/entry/2/resource",
          "severity": "warning",
        },
      ]
    `);
  });
});
