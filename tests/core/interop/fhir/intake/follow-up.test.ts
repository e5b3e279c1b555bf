import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { checkRuleFolder, createEngine, type Engine } from "../../../../../src/node/index.js";
import {
  activeBackplanCarePlan,
  bundleToAssessment,
  episodeSeries,
} from "../../../../../src/core/interop/fhir/intake/index.js";
import { followUpBundle } from "../../../../fixtures/fhir/make-follow-up-bundle.js";

type Json = Record<string, unknown>;
interface Bundle {
  resourceType: "Bundle";
  entry: { fullUrl?: string; resource: Json }[];
}

const FILE = "examples/fhir/follow-up-bundle.json";
const record = (): Bundle => JSON.parse(readFileSync(FILE, "utf8")) as Bundle;
const carePlanId = (bundle: Bundle): string =>
  String(bundle.entry.find(({ resource }) => resource["resourceType"] === "CarePlan")?.resource["id"]);
const without = (bundle: Bundle, type: string): Bundle => ({
  ...bundle,
  entry: bundle.entry.filter(({ resource }) => resource["resourceType"] !== type),
});
const response = (bundle: Bundle): Json =>
  bundle.entry.find(({ resource }) => resource["resourceType"] === "QuestionnaireResponse")?.resource ?? {};
/** The bundle with backplan's response also answering `linkId`. */
function answering(bundle: Bundle, linkId: string, answer: Json[]): Bundle {
  const copy = structuredClone(bundle);
  (response(copy)["item"] as Json[]).push({ linkId, answer });
  return copy;
}

/** The bundle with an active low back pain Condition begun 2026-07-13: the episode's duration before today's Questionnaire. */
function withCondition(bundle: Bundle): Bundle {
  const condition = {
    resourceType: "Condition",
    id: "lbp",
    clinicalStatus: {
      coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "active" }],
    },
    code: { coding: [{ system: "http://snomed.info/sct", code: "279039007" }] },
    subject: { reference: "Patient/pat-fu" },
    onsetDateTime: "2026-07-13",
  };
  return { ...bundle, entry: [...bundle.entry, { resource: condition }] };
}

let engine: Engine;
beforeAll(async () => {
  const { ruleset } = await checkRuleFolder("rules", "rules", { scenarios: false, includeDrafts: false });
  if (ruleset === undefined) throw new Error("the bundled rules do not compile");
  engine = createEngine(ruleset);
});

describe("a record of several visits with an active backplan CarePlan", () => {
  it("is the fixture the generator writes: the CarePlan is planToFhir's, of the first visit's plan", async () => {
    // The rule pack's digest, and the ids derived from it, change with every edit of the rules.
    const normal = (bundle: unknown): string =>
      JSON.stringify(bundle)
        .replace(/sha256:[0-9a-f]{64}/g, "sha256:…")
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "uuid");
    expect(normal(record())).toBe(normal(await followUpBundle()));
  });

  it("reads a follow-up: baseline from the first results, today's from the latest, previous components from the CarePlan", () => {
    const bundle = record();
    const result = bundleToAssessment(bundle);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const { assessment, sources } = result.value;
    const plan = `CarePlan/${carePlanId(bundle)}`;
    expect(assessment.assessedOn).toBe("2026-11-30");
    expect(assessment.followUp).toEqual({
      sessionsAttended: 11,
      adherence: "good",
      previousComponents: [
        "education-reassurance",
        "self-management-activity",
        "physiotherapy-exercise",
        "pain-medication-review",
        "follow-up-reassessment",
      ],
      weeksSinceBaseline: 12,
      baseline: { odiPercent: 46, painIntensity: 6, startBackTotal: 4, phq9Total: 6 },
    });
    // Today's: the latest of each instrument, not the week-6 visit's and not the baseline.
    expect(assessment.questionnaires?.odi?.percent).toBe(28);
    expect(assessment.pain.intensity).toBe(3);
    expect(assessment.questionnaires?.startBack?.total).toBe(2);
    expect(sources).toMatchObject({
      "followUp.previousComponents": plan,
      "followUp.weeksSinceBaseline": plan,
      "followUp.baseline.odiPercent": "Observation/odi-1",
      "followUp.baseline.painIntensity": "Observation/nprs-1",
      "followUp.baseline.startBackTotal": "Observation/startback-1",
      "followUp.baseline.phq9Total": "Observation/phq9-1",
      "followUp.sessionsAttended": "QuestionnaireResponse/backplan-response-2026-11-30",
      "questionnaires.odi.percent": "Observation/odi-3",
      "pain.intensity": "Observation/nprs-3",
    });
    expect(result.warnings.map((issue) => issue.code)).toContain("fhir/follow-up");
    expect(result.warnings.find((issue) => issue.code === "fhir/follow-up")?.message).toContain(
      "begun 2026-09-07, 12 weeks before this visit",
    );
  });

  it("gives a plan that steps down, with its changes against the CarePlan's components", () => {
    const result = bundleToAssessment(record());
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const plan = engine.recommend(result.value.assessment);
    const ids = (list: { id: string }[] | undefined): string[] => (list ?? []).map((change) => change.id);
    expect(ids(plan.changes?.stopped)).toEqual(["pain-medication-review"]);
    expect(ids(plan.changes?.kept)).toEqual([
      "education-reassurance",
      "self-management-activity",
      "physiotherapy-exercise",
      "follow-up-reassessment",
    ]);
    expect(ids(plan.changes?.added)).toEqual([]);
    expect(plan.changes?.kept.find((change) => change.id === "physiotherapy-exercise")?.rule).toBe(
      "follow-up-improved-step-down",
    );
  });

  it("is a first visit without a backplan CarePlan: no followUp, and the plan has no changes", () => {
    const result = bundleToAssessment(without(record(), "CarePlan"));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const { followUp } = result.value.assessment;
    // Only what backplan's Questionnaire answered: no baseline, weeks or previous components.
    expect(followUp).toEqual({ sessionsAttended: 11, adherence: "good" });
    expect(Object.keys(result.value.sources).filter((field) => field.startsWith("followUp.baseline"))).toEqual([]);
    expect(result.warnings.map((issue) => issue.code)).not.toContain("fhir/follow-up");
    const plan = engine.recommend(result.value.assessment);
    expect(plan.changes).toBeUndefined();
  });

  it("ignores a CarePlan that is not backplan's, or not active", () => {
    const other = structuredClone(record());
    const plan = other.entry.find(({ resource }) => resource["resourceType"] === "CarePlan")?.resource ?? {};
    plan["status"] = "completed";
    const completed = bundleToAssessment(other);
    expect(completed.ok && completed.value.assessment.followUp?.previousComponents).toBeUndefined();
    plan["status"] = "active";
    plan["activity"] = [{ detail: { code: { text: "Walk daily" }, status: "in-progress" } }];
    const foreign = bundleToAssessment(other);
    expect(foreign.ok && foreign.value.assessment.followUp?.previousComponents).toBeUndefined();
    expect(activeBackplanCarePlan(other)).toBeUndefined();
  });

  it("reads a CarePlan begun on the visit date as this visit's own plan, not a previous one", () => {
    const result = bundleToAssessment(withCondition(record()), { assessedOn: "2026-09-07" });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.value.assessment.followUp?.previousComponents).toBeUndefined();
    expect(result.warnings.find((issue) => issue.code === "fhir/follow-up")?.message).toContain(
      "this visit's plan, not a previous one",
    );
  });

  it("reckons the baseline at an earlier visit from the results up to it", () => {
    // At the week-6 visit (the Questionnaire of week 12 is after it and left out).
    const result = bundleToAssessment(withCondition(record()), { assessedOn: "2026-10-19" });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.value.assessment.followUp).toMatchObject({
      weeksSinceBaseline: 6,
      baseline: { odiPercent: 46, painIntensity: 6, startBackTotal: 4, phq9Total: 6 },
    });
    expect(result.value.assessment.questionnaires?.odi?.percent).toBe(44);
  });
});

