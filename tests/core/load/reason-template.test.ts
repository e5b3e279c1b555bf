import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fillTemplate, templateFacts } from "../../../src/core/load/reason-template.js";

describe("templateFacts", () => {
  it("lists the facts named in placeholders, once each, in order", () => {
    expect(templateFacts("PHQ-9 {phq9.total} ({phq9.severity}), again {phq9.total}")).toEqual([
      "phq9.total",
      "phq9.severity",
    ]);
  });
  it("ignores braces that do not hold a fact name", () => {
    expect(templateFacts("{ not a fact } {1abc} {a..b} {} {ok}")).toEqual(["ok"]);
  });
});

describe("fillTemplate", () => {
  const facts = new Map<string, number | string | boolean | readonly string[]>([
    ["phq9.total", 14],
    ["lifestyle.bmi", 27.5],
    ["chronicity", "chronic"],
    ["lifestyle.smoker", true],
    ["redFlags.fever", false],
    ["redFlags.present", ["fever", "ivDrugUse"]],
    ["history.failedTreatments", []],
  ]);

  it("shows each kind of value as a clinician reads it", () => {
    expect(
      fillTemplate(
        "{phq9.total}|{lifestyle.bmi}|{chronicity}|{lifestyle.smoker}|{redFlags.fever}|{redFlags.present}|{history.failedTreatments}|{gad7.total}",
        facts,
      ),
    ).toBe("14|27.5|chronic|yes|no|fever, ivDrugUse|none|not recorded");
  });

  it("leaves text without placeholders as it is", () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => templateFacts(s).length === 0),
        (text) => {
          expect(fillTemplate(text, facts)).toBe(text);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
