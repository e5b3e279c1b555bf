/**
 * The intake on public FHIR artifacts no one here wrote (tests/fixtures/fhir/real/README.md names
 * each one's source): what each yields, its warnings, and that nothing is silently dropped (every
 * resource the intake reads is a source of a field or named in a warning).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bundleToAssessment, type FhirIntake } from "../../../../../src/core/interop/fhir/intake/index.js";
import type { Issue, Result } from "../../../../../src/core/errors.js";
import { guardedEngine } from "../../../../fixtures/guarded-pack.js";
import { backplanResponse } from "./fixtures.js";

type Json = Record<string, unknown>;

const real = (file: string): Json =>
  JSON.parse(readFileSync(new URL(`../../../../fixtures/fhir/real/${file}`, import.meta.url), "utf8")) as Json;

const collection = (...resources: Json[]): Json => ({
  resourceType: "Bundle",
  type: "collection",
  entry: resources.map((resource) => ({ resource })),
});

/** Types the intake reads; others (Encounter only for its date, Questionnaire as the form) hold no field. */
const readTypes = new Set(["Observation", "QuestionnaireResponse", "MedicationStatement", "MedicationRequest"]);

/** Resources of a read type that gave no field and are named in no warning: silently dropped. */
function silentlyDropped(bundle: Json, result: Result<FhirIntake>): string[] {
  const sources = new Set(result.ok ? Object.values(result.value.sources) : []);
  const issues: readonly Issue[] = result.ok ? result.warnings : result.issues;
  const said = issues.map((issue) => issue.message).join("\n");
  return (bundle["entry"] as { resource: Json }[])
    .map(({ resource }) => `${String(resource["resourceType"])}/${String(resource["id"])}`)
    .filter((label) => readTypes.has(label.split("/")[0] ?? "") && !sources.has(label) && !said.includes(label));
}

const duration = backplanResponse("duration", { "pain.durationWeeks": [{ valueDecimal: 3 }] }) as unknown as Json;

