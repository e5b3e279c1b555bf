import { describe, expect, it } from "vitest";
import { bundleToAssessment } from "../../../../../src/core/interop/fhir/intake/index.js";
import { resultDays } from "../../../../../src/core/interop/fhir/intake/recency.js";
import type { Observation } from "../../../../../src/core/interop/fhir/types.js";
import { PHQ9_ITEMS, backplanResponse, bundleOf, observation, quantity } from "./fixtures.js";

/** An Observation of `code` on `date` (the Bundle's assessment date is 2026-11-23). */
const on = (date: string, id: string, code: string, value: Partial<Observation>): Observation =>
  observation(id, code, { ...value, effectiveDateTime: date });

function intake(...resources: Parameters<typeof bundleOf>) {
  const result = bundleToAssessment(bundleOf(...resources));
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return {
    assessment: result.value.assessment,
    sources: result.value.sources,
    warnings: result.warnings.map((issue) => `${issue.code}: ${issue.message}`),
  };
}

describe("results from several visits", () => {
  it("takes the latest result, whatever the Bundle's order, and names it as the source", () => {
    const older = on("2025-03-01", "pain-2025", "72514-3", { valueInteger: 7 });
    const latest = on("2026-11-20T09:30:00-05:00", "pain-2026", "72514-3", { valueInteger: 4 });
    for (const order of [
      [older, latest],
      [latest, older],
    ]) {
      const { assessment, sources, warnings } = intake(...order);
      expect(assessment.pain.intensity).toBe(4);
      expect(sources["pain.intensity"]).toBe("Observation/pain-2026");
      expect(warnings).toEqual([]);
    }
  });

  it("keeps a conflict between two results of the same day", () => {
    const result = bundleToAssessment(
      bundleOf(
        on("2026-11-20", "pain-a", "72514-3", { valueInteger: 7 }),
        on("2026-11-20T15:00:00Z", "pain-b", "72514-3", { valueInteger: 4 }),
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.message)).toEqual([
      "pain.intensity: Observation/pain-a gives 7 but Observation/pain-b gives 4",
    ]);
  });

  it("is a conflict when a result dated only by year or month may be as recent as the latest", () => {
    for (const imprecise of ["2026", "2026-11"]) {
      const result = bundleToAssessment(
        bundleOf(
          on(imprecise, "pain-imprecise", "72514-3", { valueInteger: 7 }),
          on("2026-11-20", "pain-exact", "72514-3", { valueInteger: 4 }),
        ),
      );
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.issues.map((issue) => issue.code)).toEqual(["fhir/conflict"]);
    }
    // A month that ended before the latest day is older: superseded.
    const { assessment } = intake(
      on("2026-10", "pain-october", "72514-3", { valueInteger: 7 }),
      on("2026-11-20", "pain-exact", "72514-3", { valueInteger: 4 }),
    );
    expect(assessment.pain.intensity).toBe(4);
  });

  it("is a conflict when an undated result disagrees with the latest dated one (which is current cannot be told)", () => {
    const result = bundleToAssessment(
      bundleOf(
        on("2026-11-20", "pain-dated", "72514-3", { valueInteger: 7 }),
        observation("pain-undated", "72514-3", { valueInteger: 4 }),
      ),
    );
    expect(result.ok).toBe(false);
  });

  it("never mixes an instrument's items and total from different visits", () => {
    const items = (date: string, scores: readonly number[]) =>
      PHQ9_ITEMS.map((code, n) => on(date, `phq9-${date}-${n}`, code, { valueInteger: scores[n] ?? 0 }));
    const { assessment, warnings } = intake(
      ...items("2026-11-18", [1, 1, 1, 1, 1, 1, 1, 1, 0]),
      on("2026-11-18", "phq9-total-now", "44261-6", { valueInteger: 8 }),
      ...items("2026-06-01", [3, 3, 3, 3, 3, 3, 3, 3, 2]),
      on("2026-06-01", "phq9-total-june", "44261-6", { valueInteger: 26 }),
    );
    expect(assessment.questionnaires?.phq9).toEqual({ items: [1, 1, 1, 1, 1, 1, 1, 1, 0], item9: 0, total: 8 });
    expect(warnings).toEqual([]);
  });

  it("keeps BMI, height and weight from one visit", () => {
    const { assessment } = intake(
      on("2024-02-01", "weight-2024", "29463-7", quantity(77, "kg")),
      on("2024-02-01", "height-2024", "8302-2", quantity(180, "cm")),
      on("2026-10-01", "weight-2026", "29463-7", quantity(97, "kg")),
    );
    expect(assessment.lifestyle).toEqual({ weightKg: 97 });
  });
});

