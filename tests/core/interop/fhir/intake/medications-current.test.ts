import { describe, expect, it } from "vitest";
import { bundleToAssessment } from "../../../../../src/core/interop/fhir/intake/index.js";
import type { Resource } from "../../../../../src/core/interop/fhir/types.js";
import { backplanResponse, bundleOf } from "./fixtures.js";

const ATC = "http://www.whocc.no/atc";
const RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
const BACKPLAN_ANSWERS = "https://backplan.dev/fhir/CodeSystem/assessment-answers";

const loose = (resource: Record<string, unknown>): Resource => resource as unknown as Resource;

/** A MedicationStatement of the patient, active unless told otherwise, its medication one coding. */
const statement = (id: string, code: string, status = "active", system = ATC): Resource =>
  loose({
    resourceType: "MedicationStatement",
    id,
    status,
    medicationCodeableConcept: { coding: [{ system, code }] },
    subject: { reference: "Patient/pat" },
  });

/** A MedicationRequest of the patient, an active order unless told otherwise. */
const request = (id: string, code: string, extra: Record<string, unknown> = {}): Resource =>
  loose({
    resourceType: "MedicationRequest",
    id,
    status: "active",
    intent: "order",
    medicationCodeableConcept: { coding: [{ system: ATC, code }] },
    subject: { reference: "Patient/pat" },
    ...extra,
  });

/** backplan's Questionnaire answering medications.current with `kinds`. */
const answered = (...kinds: string[]) =>
  backplanResponse("form", {
    "medications.current": kinds.map((code) => ({ valueCoding: { system: BACKPLAN_ANSWERS, code } })),
  });

function read(...resources: Resource[]) {
  const result = bundleToAssessment(bundleOf(...resources));
  if (!result.ok) return { issues: result.issues };
  const { assessment, sources } = result.value;
  return { medications: assessment.medications, sources, warnings: result.warnings };
}

