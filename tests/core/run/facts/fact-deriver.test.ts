import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deriveFacts, factCatalog, factDeriver } from "../../../../src/core/run/facts/catalog.js";
import { validAssessmentArb } from "../../../arbitraries/assessment.js";

const names = [...factCatalog.keys()];

describe("factDeriver", () => {
  it("gives every named fact as deriveFacts does, and nothing when it is absent there", () => {
    fc.assert(
      fc.property(validAssessmentArb, fc.subarray(names), (assessment, wanted) => {
        const all = deriveFacts(assessment);
        const some = factDeriver(new Set(wanted))(assessment);
        expect(wanted.map((name) => [name, some.get(name)])).toEqual(wanted.map((name) => [name, all.get(name)]));
      }),
      { numRuns: 1000 },
    );
  });

  it("without names, derives every fact", () => {
    fc.assert(
      fc.property(validAssessmentArb, (assessment) => {
        // Entries in order: the same facts, set in the same order.
        expect([...factDeriver()(assessment)]).toEqual([...deriveFacts(assessment)]);
      }),
      { numRuns: 1000 },
    );
  });

  it("skips what no named fact needs", () => {
    const facts = factDeriver(new Set(["phq9.total"]))({
      patient: { age: 40 },
      pain: { durationWeeks: 20 },
      questionnaires: { phq9: { total: 12 } },
    });
    expect([...facts]).toEqual([
      ["phq9.total", 12],
      ["phq9.severity", "moderate"],
    ]);
  });
});
