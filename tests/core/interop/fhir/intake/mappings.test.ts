import { describe, expect, it } from "vitest";
import { fieldSchema } from "../../../../../src/core/run/assessment/schema.js";
import { instrumentMappings } from "../../../../../src/core/interop/fhir/intake/index.js";

const rows = instrumentMappings.flatMap((mapping) =>
  mapping.fields.map((field) => `${mapping.name}: ${field.system}|${field.code} → ${field.fields.join(", ")}`),
);

describe("the mapping registry", () => {
  it("maps these codes, and only these, to these fields", () => {
    expect(rows).toMatchInlineSnapshot(`
      [
        "PHQ-9: http://loinc.org|44250-9 → questionnaires.phq9.items[0]",
        "PHQ-9: http://loinc.org|44255-8 → questionnaires.phq9.items[1]",
        "PHQ-9: http://loinc.org|44259-0 → questionnaires.phq9.items[2]",
        "PHQ-9: http://loinc.org|44254-1 → questionnaires.phq9.items[3]",
        "PHQ-9: http://loinc.org|44251-7 → questionnaires.phq9.items[4]",
        "PHQ-9: http://loinc.org|44258-2 → questionnaires.phq9.items[5]",
        "PHQ-9: http://loinc.org|44252-5 → questionnaires.phq9.items[6]",
        "PHQ-9: http://loinc.org|44253-3 → questionnaires.phq9.items[7]",
        "PHQ-9: http://loinc.org|44260-8 → questionnaires.phq9.items[8], questionnaires.phq9.item9",
        "PHQ-9: http://loinc.org|44261-6 → questionnaires.phq9.total",
        "GAD-7: http://loinc.org|69725-0 → questionnaires.gad7.items[0]",
        "GAD-7: http://loinc.org|68509-9 → questionnaires.gad7.items[1]",
        "GAD-7: http://loinc.org|69733-4 → questionnaires.gad7.items[2]",
        "GAD-7: http://loinc.org|69734-2 → questionnaires.gad7.items[3]",
        "GAD-7: http://loinc.org|69735-9 → questionnaires.gad7.items[4]",
        "GAD-7: http://loinc.org|69689-8 → questionnaires.gad7.items[5]",
        "GAD-7: http://loinc.org|69736-7 → questionnaires.gad7.items[6]",
        "GAD-7: http://loinc.org|70274-6 → questionnaires.gad7.total",
        "STarT Back: http://loinc.org|91340-0 → questionnaires.startBack.items[0]",
        "STarT Back: http://loinc.org|91341-8 → questionnaires.startBack.items[1]",
        "STarT Back: http://loinc.org|91342-6 → questionnaires.startBack.items[2]",
        "STarT Back: http://loinc.org|91343-4 → questionnaires.startBack.items[3]",
        "STarT Back: http://loinc.org|91344-2 → questionnaires.startBack.items[4]",
        "STarT Back: http://loinc.org|91345-9 → questionnaires.startBack.items[5]",
        "STarT Back: http://loinc.org|91346-7 → questionnaires.startBack.items[6]",
        "STarT Back: http://loinc.org|91347-5 → questionnaires.startBack.items[7]",
        "STarT Back: http://loinc.org|91348-3 → questionnaires.startBack.items[8]",
        "STarT Back: http://loinc.org|91350-9 → questionnaires.startBack.psychosocial",
        "STarT Back: http://loinc.org|91351-7 → questionnaires.startBack.total",
        "ODI: http://loinc.org|97909-6 → questionnaires.odi.percent",
        "Pain intensity: http://loinc.org|72514-3 → pain.intensity",
        "Body size: http://loinc.org|39156-5 → lifestyle.bmi",
        "Body size: http://loinc.org|8302-2 → lifestyle.heightCm",
        "Body size: http://loinc.org|29463-7 → lifestyle.weightKg",
        "Smoking status: http://loinc.org|72166-2 → lifestyle.smoker",
        "Pregnancy status: http://loinc.org|82810-3 → patient.pregnant",
      ]
    `);
  });

  it("maps each code once", () => {
    const keys = instrumentMappings.flatMap((mapping) =>
      mapping.fields.map((field) => `${field.system}|${field.code}`),
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("fills only fields the assessment schema has", () => {
    const fields = instrumentMappings.flatMap((mapping) => mapping.fields.flatMap((field) => field.fields));
    for (const field of fields) expect(() => fieldSchema(field.replace(/\[\d+\]$/, ""))).not.toThrow();
  });
});
