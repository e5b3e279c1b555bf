import { describe, expect, it } from "vitest";
import { episodeSeries } from "../../../../../src/core/interop/fhir/intake/index.js";
import { episodeSeries as fromCore } from "../../../../../src/core/index.js";
import { COMPONENT_SYSTEM } from "../../../../../src/core/interop/fhir/output/systems.js";
import type { Observation, Resource } from "../../../../../src/core/interop/fhir/types.js";
import { backplanResponse, bundleOf, observation, quantity } from "./fixtures.js";

const odi = (id: string, date: string, percent: number): Observation =>
  observation(id, "97909-6", { ...quantity(percent, "%"), effectiveDateTime: date });
const pain = (id: string, date: string, value: number): Observation =>
  observation(id, "72514-3", { valueInteger: value, effectiveDateTime: date });

/** A CarePlan as planToFhir writes one: activities coded in backplan's component system. */
const carePlan = (id: string, start: string): Resource =>
  ({
    resourceType: "CarePlan",
    id,
    status: "active",
    intent: "proposal",
    subject: { reference: "Patient/pat" },
    created: `${start}T09:00:00Z`,
    activity: [{ detail: { code: { coding: [{ system: COMPONENT_SYSTEM, code: "physiotherapy-exercise" }] } } }],
  }) as unknown as Resource;

describe("episodeSeries", () => {
  it("gives one point per visit date in date order, up to assessedOn, and backplan's CarePlans", () => {
    const bundle = bundleOf(
      pain("pain-3", "2026-11-20T10:00:00+10:00", 3),
      odi("odi-1", "2026-08-28", 46),
      pain("pain-1", "2026-08-28T09:00:00Z", 6),
      odi("odi-2", "2026-10-09", 34),
      odi("odi-3", "2026-11-20", 28),
      odi("odi-later", "2026-12-01", 10),
      observation("phq", "44261-6", { valueInteger: 5, effectiveDateTime: "2026-10-09" }),
      carePlan("plan-1", "2026-08-28"),
      { resourceType: "CarePlan", id: "other", status: "active", intent: "plan", created: "2026-09-01" } as Resource,
    );
    const series = episodeSeries(bundle, { assessedOn: "2026-11-23" });
    expect(series.points).toEqual([
      { date: "2026-08-28", odiPercent: 46, painIntensity: 6, sources: ["Observation/odi-1", "Observation/pain-1"] },
      { date: "2026-10-09", odiPercent: 34, sources: ["Observation/odi-2"] },
      { date: "2026-11-20", odiPercent: 28, painIntensity: 3, sources: ["Observation/odi-3", "Observation/pain-3"] },
    ]);
    expect(series.planChanges).toEqual([{ date: "2026-08-28", carePlan: "CarePlan/plan-1" }]);
    expect(fromCore(bundle, { assessedOn: "2026-11-23" })).toEqual(series);
  });

  it("scores ODI items of backplan's Questionnaire and leaves out a day whose results disagree", () => {
    const items = [2, 2, 2, 2, 2, 2, 2, 2, 2, 2];
    const answers = Object.fromEntries(
      items.map((value, index) => [`questionnaires.odi.items[${String(index)}]`, [{ valueInteger: value }]]),
    );
    const response = { ...backplanResponse("qr", answers), authored: "2026-09-01T10:00:00Z" };
    const bundle = bundleOf(response, pain("a", "2026-09-02", 5), pain("b", "2026-09-02T18:00:00Z", 6));
    const series = episodeSeries(bundle, { assessedOn: "2026-11-23" });
    expect(series.points).toEqual([{ date: "2026-09-01", odiPercent: 40, sources: ["QuestionnaireResponse/qr"] }]);
  });

  it("leaves out undated and month-precise results, and gives an empty series for what is not a Bundle", () => {
    const bundle = bundleOf(observation("undated", "72514-3", { valueInteger: 4 }), pain("month", "2026-10", 5));
    expect(episodeSeries(bundle, { assessedOn: "2026-11-23" })).toEqual({ points: [], planChanges: [] });
    expect(episodeSeries({ resourceType: "Patient" })).toEqual({ points: [], planChanges: [] });
    expect(episodeSeries(bundleOf(), { assessedOn: "23/11/2026" })).toEqual({ points: [], planChanges: [] });
  });
});