describe("results that say nothing about the patient now", () => {
  it("leaves out a PHQ-9 item 9 from years ago, so the suicide question is asked again", () => {
    const { assessment, warnings } = intake(on("2015-01-01", "phq9-item9-2015", "44260-8", { valueInteger: 0 }));
    expect(assessment.questionnaires?.phq9).toBeUndefined();
    expect(warnings).toMatchInlineSnapshot(`
      [
        "fhir/stale-result: PHQ-9: the latest result, Observation/phq9-item9-2015 of 2015-01-01, is more than 28 days before the assessment date 2026-11-23; it is left out, so it is asked for",
      ]
    `);
  });

  it("keeps a result exactly at the edge of its window, and a year-old height", () => {
    const { assessment, warnings } = intake(
      on("2026-10-26", "pain-28-days", "72514-3", { valueInteger: 5 }),
      on("2025-11-23", "height-a-year", "8302-2", quantity(170, "cm")),
    );
    expect(assessment.pain.intensity).toBe(5);
    expect(assessment.lifestyle?.heightCm).toBe(170);
    expect(warnings).toEqual([]);
  });

  it("asks again for a red flag answered two months ago, rather than reading its old answer as today's", () => {
    const old = { ...backplanResponse("flags-2026-09", { "redFlags.fever": [{ valueBoolean: false }] }) };
    const { assessment, warnings } = intake({ ...old, authored: "2026-09-20T09:00:00Z" });
    expect(assessment.redFlags?.fever).toBeUndefined();
    expect(warnings).toEqual([
      "fhir/stale-result: redFlags.fever: the latest result, QuestionnaireResponse/flags-2026-09 of 2026-09-20, is more than 28 days before the assessment date 2026-11-23; it is left out, so it is asked for",
    ]);
  });

  it("ignores a result dated after the assessment date", () => {
    const { assessment, warnings } = intake(
      on("2027-06-01", "pregnancy-later", "82810-3", {
        valueCodeableConcept: { coding: [{ system: "http://loinc.org", code: "LA15173-0" }] },
      }),
    );
    expect(assessment.patient.pregnant).toBeUndefined();
    expect(warnings).toMatchInlineSnapshot(`
      [
        "fhir/future-result: Observation/pregnancy-later: dated 2027-06-01, after the assessment date 2026-11-23; it is ignored",
      ]
    `);
  });
});

describe("resultDays", () => {
  it("reads effective[x] and authored at the precision written", () => {
    const observed = (effective: Record<string, unknown>) => resultDays({ resourceType: "Observation", ...effective });
    expect(observed({ effectiveDateTime: "2026-11-20T23:30:00-05:00" })).toEqual({
      first: "2026-11-20",
      last: "2026-11-20",
    });
    expect(observed({ effectiveDateTime: "2024-02" })).toEqual({ first: "2024-02-01", last: "2024-02-29" });
    expect(observed({ effectiveDateTime: "2025" })).toEqual({ first: "2025-01-01", last: "2025-12-31" });
    expect(observed({ effectivePeriod: { start: "2026-11-01", end: "2026-11-03" } })?.last).toBe("2026-11-03");
    expect(observed({ effectivePeriod: { start: "2026-11-01" } })?.last).toBe("2026-11-01");
    expect(observed({ effectiveInstant: "2026-11-02T10:00:00Z" })?.first).toBe("2026-11-02");
    expect(observed({})).toBeUndefined();
    for (const malformed of ["20201", "2020-02-31", "2020-13", "2020-11-20x", "yesterday"])
      expect(observed({ effectiveDateTime: malformed })).toBeUndefined();
    expect(resultDays({ resourceType: "QuestionnaireResponse", authored: "2026-11-05T08:00:00Z" })?.first).toBe(
      "2026-11-05",
    );
    expect(resultDays({ resourceType: "Condition", recordedDate: "2001-01-01" })).toBeUndefined();
  });
});
