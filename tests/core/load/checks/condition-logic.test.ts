import { describe, expect, it } from "vitest";
import { checkRuleset } from "../../../../src/core/load/index.js";
import { packWith, rule, ruleFile } from "../../../arbitraries/ruleset.js";
import { found } from "./helpers.js";

const withCondition = (when: string) => packWith({ "psych.yaml": ruleFile(rule("r", { when })) });
const PHQ = (operator: string, value: string) => `{ fact: phq9.total, operator: ${operator}, value: ${value} }`;

describe("each finding sits on the node it is about", () => {
  it("a contradiction on the comparison that completes it; the pack does not compile", () => {
    const files = withCondition(`{ all: [${PHQ("greaterThanInclusive", "10")}, ${PHQ("lessThan", "5")}] }`);
    expect(found(files, "rules/")).toEqual(["rules/contradiction psych.yaml:5:84 /rules/0/when/all/1"]);
    expect(checkRuleset(files).ruleset).toBeUndefined();
  });

  it("nothing on a retired rule, which never runs: it cannot block the pack", () => {
    const when = `{ all: [${PHQ("greaterThanInclusive", "10")}, ${PHQ("lessThan", "5")}] }`;
    const files = packWith({ "psych.yaml": ruleFile(rule("r", { when, extra: "status: retired" })) });
    expect(found(files, "rules/")).toEqual([]);
    expect(checkRuleset(files).ruleset?.inactive.map((r) => r.id)).toEqual(["r"]);
  });

  it("a comparison that can never hold (an error) or always holds (a warning), at the comparison", () => {
    expect(found(withCondition(`{ any: [${PHQ("greaterThan", "30")}, ${PHQ("in", "[]")}] }`), "rules/")).toEqual([
      "rules/never-holds psych.yaml:5:19 /rules/0/when/any/0",
      "rules/never-holds psych.yaml:5:75 /rules/0/when/any/1",
    ]);
    const vacuous = withCondition(
      `{ all: [${PHQ("greaterThanInclusive", "0")}, { fact: redFlags.fever, operator: equal, value: true }] }`,
    );
    expect(found(vacuous, "rules/")).toEqual(["rules/always-holds psych.yaml:5:19 /rules/0/when/all/0"]);
    expect(checkRuleset(vacuous).ruleset).toBeDefined();
  });

  it("a duplicate on the second, a fraction on its comparison, an unmatchable item on the item", () => {
    expect(
      found(
        withCondition(`{ any: [${PHQ("greaterThan", "9.5")}, ${PHQ("in", "[1, 30]")}, ${PHQ("greaterThan", "9.5")}] }`),
        "rules/",
      ),
    ).toEqual([
      "rules/fractional-threshold psych.yaml:5:19 /rules/0/when/any/0",
      "rules/value-range psych.yaml:5:121 /rules/0/when/any/1/value/1",
      "rules/duplicate-condition psych.yaml:5:128 /rules/0/when/any/2",
      "rules/fractional-threshold psych.yaml:5:128 /rules/0/when/any/2",
    ]);
  });
});

describe("a rule for everyone with an answer recorded", () => {
  it("is left alone when presence tests are all its condition says", () => {
    const everyone =
      "{ all: [{ fact: chronicity, operator: in, value: [acute, subacute, chronic] }, { fact: pain.durationWeeks, operator: greaterThanInclusive, value: 0 }] }";
    expect(found(withCondition(everyone), "rules/")).toEqual([]);
    expect(found(withCondition(PHQ("lessThanInclusive", "27")), "rules/")).toEqual([]);
  });

  it("but not when the presence test sits beside a real test, or in an any", () => {
    const beside = `{ any: [${PHQ("greaterThanInclusive", "0")}, { fact: redFlags.fever, operator: equal, value: true }] }`;
    expect(found(withCondition(beside), "rules/")).toEqual(["rules/always-holds psych.yaml:5:19 /rules/0/when/any/0"]);
  });

  it("but not when an any (the all/any slip) or a not is what always holds, alone or under an all", () => {
    const slip = `{ any: [${PHQ("greaterThanInclusive", "10")}, ${PHQ("lessThan", "12")}] }`;
    expect(found(withCondition(slip), "rules/")).toEqual(["rules/always-holds psych.yaml:5:11 /rules/0/when"]);
    expect(found(withCondition(`{ all: [${slip}] }`), "rules/")).toEqual([
      "rules/always-holds psych.yaml:5:19 /rules/0/when/all/0",
    ]);
  });
});

it("checks every rule whose condition is readable, whatever schema errors other rules have", () => {
  const broken = rule("broken", { when: "{ fact: phq9.total, operator: greaterThan }" });
  const typo = rule("typo", {
    when: `{ all: [${PHQ("greaterThan", "20")}, ${PHQ("lessThan", "10")}] }`,
    extra: "prority: 3",
  });
  const files = packWith({ "psych.yaml": ruleFile(broken, typo) });
  expect(found(files, "")).toEqual([
    "schema/missing-key psych.yaml:5:11 /rules/0/when",
    "rules/contradiction psych.yaml:13:75 /rules/1/when/all/1",
    "schema/unknown-key psych.yaml:18:5 /rules/1/prority",
  ]);
});
