import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeParseAssessment } from "../../../../src/core/run/assessment/index.js";
import { deriveFacts, factCatalog } from "../../../../src/core/run/facts/catalog.js";
import type { FactDefinition, FactValue } from "../../../../src/core/run/facts/types.js";
import { cohort, validAssessmentArb } from "../../../arbitraries/assessment.js";

/** Why a value does not fit its definition, or undefined when it does. */
function misfit(definition: FactDefinition, value: FactValue): string | undefined {
  const { type, enum: allowed, openEnum, minimum = -Infinity, maximum = Infinity } = definition;
  switch (type) {
    case "integer":
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) return "not a number";
      if (type === "integer" && !Number.isInteger(value)) return "not an integer";
      return value < minimum || value > maximum ? `out of ${minimum}–${maximum}` : undefined;
    case "boolean":
      return typeof value === "boolean" ? undefined : "not a boolean";
    case "string":
      if (typeof value !== "string") return "not a string";
      return allowed === undefined || allowed.includes(value) ? undefined : "not in its enum";
    case "string-list":
      if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) return "not a list of strings";
      return allowed === undefined || openEnum === true || value.every((item) => allowed.includes(item))
        ? undefined
        : "not in its enum";
  }
}

const numericFields = [...factCatalog.values()].filter((d) => d.origin === "assessment" && d.maximum !== undefined);

describe("generated assessments", () => {
  it("always validate, and derive facts that fit the catalog's types and ranges", () => {
    fc.assert(
      fc.property(validAssessmentArb, (assessment) => {
        const before = JSON.stringify(assessment);
        const result = safeParseAssessment(assessment);
        expect(result.ok ? [] : result.issues).toEqual([]);
        const facts = deriveFacts(assessment);
        for (const [name, value] of facts) {
          const definition = factCatalog.get(name);
          expect([name, definition === undefined ? "not in the catalog" : misfit(definition, value)]).toEqual([
            name,
            undefined,
          ]);
        }
        expect(deriveFacts(assessment)).toEqual(facts);
        expect(JSON.stringify(assessment)).toBe(before);
      }),
      { numRuns: 1000 },
    );
  });

  it("report a number pushed past its maximum as exactly that one issue", () => {
    fc.assert(
      fc.property(validAssessmentArb, fc.constantFrom(...numericFields), (assessment, definition) => {
        const corrupted: Record<string, unknown> = structuredClone({ ...assessment });
        const keys = definition.name.split(".");
        let holder = corrupted;
        for (const key of keys.slice(0, -1)) holder = (holder[key] ??= {}) as Record<string, unknown>;
        holder[keys.at(-1) ?? ""] = (definition.maximum ?? 0) + 1;
        const result = safeParseAssessment(corrupted);
        expect(result.ok ? [] : result.issues.map((i) => [i.code, i.path])).toEqual([
          ["assessment/out-of-range", `/${keys.join("/")}`],
        ]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("cohort", () => {
  it("is deterministic for a seed and differs across seeds", () => {
    expect(cohort(50, 7)).toEqual(cohort(50, 7));
    expect(cohort(50, 7)).not.toEqual(cohort(50, 8));
    expect(cohort(50, 7)).toHaveLength(50);
  });

  it("is realistic: most groups present, red flags rare, every form of each instrument seen", () => {
    const sample = cohort(2000, 1);
    const share = (test: (a: (typeof sample)[number]) => boolean) => sample.filter(test).length / sample.length;
    expect(share((a) => a.redFlags !== undefined)).toBeGreaterThan(0.8);
    expect(share((a) => a.questionnaires !== undefined)).toBeGreaterThan(0.8);
    expect(share((a) => Object.values(a.redFlags ?? {}).includes(true))).toBeLessThan(0.15);
    expect(share((a) => Object.values(a.redFlags ?? {}).includes(true))).toBeGreaterThan(0.01);
    expect(share((a) => a.questionnaires?.phq9?.items !== undefined)).toBeGreaterThan(0.1);
    expect(
      share((a) => a.questionnaires?.phq9?.items === undefined && a.questionnaires?.phq9?.total !== undefined),
    ).toBeGreaterThan(0.1);
    expect(share((a) => a.patient.pregnant === true)).toBeGreaterThan(0);
  });
});
