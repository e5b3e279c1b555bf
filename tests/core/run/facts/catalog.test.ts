import { describe, expect, it } from "vitest";
import { fields } from "../../../../src/core/run/assessment/fields.js";
import { instruments } from "../../../../src/core/run/assessment/instruments/index.js";
import { deriveFacts, factCatalog } from "../../../../src/core/run/facts/catalog.js";
import { assessmentWith, factsOf } from "../assessment/factories.js";
import { parseAssessment } from "../../../../src/core/run/assessment/index.js";

describe("factCatalog", () => {
  it("types each assessment field from the schema", () => {
    expect(factCatalog.get("patient.age")).toEqual({
      name: "patient.age",
      type: "integer",
      minimum: 16,
      maximum: 120,
      description: "Age in years.",
      origin: "assessment",
      collect: ["patient.age"],
    });
    expect(factCatalog.get("pain.legPain")).toMatchObject({
      type: "string",
      enum: ["none", "above-knee", "below-knee"],
    });
    expect(factCatalog.get("pain.durationWeeks")).toMatchObject({ type: "number", minimum: 0 });
    expect(factCatalog.get("pain.durationWeeks")).not.toHaveProperty("maximum");
    expect(factCatalog.get("redFlags.fever")).toMatchObject({ type: "boolean", origin: "assessment" });
    const enumOf = (name: string) => factCatalog.get(name)?.enum ?? [];
    expect(factCatalog.get("preferences.declinedTreatments")?.type).toBe("string-list");
    expect(enumOf("preferences.declinedTreatments")).toEqual(
      expect.arrayContaining([
        "acupuncture",
        "group-exercise",
        "opioids",
        "cbt",
        "mental-health-referral",
        "medication",
      ]),
    );
    expect(enumOf("preferences.requestedTreatments")).toContain("imaging");
    expect(enumOf("preferences.requestedTreatments")).not.toContain("cbt");
    expect(factCatalog.get("work.weeksOffWork")).toMatchObject({ type: "number", minimum: 0 });
    expect(factCatalog.get("medications.current")?.type).toBe("string-list");
    expect(enumOf("medications.current")).toEqual(expect.arrayContaining(["nsaid", "gabapentinoid", "strong-opioid"]));
  });

  it("lets preferred activities be free text beyond the suggested ones", () => {
    expect(factCatalog.get("preferences.activities")).toMatchObject({ type: "string-list", openEnum: true });
    expect(factCatalog.get("preferences.activities")?.enum).toContain("tai-chi");
  });

  it("leaves out answer lists and editor metadata: rules read their scores", () => {
    for (const name of [
      "questionnaires.phq9.items",
      "questionnaires.gad7.items",
      "questionnaires.startBack.items",
      "questionnaires.odi.items",
      "$schema",
    ]) {
      expect(factCatalog.has(name)).toBe(false);
    }
  });

  it("holds every derived fact of the spec, each with the assessment fields to collect", () => {
    const derived = [...factCatalog.values()]
      .filter((d) => d.origin === "derived")
      .map((d) => `${d.name}: ${d.type} ← ${d.collect.join(", ")}`);
    expect(derived).toMatchInlineSnapshot(`
      [
        "lifestyle.bmi: number ← lifestyle.bmi",
        "chronicity: string ← pain.durationWeeks",
        "startBack.total: integer ← questionnaires.startBack.items",
        "startBack.psychosocial: integer ← questionnaires.startBack.items",
        "startBack.risk: string ← questionnaires.startBack.items",
        "odi.percent: number ← questionnaires.odi.items",
        "phq9.total: integer ← questionnaires.phq9.items",
        "phq9.severity: string ← questionnaires.phq9.items",
        "phq9.item9: integer ← questionnaires.phq9.items",
        "gad7.total: integer ← questionnaires.gad7.items",
        "gad7.severity: string ← questionnaires.gad7.items",
        "redFlags.present: string-list ← redFlags.bilateralLegSymptoms, redFlags.bladderOrBowelDysfunction, redFlags.constantNightPain, redFlags.contusionOrAbrasion, redFlags.fever, redFlags.historyOfCancer, redFlags.immunosuppression, redFlags.ivDrugUse, redFlags.majorTrauma, redFlags.osteoporosis, redFlags.progressiveNeurologicalDeficit, redFlags.prolongedCorticosteroidUse, redFlags.recentTrauma, redFlags.saddleAnaesthesia, redFlags.unexplainedWeightLoss",
        "redFlags.count: integer ← redFlags.bilateralLegSymptoms, redFlags.bladderOrBowelDysfunction, redFlags.constantNightPain, redFlags.contusionOrAbrasion, redFlags.fever, redFlags.historyOfCancer, redFlags.immunosuppression, redFlags.ivDrugUse, redFlags.majorTrauma, redFlags.osteoporosis, redFlags.progressiveNeurologicalDeficit, redFlags.prolongedCorticosteroidUse, redFlags.recentTrauma, redFlags.saddleAnaesthesia, redFlags.unexplainedWeightLoss",
        "axialSpa.features: integer ← inflammatory.ageAtOnset, inflammatory.wakesSecondHalfOfNight, inflammatory.alternatingButtockPain, inflammatory.improvesWithMovement, inflammatory.improvesWithNsaidsWithin48h, inflammatory.firstDegreeRelativeWithSpa, inflammatory.psoriasis, inflammatory.enthesitis, inflammatory.arthritis",
        "flynnCpr.criteriaMet: integer ← pain.durationWeeks, pain.legPain, questionnaires.fabq.work, examination.hipInternalRotationOver35, examination.lumbarHypomobility",
        "lifestyle.bmiClass: string ← lifestyle.bmi",
        "lifestyle.meetsActivityGuideline: boolean ← lifestyle.activityMinutesPerWeek",
        "visit: string ← followUp.weeksSinceBaseline",
        "progress.odiChange: number ← followUp.baseline.odiPercent, questionnaires.odi.items",
        "progress.odiChangePercent: number ← followUp.baseline.odiPercent, questionnaires.odi.items",
        "progress.painChange: number ← followUp.baseline.painIntensity, pain.intensity",
        "progress.painChangePercent: number ← followUp.baseline.painIntensity, pain.intensity",
        "progress.function: string ← followUp.baseline.odiPercent, questionnaires.odi.items",
        "progress.pain: string ← followUp.baseline.painIntensity, pain.intensity",
        "progress.overall: string ← followUp.baseline.odiPercent, questionnaires.odi.items, followUp.baseline.painIntensity, pain.intensity",
      ]
    `);
  });

  it("lists no fact twice and only instruments' facts as derived", () => {
    const fromInstruments = instruments.flatMap((i) => i.facts.map((f) => f.name));
    expect(new Set(fromInstruments).size).toBe(fromInstruments.length);
    expect(
      [...factCatalog.values()]
        .filter((d) => d.origin === "derived")
        .map((d) => d.name)
        .sort(),
    ).toEqual([...fromInstruments].sort());
  });

  it("names only assessment leaf fields to collect", () => {
    const leaves = new Set(fields.map((field) => field.path));
    const unknown = [...factCatalog.values()].flatMap((d) =>
      d.collect.filter((field) => !leaves.has(field)).map((field) => `${d.name} → ${field}`),
    );
    expect(unknown).toEqual([]);
  });

  it("reads bands and ranges from one place: the schema's range for a derived total", () => {
    expect(factCatalog.get("phq9.total")).toMatchObject({ minimum: 0, maximum: 27 });
    expect(factCatalog.get("phq9.severity")?.enum).toEqual([
      "minimal",
      "mild",
      "moderate",
      "moderately-severe",
      "severe",
    ]);
    expect(factCatalog.get("lifestyle.bmi")).toMatchObject({
      origin: "derived",
      minimum: 10,
      maximum: 80,
      collect: ["lifestyle.bmi"],
    });
  });
});

