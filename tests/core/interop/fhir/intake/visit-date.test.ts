import { describe, expect, it } from "vitest";
import { bundleToAssessment } from "../../../../../src/core/interop/fhir/intake/index.js";
import type { Bundle, Resource } from "../../../../../src/core/interop/fhir/types.js";
import { duration, observation, patient } from "./fixtures.js";

const encounter = (id: string, status: string, start: string): Resource =>
  ({
    resourceType: "Encounter",
    id,
    status,
    subject: { reference: "Patient/pat" },
    period: { start },
  }) as unknown as Resource;

/** A Bundle without a timestamp: the date can only come from the Encounter or the caller. */
const bundle = (...resources: Resource[]): Bundle => ({
  resourceType: "Bundle",
  type: "collection",
  entry: [patient(), duration, ...resources].map((resource) => ({ resource })),
});

/** A PHQ-9 total recorded this morning in a UTC+10 clinic: the 24th locally, the 23rd in UTC. */
const morningTotal = observation("total", "44261-6", {
  valueInteger: 7,
  effectiveDateTime: "2026-11-24T08:15:00+10:00",
});

describe("the visit's own date", () => {
  it("is the current Encounter's local date of period.start, as written (not converted to UTC)", () => {
    const result = bundleToAssessment(
      bundle(encounter("visit", "in-progress", "2026-11-24T08:00:00+10:00"), morningTotal),
    );
    if (!result.ok) expect.fail(JSON.stringify(result.issues));
    expect(result.value.assessment.assessedOn).toBe("2026-11-24");
    expect(result.value.assessment.patient.age).toBe(46);
    expect(result.value.assessment.questionnaires?.phq9?.total).toBe(7);
    expect(result.warnings).toEqual([]);
  });

  it("gives way to options.assessedOn", () => {
    const result = bundleToAssessment(bundle(encounter("visit", "in-progress", "2026-11-24T08:00:00+10:00")), {
      assessedOn: "2026-11-30",
    });
    if (!result.ok) expect.fail();
    expect(result.value.assessment.assessedOn).toBe("2026-11-30");
  });

  it("ignores past Encounters of a long record, but takes the only Encounter of a Bundle", () => {
    const past = bundleToAssessment(
      bundle(encounter("a", "finished", "2020-01-02T10:00:00Z"), encounter("b", "finished", "2021-01-02T10:00:00Z")),
    );
    // No date, so no age: the assessment is refused, and the warning says where a date comes from.
    expect(past.ok).toBe(false);
    expect(past.ok ? [] : past.issues.map((issue) => issue.code)).toContain("fhir/no-assessment-date");
    const only = bundleToAssessment(bundle(encounter("a", "finished", "2026-11-20T10:00:00-05:00")));
    if (!only.ok) expect.fail();
    expect(only.value.assessment.assessedOn).toBe("2026-11-20");
  });

  it("dates nothing, with a warning, when current Encounters are on different days", () => {
    const result = bundleToAssessment(
      bundle(
        encounter("a", "in-progress", "2026-11-24T08:00:00+10:00"),
        encounter("b", "arrived", "2026-11-25T08:00:00+10:00"),
      ),
    );
    expect(result.ok ? [] : result.issues.map((issue) => issue.message)).toContain(
      "no visit date: the Bundle has several current Encounters (Encounter/a on 2026-11-24, Encounter/b on 2026-11-25) and no options.assessedOn; pass the visit date",
    );
  });
});

describe("results dated in the clinic's own offset", () => {
  it("a result of the visit's morning in UTC+10 is not after the assessment date", () => {
    const result = bundleToAssessment(bundle(morningTotal), { assessedOn: "2026-11-24" });
    if (!result.ok) expect.fail();
    expect(result.value.assessment.questionnaires?.phq9?.total).toBe(7);
    expect(result.warnings).toEqual([]);
  });

  it("a result of the visit's evening in UTC-5 (the next day in UTC) is not after the assessment date", () => {
    const evening = observation("total", "44261-6", {
      valueInteger: 7,
      effectiveDateTime: "2026-11-23T21:00:00-05:00",
    });
    const result = bundleToAssessment(bundle(evening), { assessedOn: "2026-11-23" });
    if (!result.ok) expect.fail();
    expect(result.value.assessment.questionnaires?.phq9?.total).toBe(7);
  });

  it("a result dated the next local day is after it", () => {
    const result = bundleToAssessment(bundle(morningTotal), { assessedOn: "2026-11-23" });
    if (!result.ok) expect.fail();
    expect(result.warnings.map((issue) => issue.code)).toEqual(["fhir/future-result"]);
  });
});
