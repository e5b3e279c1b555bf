import { describe, expect, it } from "vitest";
import { deepFreeze } from "../../../../src/core/load/compile/deep-freeze.js";
import { parseAssessment, safeParseAssessment } from "../../../../src/core/run/assessment/index.js";
import { AssessmentError, isBackplanError } from "../../../../src/core/errors.js";
import { assessmentWith, minimalAssessment, problems } from "./factories.js";

describe("safeParseAssessment", () => {
  it("accepts the minimal assessment and returns the input itself, with no warnings", () => {
    const input = minimalAssessment();
    const result = safeParseAssessment(input);
    expect(result).toEqual({ ok: true, value: input, warnings: [] });
    expect(result.ok && result.value).toBe(input);
  });

  it("names the field, the value and the range of an out-of-range number", () => {
    expect(problems(assessmentWith({ questionnaires: { phq9: { total: 30 } } }))).toEqual([
      "questionnaires.phq9.total: 30 is out of range 0–27",
    ]);
  });

  it("suggests the field a misspelt key was meant to be", () => {
    expect(problems(assessmentWith({ questionnaires: { "phq-9": { total: 3 } } }))).toEqual([
      'questionnaires.phq-9: unknown field (did you mean "phq9"?)',
    ]);
    expect(problems(assessmentWith({ phq9: { total: 3 }, age: 40 }))).toEqual([
      'phq9: unknown field (did you mean "questionnaires.phq9"?)',
      'age: unknown field (did you mean "patient.age"?)',
    ]);
    expect(problems(assessmentWith({ patient: { age: 40, favouriteColour: "red" } }))).toEqual([
      "patient.favouriteColour: unknown field",
    ]);
    expect(problems({ patient: { age: 40, Sex: "Female" }, pain: { durationWeek: 2 } })).toEqual([
      'patient.Sex: unknown field (did you mean "sex"?)',
      "pain.durationWeeks: required field is missing",
      'pain.durationWeek: unknown field (did you mean "durationWeeks"?)',
    ]);
    expect(problems(assessmentWith({ patient: { age: 40, sex: "Female" } }))).toEqual([
      'patient.sex: "Female" is not one of "female", "male", "other", "unknown" (did you mean "female"?)',
    ]);
  });

  it("reports required fields, down to the nested ones", () => {
    expect(problems({})).toEqual(["patient: required field is missing", "pain: required field is missing"]);
    expect(problems({ patient: {}, pain: {} })).toEqual([
      "patient.age: required field is missing",
      "pain.durationWeeks: required field is missing",
    ]);
  });

  it("reports every problem at once, each with a stable code and a JSON Pointer", () => {
    const result = safeParseAssessment({
      patient: { age: "forty", sex: "f" },
      pain: { durationWeeks: -1, legPain: "below knee" },
      assessedOn: "23/11/2025",
      questionnaires: {
        startBack: { items: [1, 2, 0, 0, 0, 0, 0, 0] },
        odi: { items: [1, null, 6, "x", 0, 0, 0, 0, 0, 0] },
      },
      preferences: { activities: ["walking", "", 3, "walking"], setting: "hom" },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.every((i) => i.severity === "error")).toBe(true);
    expect(result.issues.map((i) => `${i.code} ${i.path} ${i.message}`)).toMatchInlineSnapshot(`
      [
        "assessment/wrong-format /assessedOn "23/11/2025" is not in the expected format, e.g. "2025-11-23"",
        "assessment/wrong-type /patient/age expected an integer, found "forty"",
        "assessment/unknown-value /patient/sex "f" is not one of "female", "male", "other", "unknown"",
        "assessment/out-of-range /pain/durationWeeks -1 is out of range ≥ 0",
        "assessment/unknown-value /pain/legPain "below knee" is not one of "none", "above-knee", "below-knee" (did you mean "below-knee"?)",
        "assessment/wrong-length /questionnaires/startBack/items expected exactly 9 items, found 8",
        "assessment/out-of-range /questionnaires/startBack/items/1 2 is out of range 0–1",
        "assessment/out-of-range /questionnaires/odi/items/2 6 is out of range 0–5",
        "assessment/wrong-type /questionnaires/odi/items/3 expected an integer or null, found "x"",
        "assessment/wrong-format /preferences/activities/1 expected text, found an empty string",
        "assessment/wrong-type /preferences/activities/2 expected a string, found 3",
        "assessment/duplicate-item /preferences/activities "walking" is listed more than once",
        "assessment/unknown-value /preferences/setting "hom" is not one of "home", "clinic", "group", "remote" (did you mean "home"?)",
      ]
    `);
  });

  it("explains a wrong type by what was expected and what was found", () => {
    expect(problems(assessmentWith({ patient: { age: 40.5, pregnant: "no" }, redFlags: { fever: 1 } }))).toEqual([
      "patient.age: expected an integer, found 40.5",
      'patient.pregnant: expected true or false, found "no"',
      "redFlags.fever: expected true or false, found 1",
    ]);
    expect(problems(assessmentWith({ history: { failedTreatments: "exercise" } }))).toEqual([
      'history.failedTreatments: expected a list, found "exercise"',
    ]);
  });

  it("rejects duplicate list items and wrong answer counts", () => {
    expect(problems(assessmentWith({ preferences: { requestedTreatments: ["massage", "massage"] } }))).toEqual([
      'preferences.requestedTreatments: "massage" is listed more than once',
    ]);
    expect(problems(assessmentWith({ questionnaires: { gad7: { items: [1, 1, 1, 1, 1, 1, 1, 1] } } }))).toEqual([
      "questionnaires.gad7.items: expected exactly 7 items, found 8",
    ]);
  });

  it("checks that assessedOn is a real calendar day", () => {
    expect(problems(assessmentWith({ assessedOn: "2024-02-29" }))).toEqual([]);
    expect(problems(assessmentWith({ assessedOn: "2023-02-29" }))).toEqual([
      'assessedOn: "2023-02-29" is not a calendar date',
    ]);
    expect(problems(assessmentWith({ assessedOn: "1900-02-29" }))).toEqual([
      'assessedOn: "1900-02-29" is not a calendar date',
    ]);
    expect(problems(assessmentWith({ assessedOn: "2000-02-29" }))).toEqual([]);
    expect(problems(assessmentWith({ assessedOn: "2025-04-31" }))).toEqual([
      'assessedOn: "2025-04-31" is not a calendar date',
    ]);
    expect(problems(assessmentWith({ assessedOn: "2025-4-1" }))).toEqual([
      'assessedOn: "2025-4-1" is not in the expected format, e.g. "2025-11-23"',
    ]);
  });
});

describe("cross-field checks", () => {
  it("allow gestationWeeks only in a pregnancy", () => {
    expect(problems(assessmentWith({ patient: { age: 30, pregnant: true, gestationWeeks: 20 } }))).toEqual([]);
    expect(problems(assessmentWith({ patient: { age: 30, pregnant: false, gestationWeeks: 20 } }))).toEqual([
      "patient.gestationWeeks: only allowed when patient.pregnant is true; it is false",
    ]);
    expect(problems(assessmentWith({ patient: { age: 30, gestationWeeks: 20 } }))).toEqual([
      "patient.gestationWeeks: only allowed when patient.pregnant is true; it is absent",
    ]);
  });

  it("allow major trauma only as a kind of recent trauma", () => {
    expect(problems(assessmentWith({ redFlags: { recentTrauma: true, majorTrauma: true } }))).toEqual([]);
    expect(problems(assessmentWith({ redFlags: { recentTrauma: true, majorTrauma: false } }))).toEqual([]);
    expect(problems(assessmentWith({ redFlags: { recentTrauma: false, majorTrauma: false } }))).toEqual([]);
    // Recorded on its own (the general question unasked), a high-energy injury stands.
    expect(problems(assessmentWith({ redFlags: { majorTrauma: true } }))).toEqual([]);
    expect(problems(assessmentWith({ redFlags: { recentTrauma: false, majorTrauma: true } }))).toEqual([
      "redFlags.majorTrauma: true needs redFlags.recentTrauma to be true; it is false",
    ]);
    const result = safeParseAssessment(assessmentWith({ redFlags: { recentTrauma: false, majorTrauma: true } }));
    expect(!result.ok && result.issues.map((i) => [i.code, i.path])).toEqual([
      ["assessment/inconsistent", "/redFlags/majorTrauma"],
    ]);
  });

  it("allow the weeks since lumbar surgery only after a lumbar surgery", () => {
    expect(problems(assessmentWith({ history: { lumbarSurgery: true, lumbarSurgeryWeeksAgo: 0 } }))).toEqual([]);
    expect(problems(assessmentWith({ history: { lumbarSurgery: true, lumbarSurgeryWeeksAgo: 6.5 } }))).toEqual([]);
    expect(problems(assessmentWith({ history: { lumbarSurgery: true } }))).toEqual([]);
    expect(problems(assessmentWith({ history: { lumbarSurgery: false } }))).toEqual([]);
    expect(problems(assessmentWith({ history: { lumbarSurgery: false, lumbarSurgeryWeeksAgo: 10 } }))).toEqual([
      "history.lumbarSurgeryWeeksAgo: only allowed when history.lumbarSurgery is true; it is false",
    ]);
    expect(problems(assessmentWith({ history: { previousEpisodes: 2, lumbarSurgeryWeeksAgo: 10 } }))).toEqual([
      "history.lumbarSurgeryWeeksAgo: only allowed when history.lumbarSurgery is true; it is absent",
    ]);
    const result = safeParseAssessment(assessmentWith({ history: { lumbarSurgeryWeeksAgo: 10 } }));
    expect(!result.ok && result.issues.map((i) => [i.code, i.path])).toEqual([
      ["assessment/inconsistent", "/history/lumbarSurgeryWeeksAgo"],
    ]);
  });

  it("skip the trauma and surgery checks while those groups fail the schema", () => {
    expect(
      problems(
        assessmentWith({
          redFlags: { recentTrauma: false, majorTrauma: true, fever: "no" },
          history: { lumbarSurgery: "no", lumbarSurgeryWeeksAgo: 10 },
        }),
      ),
    ).toEqual([
      'history.lumbarSurgery: expected true or false, found "no"',
      'redFlags.fever: expected true or false, found "no"',
    ]);
  });

  it("run alongside schema issues elsewhere, but not on a subtree that failed the schema", () => {
    const input = assessmentWith({
      patient: { age: 30, gestationWeeks: 20 },
      questionnaires: { phq9: { items: [0, 0, 0, 0, 0, 0, 0, 0, 9], total: 5 } },
      lifestyle: { smoker: "yes" },
    });
    expect(problems(input)).toEqual([
      "questionnaires.phq9.items[8]: 9 is out of range 0–3",
      'lifestyle.smoker: expected true or false, found "yes"',
      "patient.gestationWeeks: only allowed when patient.pregnant is true; it is absent",
    ]);
  });

  it("mark an inflammatory onset after the patient's age", () => {
    expect(problems(assessmentWith({ patient: { age: 30 }, inflammatory: { ageAtOnset: 31 } }))).toEqual([
      "inflammatory.ageAtOnset: 31 exceeds patient.age (30)",
    ]);
    expect(problems(assessmentWith({ patient: { age: 30 }, inflammatory: { ageAtOnset: 30 } }))).toEqual([]);
  });
});

describe("fields added in the second edition", () => {
  it("accepts each of them, all optional, and an empty medications group", () => {
    const all = {
      pain: { durationWeeks: 3, onset: "sudden", course: "worsening" },
      history: { lumbarSurgery: true, lumbarSurgeryWeeksAgo: 12 },
      redFlags: { recentTrauma: true, majorTrauma: true, bilateralLegSymptoms: false },
      examination: { neurogenicClaudication: true },
      medications: { anticoagulant: true },
    };
    expect(problems(assessmentWith(all))).toEqual([]);
    expect(problems(assessmentWith({ medications: {} }))).toEqual([]);
  });

  it("names the allowed values of onset and course", () => {
    expect(problems(assessmentWith({ pain: { durationWeeks: 2, onset: "Sudden", course: "better" } }))).toEqual([
      'pain.onset: "Sudden" is not one of "sudden", "gradual" (did you mean "sudden"?)',
      'pain.course: "better" is not one of "improving", "stable", "worsening"',
    ]);
    expect(problems(assessmentWith({ pain: { durationWeeks: 2, course: "worsenning" } }))).toEqual([
      'pain.course: "worsenning" is not one of "improving", "stable", "worsening" (did you mean "worsening"?)',
    ]);
  });

  it("takes true or false for the new yes/no answers", () => {
    expect(
      problems(
        assessmentWith({
          history: { lumbarSurgery: 1 },
          redFlags: { majorTrauma: "yes" },
          examination: { neurogenicClaudication: null },
          medications: { anticoagulant: "warfarin" },
        }),
      ),
    ).toEqual([
      "history.lumbarSurgery: expected true or false, found 1",
      'redFlags.majorTrauma: expected true or false, found "yes"',
      "examination.neurogenicClaudication: expected true or false, found null",
      'medications.anticoagulant: expected true or false, found "warfarin"',
    ]);
  });

  it("keeps the weeks since lumbar surgery at 0 or more", () => {
    expect(problems(assessmentWith({ history: { lumbarSurgery: true, lumbarSurgeryWeeksAgo: -1 } }))).toEqual([
      "history.lumbarSurgeryWeeksAgo: -1 is out of range ≥ 0",
    ]);
    expect(problems(assessmentWith({ history: { lumbarSurgery: true, lumbarSurgeryWeeksAgo: "6" } }))).toEqual([
      'history.lumbarSurgeryWeeksAgo: expected a number, found "6"',
    ]);
  });

  it("rejects unknown keys in the medications group, and a medications that is not a group", () => {
    expect(problems(assessmentWith({ medications: { anticoagulants: true } }))).toEqual([
      'medications.anticoagulants: unknown field (did you mean "anticoagulant"?)',
    ]);
    expect(problems(assessmentWith({ medications: ["warfarin"] }))).toEqual([
      "medications: expected an object, found a list of 1 item",
    ]);
    expect(problems(assessmentWith({ anticoagulant: true }))).toEqual([
      'anticoagulant: unknown field (did you mean "medications.anticoagulant"?)',
    ]);
  });
});

describe("hostile and odd input", () => {
  it("rejects anything but a plain object", () => {
    for (const input of [null, undefined, 42, "text", [], [minimalAssessment()], new Date(0), new Map()]) {
      const result = safeParseAssessment(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues.map((i) => [i.code, i.path])).toEqual([["assessment/not-an-object", ""]]);
    }
    expect(safeParseAssessment(Object.assign(Object.create(null) as object, minimalAssessment())).ok).toBe(true);
  });

  it("rejects __proto__, constructor and prototype keys anywhere, and pollutes nothing", () => {
    const input: unknown = JSON.parse(
      '{"__proto__": {"polluted": 1}, "patient": {"age": 40, "constructor": {"prototype": {"polluted": 2}}}, "pain": {"durationWeeks": 2, "prototype": 1}}',
    );
    const result = safeParseAssessment(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => [i.code, i.path])).toEqual([
        ["assessment/forbidden-key", "/__proto__"],
        ["assessment/forbidden-key", "/patient/constructor"],
        ["assessment/forbidden-key", "/pain/prototype"],
      ]);
    }
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("finds forbidden keys even under unknown fields and inside lists, where the schema never looks", () => {
    const input: unknown = JSON.parse(
      '{"patient": {"age": 40}, "pain": {"durationWeeks": 2}, "extra": {"deep": {"__proto__": {"polluted": 3}}}, "preferences": {"activities": [{"constructor": 1}]}}',
    );
    expect(problems(input)).toEqual([
      "extra: unknown field",
      "preferences.activities[0]: expected a string, found an object",
      'extra.deep.__proto__: "__proto__" is not allowed as a key (it could alter object prototypes)',
      'preferences.activities[0].constructor: "constructor" is not allowed as a key (it could alter object prototypes)',
    ]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("survives cyclic and deeply nested input", () => {
    const cyclic: Record<string, unknown> = { patient: { age: 40 }, pain: { durationWeeks: 2 } };
    cyclic["self"] = cyclic;
    expect(problems(cyclic)).toEqual(["self: unknown field"]);
    const deep: unknown = JSON.parse(`${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}`);
    expect(problems(deep)).toEqual([
      "patient: required field is missing",
      "pain: required field is missing",
      "a: unknown field",
    ]);
  });

  it("never mutates its input (a deep-frozen input parses the same)", () => {
    const valid = deepFreeze(
      assessmentWith({ questionnaires: { phq9: { items: [1, 1, 1, 1, 1, 1, 1, 1, 1], total: 9 } } }),
    );
    const invalid = deepFreeze(
      assessmentWith({ questionnaires: { phq9: { items: [1, 1, 1, 1, 1, 1, 1, 1, 1], total: 8 } }, extra: 1 }),
    );
    const before = JSON.stringify(invalid);
    expect(safeParseAssessment(valid).ok).toBe(true);
    expect(problems(invalid)).toHaveLength(2);
    expect(JSON.stringify(invalid)).toBe(before);
  });

  it("treats a field set to undefined as absent", () => {
    expect(problems({ patient: { age: 40, sex: undefined }, pain: { durationWeeks: 1 } })).toEqual([]);
    expect(problems({ patient: { age: undefined }, pain: { durationWeeks: 1 } })).toEqual([
      "patient.age: required field is missing",
    ]);
  });

  it("rejects NaN and infinities as numbers", () => {
    expect(
      problems({ patient: { age: 40 }, pain: { durationWeeks: Number.POSITIVE_INFINITY, intensity: Number.NaN } }),
    ).toEqual([
      "pain.durationWeeks: expected a number, found Infinity",
      "pain.intensity: expected a number, found NaN",
    ]);
  });
});

describe("parseAssessment", () => {
  it("returns the valid input", () => {
    const input = minimalAssessment();
    expect(parseAssessment(input)).toBe(input);
  });

  it("throws an AssessmentError holding every issue", () => {
    let thrown: unknown;
    try {
      parseAssessment({ patient: { age: 12 }, pain: {} });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AssessmentError);
    expect(isBackplanError(thrown)).toBe(true);
    const error = thrown as AssessmentError;
    expect([error.name, error.code, error.issues.length]).toEqual(["AssessmentError", "ASSESSMENT_INVALID", 2]);
    expect(error.message).toMatchInlineSnapshot(`
      "invalid assessment: 2 errors
      patient.age: 12 is out of range 16–120
      pain.durationWeeks: required field is missing"
    `);
  });
});