describe("deriveFacts", () => {
  it("holds every present field and derived fact, and nothing absent", () => {
    const facts = deriveFacts(parseAssessment({ patient: { age: 40, sex: "female" }, pain: { durationWeeks: 2 } }));
    expect(Object.fromEntries(facts)).toEqual({
      "patient.age": 40,
      "patient.sex": "female",
      "pain.durationWeeks": 2,
      chronicity: "acute",
      // Always known: a rule about follow-up visits never asks a first visit for a baseline.
      visit: "first",
    });
  });

  it("keeps false and 0: they mean 'asked, and no'", () => {
    const facts = factsOf({ lifestyle: { smoker: false, activityMinutesPerWeek: 0 } });
    expect([
      facts.get("lifestyle.smoker"),
      facts.get("lifestyle.activityMinutesPerWeek"),
      facts.get("lifestyle.meetsActivityGuideline"),
    ]).toEqual([false, 0, false]);
  });

  it("reads lists as they are, and does not mutate the assessment", () => {
    const assessment = parseAssessment(assessmentWith({ preferences: { activities: ["walking", "chess club"] } }));
    const before = JSON.stringify(assessment);
    expect(deriveFacts(assessment).get("preferences.activities")).toEqual(["walking", "chess club"]);
    expect(JSON.stringify(assessment)).toBe(before);
  });
});
