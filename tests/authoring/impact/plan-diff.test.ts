import { describe, expect, it } from "vitest";
import { diffPlans } from "../../../src/authoring/impact/plan-diff.js";
import { ALWAYS, add, planFor, rule } from "../../core/run/compose/fixture.js";

const everyone = rule("everyone", 100, ALWAYS, add("education-reassurance"));
const depression = (threshold: number, details?: string) =>
  rule(
    "depression",
    500,
    `{ fact: phq9.total, operator: greaterThanInclusive, value: ${threshold} }`,
    add("mental-health-referral", "PHQ-9 {phq9.total}", details),
  );
const phq = (total: number) => ({
  patient: { age: 40 },
  pain: { durationWeeks: 3 },
  questionnaires: { phq9: { total } },
});
const NONE = {
  componentsAdded: [],
  componentsRemoved: [],
  details: [],
  reasons: [],
  withheldAdded: [],
  withheldRemoved: [],
  dataGapsAdded: [],
  dataGapsRemoved: [],
  rules: [],
  traceOnly: false,
};

describe("diffPlans", () => {
  it("finds no change between plans of the same rules", () => {
    const plan = planFor([everyone, depression(10)], phq(11));
    expect(diffPlans(plan, planFor([everyone, depression(10)], phq(11)))).toEqual({ change: "none", ...NONE });
  });

  it("ignores the ruleset stamp and the rules' places", () => {
    const before = planFor([everyone, depression(10)], phq(3));
    const after = planFor([depression(10), "\n", everyone], phq(3));
    expect(after.ruleset.digest).not.toBe(before.ruleset.digest);
    expect(diffPlans(before, after).change).toBe("none");
  });

  it("names the components removed and the rule whose outcome changed", () => {
    expect(
      diffPlans(planFor([everyone, depression(10)], phq(11)), planFor([everyone, depression(12)], phq(11))),
    ).toEqual({
      ...NONE,
      change: "listed",
      urgency: { from: "routine", to: "none" },
      componentsRemoved: ["mental-health-referral"],
      rules: [{ rule: "depression", from: "fired", to: "not-fired" }],
    });
  });

  it("names a detail of a kept component with its value on each side, and the plan's urgency it changes", () => {
    const before = planFor([depression(10)], phq(11));
    const after = planFor([depression(10, "{ urgency: same-day, sessions: 2 }")], phq(11));
    expect(diffPlans(before, after)).toEqual({
      ...NONE,
      change: "listed",
      urgency: { from: "routine", to: "same-day" },
      details: [
        { component: "mental-health-referral", field: "urgency", from: "routine", to: "same-day" },
        { component: "mental-health-referral", field: "sessions", from: null, to: 2 },
      ],
    });
  });

  it("names kept components whose reasons changed", () => {
    const other = rule("anyone-referral", 500, ALWAYS, add("mental-health-referral"));
    const diff = diffPlans(planFor([depression(10)], phq(11)), planFor([depression(10), other], phq(11)));
    expect(diff).toEqual({
      ...NONE,
      change: "listed",
      reasons: ["mental-health-referral"],
      rules: [{ rule: "anyone-referral", from: "absent", to: "fired" }],
    });
  });

  it("names status, data gap and withheld changes", () => {
    const asksPhq = depression(10);
    const withholds = rule("no-massage", 100, ALWAYS, '{ withhold: [{ component: massage, reason: "declined" }] }');
    const noPhq = { patient: { age: 40 }, pain: { durationWeeks: 3 } };
    expect(diffPlans(planFor([everyone], noPhq), planFor([everyone, asksPhq, withholds], noPhq))).toEqual({
      ...NONE,
      change: "listed",
      status: { from: "complete", to: "incomplete" },
      withheldAdded: ["massage"],
      dataGapsAdded: ["questionnaires.phq9.items"],
      rules: [
        { rule: "depression", from: "absent", to: "undetermined" },
        { rule: "no-massage", from: "absent", to: "fired" },
      ],
    });
  });

  it("calls a change no list shows 'other' (a withholding reason reworded)", () => {
    const withhold = (reason: string) =>
      rule("no-massage", 100, ALWAYS, `{ withhold: [{ component: massage, reason: "${reason}" }] }`);
    const diff = diffPlans(
      planFor([withhold("declined")], phq(0)),
      planFor([withhold("the patient declined")], phq(0)),
    );
    expect(diff).toEqual({ ...NONE, change: "other" });
  });

  it("calls a change of rule outcomes alone, the plan the same, trace only (a second rule waiting on the same answer)", () => {
    const noPhq = { patient: { age: 40 }, pain: { durationWeeks: 3 } };
    const severe = rule(
      "depression-severe",
      500,
      "{ fact: phq9.total, operator: greaterThanInclusive, value: 20 }",
      add("mental-health-referral", "PHQ-9 {phq9.total}"),
    );
    const diff = diffPlans(
      planFor([everyone, depression(10)], noPhq),
      planFor([everyone, depression(10), severe], noPhq),
    );
    expect(diff).toEqual({
      ...NONE,
      change: "listed",
      traceOnly: true,
      rules: [{ rule: "depression-severe", from: "absent", to: "undetermined" }],
    });
  });

  it("does not call a rule outcome trace only when the plan changed too", () => {
    const other = rule("anyone-referral", 500, ALWAYS, add("mental-health-referral"));
    expect(diffPlans(planFor([depression(10)], phq(11)), planFor([depression(10), other], phq(11))).traceOnly).toBe(
      false,
    );
  });
});
