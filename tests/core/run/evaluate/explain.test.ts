import { describe, expect, it } from "vitest";
import { explainCondition } from "../../../../src/core/run/evaluate/explain.js";
import type { FactValue } from "../../../../src/core/run/facts/types.js";

const facts = new Map<string, FactValue>([
  ["phq9.total", 12],
  ["preferences.activities", ["walking"]],
]);

describe("explainCondition", () => {
  it("gives every node its outcome and every leaf the value it saw, or none when absent", () => {
    const explanation = explainCondition(
      {
        any: [
          { fact: "phq9.total", operator: "greaterThanInclusive", value: 10 },
          { not: { fact: "lifestyle.smoker", operator: "equal", value: true } },
          { fact: "preferences.activities", operator: "contains", value: "yoga" },
        ],
      },
      facts,
    );
    expect(explanation).toMatchInlineSnapshot(`
      {
        "children": [
          {
            "condition": {
              "fact": "phq9.total",
              "operator": "greaterThanInclusive",
              "value": 10,
            },
            "kind": "fact",
            "truth": true,
            "value": 12,
          },
          {
            "child": {
              "condition": {
                "fact": "lifestyle.smoker",
                "operator": "equal",
                "value": true,
              },
              "kind": "fact",
              "truth": "unknown",
            },
            "kind": "not",
            "truth": "unknown",
          },
          {
            "condition": {
              "fact": "preferences.activities",
              "operator": "contains",
              "value": "yoga",
            },
            "kind": "fact",
            "truth": false,
            "value": [
              "walking",
            ],
          },
        ],
        "kind": "any",
        "truth": true,
      }
    `);
  });

  it("marks an absent leaf by leaving out its value", () => {
    const explanation = explainCondition(
      { all: [{ fact: "lifestyle.bmi", operator: "greaterThan", value: 30 }] },
      facts,
    );
    expect(explanation).toStrictEqual({
      kind: "all",
      truth: "unknown",
      children: [
        { kind: "fact", truth: "unknown", condition: { fact: "lifestyle.bmi", operator: "greaterThan", value: 30 } },
      ],
    });
  });
});
