/** `conditionPlaces`: where each part of a rule is written, found again from the rule files. */
import { describe, expect, it } from "vitest";
import { conditionPlaces } from "../../../src/authoring/scenarios/coverage-places.js";
import { minimalPack, rule, ruleFile } from "../../arbitraries/ruleset.js";

describe("conditionPlaces", () => {
  const places = conditionPlaces([
    ...minimalPack(),
    {
      path: "more/other.yaml",
      text: ruleFile(rule("other", { when: "{ not: { fact: chronicity, operator: equal, value: acute } }" })),
    },
    { path: "broken.yaml", text: "rules: [" },
  ]);

  it("finds a rule's comparisons in whichever rule file holds it", () => {
    expect(places("depression-referral", "/when/all/0")).toEqual({ file: "psych.yaml", line: 8, column: 11 });
    expect(places("education-for-all", "/when")).toEqual({ file: "psych.yaml", line: 17, column: 11 });
    expect(places("other", "/when/not")).toEqual({ file: "more/other.yaml", line: 5, column: 18 });
  });

  it("places nothing for a rule it cannot find, and reads no scenario or catalog file as rules", () => {
    expect(places("no-such-rule", "/when")).toBeUndefined();
    expect(places("low mood", "")).toBeUndefined();
  });
});