describe("medications.current from active medications by ATC code", () => {
  // WHO ATC codes, each with the kinds it is.
  it.each([
    ["M01AE01", "ibuprofen", ["nsaid"]],
    ["M01AB05", "diclofenac", ["nsaid"]],
    ["M01AH01", "celecoxib", ["nsaid"]],
    ["M01AX01", "nabumetone", ["nsaid"]],
    ["N02BE01", "paracetamol", ["paracetamol"]],
    ["N02AJ06", "codeine and paracetamol", ["paracetamol", "weak-opioid"]],
    ["N02AJ13", "tramadol and paracetamol", ["paracetamol", "weak-opioid"]],
    ["N02AJ17", "oxycodone and paracetamol", ["paracetamol", "strong-opioid"]],
    ["R05DA04", "codeine", ["weak-opioid"]],
    ["N02AA59", "codeine, combinations", ["weak-opioid"]],
    ["N02AA08", "dihydrocodeine", ["weak-opioid"]],
    ["N02AX02", "tramadol", ["weak-opioid"]],
    ["N02AA01", "morphine", ["strong-opioid"]],
    ["N02AA05", "oxycodone", ["strong-opioid"]],
    ["N02AA55", "oxycodone and naloxone", ["strong-opioid"]],
    ["N02AB03", "fentanyl", ["strong-opioid"]],
    ["N02AE01", "buprenorphine", ["strong-opioid"]],
    ["N02AX06", "tapentadol", ["strong-opioid"]],
    ["N07BC02", "methadone", ["strong-opioid"]],
    ["N03AX12", "gabapentin", ["gabapentinoid"]],
    ["N03AX16", "pregabalin", ["gabapentinoid"]],
    ["N02BF02", "pregabalin (ATC 2023)", ["gabapentinoid"]],
    ["N06AA09", "amitriptyline", ["antidepressant"]],
    ["N06AX21", "duloxetine", ["antidepressant"]],
    ["M03BA03", "methocarbamol", ["muscle-relaxant"]],
    ["M03BX01", "baclofen", ["muscle-relaxant"]],
    ["N05BA01", "diazepam", ["benzodiazepine"]],
    ["N05CD02", "nitrazepam", ["benzodiazepine"]],
    ["N03AE01", "clonazepam", ["benzodiazepine"]],
    ["H02AB06", "prednisolone", ["oral-corticosteroid"]],
  ])("%s (%s) is %j, traced to the resource", (code, _name, kinds) => {
    const found = read(statement("med", code));
    expect(found.medications).toEqual({ current: kinds });
    expect(kinds.map((_kind, index) => found.sources?.[`medications.current[${String(index)}]`])).toEqual(
      kinds.map(() => "MedicationStatement/med"),
    );
    expect(found.warnings?.map((issue) => issue.code)).toEqual(["fhir/record-list"]);
  });

  it.each([
    ["M01AX05", "glucosamine (M01AX, not an NSAID)"],
    ["M02AA15", "topical diclofenac"],
    ["N02BA01", "aspirin as an analgesic"],
    ["B01AC06", "aspirin as an antiplatelet"],
    ["H02AA02", "fludrocortisone (a mineralocorticoid)"],
    ["N05CF01", "zopiclone (not a benzodiazepine)"],
    ["C10AA05", "atorvastatin"],
  ])("%s (%s) names no kind and is no warning: it is read, and none of them", (code) => {
    const found = read(statement("med", code));
    expect(found.medications).toBeUndefined();
    expect(found.warnings).toEqual([]);
  });

  it("a record with ibuprofen and pregabalin: both kinds in the schema's order, each traced to its resource", () => {
    const found = read(request("pregabalin", "N02BF02"), statement("ibuprofen", "M01AE01"));
    expect(found.medications).toEqual({ current: ["nsaid", "gabapentinoid"] });
    expect(found.sources).toMatchObject({
      "medications.current[0]": "MedicationStatement/ibuprofen",
      "medications.current[1]": "MedicationRequest/pregabalin",
    });
    expect(found.warnings).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/record-list",
          "message": "medications.current: ["nsaid","gabapentinoid"] from the record (MedicationRequest/pregabalin, MedicationStatement/ibuprofen), not the patient's account: what the record does not hold or code in ATC (medicines bought over the counter) is not in it; confirm it",
          "path": "/entry/2/resource",
          "severity": "warning",
        },
      ]
    `);
  });

  it("names a kind once when two medications are of it, traced to the first", () => {
    const found = read(statement("naproxen", "M01AE02"), statement("ibuprofen", "M01AE01"));
    expect(found.medications).toEqual({ current: ["nsaid"] });
    expect(found.sources?.["medications.current[0]"]).toBe("MedicationStatement/naproxen");
    expect(found.sources).not.toHaveProperty("medications.current[1]");
  });

  it("sets the anticoagulant flag and the kinds from one Bundle", () => {
    const found = read(statement("apixaban", "B01AF02"), statement("paracetamol", "N02BE01"));
    expect(found.medications).toEqual({ anticoagulant: true, current: ["paracetamol"] });
  });

  it("reads the ATC coding of a medication coded in RxNorm too, in a Medication of the Bundle", () => {
    const found = read(
      request("rx", "unused", {
        medicationCodeableConcept: undefined,
        medicationReference: { reference: "Medication/m" },
      }),
      loose({
        resourceType: "Medication",
        id: "m",
        code: {
          coding: [
            { system: RXNORM, code: "197806" },
            { system: ATC, code: "M01AE01" },
          ],
        },
      }),
    );
    expect(found.medications).toEqual({ current: ["nsaid"] });
    expect(found.sources?.["medications.current[0]"]).toBe("MedicationRequest/rx");
  });

  it("reads a MedicationRequest's contained Medication", () => {
    const found = read(
      loose({
        resourceType: "MedicationRequest",
        id: "rx",
        status: "active",
        intent: "order",
        contained: [{ resourceType: "Medication", id: "m", code: { coding: [{ system: ATC, code: "N03AX16" }] } }],
        medicationReference: { reference: "#m" },
        subject: { reference: "Patient/pat" },
      }),
    );
    expect(found.medications).toEqual({ current: ["gabapentinoid"] });
  });
});

describe("only what the patient takes now", () => {
  it.each(["stopped", "completed", "on-hold", "intended", "not-taken", "unknown"])(
    "passes over a %s MedicationStatement without a warning: the list stays missing",
    (status) => {
      const found = read(statement("ibuprofen", "M01AE01", status));
      expect(found.medications).toBeUndefined();
      expect(found.warnings).toEqual([]);
    },
  );

  it.each(["cancelled", "completed", "stopped", "draft", "on-hold"])("passes over a %s MedicationRequest", (status) => {
    expect(read(request("rx", "N02AA05", { status })).medications).toBeUndefined();
  });

  it("passes over a proposal or an option, and reads a plan (US Core's self-reported medication)", () => {
    expect(read(request("rx", "N02AA05", { intent: "proposal" })).medications).toBeUndefined();
    expect(read(request("rx", "N02AA05", { intent: "option" })).medications).toBeUndefined();
    expect(read(request("rx", "N02AA05", { intent: "plan" })).medications).toEqual({ current: ["strong-opioid"] });
  });

  it("ignores a medication entered in error, and says so", () => {
    const found = read(statement("ibuprofen", "M01AE01", "entered-in-error"), statement("paracetamol", "N02BE01"));
    expect(found.medications).toEqual({ current: ["paracetamol"] });
    expect(found.warnings).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/ignored-resource",
          "message": "MedicationStatement/ibuprofen: status "entered-in-error", so it is ignored",
          "path": "/entry/2/resource",
          "severity": "warning",
        },
        {
          "code": "fhir/record-list",
          "message": "medications.current: ["paracetamol"] from the record (MedicationStatement/paracetamol), not the patient's account: what the record does not hold or code in ATC (medicines bought over the counter) is not in it; confirm it",
          "path": "/entry/3/resource",
          "severity": "warning",
        },
      ]
    `);
  });
});

