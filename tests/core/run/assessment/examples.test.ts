import { fileURLToPath } from "node:url";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { safeParseAssessment } from "../../../../src/core/run/assessment/index.js";
import { formatIssue } from "../../../../src/core/errors.js";
import { deriveFacts } from "../../../../src/core/run/facts/catalog.js";
import type { FactValue } from "../../../../src/core/run/facts/types.js";

const folder = fileURLToPath(new URL("../../../../examples/", import.meta.url));
const files = readdirSync(folder)
  .filter((file) => /\.(json|ya?ml)$/.test(file))
  .sort();

function read(file: string): unknown {
  const text = readFileSync(join(folder, file), "utf8");
  return file.endsWith(".json") ? JSON.parse(text) : parse(text);
}

function factsOf(file: string): Map<string, FactValue> {
  const result = safeParseAssessment(read(file));
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join("\n"));
  return deriveFacts(result.value);
}

/** The facts of an example the plan turns on, as one record. */
function keyFacts(file: string, names: readonly string[]): Record<string, FactValue | undefined> {
  const facts = factsOf(file);
  return Object.fromEntries(names.map((name) => [name, facts.get(name)]));
}

describe("examples/", () => {
  it.each(files)("%s is a valid assessment", (file) => {
    const result = safeParseAssessment(read(file));
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([]);
  });

  it("acute-low-risk: acute, low risk, minimal mood scores", () => {
    expect(
      keyFacts("acute-low-risk.json", [
        "chronicity",
        "startBack.risk",
        "phq9.severity",
        "gad7.severity",
        "redFlags.count",
        "lifestyle.bmiClass",
      ]),
    ).toEqual({
      chronicity: "acute",
      "startBack.risk": "low",
      "phq9.severity": "minimal",
      "gad7.severity": "minimal",
      "redFlags.count": 0,
      "lifestyle.bmiClass": "normal",
    });
  });

  it("chronic-high-risk: chronic, high risk, moderate depression and anxiety", () => {
    expect(
      keyFacts("chronic-high-risk.yaml", [
        "chronicity",
        "startBack.total",
        "startBack.psychosocial",
        "startBack.risk",
        "phq9.total",
        "phq9.severity",
        "gad7.total",
        "odi.percent",
        "lifestyle.bmi",
        "flynnCpr.criteriaMet",
        "axialSpa.features",
      ]),
    ).toEqual({
      chronicity: "chronic",
      "startBack.total": 7,
      "startBack.psychosocial": 4,
      "startBack.risk": "high",
      "phq9.total": 11,
      "phq9.severity": "moderate",
      "gad7.total": 11,
      "odi.percent": 48.9,
      "lifestyle.bmi": 30.6,
      "flynnCpr.criteriaMet": 2,
      "axialSpa.features": 1,
    });
  });

  it("red-flag-cauda-equina: the flags answered true, by name", () => {
    expect(keyFacts("red-flag-cauda-equina.json", ["redFlags.present", "redFlags.count", "phq9.item9"])).toEqual({
      "redFlags.present": ["bilateralLegSymptoms", "bladderOrBowelDysfunction", "saddleAnaesthesia"],
      "redFlags.count": 3,
      "phq9.item9": 0,
    });
  });

  it("missing-phq9: no PHQ-9 facts at all, since absent is never normal", () => {
    const facts = factsOf("missing-phq9.json");
    expect([...facts.keys()].filter((name) => name.includes("phq9"))).toEqual([]);
    expect([facts.get("chronicity"), facts.get("startBack.risk")]).toEqual(["subacute", "high"]);
  });
});
