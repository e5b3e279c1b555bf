import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { safeParseAssessment } from "../../../src/core/run/assessment/index.js";
import { generateAssessment, generateCohort } from "../../../src/authoring/cohort/index.js";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("generateAssessment", () => {
  it("is valid for every seed and index (the validator accepts it, no warnings)", () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 32 - 1 }), fc.nat({ max: 1_000_000 }), (seed, index) => {
        const result = safeParseAssessment(generateAssessment(seed, index));
        if (!result.ok) throw new Error(JSON.stringify(result.issues));
        expect(result.warnings).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it("is the same on every call, and names itself by its index", () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 32 - 1 }), fc.nat({ max: 1_000_000 }), (seed, index) => {
        const first = generateAssessment(seed, index);
        expect(generateAssessment(seed, index)).toEqual(first);
        expect(first.id).toBe(`cohort-${index}`);
      }),
      { numRuns: 1000 },
    );
  });

  it("differs from seed to seed", () => {
    const patients = new Set([1, 2, 3, 4, 5].map((seed) => JSON.stringify(generateAssessment(seed, 0))));
    expect(patients.size).toBe(5);
  });

  it("never reads Math.random", () => {
    vi.spyOn(Math, "random").mockImplementation(() => {
      throw new Error("Math.random was called");
    });
    expect(() => generateCohort(500, 9)).not.toThrow();
  });
});

describe("generateCohort", () => {
  it("is deterministic: the same size and seed give a deep-equal cohort", () => {
    expect(generateCohort(300, 42)).toEqual(generateCohort(300, 42));
  });

  it("is a prefix of any larger cohort of the same seed", () => {
    const large = generateCohort(1000, 7);
    expect(generateCohort(100, 7)).toEqual(large.slice(0, 100));
    expect(generateCohort(0, 7)).toEqual([]);
  });

  it("every assessment of a cohort is valid, in order", () => {
    const invalid = generateCohort(2000, 1).filter((a) => !safeParseAssessment(a).ok);
    expect(invalid).toEqual([]);
  });
});
