import { describe, expect, it } from "vitest";
import { createEngine } from "../../../../src/core/run/engine.js";
import { validatePlan } from "../../../../src/core/generated/validators.js";
import { compileRuleset } from "../../../../src/core/load/index.js";
import { packWith, rule, ruleFile } from "../../../arbitraries/ruleset.js";

const pack = packWith({
  "psych.yaml": ruleFile(
    rule("active-rule", { extra: "owner: MSK team\nreviewedBy: Dr A\nreviewedOn: 2026-01-05\nreviewDue: 2027-01-05" }),
    rule("draft-rule", { extra: "status: draft", when: "{ fact: chronicity, operator: equal, value: chronic }" }),
    rule("retired-rule", { extra: "status: retired", when: "{ fact: chronicity, operator: equal, value: chronic }" }),
  ),
});
const chronic = { patient: { age: 40 }, pain: { durationWeeks: 20 } };
const ids = (rules: readonly { id: string }[]) => rules.map((r) => r.id);

describe("rule governance", () => {
  it("runs active rules only by default, keeping the others as inactive", () => {
    const ruleset = compileRuleset(pack);
    expect(ids(ruleset.rules)).toEqual(["active-rule"]);
    expect(ids(ruleset.inactive)).toEqual(["draft-rule", "retired-rule"]);
    expect(ruleset.drafts).toEqual([]);
    const plan = createEngine(ruleset).recommend(chronic);
    expect(plan.ruleset).not.toHaveProperty("drafts");
    expect(plan.trace.map((t) => t.rule)).toEqual(["active-rule"]);
  });

  it("runs drafts with includeDrafts and stamps them on the plan; retired rules never run", () => {
    const ruleset = compileRuleset(pack, { includeDrafts: true });
    expect(ids(ruleset.rules)).toEqual(["active-rule", "draft-rule"]);
    expect(ids(ruleset.inactive)).toEqual(["retired-rule"]);
    const plan = createEngine(ruleset).recommend(chronic);
    expect(plan.ruleset.drafts).toEqual(["draft-rule"]);
    expect(plan.trace.find((t) => t.rule === "draft-rule")?.outcome).toBe("fired");
    expect(validatePlan(plan)).toBe(true);
  });

  it("keeps the metadata as written, with the status defaulted", () => {
    const ruleset = compileRuleset(pack);
    expect(ruleset.rules[0]?.governance).toEqual({
      status: "active",
      owner: "MSK team",
      reviewedBy: "Dr A",
      reviewedOn: "2026-01-05",
      reviewDue: "2027-01-05",
    });
    expect(ruleset.inactive.map((r) => r.governance)).toEqual([{ status: "draft" }, { status: "retired" }]);
  });

  it("judges overdue reviews only against the date it is given", () => {
    const overdue = (today?: string) =>
      compileRuleset(pack, today === undefined ? {} : { today }).warnings.filter(
        (w) => w.code === "governance/review-overdue",
      ).length;
    expect(overdue()).toBe(0);
    expect(overdue("2027-01-05")).toBe(0);
    expect(overdue("2027-01-06")).toBe(1);
  });

  it("rejects an unknown status", () => {
    expect(() => compileRuleset(packWith({ "psych.yaml": ruleFile(rule("r", { extra: "status: pending" })) }))).toThrow(
      /status/,
    );
  });
});
