/**
 * Fuzz: mutated FHIR Bundles through `bundleToAssessment`. Never a throw; an ok intake's
 * assessment passes `parseAssessment` and plans into a valid plan; every issue printable.
 */
import { readFileSync, readdirSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIssue, type Issue } from "../../src/core/errors.js";
import { createEngine } from "../../src/core/run/engine.js";
import { safeParseAssessment } from "../../src/core/run/assessment/index.js";
import { bundleToAssessment } from "../../src/core/interop/fhir/intake/index.js";
import { validatePlan } from "../../src/core/generated/validators.js";
import { compileRuleset } from "../../src/core/load/index.js";
import { bundledFiles } from "../properties/bundled-pack.js";
import { caseSeed, fuzzParameters, isPrintable, mutateValue, random, type Random } from "./mutate.js";

type Json = Record<string, unknown>;

const engine = createEngine(compileRuleset(bundledFiles));
const read = (path: string): Json => JSON.parse(readFileSync(path, "utf8")) as Json;
const REAL = "tests/fixtures/fhir/real";
const singles = readdirSync(REAL)
  .filter((name) => name.endsWith(".json"))
  .map((name) => read(`${REAL}/${name}`))
  .filter((resource) => resource["resourceType"] !== "Bundle");
const questionnaire = read("examples/fhir/backplan-assessment.questionnaire.json");
const patientBundle = read("examples/fhir/patient-bundle.json");

const seeds: Json[] = [
  patientBundle,
  read("examples/fhir/follow-up-bundle.json"),
  read(`${REAL}/synthea-trimmed.json`),
  { resourceType: "Bundle", type: "collection", entry: singles.map((resource) => ({ resource })) },
  {
    ...patientBundle,
    entry: [...(patientBundle["entry"] as unknown[]), { resource: questionnaire }],
  },
];

const RESOURCE_TYPES = [
  "Patient",
  "Observation",
  "QuestionnaireResponse",
  "Questionnaire",
  "Condition",
  "MedicationStatement",
  "MedicationRequest",
  "Encounter",
  "CarePlan",
  "Provenance",
  "Bundle",
  "OperationOutcome",
  "patient",
  "",
];
const BAD_DATES = [
  "2025-02-30",
  "2025-13-01",
  "20250101",
  "2025",
  "2025-01-01T25:00:00Z",
  "yesterday",
  "-0001-01-01",
  "9999-12-31",
];

function entriesOf(bundle: Json): Json[] {
  const entry = bundle["entry"];
  return Array.isArray(entry) ? (entry as Json[]) : [];
}

/** A FHIR-aware edit of one resource or of the entry list. */
function mutateBundle(bundle: Json, r: Random): Json {
  const copy = structuredClone(bundle);
  const entries = entriesOf(copy);
  if (entries.length === 0) return copy;
  const entry = r.pick(entries);
  const resource = (
    typeof entry["resource"] === "object" && entry["resource"] !== null ? entry["resource"] : {}
  ) as Json;
  switch (r.int(9)) {
    case 0:
      resource["resourceType"] = r.pick(RESOURCE_TYPES);
      break;
    case 1:
      delete resource["code"];
      break;
    case 2: {
      const code = resource["code"] as { coding?: Json[] } | undefined;
      const coding = code?.coding?.[0];
      if (coding) coding[r.pick(["code", "system"])] = r.pick(["", "0", "http://loinc.org", null, 44_261, "44261-6 "]);
      break;
    }
    case 3:
      resource["valueQuantity"] = r.pick([
        { value: "12" },
        { value: -1 },
        { value: 1e308 },
        { value: null },
        "12",
        { value: 12, unit: "kg/m2", system: "http://unitsofmeasure.org", code: "%" },
      ]);
      break;
    case 4:
      for (const field of ["effectiveDateTime", "authored", "birthDate", "recordedDate", "onsetDateTime", "issued"])
        if (field in resource || r.chance(0.2)) resource[field] = r.pick(BAD_DATES);
      break;
    case 5:
      copy["entry"] = [...entries, ...Array.from({ length: r.pick([2, 50, 600]) }, () => structuredClone(entry))];
      break;
    case 6:
      resource["subject"] = { reference: r.pick(["Patient/someone-else", "Patient/", "urn:uuid:x", "#p", "Group/1"]) };
      break;
    case 7:
      resource["id"] = r.pick(["", "a/b", "x".repeat(5000), 7, null]);
      break;
    default:
      copy["entry"] = [...entries, structuredClone(entry)];
  }
  return copy;
}

function expectPrintable(issues: readonly Issue[]): void {
  for (const issue of issues) {
    const shown = formatIssue(issue);
    expect(isPrintable(shown, 2500), `unprintable: ${JSON.stringify(shown.slice(0, 300))}`).toBe(true);
  }
}

describe("fuzz: FHIR Bundles", () => {
  it("mutated Bundles: no throw, an ok intake is a valid assessment with a valid plan", () => {
    fc.assert(
      fc.property(caseSeed, (seed) => {
        const r = random(seed);
        let bundle: unknown = r.pick(seeds);
        for (let i = 1 + r.int(3); i > 0; i -= 1)
          bundle = r.chance(0.5) ? mutateBundle(bundle as Json, r) : mutateValue(bundle, r, 1);
        // Getters and Proxies last: the mutators copy their input, which would read them.
        if (r.chance(0.15)) bundle = mutateValue(bundle, r, 1, true);
        const options = r.chance(0.5) ? {} : { assessedOn: r.pick(["2025-11-03", ...BAD_DATES]) };
        const intake = bundleToAssessment(bundle, options);
        if (!intake.ok) {
          expect("value" in intake).toBe(false);
          expect(intake.issues.length).toBeGreaterThan(0);
          expectPrintable(intake.issues);
          return;
        }
        expectPrintable(intake.warnings);
        const parsed = safeParseAssessment(intake.value.assessment);
        expect(parsed.ok, JSON.stringify(parsed.ok ? [] : parsed.issues.slice(0, 3))).toBe(true);
        const planned = engine.safeRecommend(intake.value.assessment);
        expect(planned.ok).toBe(true);
        if (planned.ok) expect(validatePlan(planned.value), JSON.stringify(validatePlan.errors)).toBe(true);
      }),
      fuzzParameters,
    );
  }, 120_000);
});
