import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../../../src/core/errors.js";
import { checkRuleset } from "../../../../src/core/load/index.js";
import { packWith, rule, ruleFile } from "../../../arbitraries/ruleset.js";
import { readRuleFiles } from "../../../../src/node/index.js";

/** The threshold-text warnings of a pack, as lint prints them. */
const drifts = (files: Parameters<typeof checkRuleset>[0]): string[] =>
  checkRuleset(files, { today: "2026-12-07" })
    .issues.filter((i) => i.code === "rules/threshold-text")
    .map((i) => formatIssue(i));

/** A one-rule pack: `title` over `when`. */
const withTitle = (title: string, when: string, extra = "") =>
  drifts(
    packWith({ "psych.yaml": ruleFile(rule("r", { when, extra }).replace("title: Rule r", `title: "${title}"`)) }),
  );

/** The bundled pack's fear-avoidance rule as written (title, description and reason say "> 14"), and two more. */
const fearAvoidance = await readRuleFiles(
  fileURLToPath(new URL("../../../fixtures/packs/bundled-excerpt", import.meta.url)),
);

const phq9 = (operator: string, value: number) => `{ fact: phq9.total, operator: ${operator}, value: ${value} }`;

describe("threshold-text", () => {
  it("the issue's example: the value changed to 15, the title left at > 14", () => {
    expect(drifts(fearAvoidance)).toEqual([]);
    const files = fearAvoidance.map((file) =>
      file.path === "impairment.yaml"
        ? {
            ...file,
            text: file.text.replace(
              "{ fact: questionnaires.fabq.physicalActivity, operator: greaterThan, value: 14 }\n            - { fact: questionnaires.tsk.total",
              "{ fact: questionnaires.fabq.physicalActivity, operator: greaterThan, value: 15 }\n            - { fact: questionnaires.tsk.total",
            ),
          }
        : file,
    );
    expect(drifts(files)).toEqual([
      'impairment.yaml:5:45: warning: rule "fear-avoidance": its title says "> 14", but its condition tests questionnaires.fabq.physicalActivity > 15',
      'impairment.yaml:9:91: warning: rule "fear-avoidance": its description says "> 14", but its condition tests questionnaires.fabq.physicalActivity > 15',
      'impairment.yaml:31:26: warning: rule "fear-avoidance": its reason for graded-activity says "> 14", but its condition tests questionnaires.fabq.physicalActivity > 15',
    ]);
  });

  it("reads the same threshold however it is written", () => {
    expect(withTitle("PHQ-9 ≥ 10", phq9("greaterThanInclusive", 10))).toEqual([]);
    expect(withTitle("PHQ-9 >= 10", phq9("greaterThanInclusive", 10))).toEqual([]);
    expect(withTitle("PHQ-9 > 9", phq9("greaterThanInclusive", 10))).toEqual([]); // whole numbers
    expect(withTitle("PHQ-9 > 14", phq9("greaterThan", 14))).toEqual([]);
    expect(withTitle("PHQ-9 of at least 10", phq9("greaterThanInclusive", 10))).toEqual([]);
    expect(withTitle("PHQ-9 of 10 or more", phq9("greaterThanInclusive", 10))).toEqual([]);
    expect(withTitle("PHQ-9 more than 9", phq9("greaterThanInclusive", 10))).toEqual([]);
    expect(withTitle("PHQ-9 under 5", phq9("lessThan", 5))).toEqual([]);
    expect(withTitle("PHQ-9 ≤ 4", `{ not: ${phq9("greaterThan", 4)} }`)).toEqual([]);
  });

  it("warns when the text and the threshold drift apart", () => {
    expect(withTitle("PHQ-9 ≥ 10", phq9("greaterThanInclusive", 11))).toEqual([
      'psych.yaml:3:19: warning: rule "r": its title says "≥ 10", but its condition tests phq9.total ≥ 11',
    ]);
    expect(withTitle("PHQ-9 of 10 or more", phq9("greaterThan", 10))).toEqual([
      'psych.yaml:3:22: warning: rule "r": its title says "10 or more", but its condition tests phq9.total > 10',
    ]);
  });

  it("leaves numbers that describe something else alone", () => {
    // Far from the threshold, in the other direction, or counting another measure.
    expect(withTitle("PHQ-9 ≥ 10 for 6 weeks", phq9("greaterThanInclusive", 10))).toEqual([]);
    expect(withTitle("PHQ-9 ≥ 10, age < 11", phq9("greaterThanInclusive", 10))).toEqual([]);
    expect(withTitle("PHQ-9 ≥ 10 (at most 9 sessions)", phq9("greaterThanInclusive", 10))).toEqual([]);
    expect(withTitle("at least 11 weeks", phq9("greaterThanInclusive", 10))).toEqual([]);
  });

  it("accepts a difference the rule lists as intentional", () => {
    const when = phq9("greaterThanInclusive", 10);
    expect(withTitle("PHQ-9 ≥ 10 (some use ≥ 11)", when)).toHaveLength(1);
    expect(withTitle("PHQ-9 ≥ 10 (some use ≥ 11)", when, 'intentionalThresholds: ["≥ 11"]')).toEqual([]);
  });
});
