import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bundleToAssessment } from "../../../../../src/core/interop/fhir/intake/index.js";
import type { Resource } from "../../../../../src/core/interop/fhir/types.js";
import { LOINC, bundleOf } from "./fixtures.js";

/** The HL7 SDC IG's PHQ-9 (tests/fixtures/fhir/real/README.md): uncoded items, local answer codes. */
const sdc = JSON.parse(
  readFileSync(new URL("../../../../fixtures/fhir/real/sdc-questionnaire-PHQ9.json", import.meta.url), "utf8"),
) as Record<string, unknown>;
const SDC_URL = "http://hl7.org/fhir/uv/sdc/Questionnaire/questionnaire-sdc-profile-example-PHQ9";
const CSPHQ9 = "http://hl7.org/fhir/uv/sdc/CodeSystem/CSPHQ9";
const sdcCodes = ["Not-at-all", "Several-days", "More than half the days", "Nearly every day"];

/** A loosely typed resource: real forms carry elements backplan's partial types leave out. */
const loose = (resource: Record<string, unknown>): Resource => resource as unknown as Resource;

/** A response as a form renderer writes it: linkIds, local codings, no item codes. */
function formResponse(
  questionnaire: string,
  answers: readonly [linkId: string, coding: Record<string, unknown>][],
  id = "form",
): Resource {
  return loose({
    resourceType: "QuestionnaireResponse",
    id,
    questionnaire,
    status: "completed",
    authored: "2026-11-23T09:00:00+10:00",
    item: answers.map(([linkId, valueCoding]) => ({ linkId, answer: [{ valueCoding }] })),
  });
}

const scores = [0, 0, 0, 1, 2, 1, 3, 2, 1];
const sdcAnswers = scores.map((score, n): [string, Record<string, unknown>] => [
  `H1/T1/Q${String(n + 1)}`,
  { system: CSPHQ9, code: sdcCodes[score] },
]);

function read(...resources: Resource[]) {
  const result = bundleToAssessment(bundleOf(...resources), { assessedOn: "2026-11-23" });
  if (!result.ok) expect.fail(JSON.stringify(result.issues, null, 2));
  return result;
}