describe("medications the intake cannot read", () => {
  it("warns of an active medication with no ATC code (RxNorm only), and reads the rest", () => {
    // RxNorm 197806: ibuprofen 600 MG oral tablet, as US records send it.
    const found = read(statement("rx-ibuprofen", "197806", "active", RXNORM), statement("paracetamol", "N02BE01"));
    expect(found.medications).toEqual({ current: ["paracetamol"] });
    expect(found.warnings).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/uncoded-medication",
          "message": "MedicationStatement/rx-ibuprofen: its medication has no ATC code (http://www.whocc.no/atc), so it is not read; medications.current and medications.anticoagulant may miss it",
          "path": "/entry/2/resource",
          "severity": "warning",
        },
        {
          "code": "fhir/record-list",
          "message": "medications.current: ["paracetamol"] from the record (MedicationStatement/paracetamol), not the patient's account: what the record does not hold or code in ATC (medicines bought over the counter) is not in it; confirm it",
          "path": "/entry/3/resource",
          "severity": "warning",
        },
      ]
    `);
  });

  it("reads no display: an ATC name without a code is not an NSAID", () => {
    const found = read(
      loose({
        resourceType: "MedicationStatement",
        id: "med",
        status: "active",
        medicationCodeableConcept: { coding: [{ system: ATC, display: "ibuprofen" }], text: "ibuprofen" },
        subject: { reference: "Patient/pat" },
      }),
    );
    expect(found.medications).toBeUndefined();
    expect(found.warnings?.map((issue) => issue.code)).toEqual(["fhir/uncoded-medication"]);
  });

  it("never gives an empty list: a record without medications leaves medications.current missing", () => {
    expect(read().medications).toBeUndefined();
  });
});

describe("the record and backplan's Questionnaire", () => {
  it("is a conflict naming both when the answered list lacks a kind the record shows", () => {
    for (const order of [
      [answered("paracetamol"), statement("ibuprofen", "M01AE01")],
      [statement("ibuprofen", "M01AE01"), answered("paracetamol")],
    ]) {
      const found = read(...order);
      expect(found.issues?.map((issue) => [issue.code, issue.severity, issue.message])).toEqual([
        [
          "fhir/conflict",
          "error",
          'medications.current: QuestionnaireResponse/form gives ["paracetamol"] but MedicationStatement/ibuprofen gives "nsaid", which is not in it',
        ],
      ]);
    }
  });

  it("names each missing kind of a combination", () => {
    const found = read(answered("nsaid"), statement("co-codamol", "N02AJ06"));
    expect(found.issues?.map((issue) => issue.message)).toEqual([
      'medications.current: QuestionnaireResponse/form gives ["nsaid"] but MedicationStatement/co-codamol gives "paracetamol", which is not in it',
      'medications.current: QuestionnaireResponse/form gives ["nsaid"] but MedicationStatement/co-codamol gives "weak-opioid", which is not in it',
    ]);
  });

  it("agrees when the answered list holds every kind the record shows: the answer stands, traced to the response", () => {
    const found = read(statement("ibuprofen", "M01AE01"), answered("paracetamol", "nsaid"));
    expect(found.medications).toEqual({ current: ["paracetamol", "nsaid"] });
    expect(found.sources?.["medications.current"]).toBe("QuestionnaireResponse/form");
    expect(found.sources).not.toHaveProperty("medications.current[0]");
    expect(found.warnings).toEqual([]);
  });
});