describe("backplan's Questionnaire and the record on followUp", () => {
  it("agrees when the Questionnaire gives the record's values", () => {
    const bundle = answering(
      answering(record(), "followUp.weeksSinceBaseline", [{ valueDecimal: 12 }]),
      "followUp.baseline.odiPercent",
      [{ valueDecimal: 46 }],
    );
    const result = bundleToAssessment(bundle);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.assessment.followUp?.baseline?.odiPercent).toBe(46);
  });

  it("is a conflict naming both when the Questionnaire's baseline or previous components differ from the record's", () => {
    const bundle = record();
    const plan = `CarePlan/${carePlanId(bundle)}`;
    const baseline = bundleToAssessment(answering(bundle, "followUp.baseline.odiPercent", [{ valueDecimal: 52 }]));
    expect(baseline.ok).toBe(false);
    if (!baseline.ok) {
      const conflict = baseline.issues.find((issue) => issue.code === "fhir/conflict");
      expect(conflict?.message).toContain("followUp.baseline.odiPercent");
      expect(conflict?.message).toContain("QuestionnaireResponse/backplan-response-2026-11-30");
      expect(conflict?.message).toContain("Observation/odi-1");
    }
    const components = bundleToAssessment(answering(bundle, "followUp.previousComponents", [{ valueString: "cbt" }]));
    expect(components.ok).toBe(false);
    if (!components.ok) {
      const conflict = components.issues.find((issue) => issue.code === "fhir/conflict");
      expect(conflict?.message).toContain("followUp.previousComponents");
      expect(conflict?.message).toContain(plan);
    }
  });

  it("keeps the Questionnaire's followUp when the record has no backplan CarePlan", () => {
    const bundle = answering(
      answering(without(record(), "CarePlan"), "followUp.weeksSinceBaseline", [{ valueDecimal: 10 }]),
      "followUp.baseline.odiPercent",
      [{ valueDecimal: 50 }],
    );
    const result = bundleToAssessment(bundle);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.value.assessment.followUp).toMatchObject({ weeksSinceBaseline: 10, baseline: { odiPercent: 50 } });
    expect(result.value.sources["followUp.baseline.odiPercent"]).toBe(
      "QuestionnaireResponse/backplan-response-2026-11-30",
    );
  });
});

describe("episodeSeries of the follow-up record", () => {
  it("charts the three visits and the CarePlan's start", () => {
    const bundle = record();
    expect(episodeSeries(bundle, { assessedOn: "2026-11-30" })).toEqual({
      points: [
        { date: "2026-09-07", odiPercent: 46, painIntensity: 6, sources: ["Observation/odi-1", "Observation/nprs-1"] },
        { date: "2026-10-19", odiPercent: 44, painIntensity: 5, sources: ["Observation/odi-2", "Observation/nprs-2"] },
        { date: "2026-11-30", odiPercent: 28, painIntensity: 3, sources: ["Observation/odi-3", "Observation/nprs-3"] },
      ],
      planChanges: [{ date: "2026-09-07", carePlan: `CarePlan/${carePlanId(bundle)}` }],
    });
  });
});
