import { describe, expect, it } from "vitest";
import { bundleToAssessment } from "../../../../../src/core/interop/fhir/intake/index.js";
import type { Bundle } from "../../../../../src/core/interop/fhir/types.js";
import { duration, patient } from "./fixtures.js";

/** The age read from `birthDate` on 2026-11-23, or the messages of the issues. */
function ageOf(birthDate: string): number | string[] {
  const bundle: Bundle = {
    resourceType: "Bundle",
    type: "collection",
    entry: [{ resource: patient({ birthDate }) }, { resource: duration }],
  };
  const result = bundleToAssessment(bundle, { assessedOn: "2026-11-23" });
  return result.ok ? result.value.assessment.patient.age : result.issues.map((issue) => issue.message);
}

describe("Patient.birthDate", () => {
  it.each([
    ["1980-05-17", 46],
    ["1980-02-29", 46],
    ["2000-02-29", 26],
    ["1980-11-30", 45],
    ["1980-06", 46],
  ])("%s gives the age %s", (birthDate, age) => {
    expect(ageOf(birthDate)).toBe(age);
  });

  it.each([
    "1980-13-45",
    "1980-02-30",
    "1981-02-29",
    "1900-02-29",
    "1980-04-31",
    "1980-00-10",
    "1980-05-00",
    "1980-13",
    "1980-00",
  ])("%s is not a calendar date: no age", (birthDate) => {
    const messages = ageOf(birthDate);
    expect(messages).toEqual([
      `Patient/pat: birthDate "${birthDate}" is not a calendar date (month 01–12, a day the month has); patient.age is left out`,
      "patient.age: required field is missing",
    ]);
  });

  it("pins the warning", () => {
    const result = bundleToAssessment(
      { resourceType: "Bundle", entry: [{ resource: patient({ birthDate: "1980-02-30" }) }] },
      { assessedOn: "2026-11-23" },
    );
    expect(!result.ok && result.issues[0]).toMatchInlineSnapshot(`
      {
        "code": "fhir/unreadable-value",
        "message": "Patient/pat: birthDate "1980-02-30" is not a calendar date (month 01–12, a day the month has); patient.age is left out",
        "path": "/entry/0/resource/birthDate",
        "severity": "warning",
      }
    `);
  });
});
