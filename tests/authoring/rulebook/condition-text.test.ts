import { describe, expect, it } from "vitest";
import type { Condition } from "../../../src/core/generated/types.js";
import { compileRuleset } from "../../../src/core/index.js";
import {
  describeComparison,
  conditionClause,
  type Clause,
  type Wording,
} from "../../../src/authoring/rulebook/condition-text.js";
import { fileKindOf } from "../../../src/core/load/pack-layout.js";
import { bundledFiles } from "../../properties/bundled-pack.js";

// The scenario tests never change a condition: leave them out to compile fast.
const bundled = compileRuleset(bundledFiles.filter((f) => fileKindOf(f.path) !== "scenarios"));
const wording: Wording = { facts: bundled.facts, components: bundled.components };

/** A clause as indented lines: phrases as they are, lists as `lead:` with their items below. */
function lines(clause: Clause, indent = ""): string {
  if (clause.kind === "phrase") return `${indent}${clause.text}`;
  return [`${indent}${clause.lead}:`, ...clause.items.map((item) => lines(item, `${indent}  `))].join("\n");
}

function bundledRule(id: string): string {
  const rule = bundled.rules.find((r) => r.id === id);
  if (rule === undefined) throw new Error(`no rule "${id}" in the bundled pack`);
  return lines(conditionClause(rule.when, wording));
}

const say = (condition: Condition) => lines(conditionClause(condition, wording));

describe("conditionClause on the bundled pack", () => {
  it("reads one threshold as the brief's sentence does", () => {
    expect(bundledRule("depression-moderate-or-worse")).toMatchInlineSnapshot(`"PHQ-9 total ≥ 10"`);
    expect(bundledRule("fear-avoidance")).toMatchInlineSnapshot(
      `"(FABQ physical activity subscale > 14 or TSK-17 total > 37) and (pain duration ≥ 6 weeks or STarT Back total ≥ 4)"`,
    );
  });

  it("merges two bounds on one fact into a range, with units from the label table", () => {
    expect(bundledRule("depression-mild-monitor")).toMatchInlineSnapshot(
      `"PHQ-9 total ≥ 5 and < 10 and PHQ-9 item 9 (thoughts of self-harm) = 0"`,
    );
    expect(bundledRule("older-adult-persistent-pain")).toMatchInlineSnapshot(
      `"age ≥ 65 years and pain duration ≥ 12 weeks"`,
    );
  });

  it("names booleans by their label, and a false one with not", () => {
    expect(bundledRule("obesity-not-pregnant")).toMatchInlineSnapshot(
      `"BMI ≥ 30 kg/m² and (sex is male or age > 55 years or not currently pregnant)"`,
    );
  });

  it("sets out a group of four as a list", () => {
    expect(bundledRule("emergency-cauda-equina")).toMatchInlineSnapshot(`
      "any of:
        saddle anaesthesia
        new bladder or bowel dysfunction
        new or worsening bilateral neurological leg symptoms
        progressive neurological deficit"
    `);
  });

  it("brackets one nested group, and keeps `not` over a group as written", () => {
    expect(bundledRule("emergency-spinal-infection")).toMatchInlineSnapshot(
      `"fever (≥ 38 °C, or systemically unwell) and (intravenous drug use or immunosuppression)"`,
    );
    expect(bundledRule("movement-control-impairment")).toMatchInlineSnapshot(
      `"positive movement control tests ≥ 2 of 6 and pain duration ≥ 6 weeks"`,
    );
  });

  it("merges list values and enum words, and names components by their quoted title", () => {
    expect(bundledRule("cbt-after-failed-treatment")).toMatchInlineSnapshot(`
      "all of:
        pain duration ≥ 12 weeks
        treatments that did not help include exercise, manual therapy, psychological or medication"
    `);
    expect(bundledRule("directional-preference")).toMatchInlineSnapshot(
      `"directional preference is extension, flexion or lateral shift"`,
    );
    expect(bundledRule("nice-manual-therapy-needs-exercise")).toMatchInlineSnapshot(`
      "all of:
        the profile is nice-ng59
        components already in the plan include “Spinal manipulation” or “Massage”
        categories already in the plan include neither physiotherapy nor motor control"
    `);
  });
});

