import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../../../../src/core/run/engine.js";
import { bundleToAssessment } from "../../../../../src/core/interop/fhir/intake/index.js";
import { loadRuleset } from "../../../../../src/node/load-ruleset.js";

const bundle: unknown = JSON.parse(
  await readFile(new URL("../../../../../examples/fhir/patient-bundle.json", import.meta.url), "utf8"),
);

describe("examples/fhir/patient-bundle.json", () => {
  it("becomes the whole assessment, each field traced to its resource", () => {
    const result = bundleToAssessment(bundle);
    if (!result.ok) expect.fail(JSON.stringify(result.issues, null, 2));
    expect(result.warnings).toEqual([]);
    expect(result.value.assessment).toMatchInlineSnapshot(`
      {
        "assessedOn": "2025-11-03",
        "comorbidities": {
          "asthmaNsaidSensitive": false,
          "cardiovascularDisease": false,
          "chronicKidneyDisease": false,
          "gastrointestinalBleedOrUlcer": false,
        },
        "examination": {
          "directionalPreference": "none",
          "hipInternalRotationOver35": false,
          "lumbarHypomobility": true,
          "movementControl": {
            "positiveTests": 3,
          },
          "neurogenicClaudication": false,
          "neurologicalDeficit": false,
        },
        "history": {
          "failedTreatments": [
            "exercise",
            "medication",
          ],
          "lumbarSurgery": false,
          "previousEpisodes": 3,
        },
        "inflammatory": {
          "ageAtOnset": 45,
          "alternatingButtockPain": false,
          "arthritis": false,
          "enthesitis": false,
          "firstDegreeRelativeWithSpa": false,
          "improvesWithMovement": true,
          "improvesWithNsaidsWithin48h": false,
          "psoriasis": false,
          "wakesSecondHalfOfNight": false,
        },
        "lifestyle": {
          "activityMinutesPerWeek": 40,
          "bmi": 30.6,
          "heightCm": 178,
          "sittingHoursPerDay": 10,
          "sleepHoursPerNight": 5.5,
          "smoker": true,
          "weightKg": 97,
        },
        "medications": {
          "anticoagulant": false,
          "current": [
            "paracetamol",
          ],
        },
        "pain": {
          "course": "stable",
          "durationWeeks": 26,
          "intensity": 7,
          "legPain": "above-knee",
          "onset": "gradual",
        },
        "patient": {
          "age": 52,
          "pregnant": false,
          "sex": "female",
        },
        "preferences": {
          "activities": [
            "walking",
            "swimming",
            "fishing",
          ],
          "declinedTreatments": [
            "acupuncture",
          ],
          "requestedTreatments": [
            "massage",
          ],
          "setting": "group",
        },
        "questionnaires": {
          "fabq": {
            "physicalActivity": 19,
            "work": 31,
          },
          "gad7": {
            "items": [
              2,
              2,
              1,
              1,
              2,
              1,
              2,
            ],
            "total": 11,
          },
          "odi": {
            "items": [
              3,
              2,
              3,
              2,
              3,
              2,
              2,
              3,
              null,
              2,
            ],
          },
          "phq9": {
            "item9": 0,
            "items": [
              2,
              2,
              1,
              2,
              1,
              1,
              1,
              1,
              0,
            ],
            "total": 11,
          },
          "startBack": {
            "items": [
              1,
              1,
              0,
              1,
              1,
              1,
              1,
              0,
              3,
            ],
            "psychosocial": 4,
            "total": 7,
          },
          "tsk": {
            "total": 44,
          },
        },
        "redFlags": {
          "bilateralLegSymptoms": false,
          "bladderOrBowelDysfunction": false,
          "constantNightPain": false,
          "contusionOrAbrasion": false,
          "fever": false,
          "historyOfCancer": false,
          "immunosuppression": false,
          "ivDrugUse": false,
          "osteoporosis": false,
          "progressiveNeurologicalDeficit": false,
          "prolongedCorticosteroidUse": false,
          "recentTrauma": false,
          "saddleAnaesthesia": false,
          "unexplainedWeightLoss": false,
        },
        "work": {
          "physicallyDemanding": false,
          "status": "working",
        },
      }
    `);
    expect(result.value.sources).toMatchInlineSnapshot(`
      {
        "comorbidities.asthmaNsaidSensitive": "QuestionnaireResponse/backplan-response",
        "comorbidities.cardiovascularDisease": "QuestionnaireResponse/backplan-response",
        "comorbidities.chronicKidneyDisease": "QuestionnaireResponse/backplan-response",
        "comorbidities.gastrointestinalBleedOrUlcer": "QuestionnaireResponse/backplan-response",
        "examination.directionalPreference": "QuestionnaireResponse/backplan-response",
        "examination.hipInternalRotationOver35": "QuestionnaireResponse/backplan-response",
        "examination.lumbarHypomobility": "QuestionnaireResponse/backplan-response",
        "examination.movementControl.positiveTests": "QuestionnaireResponse/backplan-response",
        "examination.neurogenicClaudication": "QuestionnaireResponse/backplan-response",
        "examination.neurologicalDeficit": "QuestionnaireResponse/backplan-response",
        "history.failedTreatments": "QuestionnaireResponse/backplan-response",
        "history.lumbarSurgery": "QuestionnaireResponse/backplan-response",
        "history.previousEpisodes": "QuestionnaireResponse/backplan-response",
        "inflammatory.ageAtOnset": "QuestionnaireResponse/backplan-response",
        "inflammatory.alternatingButtockPain": "QuestionnaireResponse/backplan-response",
        "inflammatory.arthritis": "QuestionnaireResponse/backplan-response",
        "inflammatory.enthesitis": "QuestionnaireResponse/backplan-response",
        "inflammatory.firstDegreeRelativeWithSpa": "QuestionnaireResponse/backplan-response",
        "inflammatory.improvesWithMovement": "QuestionnaireResponse/backplan-response",
        "inflammatory.improvesWithNsaidsWithin48h": "QuestionnaireResponse/backplan-response",
        "inflammatory.psoriasis": "QuestionnaireResponse/backplan-response",
        "inflammatory.wakesSecondHalfOfNight": "QuestionnaireResponse/backplan-response",
        "lifestyle.activityMinutesPerWeek": "QuestionnaireResponse/backplan-response",
        "lifestyle.bmi": "Observation/bmi",
        "lifestyle.heightCm": "Observation/height",
        "lifestyle.sittingHoursPerDay": "QuestionnaireResponse/backplan-response",
        "lifestyle.sleepHoursPerNight": "QuestionnaireResponse/backplan-response",
        "lifestyle.smoker": "Observation/smoking",
        "lifestyle.weightKg": "Observation/weight",
        "medications.anticoagulant": "QuestionnaireResponse/backplan-response",
        "medications.current": "QuestionnaireResponse/backplan-response",
        "pain.course": "QuestionnaireResponse/backplan-response",
        "pain.durationWeeks": "QuestionnaireResponse/backplan-response",
        "pain.intensity": "Observation/pain",
        "pain.legPain": "QuestionnaireResponse/backplan-response",
        "pain.onset": "QuestionnaireResponse/backplan-response",
        "patient.age": "Patient/pat-1",
        "patient.pregnant": "Observation/pregnancy",
        "patient.sex": "Patient/pat-1",
        "preferences.activities": "QuestionnaireResponse/backplan-response",
        "preferences.declinedTreatments": "QuestionnaireResponse/backplan-response",
        "preferences.requestedTreatments": "QuestionnaireResponse/backplan-response",
        "preferences.setting": "QuestionnaireResponse/backplan-response",
        "questionnaires.fabq.physicalActivity": "QuestionnaireResponse/backplan-response",
        "questionnaires.fabq.work": "QuestionnaireResponse/backplan-response",
        "questionnaires.gad7.items[0]": "Observation/gad7-item-1",
        "questionnaires.gad7.items[1]": "Observation/gad7-item-2",
        "questionnaires.gad7.items[2]": "Observation/gad7-item-3",
        "questionnaires.gad7.items[3]": "Observation/gad7-item-4",
        "questionnaires.gad7.items[4]": "Observation/gad7-item-5",
        "questionnaires.gad7.items[5]": "Observation/gad7-item-6",
        "questionnaires.gad7.items[6]": "Observation/gad7-item-7",
        "questionnaires.gad7.total": "Observation/gad7-total",
        "questionnaires.odi.items[0]": "QuestionnaireResponse/backplan-response",
        "questionnaires.odi.items[1]": "QuestionnaireResponse/backplan-response",
        "questionnaires.odi.items[2]": "QuestionnaireResponse/backplan-response",
        "questionnaires.odi.items[3]": "QuestionnaireResponse/backplan-response",
        "questionnaires.odi.items[4]": "QuestionnaireResponse/backplan-response",
        "questionnaires.odi.items[5]": "QuestionnaireResponse/backplan-response",
        "questionnaires.odi.items[6]": "QuestionnaireResponse/backplan-response",
        "questionnaires.odi.items[7]": "QuestionnaireResponse/backplan-response",
        "questionnaires.odi.items[9]": "QuestionnaireResponse/backplan-response",
        "questionnaires.phq9.item9": "QuestionnaireResponse/phq9-response",
        "questionnaires.phq9.items[0]": "QuestionnaireResponse/phq9-response",
        "questionnaires.phq9.items[1]": "QuestionnaireResponse/phq9-response",
        "questionnaires.phq9.items[2]": "QuestionnaireResponse/phq9-response",
        "questionnaires.phq9.items[3]": "QuestionnaireResponse/phq9-response",
        "questionnaires.phq9.items[4]": "QuestionnaireResponse/phq9-response",
        "questionnaires.phq9.items[5]": "QuestionnaireResponse/phq9-response",
        "questionnaires.phq9.items[6]": "QuestionnaireResponse/phq9-response",
        "questionnaires.phq9.items[7]": "QuestionnaireResponse/phq9-response",
        "questionnaires.phq9.items[8]": "QuestionnaireResponse/phq9-response",
        "questionnaires.phq9.total": "QuestionnaireResponse/phq9-response",
        "questionnaires.startBack.items[0]": "Observation/start-back",
        "questionnaires.startBack.items[1]": "Observation/start-back",
        "questionnaires.startBack.items[2]": "Observation/start-back",
        "questionnaires.startBack.items[3]": "Observation/start-back",
        "questionnaires.startBack.items[4]": "Observation/start-back",
        "questionnaires.startBack.items[5]": "Observation/start-back",
        "questionnaires.startBack.items[6]": "Observation/start-back",
        "questionnaires.startBack.items[7]": "Observation/start-back",
        "questionnaires.startBack.items[8]": "Observation/start-back",
        "questionnaires.startBack.psychosocial": "Observation/start-back",
        "questionnaires.startBack.total": "Observation/start-back",
        "questionnaires.tsk.total": "QuestionnaireResponse/backplan-response",
        "redFlags.bilateralLegSymptoms": "QuestionnaireResponse/backplan-response",
        "redFlags.bladderOrBowelDysfunction": "QuestionnaireResponse/backplan-response",
        "redFlags.constantNightPain": "QuestionnaireResponse/backplan-response",
        "redFlags.contusionOrAbrasion": "QuestionnaireResponse/backplan-response",
        "redFlags.fever": "QuestionnaireResponse/backplan-response",
        "redFlags.historyOfCancer": "QuestionnaireResponse/backplan-response",
        "redFlags.immunosuppression": "QuestionnaireResponse/backplan-response",
        "redFlags.ivDrugUse": "QuestionnaireResponse/backplan-response",
        "redFlags.osteoporosis": "QuestionnaireResponse/backplan-response",
        "redFlags.progressiveNeurologicalDeficit": "QuestionnaireResponse/backplan-response",
        "redFlags.prolongedCorticosteroidUse": "QuestionnaireResponse/backplan-response",
        "redFlags.recentTrauma": "QuestionnaireResponse/backplan-response",
        "redFlags.saddleAnaesthesia": "QuestionnaireResponse/backplan-response",
        "redFlags.unexplainedWeightLoss": "QuestionnaireResponse/backplan-response",
        "work.physicallyDemanding": "QuestionnaireResponse/backplan-response",
        "work.status": "QuestionnaireResponse/backplan-response",
      }
    `);
  });

  it("gives a complete plan from the bundled rules", async () => {
    const result = bundleToAssessment(bundle);
    if (!result.ok) expect.fail(JSON.stringify(result.issues, null, 2));
    const plan = createEngine(await loadRuleset()).recommend(result.value.assessment);
    expect(plan.status).toBe("complete");
    expect(plan.dataGaps).toEqual([]);
  });
});