describe("US Core 9.0.0 examples", () => {
  const bundle = collection(
    real("us-core-patient-example.json"),
    real("us-core-encounter-1036.json"),
    real("us-core-condition-encounter-diagnosis-example1.json"),
    real("us-core-Questionnaire-phq-9-example.json"),
    real("us-core-QuestionnaireResponse-phq-9-example.json"),
    real("us-core-Observation-PHQ9-item-example-44260-8.json"),
    real("us-core-Observation-PHQ9-item-example-44261-6.json"),
    duration,
  );

  it("read on the day they were recorded: the PHQ-9 from the response, its total from the valueString Observation", () => {
    const result = bundleToAssessment(bundle, { assessedOn: "2022-11-29" });
    if (!result.ok) expect.fail(JSON.stringify(result.issues, null, 2));
    expect(result.value.assessment).toMatchInlineSnapshot(`
      {
        "assessedOn": "2022-11-29",
        "pain": {
          "durationWeeks": 3,
        },
        "patient": {
          "age": 35,
        },
        "questionnaires": {
          "phq9": {
            "item9": 0,
            "items": [
              2,
              2,
              2,
              2,
              1,
              1,
              2,
              0,
              0,
            ],
            "total": 12,
          },
        },
      }
    `);
    expect(result.warnings).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/read-with-note",
          "message": "Observation/PHQ9-item-example-44261-6: the value for questionnaires.phq9.total was sent as text "12", read as 12; send it as a number",
          "path": "/entry/6/resource",
          "severity": "warning",
        },
      ]
    `);
    // Its item 9 (0, "Not at all") agrees with the response's, named as the source: agreement
    // keeps the first resource. The Patient gives no sex: US Core 9 sends it only in the
    // us-core-individual-sex extension, which the intake does not read, so it stays a gap.
    expect(silentlyDropped(bundle, result)).toEqual(["Observation/PHQ9-item-example-44260-8"]);
  });
});

describe("the HL7 SDC IG's PHQ-9, answered as an SDC renderer answers it", () => {
  const questionnaire = real("sdc-questionnaire-PHQ9.json");
  const codes = ["Not-at-all", "Several-days", "More than half the days", "Nearly every day"];
  const scores = [1, 2, 1, 1, 0, 1, 2, 0, 1];
  // Local answer codes, no item codes, the total as the form's calculated quantity.
  const response: Json = {
    resourceType: "QuestionnaireResponse",
    id: "sdc-phq9",
    questionnaire: "http://hl7.org/fhir/uv/sdc/Questionnaire/questionnaire-sdc-profile-example-PHQ9",
    status: "completed",
    subject: { reference: "Patient/example" },
    authored: "2026-11-24T08:40:00+10:00",
    item: [
      {
        linkId: "H1/T1",
        item: scores.map((score, n) => ({
          linkId: `H1/T1/Q${String(n + 1)}`,
          answer: [{ valueCoding: { system: "http://hl7.org/fhir/uv/sdc/CodeSystem/CSPHQ9", code: codes[score] } }],
        })),
      },
      { linkId: "H1/TS", answer: [{ valueQuantity: { value: 9, system: "http://unitsofmeasure.org", code: "1" } }] },
    ],
  };
  const visit: Json = {
    resourceType: "Encounter",
    id: "visit",
    status: "in-progress",
    class: { system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "AMB" },
    subject: { reference: "Patient/example" },
    period: { start: "2026-11-24T08:30:00+10:00" },
  };
  const bundle = collection(real("us-core-patient-example.json"), visit, questionnaire, response, duration);

  it("scores every item, item 9 included, on the visit's local date (the Encounter's, not UTC)", () => {
    const result = bundleToAssessment(bundle);
    if (!result.ok) expect.fail(JSON.stringify(result.issues, null, 2));
    expect(result.value.assessment.assessedOn).toBe("2026-11-24");
    expect(result.value.assessment.questionnaires).toEqual({ phq9: { items: scores, item9: 1, total: 9 } });
    expect(result.warnings).toEqual([]);
    expect(silentlyDropped(bundle, result)).toEqual([]);
  });

  it("gives the same-day suicide-risk referral its item 9 calls for (it was dropped silently before)", () => {
    const result = bundleToAssessment(bundle);
    if (!result.ok) expect.fail(JSON.stringify(result.issues, null, 2));
    // The guarded pack's suicide-risk rule fires on item 9 ≥ 1, as the bundled pack's does for an adult.
    const plan = guardedEngine.recommend(result.value.assessment);
    expect(plan.trace.find((entry) => entry.rule === "suicide-risk")?.outcome).toBe("fired");
    expect(plan.components.map((component) => component.id)).toContain("mental-health-referral");
  });
});

describe("an LHC-Forms PHQ-9 (answer options without a system, scored by ordinalValue)", () => {
  const questionnaire = real("lforms-phq9.json");
  const scores = [0, 1, 2, 3, 0, 1, 2, 3, 2];
  const la = ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"];
  const items = (questionnaire["item"] as Json[]).filter((item) => item["type"] === "choice").slice(0, 9);
  // As LHC-Forms writes a response: the option's coding copied, so no system either.
  const response: Json = {
    resourceType: "QuestionnaireResponse",
    id: "lforms-phq9",
    questionnaire: "#44249-1-x",
    contained: [questionnaire],
    status: "completed",
    authored: "2026-11-23",
    item: items.map((item, n) => ({
      linkId: item["linkId"],
      answer: [{ valueCoding: { code: la[scores[n] ?? 0], display: "as the form shows it" } }],
    })),
  };
  const bundle = collection(real("us-core-patient-example.json"), response, duration);

  it("scores each answer by its option's ordinalValue", () => {
    const result = bundleToAssessment(bundle, { assessedOn: "2026-11-23" });
    if (!result.ok) expect.fail(JSON.stringify(result.issues, null, 2));
    expect(result.value.assessment.questionnaires).toEqual({ phq9: { items: scores, item9: 2 } });
    expect(result.warnings).toEqual([]);
    expect(silentlyDropped(bundle, result)).toEqual([]);
  });
});

describe("a Synthea record (trimmed, with its chronic low back pain Condition)", () => {
  const bundle = real("synthea-trimmed.json");

  it("yields a plan-ready assessment without backplan's form: age, sex and the problem list's duration, with its warning", () => {
    const result = bundleToAssessment(bundle, { assessedOn: "2026-11-23" });
    if (!result.ok) expect.fail(JSON.stringify(result.issues, null, 2));
    expect(result.value).toMatchInlineSnapshot(`
      {
        "assessment": {
          "assessedOn": "2026-11-23",
          "pain": {
            "durationWeeks": 8,
          },
          "patient": {
            "age": 76,
            "sex": "male",
          },
        },
        "sources": {
          "pain.durationWeeks": "Condition/constructed-chronic-low-back-pain",
          "patient.age": "Patient/d5582579-7193-4866-5560-a01e723b6552",
          "patient.sex": "Patient/d5582579-7193-4866-5560-a01e723b6552",
        },
      }
    `);
    expect(result.warnings).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/condition-onset",
          "message": "pain.durationWeeks: 8 from Condition/constructed-chronic-low-back-pain, the problem list's onset 2026-09-28T11:44:52-04:00 to 2026-11-23, not the patient's account of this episode; confirm it",
          "path": "/entry/3/resource/onsetDateTime",
          "severity": "warning",
        },
      ]
    `);
  });

  it("is read in milliseconds, even as a long history of thousands of entries", () => {
    const entries = bundle["entry"] as Json[];
    const [patientEntry, ...rest] = entries;
    const long = { ...bundle, entry: [patientEntry, ...Array.from({ length: 1600 }, () => rest).flat()] };
    const started = performance.now();
    const result = bundleToAssessment(long, { assessedOn: "2026-11-23" });
    const elapsed = performance.now() - started;
    expect(result.ok).toBe(true);
    expect(elapsed).toBeLessThan(2000);
    console.info(`intake of ${String((long.entry as unknown[]).length)} entries: ${elapsed.toFixed(1)} ms`);
  });
});