describe("answers scored as the form says", () => {
  it("scores the SDC IG's PHQ-9 (ordinalValue on its contained ValueSet's concepts, items matched by position), item 9 included", () => {
    const result = read(loose(sdc), formResponse(SDC_URL, sdcAnswers));
    expect(result.value.assessment.questionnaires?.phq9).toEqual({ items: scores, item9: 1 });
    expect(result.value.sources["questionnaires.phq9.item9"]).toBe("QuestionnaireResponse/form");
    expect(result.warnings).toEqual([]);
  });

  it("reads the same form contained in the response", () => {
    const answered = { ...(formResponse("#sdc", sdcAnswers) as unknown as Record<string, unknown>) };
    const result = read(loose({ ...answered, contained: [{ ...sdc, id: "sdc" }] }));
    expect(result.value.assessment.questionnaires?.phq9?.item9).toBe(1);
  });

  it("scores by a Bundle ValueSet's expansion (itemWeight), named by the item's answerValueSet canonical", () => {
    const valueSet = loose({
      resourceType: "ValueSet",
      id: "vs",
      url: "http://example.org/ValueSet/frequency",
      status: "active",
      expansion: {
        timestamp: "2026-01-01T00:00:00Z",
        contains: sdcCodes.map((code, n) => ({
          system: CSPHQ9,
          code,
          extension: [{ url: "http://hl7.org/fhir/StructureDefinition/itemWeight", valueDecimal: n }],
        })),
      },
    });
    const questionnaire = loose({
      resourceType: "Questionnaire",
      id: "own-phq9",
      url: "http://example.org/Questionnaire/own-phq9",
      status: "active",
      // Known by its own code, the PHQ-9 panel.
      code: [{ system: LOINC, code: "44249-1" }],
      item: scores.map((_, n) => ({
        linkId: `q${String(n + 1)}`,
        type: "choice",
        answerValueSet: "http://example.org/ValueSet/frequency",
      })),
    });
    const answers = sdcAnswers.map(([, coding], n): [string, Record<string, unknown>] => [`q${String(n + 1)}`, coding]);
    const result = read(valueSet, questionnaire, formResponse("http://example.org/Questionnaire/own-phq9", answers));
    expect(result.value.assessment.questionnaires?.phq9).toEqual({ items: scores, item9: 1 });
  });

  it("scores by the CodeSystem's itemWeight property, as the SDC IG's later editions do", () => {
    const codeSystem = loose({
      resourceType: "CodeSystem",
      id: "CSPHQ9",
      url: CSPHQ9,
      status: "active",
      content: "complete",
      concept: sdcCodes.map((code, n) => ({ code, property: [{ code: "itemWeight", valueDecimal: n }] })),
    });
    const withoutScores = { ...sdc, contained: [] };
    const result = read(codeSystem, loose(withoutScores), formResponse(SDC_URL, sdcAnswers));
    expect(result.value.assessment.questionnaires?.phq9).toEqual({ items: scores, item9: 1 });
  });

  it("matches items of a known form by their LOINC linkIds (`/44260-8`) when they carry no code", () => {
    const codes = ["44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8"];
    const la = ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"];
    const questionnaire = loose({
      resourceType: "Questionnaire",
      id: "loinc-form",
      url: "http://loinc.org/q/44249-1",
      status: "active",
      // The total first: matching is by linkId, so order does not matter.
      item: [{ linkId: "/44261-6", type: "integer" }, ...codes.map((code) => ({ linkId: `/${code}`, type: "choice" }))],
    });
    const answers = codes.map((code, n): [string, Record<string, unknown>] => [
      `/${code}`,
      { system: LOINC, code: la[scores[n] ?? 0] },
    ]);
    const result = read(questionnaire, formResponse("http://loinc.org/q/44249-1", answers));
    expect(result.value.assessment.questionnaires?.phq9).toEqual({ items: scores, item9: 1 });
  });

  it("reads LOINC's GAD-7 form (http://loinc.org/q/69737-5) with uncoded items by position, scored by ordinalValue", () => {
    const gad7 = [3, 2, 1, 0, 1, 2, 3];
    const option = (code: string, score: number) => ({
      valueCoding: { code },
      extension: [{ url: "http://hl7.org/fhir/StructureDefinition/ordinalValue", valueDecimal: score }],
    });
    const questionnaire = loose({
      resourceType: "Questionnaire",
      id: "gad7-form",
      url: "http://loinc.org/q/69737-5",
      status: "active",
      item: [
        {
          linkId: "g",
          type: "group",
          item: gad7.map((_, n) => ({
            linkId: `g/${String(n + 1)}`,
            type: "choice",
            answerOption: ["a", "b", "c", "d"].map((code, score) => option(code, score)),
          })),
        },
      ],
    });
    const answers = gad7.map((score, n): [string, Record<string, unknown>] => [
      `g/${String(n + 1)}`,
      { code: ["a", "b", "c", "d"][score] },
    ]);
    const result = read(questionnaire, formResponse("http://loinc.org/q/69737-5", answers));
    expect(result.value.assessment.questionnaires?.gad7).toEqual({ items: gad7 });
    expect(result.warnings).toEqual([]);
  });

  it("warns, naming the items, when a form looks like a PHQ-9 but is not known to be one and its items carry no codes", () => {
    const questionnaire = loose({ ...sdc, url: "http://clinic.example/Questionnaire/phq-9", id: "clinic" });
    const result = read(questionnaire, formResponse("http://clinic.example/Questionnaire/phq-9", sdcAnswers));
    expect(result.value.assessment.questionnaires).toBeUndefined();
    expect(result.warnings).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/unmatched-items",
          "message": "QuestionnaireResponse/form: Questionnaire "http://clinic.example/Questionnaire/phq-9" looks like the PHQ-9, but linkId "H1/T1/Q1", "H1/T1/Q2", "H1/T1/Q3", "H1/T1/Q4", "H1/T1/Q5", "H1/T1/Q6", "H1/T1/Q7", "H1/T1/Q8", "H1/T1/Q9" cannot be matched to its items (no item code, not a known PHQ-9 form); their answers are left out",
          "path": "/entry/3/resource/item",
          "severity": "warning",
        },
      ]
    `);
  });

  it("leaves an item 9 the form does not score a gap, with a warning that it decides the same-day suicide-risk referral", () => {
    const answers = sdcAnswers.map(([linkId, coding], n): [string, Record<string, unknown>] =>
      n === 8 ? [linkId, { system: CSPHQ9, code: "Sometimes" }] : [linkId, coding],
    );
    const result = read(loose(sdc), formResponse(SDC_URL, answers));
    expect(result.value.assessment.questionnaires?.phq9).toBeUndefined();
    expect(result.warnings.map((warning) => warning.code)).toEqual([
      "fhir/unreadable-safety-item",
      "fhir/incomplete-items",
    ]);
    expect(result.warnings[0]?.message).toMatchInlineSnapshot(
      `"QuestionnaireResponse/form: the value for questionnaires.phq9.items[8] and questionnaires.phq9.item9 is not usable, expected an integer or an LL358-3 answer (LA6568-5 … LA6571-9), or a code the Questionnaire scores; it is left out. PHQ-9 item 9 (thoughts of self-harm) decides the same-day suicide-risk referral: it stays a data gap, ask it today"`,
    );
    expect(result.warnings[0]?.path).toBe("/entry/3/resource/item/8/answer/0");
  });

  it("lists that warning first, before warnings about resources read earlier", () => {
    const withdrawn = loose({
      resourceType: "Observation",
      id: "old-pain",
      status: "entered-in-error",
      code: { coding: [{ system: LOINC, code: "72514-3" }] },
      valueInteger: 4,
    });
    const answers = sdcAnswers.map(([linkId, coding], n): [string, Record<string, unknown>] =>
      n === 8 ? [linkId, { system: CSPHQ9, code: "Sometimes" }] : [linkId, coding],
    );
    const result = read(withdrawn, loose(sdc), formResponse(SDC_URL, answers));
    expect(result.warnings.map((warning) => warning.code)).toEqual([
      "fhir/unreadable-safety-item",
      "fhir/ignored-resource",
      "fhir/incomplete-items",
    ]);
  });

  it("an item 9 Observation that cannot be read gives the same warning", () => {
    const observation = loose({
      resourceType: "Observation",
      id: "item9",
      status: "final",
      code: { coding: [{ system: LOINC, code: "44260-8" }] },
      valueString: "sometimes",
    });
    const result = read(observation);
    expect(result.warnings.map((warning) => warning.code)).toEqual(["fhir/unreadable-safety-item"]);
  });
});
