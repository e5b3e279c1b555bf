import { describe, expect, it } from "vitest";
import { bundleToAssessment, type FhirIntake } from "../../../../../src/core/interop/fhir/intake/index.js";
import type { Resource } from "../../../../../src/core/interop/fhir/types.js";
import {
  GAD7_ITEMS,
  LOINC,
  PHQ9_ITEMS,
  SNOMED,
  START_BACK_ITEMS,
  bundleOf,
  la,
  loincQuestionnaire,
  observation,
  quantity,
  UCUM,
  response,
} from "./fixtures.js";

function intake(...resources: Resource[]): FhirIntake {
  const result = bundleToAssessment(bundleOf(...resources));
  if (!result.ok) expect.fail(JSON.stringify(result.issues, null, 2));
  return result.value;
}

const phq9Answers = [2, 2, 1, 2, 1, 1, 1, 1, 1];

describe("PHQ-9 (panel 44249-1)", () => {
  it("reads the US Core pattern: a panel with hasMember item Observations (LL358-3 answers) and a total 44261-6", () => {
    const items = PHQ9_ITEMS.map((code, n) =>
      observation(`phq9-${String(n + 1)}`, code, { valueCodeableConcept: { coding: [la(phq9Answers[n] ?? 0)] } }),
    );
    const panel = observation("phq9-panel", "44249-1", {
      hasMember: [...items, { id: "phq9-total" }].map(({ id }) => ({ reference: `Observation/${id ?? ""}` })),
    });
    const total = observation("phq9-total", "44261-6", quantity(12, "{score}"));
    const { assessment, sources } = intake(panel, ...items, total);
    expect(assessment.questionnaires).toEqual({ phq9: { items: phq9Answers, item9: 1, total: 12 } });
    expect(sources["questionnaires.phq9.items[8]"]).toBe("Observation/phq9-9");
    expect(sources["questionnaires.phq9.item9"]).toBe("Observation/phq9-9");
    expect(sources["questionnaires.phq9.total"]).toBe("Observation/phq9-total");
  });

  it("reads a QuestionnaireResponse through its contained Questionnaire's item codes, whatever the linkIds", () => {
    const questionnaire = loincQuestionnaire(
      "q",
      "http://loinc.org/q/44249-1",
      PHQ9_ITEMS.map((code, n) => [String(14363 + n), code]),
    );
    const answered = response(
      "phq9",
      "#q",
      PHQ9_ITEMS.map((_, n) => [String(14363 + n), { valueCoding: la(phq9Answers[n] ?? 0) }]),
    );
    const { assessment, sources } = intake({ ...answered, contained: [questionnaire] });
    expect(assessment.questionnaires?.phq9).toEqual({ items: phq9Answers, item9: 1 });
    expect(sources["questionnaires.phq9.items[0]"]).toBe("QuestionnaireResponse/phq9");
  });

  it("keeps item 9 (44260-8) alone when the other items are missing, and says why the items are left out", () => {
    const result = bundleToAssessment(bundleOf(observation("item9", "44260-8", { valueInteger: 2 })));
    if (!result.ok) expect.fail();
    expect(result.value.assessment.questionnaires).toEqual({ phq9: { item9: 2 } });
    expect(result.warnings).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/incomplete-items",
          "message": "questionnaires.phq9.items: 1 of 9 items answered (Observation/item9); the items are left out",
          "path": "/entry/2/resource",
          "severity": "warning",
        },
      ]
    `);
  });
});

describe("GAD-7 (panel 69737-5)", () => {
  it("reads a QuestionnaireResponse whose Questionnaire is in the Bundle, matched by canonical and version", () => {
    const answers = [3, 2, 1, 0, 1, 2, 3];
    const questionnaire = {
      ...loincQuestionnaire(
        "gad7-q",
        "http://loinc.org/q/69737-5",
        GAD7_ITEMS.map((code) => [`/${code}`, code]),
      ),
      version: "2.80",
    };
    const answered = response(
      "gad7",
      "http://loinc.org/q/69737-5|2.80",
      GAD7_ITEMS.map((code, n) => [`/${code}`, { valueCoding: la(answers[n] ?? 0) }]),
    );
    const total = observation("gad7-total", "70274-6", { valueInteger: 12 });
    const { assessment, sources } = intake(questionnaire, answered, total);
    expect(assessment.questionnaires).toEqual({ gad7: { items: answers, total: 12 } });
    expect(sources["questionnaires.gad7.items[6]"]).toBe("QuestionnaireResponse/gad7");
  });
});

describe("STarT Back (panel 91349-1)", () => {
  it("reads a panel's components: items 1–8 as booleans or 0/1, item 9 0–4, distress 91350-9, total 91351-7", () => {
    const answers = [1, 0, 0, 1, 1, 1, 0, 0, 4];
    const panel = observation("start-back", "91349-1", {
      component: [
        ...START_BACK_ITEMS.map((code, n) => ({
          code: { coding: [{ system: LOINC, code }] },
          ...(n % 2 === 0 && n < 8 ? { valueBoolean: answers[n] === 1 } : { valueInteger: answers[n] ?? 0 }),
        })),
        { code: { coding: [{ system: LOINC, code: "91350-9" }] }, valueInteger: 3 },
        { code: { coding: [{ system: LOINC, code: "91351-7" }] }, valueInteger: 5 },
      ],
    });
    const { assessment, sources } = intake(panel);
    expect(assessment.questionnaires).toEqual({ startBack: { items: answers, psychosocial: 3, total: 5 } });
    expect(sources["questionnaires.startBack.total"]).toBe("Observation/start-back");
  });
});

describe("scores a Questionnaire defines", () => {
  it("reads an answer by its answer option's ordinalValue (LHC-Forms), e.g. STarT Back answers whose LA codes are not mapped", () => {
    const option = (code: string, score: number) => ({
      valueCoding: { system: LOINC, code },
      extension: [{ url: "http://hl7.org/fhir/StructureDefinition/ordinalValue", valueDecimal: score }],
    });
    const answers = [1, 1, 0, 0, 1, 0, 0, 1, 2];
    const questionnaire: Resource = {
      resourceType: "Questionnaire",
      id: "sb-q",
      url: "http://loinc.org/q/91349-1",
      status: "active",
      item: START_BACK_ITEMS.map((code, n) => ({
        linkId: `/${code}`,
        type: "choice" as const,
        code: [{ system: LOINC, code }],
        answerOption:
          n < 8
            ? [option("LA-disagree", 0), option("LA-agree", 1)]
            : [0, 1, 2, 3, 4].map((score) => option(`LA-bother-${String(score)}`, score)),
      })),
    };
    const answered = response(
      "sb",
      "http://loinc.org/q/91349-1",
      START_BACK_ITEMS.map((code, n) => [
        `/${code}`,
        {
          valueCoding: {
            system: LOINC,
            code: n < 8 ? (answers[n] === 1 ? "LA-agree" : "LA-disagree") : `LA-bother-${String(answers[n])}`,
          },
        },
      ]),
    );
    expect(intake(questionnaire, answered).assessment.questionnaires).toEqual({ startBack: { items: answers } });
  });
});

describe("ODI (97909-6)", () => {
  it("takes the score only as a percent", () => {
    expect(intake(observation("odi", "97909-6", quantity(34, "%"))).assessment.questionnaires).toEqual({
      odi: { percent: 34 },
    });
  });

  it("leaves a score without the unit % out, with a warning: 0–50 or 0–100 would be a guess", () => {
    const result = bundleToAssessment(bundleOf(observation("odi", "97909-6", { valueInteger: 17 })));
    if (!result.ok) expect.fail();
    expect(result.value.assessment.questionnaires).toBeUndefined();
    expect(result.warnings).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/unreadable-value",
          "message": "Observation/odi: the value for questionnaires.odi.percent is not usable, expected a quantity in "%"; it is left out",
          "path": "/entry/2/resource",
          "severity": "warning",
        },
      ]
    `);
  });
});

