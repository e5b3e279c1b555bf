import { describe, expect, it } from "vitest";
import { operators } from "../../../../src/core/run/evaluate/operators/index.js";
import type { FactType } from "../../../../src/core/run/facts/types.js";
import { packWith, rule, ruleFile } from "../../../arbitraries/ruleset.js";
import { found } from "./helpers.js";

const withCondition = (when: string) => packWith({ "psych.yaml": ruleFile(rule("r", { when })) });

/** A fact of each type, and a value of that type to compare it with. */
const SAMPLES: Readonly<Record<FactType, { fact: string; value: string }>> = {
  integer: { fact: "phq9.total", value: "10" },
  number: { fact: "pain.durationWeeks", value: "6" },
  boolean: { fact: "redFlags.fever", value: "true" },
  string: { fact: "chronicity", value: "acute" },
  "string-list": { fact: "history.failedTreatments", value: "exercise" },
};

describe("operators against fact types, as the operator registry declares them", () => {
  for (const operator of operators.values()) {
    for (const [type, { fact, value }] of Object.entries(SAMPLES)) {
      const applies = operator.factTypes.includes(type as FactType);
      it(`${operator.name} on a ${type} fact: ${applies ? "accepted" : "rejected"}`, () => {
        const written = operator.value === "list" ? `[${value}]` : value;
        const codes = found(
          withCondition(`{ fact: ${fact}, operator: ${operator.name}, value: ${written} }`),
          "rules/",
        );
        expect(codes).toEqual(
          applies ? [] : [expect.stringMatching(/^rules\/operator-type psych\.yaml:5:\d+ \/rules\/0\/when\/operator$/)],
        );
      });
    }
  }
});

describe("values against the fact", () => {
  it("in/notIn take a list, the others one value", () => {
    expect(found(withCondition("{ fact: phq9.total, operator: notIn, value: 3 }"), "rules/")).toEqual([
      "rules/value-shape psych.yaml:5:55 /rules/0/when/value",
    ]);
    expect(found(withCondition("{ fact: redFlags.fever, operator: equal, value: [true] }"), "rules/")).toEqual([
      "rules/value-shape psych.yaml:5:59 /rules/0/when/value",
    ]);
  });

  it("a value of another type than its fact, each list item on its own", () => {
    expect(found(withCondition("{ fact: redFlags.fever, operator: equal, value: 'true' }"), "rules/")).toEqual([
      "rules/value-type psych.yaml:5:59 /rules/0/when/value",
    ]);
    expect(found(withCondition("{ fact: phq9.total, operator: in, value: [1, '2', 3, true] }"), "rules/")).toEqual([
      "rules/value-type psych.yaml:5:56 /rules/0/when/value/1",
      "rules/value-type psych.yaml:5:64 /rules/0/when/value/3",
    ]);
    expect(found(withCondition("{ fact: history.failedTreatments, operator: contains, value: 3 }"), "rules/")).toEqual([
      "rules/value-type psych.yaml:5:72 /rules/0/when/value",
    ]);
  });

  it("a string outside a closed enum, but any string for an open one", () => {
    expect(
      found(withCondition("{ fact: history.failedTreatments, operator: contains, value: yoga }"), "rules/"),
    ).toEqual(["rules/value-enum psych.yaml:5:72 /rules/0/when/value"]);
    expect(
      found(withCondition("{ fact: preferences.activities, operator: contains, value: bouldering }"), "rules/"),
    ).toEqual([]);
  });

  it("leaves a number outside the fact's range to condition-logic, which tells never from always", () => {
    const files = withCondition(
      "{ any: [{ fact: phq9.total, operator: greaterThan, value: 27.5 }, { fact: phq9.total, operator: lessThan, value: -1 }] }",
    );
    expect(found(files, "rules/").filter((line) => line.startsWith("rules/value-"))).toEqual([]);
  });

  it("context facts name the pack's own profiles, components and categories", () => {
    const when = `{ all: [
      { fact: profile, operator: in, value: [nice-ng59, who-2023] },
      { fact: plan.components, operator: contains, value: massage },
      { fact: plan.categories, operator: doesNotContain, value: surgery }] }`;
    expect(found(withCondition(when), "rules/")).toEqual([
      "rules/unknown-profile psych.yaml:6:61 /rules/0/when/all/0/value/1",
      "rules/unknown-component psych.yaml:7:63 /rules/0/when/all/1/value",
      "rules/unknown-category psych.yaml:8:69 /rules/0/when/all/2/value",
    ]);
  });
});
