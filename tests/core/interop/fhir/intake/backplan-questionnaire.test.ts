import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { backplanItems } from "../../../../../src/core/interop/fhir/intake/backplan-questionnaire.js";
import { backplanQuestionnaire, bundleToAssessment } from "../../../../../src/core/interop/fhir/intake/index.js";
import { validateAssessment } from "../../../../../src/core/generated/validators.js";
import { backplanResponse, bundleOf } from "./fixtures.js";

const shipped: unknown = JSON.parse(
  await readFile(
    new URL("../../../../../examples/fhir/backplan-assessment.questionnaire.json", import.meta.url),
    "utf8",
  ),
);

describe("backplan's own Questionnaire", () => {
  it("is the one shipped in examples/fhir/ (regenerate it from the schema when the schema changes)", () => {
    const regenerate =
      'examples/fhir/backplan-assessment.questionnaire.json is stale; regenerate it: npx tsx -e \'import("./src/core/interop/fhir/intake/backplan-questionnaire.ts").then(async (m) => (await import("node:fs")).writeFileSync("examples/fhir/backplan-assessment.questionnaire.json", JSON.stringify(m.backplanQuestionnaire(), null, 2) + "\\n"))\'';
    expect(shipped, regenerate).toEqual(backplanQuestionnaire());
  });

  it("asks every assessment field but the file's own ($schema, id, assessedOn), with its type and answers", () => {
    expect([...backplanItems().keys()].filter((linkId) => !linkId.includes("["))).toMatchInlineSnapshot(`
      [
        "patient.age",
        "patient.sex",
        "patient.pregnant",
        "patient.gestationWeeks",
        "pain.durationWeeks",
        "pain.intensity",
        "pain.legPain",
        "pain.onset",
        "pain.course",
        "history.previousEpisodes",
        "history.failedTreatments",
        "history.lumbarSurgery",
        "history.lumbarSurgeryWeeksAgo",
        "redFlags.saddleAnaesthesia",
        "redFlags.bladderOrBowelDysfunction",
        "redFlags.bilateralLegSymptoms",
        "redFlags.progressiveNeurologicalDeficit",
        "redFlags.historyOfCancer",
        "redFlags.unexplainedWeightLoss",
        "redFlags.constantNightPain",
        "redFlags.fever",
        "redFlags.ivDrugUse",
        "redFlags.immunosuppression",
        "redFlags.recentTrauma",
        "redFlags.majorTrauma",
        "redFlags.contusionOrAbrasion",
        "redFlags.osteoporosis",
        "redFlags.prolongedCorticosteroidUse",
        "inflammatory.ageAtOnset",
        "inflammatory.wakesSecondHalfOfNight",
        "inflammatory.alternatingButtockPain",
        "inflammatory.improvesWithMovement",
        "inflammatory.improvesWithNsaidsWithin48h",
        "inflammatory.firstDegreeRelativeWithSpa",
        "inflammatory.psoriasis",
        "inflammatory.enthesitis",
        "inflammatory.arthritis",
        "questionnaires.startBack.total",
        "questionnaires.startBack.psychosocial",
        "questionnaires.odi.percent",
        "questionnaires.phq9.total",
        "questionnaires.phq9.item9",
        "questionnaires.gad7.total",
        "questionnaires.fabq.physicalActivity",
        "questionnaires.fabq.work",
        "questionnaires.tsk.total",
        "examination.movementControl.positiveTests",
        "examination.directionalPreference",
        "examination.neurologicalDeficit",
        "examination.neurogenicClaudication",
        "examination.hipInternalRotationOver35",
        "examination.lumbarHypomobility",
        "medications.anticoagulant",
        "medications.current",
        "comorbidities.gastrointestinalBleedOrUlcer",
        "comorbidities.chronicKidneyDisease",
        "comorbidities.cardiovascularDisease",
        "comorbidities.asthmaNsaidSensitive",
        "work.status",
        "work.weeksOffWork",
        "work.physicallyDemanding",
        "investigations.imagingConcordant",
        "followUp.weeksSinceBaseline",
        "followUp.baseline.odiPercent",
        "followUp.baseline.painIntensity",
        "followUp.baseline.startBackTotal",
        "followUp.baseline.phq9Total",
        "followUp.sessionsAttended",
        "followUp.adherence",
        "followUp.previousComponents",
        "lifestyle.bmi",
        "lifestyle.heightCm",
        "lifestyle.weightKg",
        "lifestyle.activityMinutesPerWeek",
        "lifestyle.sittingHoursPerDay",
        "lifestyle.smoker",
        "lifestyle.sleepHoursPerNight",
        "preferences.activities",
        "preferences.setting",
        "preferences.requestedTreatments",
        "preferences.declinedTreatments",
      ]
    `);
    expect(backplanItems().get("pain.legPain")).toEqual({
      linkId: "pain.legPain",
      type: "choice",
      repeats: false,
      codes: ["none", "above-knee", "below-knee"],
    });
    expect(backplanItems().get("questionnaires.odi.items[9]")).toEqual({
      linkId: "questionnaires.odi.items[9]",
      type: "integer",
      repeats: false,
    });
  });

  it("gives answers the assessment schema accepts, field by field", () => {
    const answers = {
      "redFlags.fever": [{ valueBoolean: true }],
      "pain.legPain": [
        { valueCoding: { system: "https://backplan.dev/fhir/CodeSystem/assessment-answers", code: "below-knee" } },
      ],
      "history.failedTreatments": [
        { valueCoding: { system: "https://backplan.dev/fhir/CodeSystem/assessment-answers", code: "injection" } },
      ],
      "lifestyle.sleepHoursPerNight": [{ valueDecimal: 6.5 }],
      "questionnaires.tsk.total": [{ valueInteger: 40 }],
      "preferences.activities": [{ valueString: "walking" }, { valueString: "birdwatching" }],
    };
    const result = bundleToAssessment(bundleOf(backplanResponse("mine", answers)));
    if (!result.ok) expect.fail(JSON.stringify(result.issues));
    expect(validateAssessment(result.value.assessment)).toBe(true);
    expect(result.value.assessment).toMatchObject({
      redFlags: { fever: true },
      pain: { legPain: "below-knee" },
      history: { failedTreatments: ["injection"] },
      lifestyle: { sleepHoursPerNight: 6.5 },
      questionnaires: { tsk: { total: 40 } },
      preferences: { activities: ["walking", "birdwatching"] },
    });
    expect(result.value.sources["redFlags.fever"]).toBe("QuestionnaireResponse/mine");
  });

  it("carries the second edition's safety fields: onset and course, major trauma, claudication, lumbar surgery, anticoagulant", () => {
    const code = (value: string) => [
      { valueCoding: { system: "https://backplan.dev/fhir/CodeSystem/assessment-answers", code: value } },
    ];
    const answers = {
      "pain.onset": code("sudden"),
      "pain.course": code("worsening"),
      "redFlags.recentTrauma": [{ valueBoolean: true }],
      "redFlags.majorTrauma": [{ valueBoolean: true }],
      "redFlags.bilateralLegSymptoms": [{ valueBoolean: false }],
      "examination.neurogenicClaudication": [{ valueBoolean: true }],
      "history.lumbarSurgery": [{ valueBoolean: true }],
      "history.lumbarSurgeryWeeksAgo": [{ valueInteger: 6 }],
      "medications.anticoagulant": [{ valueBoolean: true }],
    };
    const result = bundleToAssessment(bundleOf(backplanResponse("mine", answers)));
    if (!result.ok) expect.fail(JSON.stringify(result.issues));
    expect(result.warnings).toEqual([]);
    expect(validateAssessment(result.value.assessment)).toBe(true);
    expect(result.value.assessment).toMatchObject({
      pain: { onset: "sudden", course: "worsening" },
      redFlags: { recentTrauma: true, majorTrauma: true, bilateralLegSymptoms: false },
      examination: { neurogenicClaudication: true },
      history: { lumbarSurgery: true, lumbarSurgeryWeeksAgo: 6 },
      medications: { anticoagulant: true },
    });
    for (const field of Object.keys(answers))
      expect(result.value.sources[field], field).toBe("QuestionnaireResponse/mine");
    expect(backplanItems().get("pain.course")?.codes).toEqual(["improving", "stable", "worsening"]);
    expect(backplanItems().get("history.lumbarSurgeryWeeksAgo")?.type).toBe("decimal");
  });

  it("refuses answers the assessment finds inconsistent: major trauma without recent trauma, surgery weeks without surgery", () => {
    const result = bundleToAssessment(
      bundleOf(
        backplanResponse("mine", {
          "redFlags.recentTrauma": [{ valueBoolean: false }],
          "redFlags.majorTrauma": [{ valueBoolean: true }],
          "history.lumbarSurgery": [{ valueBoolean: false }],
          "history.lumbarSurgeryWeeksAgo": [{ valueDecimal: 10 }],
        }),
      ),
    );
    expect(!result.ok && result.issues.map((issue) => `${issue.code} ${issue.path}: ${issue.message}`))
      .toMatchInlineSnapshot(`
      [
        "assessment/inconsistent /entry/2/resource: history.lumbarSurgeryWeeksAgo: only allowed when history.lumbarSurgery is true; it is false (history.lumbarSurgeryWeeksAgo from QuestionnaireResponse/mine; history.lumbarSurgery from QuestionnaireResponse/mine)",
        "assessment/inconsistent /entry/2/resource: redFlags.majorTrauma: true needs redFlags.recentTrauma to be true; it is false (redFlags.majorTrauma from QuestionnaireResponse/mine; redFlags.recentTrauma from QuestionnaireResponse/mine)",
      ]
    `);
  });

  it("leaves out answers it cannot read, with a warning: unknown linkIds, wrong types, codes of another system", () => {
    const result = bundleToAssessment(
      bundleOf(
        backplanResponse("mine", {
          "redFlags.feverr": [{ valueBoolean: true }],
          "redFlags.fever": [{ valueString: "yes" }],
          "pain.legPain": [{ valueCoding: { system: "http://example.org", code: "none" } }],
          "pain.intensity": [{ valueInteger: 3 }, { valueInteger: 4 }],
        }),
      ),
    );
    if (!result.ok) expect.fail(JSON.stringify(result.issues));
    expect(result.value.assessment.redFlags).toBeUndefined();
    expect(result.warnings.map((issue) => `${issue.path}: ${issue.message}`)).toMatchInlineSnapshot(`
      [
        "/entry/2/resource/item/0: QuestionnaireResponse/mine: linkId "redFlags.feverr" is not an item of backplan's Questionnaire; its answer is ignored",
        "/entry/2/resource/item/1: QuestionnaireResponse/mine: the value for redFlags.fever is not usable, expected one answer of type boolean; it is left out",
        "/entry/2/resource/item/2: QuestionnaireResponse/mine: the value for pain.legPain is not usable, expected one answer of type choice; it is left out",
        "/entry/2/resource/item/3: QuestionnaireResponse/mine: the value for pain.intensity is not usable, expected one answer of type decimal; it is left out",
      ]
    `);
  });

  it("reports an answer out of range as the assessment does, pointing at the response", () => {
    const result = bundleToAssessment(bundleOf(backplanResponse("mine", { "pain.intensity": [{ valueInteger: 11 }] })));
    expect(!result.ok && result.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "assessment/out-of-range",
          "message": "pain.intensity: 11 is out of range 0–10 (pain.intensity from QuestionnaireResponse/mine)",
          "params": {
            "found": 11,
            "maximum": 10,
            "minimum": 0,
          },
          "path": "/entry/2/resource",
          "severity": "error",
        },
      ]
    `);
  });
});