describe("pain, body size, smoking, pregnancy", () => {
  it("reads pain intensity 72514-3", () => {
    expect(intake(observation("pain", "72514-3", { valueInteger: 6 })).assessment.pain).toEqual({
      durationWeeks: 3,
      intensity: 6,
    });
  });

  it("reads BMI 39156-5 in kg/m2", () => {
    expect(intake(observation("bmi", "39156-5", quantity(27.4, "kg/m2"))).assessment.lifestyle).toEqual({ bmi: 27.4 });
  });

  it("reads height 8302-2 and weight 29463-7, converting UCUM units", () => {
    const { assessment } = intake(
      observation("h", "8302-2", quantity(70, "[in_i]")),
      observation("w", "29463-7", quantity(176, "[lb_av]")),
    );
    expect(assessment.lifestyle).toEqual({ heightCm: 177.8, weightKg: 79.832257 });
  });

  it.each([
    ["449868002", true],
    ["428041000124106", true],
    ["428071000124103", true],
    ["428061000124105", true],
    ["8517006", false],
    ["266919005", false],
    ["77176002", undefined],
    ["266927001", undefined],
  ])("reads smoking status 72166-2 answer SNOMED %s as smoker %s", (code, smoker) => {
    const status = observation("smoking", "72166-2", { valueCodeableConcept: { coding: [{ system: SNOMED, code }] } });
    expect(intake(status).assessment.lifestyle?.smoker).toBe(smoker);
  });

  it.each([
    [LOINC, "LA15173-0", true],
    [SNOMED, "77386006", true],
    [LOINC, "LA26683-5", false],
    [SNOMED, "60001007", false],
    [LOINC, "LA4489-6", undefined],
  ])("reads pregnancy status 82810-3 answer %s|%s as pregnant %s", (system, code, pregnant) => {
    const status = observation("pregnancy", "82810-3", { valueCodeableConcept: { coding: [{ system, code }] } });
    expect(intake(status).assessment.patient.pregnant).toBe(pregnant);
  });
});

describe("quantity units: UCUM codes only", () => {
  const weight = (valueQuantity: Record<string, unknown>) =>
    bundleToAssessment(bundleOf(observation("w", "29463-7", { valueQuantity })));

  it.each([
    ["a code of another system", { value: 154, unit: "lb", system: "http://example.org/units", code: "kg" }],
    ["a code without a system", { value: 70, code: "kg" }],
    ["display text alone", { value: 70, unit: "kg" }],
    ["display text under the UCUM system", { value: 70, unit: "kg", system: UCUM }],
  ])("leaves out %s, with a warning", (_case, valueQuantity) => {
    const result = weight(valueQuantity);
    if (!result.ok) expect.fail(JSON.stringify(result.issues));
    expect(result.value.assessment.lifestyle).toBeUndefined();
    expect(result.warnings.map((issue) => issue.message)).toEqual([
      'Observation/w: the value for lifestyle.weightKg is not usable, expected a quantity in "kg", "g" or "[lb_av]"; it is left out',
    ]);
  });

  it("reads the UCUM code whatever the display says", () => {
    const result = weight({ value: 70, unit: "kilograms", system: UCUM, code: "kg" });
    expect(result.ok && result.value.assessment.lifestyle).toEqual({ weightKg: 70 });
  });
});
