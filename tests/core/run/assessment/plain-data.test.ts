import { describe, expect, it } from "vitest";
import { safeParseAssessment } from "../../../../src/core/run/assessment/index.js";
import { MAX_LIST_ITEMS } from "../../../../src/core/run/assessment/plain-data.js";
import schema from "../../../../schemas/assessment.schema.json" with { type: "json" };
import { formatIssue } from "../../../../src/core/errors.js";
import { deriveFacts } from "../../../../src/core/run/facts/catalog.js";

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

describe("lists are bounded before schema validation", () => {
  it("refuses a list longer than any the schema allows in one issue, without checking its items", () => {
    // Schema validation reported every item of such a list: 200,000 issues built, 160 MB for 600 KB.
    const result = safeParseAssessment({ ...base, history: { failedTreatments: Array<object>(200_000).fill({}) } });
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([
      "history.failedTreatments: expected at most 100 items, found 200000",
    ]);
  });

  it("lets a list of the longest allowed length through to the schema's own checks", () => {
    const previousComponents = Array.from({ length: MAX_LIST_ITEMS }, (_, i) => `component-${i}`);
    expect(problems({ ...base, followUp: { weeksSinceBaseline: 6, previousComponents } })).toEqual([]);
    expect(
      problems({ ...base, preferences: { activities: Array<string>(MAX_LIST_ITEMS + 1).fill("walking") } }),
    ).toEqual(["preferences.activities: expected at most 100 items, found 101"]);
  });

  it("keeps every list of the schema within the bound (by maxItems, or by a closed list of distinct values)", () => {
    const lists: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (typeof node !== "object" || node === null) return;
      const fields = node as Record<string, unknown>;
      if (fields["type"] === "array") {
        const items = fields["items"] as { enum?: unknown[] } | undefined;
        const bound =
          typeof fields["maxItems"] === "number"
            ? fields["maxItems"]
            : fields["uniqueItems"] === true && items?.enum !== undefined
              ? items.enum.length
              : Infinity;
        if (bound > MAX_LIST_ITEMS) lists.push(path);
      }
      for (const [key, value] of Object.entries(fields)) visit(value, `${path}/${key}`);
    };
    visit(schema, "");
    expect(lists).toEqual([]);
  });
});
