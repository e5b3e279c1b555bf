/** `describeCondition`: the one wording of conditions, in its written and plain registers. */
import { describe, expect, it } from "vitest";
import { describeCondition, type SubjectOf } from "../../../src/core/load/describe.js";
import type { Condition } from "../../../src/core/generated/types.js";

const phq9 = (value: number): Condition => ({ fact: "phq9.total", operator: "greaterThanInclusive", value });
const chronicity: Condition = { fact: "chronicity", operator: "in", value: ["acute", "subacute"] };

describe("describeCondition, written", () => {
  it("says a comparison with its operator's symbol, a list as written unless asked bare", () => {
    expect(describeCondition(phq9(10))).toBe("phq9.total ≥ 10");
    expect(describeCondition(chronicity)).toBe("chronicity is one of [acute, subacute]");
    expect(describeCondition(chronicity, { lists: "bare" })).toBe("chronicity is one of acute, subacute");
    expect(describeCondition({ ...chronicity, value: [] }, { lists: "bare" })).toBe("chronicity is one of none");
  });

  it("counts a group's conditions and says not", () => {
    expect(describeCondition({ any: [phq9(10), chronicity, phq9(5)] })).toBe("any of 3 conditions");
    expect(describeCondition({ not: phq9(10) })).toBe("not phq9.total ≥ 10");
    expect(describeCondition({ all: [phq9(10)] }, { negated: true })).toBe("not all of 1 conditions");
  });
});

describe("describeCondition, plain", () => {
  const subject: SubjectOf = (fact) => ({
    label: fact === "phq9.total" ? "PHQ-9 total" : fact,
    type: "integer",
    word: String,
  });

  it("names facts by the caller's subject and reads not over a comparison as its operator's inverse", () => {
    expect(describeCondition({ not: phq9(10) }, { register: "plain", subject })).toEqual({
      kind: "phrase",
      text: "PHQ-9 total < 10",
    });
    expect(
      describeCondition(
        { all: [phq9(5), { fact: "phq9.total", operator: "lessThan", value: 10 }] },
        { register: "plain", subject },
      ),
    ).toEqual({
      kind: "phrase",
      text: "PHQ-9 total ≥ 5 and < 10",
    });
  });
});
