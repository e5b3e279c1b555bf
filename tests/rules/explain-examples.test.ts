/** The bundled pack explains the README's example assessments: real rules, real outcomes. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/core/run/engine.js";
import { explainPlan, type Explanation, type RuleExplanation } from "../../src/core/present/explain/index.js";
import { loadRuleset, readAssessmentFile } from "../../src/node/index.js";
import { ROOT } from "../cli/run-main.js";

const engine = createEngine(await loadRuleset());
const explain = async (example: string): Promise<Explanation> =>
  explainPlan(engine, await readAssessmentFile(join(ROOT, "examples", example)));

function ruleIn(explanation: Explanation, id: string): RuleExplanation {
  const found = explanation.rules.find((r) => r.rule === id);
  if (found === undefined) throw new Error(`no explanation for rule ${id}`);
  return found;
}

describe("explaining the bundled pack's examples", () => {
  it("chronic high risk: start-back-high fired on the STarT Back values, with its reasons filled in", async () => {
    const explanation = await explain("chronic-high-risk.yaml");
    expect(explanation.summary.status).toBe("complete");
    const rule = ruleIn(explanation, "start-back-high");
    expect(rule).toMatchObject({ outcome: "fired", priority: 500, source: "stratification.yaml:68" });
    if (rule.outcome !== "fired") return;
    expect(rule.because.map((f) => f.text)).toEqual([
      "startBack.total ≥ 4 (found 7)",
      "startBack.psychosocial ≥ 4 (found 4)",
    ]);
    expect(rule.adds.map((a) => a.component)).toEqual(["physiotherapy-exercise", "psychologically-informed-pt"]);
    expect(rule.adds[0]?.reason).toContain("STarT Back psychosocial subscore 4 (≥ 4), total 7");
    expect(rule.adds.every((a) => a.withheldBy === undefined)).toBe(true);
  });

  it("chronic high risk: the patient's refusal withholds acupuncture; a rule on the mild band did not fire", async () => {
    const explanation = await explain("chronic-high-risk.yaml");
    expect(ruleIn(explanation, "acupuncture-declined")).toMatchObject({
      outcome: "fired",
      because: [{ text: "preferences.declinedTreatments includes acupuncture (found acupuncture)" }],
      withholds: [{ component: "acupuncture", withheld: ["acupuncture"] }],
    });
    expect(ruleIn(explanation, "depression-mild-monitor")).toMatchObject({
      outcome: "not-fired",
      failed: [{ text: "phq9.total < 10 (found 11)" }],
    });
  });

  it("missing PHQ-9: the depression rules wait on the questionnaire, a data gap each answer alone decides", async () => {
    const explanation = await explain("missing-phq9.json");
    expect(explanation.summary.status).toBe("incomplete");
    expect(ruleIn(explanation, "depression-moderate-or-worse")).toMatchObject({
      outcome: "undetermined",
      open: [{ text: "phq9.total ≥ 10 (not recorded)" }],
      missing: [
        {
          field: "questionnaires.phq9.items",
          facts: ["phq9.total"],
          with: [],
          alone: ["fired", "not-fired"],
          dataGap: true,
        },
      ],
    });
  });

  it("missing answers of a decision rule: each of the Flynn criteria left open could alone rule it out", async () => {
    const rule = ruleIn(await explain("missing-phq9.json"), "flynn-manipulation-rule");
    expect(rule.outcome === "undetermined" && rule.missing.map((m) => [m.field, m.alone])).toEqual([
      ["examination.hipInternalRotationOver35", ["not-fired"]],
      ["examination.lumbarHypomobility", ["not-fired"]],
      ["questionnaires.fabq.work", ["not-fired"]],
      ["work.status", ["not-fired"]],
    ]);
  });

  it("cauda equina: the halt, and every rule below it marked, its open answers no data gaps", async () => {
    const explanation = await explain("red-flag-cauda-equina.json");
    expect(explanation.summary).toMatchObject({ status: "urgent", halt: { rule: "emergency-cauda-equina" } });
    const cauda = ruleIn(explanation, "emergency-cauda-equina");
    expect(cauda.outcome === "fired" && cauda.halts).toMatch(/^Withheld: suspected cauda equina syndrome/);
    const below = explanation.rules.filter((r) => r.priority < 1000);
    expect(below.length).toBeGreaterThan(0);
    expect(below.every((r) => r.belowHaltOf === "emergency-cauda-equina")).toBe(true);
    const open = below.flatMap((r) => (r.outcome === "undetermined" ? r.missing : []));
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((m) => !m.dataGap)).toBe(true);
  });
});
