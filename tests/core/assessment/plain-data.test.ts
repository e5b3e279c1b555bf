import { describe, expect, it } from "vitest";
import { safeParseAssessment } from "../../../src/core/assessment/index.js";
import { formatIssue } from "../../../src/core/errors.js";
import { deriveFacts } from "../../../src/core/facts/catalog.js";

const base = { patient: { age: 40 }, pain: { durationWeeks: 2 } };
const problems = (input: unknown) => {
  const result = safeParseAssessment(input);
  return result.ok ? [] : result.issues.map(formatIssue);
};

describe("only plain data is an assessment", () => {
  it("rejects a Map, a Set or an instance where an object belongs, instead of reading it as empty", () => {
    class Answers {
      saddleAnaesthesia = true;
    }
    expect(problems({ ...base, redFlags: new Map([["saddleAnaesthesia", true]]) })).toEqual([
      "redFlags: expected plain data (an object or a list), found a Map",
    ]);
    expect(problems({ ...base, preferences: { activities: new Set(["walking"]) } })).toEqual([
      "preferences.activities: expected plain data (an object or a list), found a Set",
    ]);
    expect(problems({ ...base, redFlags: new Answers() })).toEqual([
      "redFlags: expected plain data (an object or a list), found an instance of Answers",
    ]);
    expect(problems({ ...base, patient: Object.create({ age: 40 }) as object })).toEqual([
      "patient: expected plain data (an object or a list), found an object with a prototype of its own",
    ]);
  });

  it("accepts objects without a prototype", () => {
    const redFlags = Object.assign(Object.create(null) as object, { fever: false });
    expect(problems({ ...base, redFlags })).toEqual([]);
  });

  it("never reads an answer inherited from a polluted Object.prototype", () => {
    Object.defineProperty(Object.prototype, "saddleAnaesthesia", { value: true, configurable: true });
    try {
      const facts = deriveFacts({ ...base, redFlags: { fever: false } });
      expect(facts.has("redFlags.saddleAnaesthesia")).toBe(false);
      expect(facts.get("redFlags.fever")).toBe(false);
    } finally {
      delete (Object.prototype as Record<string, unknown>)["saddleAnaesthesia"];
    }
  });

  it("rejects control characters in the id and in free text, so a rendered plan cannot be forged", () => {
    expect(problems({ ...base, id: "x\r\nDATA GAPS (0)" })).toEqual([
      'id: "x\\r\\nDATA GAPS (0)" is not in the expected format, e.g. "visit-2026-11-23-0042"',
    ]);
    expect(problems({ ...base, preferences: { activities: ["walk\u001b[31m"] } })).toHaveLength(1);
  });
});
