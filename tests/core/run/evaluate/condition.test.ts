import { describe, expect, it } from "vitest";
import { compileCondition, conditionFacts, leaves } from "../../../../src/core/run/evaluate/condition.js";
import type { FactValue } from "../../../../src/core/run/facts/types.js";
import type { Condition, FactCondition } from "../../../../src/core/generated/types.js";

// Named leaves over three facts: `yes` holds, `no` does not, `gap` reads an absent fact.
const yes: FactCondition = { fact: "phq9.total", operator: "greaterThanInclusive", value: 10 };
const no: FactCondition = { fact: "pain.legPain", operator: "in", value: ["below-knee"] };
const gap: FactCondition = { fact: "lifestyle.smoker", operator: "equal", value: true };
const facts = new Map<string, FactValue>([
  ["phq9.total", 12],
  ["pain.legPain", "none"],
]);

function evaluate(condition: Condition) {
  const missing = new Set<string>();
  const collected = compileCondition(condition)(facts, missing);
  return { truth: compileCondition(condition)(facts), collected, missing: [...missing].sort() };
}

describe("compileCondition", () => {
  it("evaluates a bare leaf on a present fact", () => {
    expect(evaluate(yes)).toEqual({ truth: true, collected: true, missing: [] });
    expect(evaluate(no)).toEqual({ truth: false, collected: false, missing: [] });
  });

  it("makes a leaf on an absent fact unknown and records the fact", () => {
    expect(evaluate(gap)).toEqual({ truth: "unknown", collected: "unknown", missing: ["lifestyle.smoker"] });
  });

  it("decides any[] on a true child and still records an absent sibling when asked", () => {
    expect(evaluate({ any: [yes, gap] })).toEqual({ truth: true, collected: true, missing: ["lifestyle.smoker"] });
  });

  it("decides all[] on a false child and still records an absent sibling when asked", () => {
    expect(evaluate({ all: [no, gap] })).toEqual({ truth: false, collected: false, missing: ["lifestyle.smoker"] });
  });

  it("leaves all[] unknown on a true and an absent child, and any[] on a false and an absent one", () => {
    expect(evaluate({ all: [yes, gap] }).truth).toBe("unknown");
    expect(evaluate({ any: [no, gap] }).truth).toBe("unknown");
  });

  it("negates with not, keeping unknown", () => {
    expect(evaluate({ not: yes }).truth).toBe(false);
    expect(evaluate({ not: no }).truth).toBe(true);
    expect(evaluate({ not: gap })).toEqual({ truth: "unknown", collected: "unknown", missing: ["lifestyle.smoker"] });
  });

  it("evaluates nested conditions", () => {
    const nested: Condition = { all: [yes, { any: [no, { not: no }] }, { not: { all: [no, gap] } }] };
    expect(evaluate(nested)).toEqual({ truth: true, collected: true, missing: ["lifestyle.smoker"] });
    const undecided: Condition = { any: [no, { all: [yes, { not: gap }] }] };
    expect(evaluate(undecided)).toEqual({ truth: "unknown", collected: "unknown", missing: ["lifestyle.smoker"] });
  });

  it("compiles once and evaluates the same closure against many fact sets", () => {
    const test = compileCondition({ all: [yes, { not: gap }] });
    expect(
      test(
        new Map<string, FactValue>([
          ["phq9.total", 12],
          ["lifestyle.smoker", false],
        ]),
      ),
    ).toBe(true);
    expect(
      test(
        new Map<string, FactValue>([
          ["phq9.total", 12],
          ["lifestyle.smoker", true],
        ]),
      ),
    ).toBe(false);
    expect(test(new Map<string, FactValue>([["phq9.total", 3]]))).toBe(false);
  });

  it("rejects an operator the language does not have, at compile time", () => {
    const bad = { fact: "phq9.total", operator: "atLeast", value: 10 } as unknown as Condition;
    expect(() => compileCondition({ all: [bad] })).toThrowErrorMatchingInlineSnapshot(
      `[TypeError: unknown operator "atLeast": expected one of equal, notEqual, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive, in, notIn, contains, doesNotContain]`,
    );
  });
});

describe("leaves and conditionFacts", () => {
  const condition: Condition = { any: [gap, { all: [yes, { not: gap }] }, no] };

  it("lists the comparisons in reading order", () => {
    expect(leaves(condition)).toEqual([gap, yes, gap, no]);
  });

  it("lists the facts read, sorted and unique", () => {
    expect(conditionFacts(condition)).toEqual(["lifestyle.smoker", "pain.legPain", "phq9.total"]);
  });
});
