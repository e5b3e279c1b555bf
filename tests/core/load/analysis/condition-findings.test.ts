import { describe, expect, it } from "vitest";
import { factCatalog } from "../../../../src/core/run/facts/catalog.js";
import type { Condition } from "../../../../src/core/generated/types.js";
import { conditionFindings, type ConditionFinding } from "../../../../src/core/load/analysis/condition-findings.js";

/** Each finding as `kind path` (plus what it names), for compact expectations. */
function found(condition: Condition): string[] {
  return conditionFindings(condition, { facts: factCatalog }).map((f: ConditionFinding) => {
    const at = `${f.kind} ${f.node.path || "/"}${f.node.negated ? " (negated)" : ""}`;
    switch (f.kind) {
      case "contradiction":
        return `${at} with ${f.conflicts.map((c) => c.path).join(", ")}`;
      case "duplicate":
        return `${at} repeats ${f.first.path} in ${f.within}`;
      case "fractional-threshold":
        return `${at} means ${f.operator} ${f.value}`;
      case "unmatchable-value":
        return `${at} item ${f.index}`;
      case "always-holds":
        return `${at} on ${f.facts.join(", ")}`;
      case "never-holds":
        return at;
    }
  });
}

const phq = (operator: string, value: unknown) => ({ fact: "phq9.total", operator, value }) as Condition;

describe("contradictions sit on the comparison that completes them", () => {
  it("names the earlier comparison it conflicts with", () => {
    expect(
      found({
        all: [
          phq("greaterThanInclusive", 10),
          { fact: "redFlags.fever", operator: "equal", value: true },
          phq("lessThan", 5),
        ],
      }),
    ).toEqual(["contradiction /all/2 with /all/0"]);
  });

  it("names every earlier one when no single one conflicts", () => {
    expect(found({ all: [phq("greaterThan", 5), phq("lessThan", 20), phq("in", [1, 25])] })).toEqual([
      "contradiction /all/2 with /all/0, /all/1",
    ]);
  });

  it("reads through not and any: not (a or b) is an all", () => {
    expect(found({ not: { any: [phq("lessThan", 10), phq("greaterThan", 5)] } })).toEqual([
      "contradiction /not/any/1 (negated) with /not/any/0",
    ]);
  });

  it("reports a contradiction once, where it is, not again on the all around it", () => {
    const inner: Condition = { all: [phq("greaterThan", 20), phq("lessThan", 10)] };
    expect(found({ all: [inner, { fact: "redFlags.fever", operator: "equal", value: true }] })).toEqual([
      "contradiction /all/0/all/1 with /all/0/all/0",
    ]);
  });
});

describe("comparisons that never or always hold", () => {
  it("on the comparison itself, negated or not", () => {
    expect(found(phq("greaterThan", 27))).toEqual(["never-holds /"]);
    expect(found({ not: phq("greaterThan", 27) })).toEqual(["always-holds /not (negated) on phq9.total"]);
    expect(found({ any: [phq("in", []), phq("greaterThanInclusive", 0)] })).toEqual([
      "never-holds /any/0",
      "always-holds /any/1 on phq9.total",
    ]);
  });

  it("an any whose branches together cover every value, though none does alone", () => {
    expect(
      found({
        any: [phq("lessThan", 10), { fact: "gad7.total", operator: "greaterThan", value: 3 }, phq("greaterThan", 9)],
      }),
    ).toEqual(["always-holds / on phq9.total, gad7.total"]);
  });
});

describe("values", () => {
  it("a fraction on a whole-number fact means the next whole threshold", () => {
    expect(found(phq("greaterThan", 9.5))).toEqual(["fractional-threshold / means greaterThanInclusive 10"]);
    expect(found(phq("lessThanInclusive", 9.5))).toEqual(["fractional-threshold / means lessThanInclusive 9"]);
    expect(found(phq("greaterThanInclusive", 9.5))).toEqual(["fractional-threshold / means greaterThanInclusive 10"]);
    expect(found(phq("lessThan", 9.5))).toEqual(["fractional-threshold / means lessThanInclusive 9"]);
    expect(found(phq("equal", 9.5))).toEqual(["never-holds /"]);
  });

  it("list items no value can equal", () => {
    expect(found(phq("in", [5, 30, 7.5]))).toEqual(["unmatchable-value / item 1", "unmatchable-value / item 2"]);
  });
});

describe("duplicates", () => {
  it("the same comparison twice, or an equivalent one, in one all or any", () => {
    expect(found({ any: [phq("greaterThanInclusive", 10), phq("lessThan", 3), phq("greaterThan", 9)] })).toEqual([
      "duplicate /any/2 repeats /any/0 in any",
    ]);
    const fever = { fact: "redFlags.fever", operator: "equal", value: true } as Condition;
    expect(found({ all: [fever, fever] })).toEqual(["duplicate /all/1 repeats /all/0 in all"]);
  });
});

it("finds nothing in a sound condition, nor in comparisons the checker rejects", () => {
  expect(found({ all: [phq("greaterThanInclusive", 10), { not: phq("greaterThan", 20) }] })).toEqual([]);
  expect(found({ all: [phq("equal", "ten"), { fact: "chronicity", operator: "equal", value: "sometimes" }] })).toEqual(
    [],
  );
});
