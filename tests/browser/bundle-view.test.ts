/**
 * examples/ehr-plugin/bundle-view.js on its own, in Node (no Chromium): the Bundle's visit date,
 * who the header names, and the intake's issues worded in FHIR terms, staleness one line per
 * resource. The page test (plugin-page.test.ts) shows the same in the browser.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Issue } from "../../src/core/errors.js";
import { formatIssue } from "../../src/core/errors.js";
import { bundleToAssessment } from "../../src/core/interop/fhir/intake/index.js";

interface VisitDate {
  day: string;
  source: string;
}
interface BundleView {
  bundleVisitDate(bundle: unknown): VisitDate | undefined;
  patientContext(
    data: unknown,
    visitDay: string | undefined,
    age: number | undefined,
  ): { patient: string; age?: number };
  issueLine(issue: Issue, bundle: unknown, fallback: (issue: Issue) => string, warnings?: readonly Issue[]): string;
  warningLines(
    warnings: readonly Issue[],
    bundle: unknown,
    fallback: (issue: Issue) => string,
  ): { text: string; code: string }[];
}

// A plain-JS module of the example page, typed here by what the tests use.
const VIEW = new URL("../../examples/ehr-plugin/bundle-view.js", import.meta.url).href;
const view = (await import(VIEW)) as BundleView;
const example = JSON.parse(
  await readFile(fileURLToPath(new URL("../../examples/fhir/patient-bundle.json", import.meta.url)), "utf8"),
) as { entry: unknown[] };

const bundle = (...resources: Record<string, unknown>[]) => ({
  resourceType: "Bundle",
  type: "collection",
  entry: resources.map((resource) => ({ resource })),
});

describe("the Bundle's visit date", () => {
  it("is the current Encounter's start, as the intake picks it, before any result", () => {
    const found = view.bundleVisitDate(
      bundle(
        { resourceType: "Observation", id: "late", effectiveDateTime: "2026-03-01T10:00:00Z" },
        { resourceType: "Encounter", id: "past", status: "finished", period: { start: "2026-02-05" } },
        { resourceType: "Encounter", id: "now", status: "in-progress", period: { start: "2026-01-20T08:30:00+10:00" } },
      ),
    );
    expect(found).toEqual({ day: "2026-01-20", source: "Encounter/now" });
    const only = { resourceType: "Encounter", id: "only", status: "finished", period: { start: "2026-01-05" } };
    expect(view.bundleVisitDate(bundle(only))).toEqual({ day: "2026-01-05", source: "Encounter/only" });
  });

  it("is not a past Encounter of a record, nor current ones of different days", () => {
    const result = { resourceType: "Observation", id: "r", effectiveDateTime: "2026-03-01" };
    const past = (id: string, start: string) => ({
      resourceType: "Encounter",
      id,
      status: "finished",
      period: { start },
    });
    const now = (id: string, start: string) => ({
      resourceType: "Encounter",
      id,
      status: "arrived",
      period: { start },
    });
    const fallback = { day: "2026-03-01", source: "the latest result, Observation/r" };
    expect(view.bundleVisitDate(bundle(result, past("a", "2026-01-01"), past("b", "2026-02-01")))).toEqual(fallback);
    expect(view.bundleVisitDate(bundle(result, now("a", "2026-01-01"), now("b", "2026-02-01")))).toEqual(fallback);
  });

  it("is else the latest result's day, as written (the sender's local day)", () => {
    const found = view.bundleVisitDate(
      bundle(
        { resourceType: "Observation", id: "a", effectiveDateTime: "2026-01-03T23:30:00-05:00" },
        { resourceType: "Observation", id: "b", effectivePeriod: { start: "2025-12-01", end: "2025-12-02" } },
        { resourceType: "QuestionnaireResponse", id: "q", authored: "2026-01-02" },
        { resourceType: "Observation", id: "month", effectiveDateTime: "2026-02" },
        { resourceType: "Condition", id: "c", recordedDate: "2027-01-01" },
      ),
    );
    expect(found).toEqual({ day: "2026-01-03", source: "the latest result, Observation/a" });
  });

  it("is else Bundle.timestamp's day, and undefined when nothing is dated (never today)", () => {
    expect(
      view.bundleVisitDate({ ...bundle({ resourceType: "Patient", id: "p" }), timestamp: "2025-11-03T09:30:00Z" }),
    ).toEqual({
      day: "2025-11-03",
      source: "Bundle.timestamp",
    });
    expect(view.bundleVisitDate(bundle({ resourceType: "Patient", id: "p" }))).toBeUndefined();
    expect(view.bundleVisitDate({ resourceType: "Bundle", entry: [null, {}, { resource: 3 }] })).toBeUndefined();
  });
});

describe("who the header names", () => {
  const patient = { resourceType: "Patient", id: "p1", gender: "male", birthDate: "1980-02-29" };

  it("the Patient's official name, its id and gender, and the age on the visit day", () => {
    const named = {
      ...patient,
      name: [
        { use: "usual", text: "Bob" },
        { use: "official", given: ["Robert"], family: "Ng" },
      ],
    };
    expect(view.patientContext(bundle(named), "2026-02-28", undefined)).toEqual({
      patient: "Robert Ng (Patient/p1, male)",
      age: 45,
    });
    expect(view.patientContext(bundle(patient), "2026-03-01", undefined)).toEqual({
      patient: "Patient/p1 (male)",
      age: 46,
    });
    // The intake's age wins; a partial birth date gives none.
    expect(view.patientContext(bundle(patient), "2026-03-01", 40).age).toBe(40);
    expect(view.patientContext(bundle({ ...patient, birthDate: "1980" }), "2026-03-01", undefined).age).toBeUndefined();
  });

  it("says when there is no single Patient, or no identity at all", () => {
    expect(view.patientContext(bundle(patient, { ...patient, id: "p2" }), "2026-01-01", undefined).patient).toBe(
      "no single Patient in the Bundle",
    );
    expect(view.patientContext({ patient: { age: 30 }, pain: {} }, undefined, undefined)).toEqual({
      patient: "an assessment (no patient identity)",
      age: 30,
    });
  });
});

describe("the intake's issues in FHIR terms", () => {
  it("groups the example's staleness warnings one line per resource, the reason first", () => {
    const intake = bundleToAssessment(example, { assessedOn: "2026-12-07" });
    if (intake.ok) throw new Error("expected a refusal on 2026-12-07");
    const warnings = intake.issues.filter((issue) => issue.severity === "warning");
    const errors = intake.issues.filter((issue) => issue.severity === "error");
    const lines = view.warningLines(warnings, example, formatIssue);
    expect(warnings.length).toBeGreaterThan(40);
    expect(lines.map((line) => line.text.split(" (")[0])).toEqual([
      "QuestionnaireResponse/phq9-response",
      "Observation/gad7-item-1",
      "Observation/start-back",
      "Observation/pain",
      "Observation/height",
      "Observation/smoking",
      "Observation/pregnancy",
      "QuestionnaireResponse/backplan-response",
    ]);
    expect(lines.every((line) => line.code === "fhir/stale-result")).toBe(true);
    expect(errors.map((issue) => view.issueLine(issue, example, formatIssue, warnings))).toMatchInlineSnapshot(`
      [
        "pain: required, and the Bundle's latest, QuestionnaireResponse/backplan-response of 2025-11-03, is more than 28 days before the visit date, so it was left out; it comes from an answer to backplan's assessment Questionnaire, linkId pain.durationWeeks (how long the pain has lasted), or an active low back pain Condition with its onset",
      ]
    `);
  });

  it("names the resource an issue points into instead of the pointer, once", () => {
    const fhir = bundle({ resourceType: "Patient", id: "p" }, { resourceType: "Observation", id: "o" });
    const at = (path: string, message: string): Issue => ({
      code: "fhir/unreadable-value",
      path,
      message,
      severity: "warning",
    });
    expect(view.issueLine(at("/entry/1/resource/valueQuantity", "the value is odd"), fhir, formatIssue)).toBe(
      "Observation/o: the value is odd",
    );
    expect(view.issueLine(at("/entry/1/resource", "Observation/o: the value is odd"), fhir, formatIssue)).toBe(
      "Observation/o: the value is odd",
    );
    // Not into an entry, or not a Bundle: the library's own wording.
    expect(view.issueLine(at("/timestamp", "no date"), fhir, formatIssue)).toBe(
      formatIssue(at("/timestamp", "no date")),
    );
    const missing: Issue = {
      code: "assessment/missing-field",
      path: "",
      message: "pain: required field is missing",
      severity: "error",
    };
    expect(view.issueLine(missing, { patient: {} }, formatIssue)).toBe("pain: required field is missing");
    expect(view.issueLine(missing, fhir, formatIssue)).toMatch(
      /^pain: required, and the Bundle gives none; it comes from /,
    );
  });

  it("keeps other warnings one line each, in order, between the staleness groups", () => {
    const stale = (resource: string, what: string): Issue => ({
      code: "fhir/stale-result",
      path: "/entry/0/resource",
      message: `${what}: the latest result, ${resource} of 2026-01-03, is more than 28 days before the assessment date 2026-03-01; it is left out, so it is asked for`,
      severity: "warning",
    });
    const other: Issue = {
      code: "fhir/ignored-resource",
      path: "",
      message: "Observation/x: ignored",
      severity: "warning",
    };
    const lines = view.warningLines(
      [
        stale("Observation/phq9", "PHQ-9"),
        other,
        stale("QuestionnaireResponse/q", "a"),
        stale("QuestionnaireResponse/q", "b"),
      ],
      undefined,
      formatIssue,
    );
    expect(lines.map((line) => line.text)).toEqual([
      "Observation/phq9 (2026-01-03): older than 28 days, asked again (PHQ-9)",
      formatIssue(other),
      "QuestionnaireResponse/q (2026-01-03): older than 28 days, asked again (a, b)",
    ]);
  });
});