describe("conditionClause's forms", () => {
  const phq9 = (operator: "greaterThanInclusive" | "lessThan", value: number) =>
    ({ fact: "phq9.total", operator, value }) as const;

  it("reads `not` over one comparison as its inverse", () => {
    expect(say({ not: phq9("greaterThanInclusive", 10) })).toBe("PHQ-9 total < 10");
    expect(say({ not: { fact: "lifestyle.smoker", operator: "equal", value: true } })).toBe("not current smoker");
    expect(say({ not: { fact: "pain.legPain", operator: "in", value: ["above-knee", "below-knee"] } })).toBe(
      "leg pain is neither above knee nor below knee",
    );
  });

  it("says none of / not all of for `not` over a group too long for one line", () => {
    const flag = (name: string): Condition => ({ fact: `redFlags.${name}`, operator: "equal", value: true });
    const flags: [Condition, ...Condition[]] = [
      flag("fever"),
      ...["ivDrugUse", "immunosuppression", "osteoporosis", "recentTrauma"].map(flag),
    ];
    expect(say({ not: { any: flags } }).split("\n")[0]).toBe("none of:");
    expect(say({ not: { all: flags } }).split("\n")[0]).toBe("not all of:");
  });

  it("lists a group that nests a bracketed group rather than bracketing twice", () => {
    const deep: Condition = {
      all: [
        phq9("greaterThanInclusive", 5),
        {
          any: [
            { fact: "gad7.total", operator: "greaterThanInclusive", value: 10 },
            { not: { all: [phq9("lessThan", 7), { fact: "patient.age", operator: "lessThan", value: 30 }] } },
          ],
        },
      ],
    };
    expect(say(deep)).toMatchInlineSnapshot(`
      "all of:
        PHQ-9 total ≥ 5
        GAD-7 total ≥ 10 or not (PHQ-9 total < 7 and age < 30 years)"
    `);
  });

  it("words the other operators", () => {
    expect(say({ fact: "patient.sex", operator: "notEqual", value: "male" })).toBe("sex is not male");
    expect(say({ fact: "redFlags.count", operator: "equal", value: 0 })).toBe("number of red flags = 0");
    expect(say({ fact: "redFlags.count", operator: "notEqual", value: 0 })).toBe("number of red flags ≠ 0");
    expect(say({ fact: "odi.percent", operator: "greaterThan", value: 40 })).toBe("ODI > 40%");
    expect(say({ fact: "startBack.risk", operator: "notIn", value: ["low", "medium", "high"] })).toBe(
      "STarT Back risk group is none of low, medium and high",
    );
    expect(say({ fact: "redFlags.present", operator: "contains", value: "historyOfCancer" })).toBe(
      "red flags present include history of cancer",
    );
    const declined = (value: string): Condition => ({
      fact: "preferences.declinedTreatments",
      operator: "doesNotContain",
      value,
    });
    expect(say({ all: [declined("acupuncture"), declined("massage"), declined("spinal-manipulation")] })).toBe(
      "treatments the patient declines include none of acupuncture, massage and spinal manipulation",
    );
  });

  it("names a fact the label table lacks by its description's first phrase", () => {
    expect(say({ fact: "redFlags.saddleAnaesthesia", operator: "equal", value: true })).toBe("saddle anaesthesia");
    expect(say({ fact: "examination.hipInternalRotationOver35", operator: "equal", value: true })).toBe(
      "internal rotation of at least one hip > 35°",
    );
  });

  it("words one comparison alone for coverage notes, as written (no inversion)", () => {
    expect(describeComparison(phq9("lessThan", 10), wording)).toBe("PHQ-9 total < 10");
  });
});
