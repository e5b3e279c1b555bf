import { describe, expect, it } from "vitest";
import { ALWAYS, BASE, add, packOf, planFor, rule } from "./fixture.js";

const ids = (list: readonly { id: string }[]) => list.map((c) => c.id);

describe("compose: adding", () => {
  it("lists a component added by several rules once, with every reason and all their evidence", () => {
    const plan = planFor([
      rule("b-rule", 100, ALWAYS, add("education-reassurance", "reason b"), "[nice-ng59]"),
      rule("a-rule", 200, ALWAYS, add("education-reassurance", "reason a"), "[kroenke-2001]"),
    ]);
    expect(plan.components).toHaveLength(1);
    expect(plan.components[0]?.reasons).toEqual([
      { rule: "a-rule", text: "reason a" },
      { rule: "b-rule", text: "reason b" },
    ]);
    expect(plan.components[0]?.evidence.map((e) => e.id)).toEqual(["kroenke-2001", "nice-ng59"]);
  });

  it("merges details over the catalog's: the higher priority wins", () => {
    const plan = planFor([
      rule("low", 100, ALWAYS, add("physiotherapy-exercise", "r", "{ sessions: 2, duration: 4 weeks }")),
      rule("high", 300, ALWAYS, add("physiotherapy-exercise", "r", "{ sessions: 8 }")),
    ]);
    expect(plan.components[0]?.details).toEqual({ sessions: 8, frequency: "weekly", duration: "4 weeks" });
  });

  it("refuses rules of one priority that give one component different details (never decided by rule id)", () => {
    expect(() =>
      packOf(
        rule("high-b", 300, ALWAYS, add("physiotherapy-exercise", "r", "{ sessions: 9 }")),
        rule("high-a", 300, ALWAYS, add("physiotherapy-exercise", "r", "{ sessions: 8 }")),
      ),
    ).toThrow(
      /psych\.yaml:12:90: error: rule "high-a" gives physiotherapy-exercise sessions 8 where rule "high-b" \(line 2\), of the same priority, gives 9/,
    );
  });

  it("gathers list details from every rule, most important first, each item once, beside the winning scalars", () => {
    const plan = planFor(
      [
        rule("low", 100, ALWAYS, add("physiotherapy-exercise", "r", '{ avoid: ["b", "shared"], sessions: 2 }')),
        rule("high", 300, ALWAYS, add("physiotherapy-exercise", "r", '{ avoid: ["a", "shared"], cautions: ["c"] }')),
        rule("peer", 300, ALWAYS, add("physiotherapy-exercise", "r", '{ avoid: ["z"] }')),
      ],
      BASE,
    );
    expect(plan.components[0]?.details).toEqual({
      sessions: 2,
      frequency: "weekly",
      avoid: ["a", "shared", "z", "b"],
      cautions: ["c"],
    });
  });

  it("lets rules of one priority give one component different list details: they gather, never compete", () => {
    expect(() =>
      packOf(
        rule("b", 300, ALWAYS, add("physiotherapy-exercise", "r", '{ consider: ["x"] }')),
        rule("a", 300, ALWAYS, add("physiotherapy-exercise", "r", '{ consider: ["y"] }')),
      ),
    ).not.toThrow();
  });

  it("fills {fact} placeholders in the items of list details", () => {
    const plan = planFor([
      rule("r", 100, ALWAYS, add("physiotherapy-exercise", "r", '{ cautions: ["age {patient.age}"] }')),
    ]);
    expect(plan.components[0]?.details.cautions).toEqual(["age 40"]);
  });

  it("fills {fact} placeholders in reasons and details with the patient's values", () => {
    const plan = planFor(
      [
        rule(
          "r",
          100,
          ALWAYS,
          add("physiotherapy-exercise", "{pain.durationWeeks} weeks, {chronicity}", '{ notes: "PHQ-9 {phq9.total}" }'),
        ),
      ],
      { ...BASE, questionnaires: { phq9: { total: 12, item9: 0 } } },
    );
    expect(plan.components[0]?.reasons[0]?.text).toBe("3 weeks, acute");
    expect(plan.components[0]?.details.notes).toBe("PHQ-9 12");
  });

  it("orders components clinically (referrals first, follow-up last), whatever the rule order", () => {
    const plan = planFor([
      rule("a", 100, ALWAYS, add("follow-up-reassessment")),
      rule("b", 300, ALWAYS, add("massage")),
      rule("c", 200, ALWAYS, add("education-reassurance")),
      rule("d", 100, ALWAYS, add("mental-health-referral")),
    ]);
    expect(ids(plan.components)).toEqual([
      "mental-health-referral",
      "education-reassurance",
      "massage",
      "follow-up-reassessment",
    ]);
  });

  it("links evidence by DOI when it has one, else by URL, with its certainty", () => {
    const plan = planFor([rule("r", 100, ALWAYS, add("massage"), "[kroenke-2001, nice-ng59]")]);
    expect(plan.components[0]?.evidence).toEqual([
      {
        id: "kroenke-2001",
        citation: "Kroenke K et al. The PHQ-9. J Gen Intern Med 2001.",
        certainty: "high",
        link: "https://doi.org/10.1046/j.1525-1497.2001.016009606.x",
      },
      {
        id: "nice-ng59",
        citation: "NICE NG59. Low back pain and sciatica in over 16s. 2016.",
        certainty: "guideline",
        link: "https://www.nice.org.uk/guidance/ng59",
      },
    ]);
  });
});

describe("compose: withholding", () => {
  it("beats adding whatever the priorities, and says who added it", () => {
    const plan = planFor([
      rule("adds", 900, ALWAYS, add("massage")),
      rule("withholds", 100, ALWAYS, '{ withhold: [{ component: massage, reason: "not now" }] }'),
    ]);
    expect(ids(plan.components)).toEqual([]);
    expect(plan.withheld).toEqual([{ id: "massage", rule: "withholds", reason: "not now", addedBy: ["adds"] }]);
  });

  it("withholds a whole category, listing only the components that were added", () => {
    const plan = planFor([
      rule("adds", 100, ALWAYS, add("massage")),
      rule("adds-edu", 100, ALWAYS, add("education-reassurance")),
      rule("no-adjuncts", 100, ALWAYS, '{ withhold: [{ category: adjunct, reason: "serious pathology first" }] }'),
    ]);
    expect(ids(plan.components)).toEqual(["education-reassurance"]);
    expect(plan.withheld).toEqual([
      { id: "massage", rule: "no-adjuncts", reason: "serious pathology first", addedBy: ["adds"] },
    ]);
  });

  it("shows a component a rule withholds by name even when nothing added it (a patient's request ruled out)", () => {
    const plan = planFor([
      rule("no-acupuncture", 100, ALWAYS, '{ withhold: [{ component: acupuncture, reason: "NICE: do not offer" }] }'),
    ]);
    expect(plan.withheld).toEqual([{ id: "acupuncture", rule: "no-acupuncture", reason: "NICE: do not offer" }]);
  });

  it("gives the most important withholding rule when several withhold one component", () => {
    const plan = planFor([
      rule("adds", 100, ALWAYS, add("massage")),
      rule("w-low", 100, ALWAYS, '{ withhold: [{ component: massage, reason: "low" }] }'),
      rule("w-high", 400, ALWAYS, '{ withhold: [{ component: massage, reason: "high" }] }'),
    ]);
    expect(plan.withheld[0]?.rule).toBe("w-high");
  });
});

describe("compose: halting", () => {
  const redFlag = "{ fact: redFlags.saddleAnaesthesia, operator: equal, value: true }";
  const rules = [
    rule(
      "emergency",
      1000,
      redFlag,
      '{ add: [{ component: emergency-referral, reason: "cauda equina" }], halt: { reason: "emergency first" } }',
    ),
    rule("same-priority", 1000, ALWAYS, add("mental-health-referral")),
    rule("lower", 500, ALWAYS, add("education-reassurance")),
    rule("lower-and-higher", 500, ALWAYS, add("mental-health-referral", "also lower")),
  ];

  it("keeps what rules of the halting priority or higher added, withholds the rest, and is urgent", () => {
    const plan = planFor(rules, { ...BASE, redFlags: { saddleAnaesthesia: true } });
    expect(plan.status).toBe("urgent");
    expect(ids(plan.components)).toEqual(["emergency-referral", "mental-health-referral"]);
    expect(plan.components[1]?.reasons.map((r) => r.rule)).toEqual(["same-priority"]);
    expect(plan.withheld).toEqual([
      { id: "education-reassurance", rule: "emergency", reason: "emergency first", addedBy: ["lower"] },
    ]);
  });

  it("lets no rule below the halt withhold what the halt kept", () => {
    const noReferrals = rule("no-referrals", 10, ALWAYS, '{ withhold: [{ category: referral, reason: "low" }] }');
    const noAcupuncture = rule(
      "no-acupuncture",
      10,
      ALWAYS,
      '{ withhold: [{ component: acupuncture, reason: "low" }] }',
    );
    const plan = planFor([...rules, noReferrals, noAcupuncture], { ...BASE, redFlags: { saddleAnaesthesia: true } });
    expect(ids(plan.components)).toEqual(["emergency-referral", "mental-health-referral"]);
    expect(plan.withheld.map((w) => [w.id, w.rule])).toEqual([["education-reassurance", "emergency"]]);
  });

  it("does nothing when the halting rule does not fire", () => {
    const plan = planFor(rules, { ...BASE, redFlags: { saddleAnaesthesia: false } });
    expect(plan.status).toBe("complete");
    expect(ids(plan.components)).toEqual(["mental-health-referral", "education-reassurance"]);
  });

  it("reports no data gap that only rules below the halt are waiting for", () => {
    const plan = planFor(
      [
        rules[0] ?? "",
        rule(
          "needs-phq9",
          500,
          "{ fact: phq9.total, operator: greaterThanInclusive, value: 10 }",
          add("mental-health-referral"),
        ),
      ],
      { ...BASE, redFlags: { saddleAnaesthesia: true } },
    );
    expect(plan.dataGaps).toEqual([]);
    expect(plan.trace.find((t) => t.rule === "needs-phq9")?.outcome).toBe("undetermined");
  });

  describe("a rule whose every addition is already withheld", () => {
    const needsPhq9 = (then: string, priority = 500) =>
      rule("needs-phq9", priority, "{ fact: phq9.total, operator: greaterThanInclusive, value: 10 }", then);
    const noPhysio = (priority: number) =>
      rule("no-physio", priority, ALWAYS, '{ withhold: [{ category: physiotherapy, reason: "refer first" }] }');

    it("asks for nothing: its answer could not change the plan", () => {
      const plan = planFor([noPhysio(900), needsPhq9(add("physiotherapy-exercise"))]);
      expect(plan.dataGaps).toEqual([]);
      expect(plan.status).toBe("complete");
      expect(plan.trace.find((t) => t.rule === "needs-phq9")?.outcome).toBe("undetermined");
    });

    it("asks for nothing when the withholding rule has the same priority: rules of one priority see one state", () => {
      for (const withholding of [
        noPhysio(500),
        rule(
          "no-exercise",
          500,
          ALWAYS,
          '{ withhold: [{ component: physiotherapy-exercise, reason: "refer first" }] }',
        ),
      ]) {
        const plan = planFor([withholding, needsPhq9(add("physiotherapy-exercise"))]);
        expect(plan.dataGaps).toEqual([]);
        expect(plan.status).toBe("complete");
      }
    });

    it("still asks when one addition would stay, or the rule also withholds", () => {
      const alsoRefers = `{ add: [{ component: physiotherapy-exercise, reason: r }, { component: mental-health-referral, reason: r }] }`;
      const alsoWithholds = `{ add: [{ component: physiotherapy-exercise, reason: r }], withhold: [{ component: massage, reason: r }] }`;
      for (const then of [alsoRefers, alsoWithholds]) {
        const plan = planFor([noPhysio(900), needsPhq9(then)]);
        expect(plan.dataGaps.map((g) => g.fact)).toEqual(["questionnaires.phq9.items"]);
      }
    });

    it("still asks when the withholding comes from a lower priority (rules between them would see the addition)", () => {
      const plan = planFor([noPhysio(100), needsPhq9(add("physiotherapy-exercise"))]);
      expect(plan.dataGaps.map((g) => g.fact)).toEqual(["questionnaires.phq9.items"]);
    });
  });
});

describe("compose: plan state seen by lower priorities", () => {
  const needsExercise = rule(
    "package",
    100,
    "{ all: [{ fact: plan.components, operator: contains, value: massage }, { fact: plan.categories, operator: doesNotContain, value: physiotherapy }] }",
    add("physiotherapy-exercise", "manual therapy only inside an exercise package"),
  );

  it("lets a rule read what higher priorities added", () => {
    const plan = planFor([rule("massage", 500, ALWAYS, add("massage")), needsExercise]);
    expect(ids(plan.components)).toEqual(["physiotherapy-exercise", "massage"]);
  });

  it("does not show a rule of the same priority what its peers added", () => {
    const plan = planFor([rule("massage", 100, ALWAYS, add("massage")), needsExercise]);
    expect(ids(plan.components)).toEqual(["massage"]);
  });

  it("does not count withheld components as in the plan", () => {
    const plan = planFor([
      rule("massage", 500, ALWAYS, add("massage")),
      rule("no-massage", 500, ALWAYS, '{ withhold: [{ component: massage, reason: "declined" }] }'),
      needsExercise,
    ]);
    expect(ids(plan.components)).toEqual([]);
  });
});

describe("compose: data gaps and status", () => {
  const phq9 = "{ fact: phq9.total, operator: greaterThanInclusive, value: 10 }";

  it("names the assessment field to collect, not the derived fact, with the rules waiting on it", () => {
    const plan = planFor([rule("depression", 100, phq9, add("mental-health-referral"))]);
    expect(plan.status).toBe("incomplete");
    expect(plan.dataGaps).toEqual([
      {
        fact: "questionnaires.phq9.items",
        concern: "referral",
        rules: ["depression"],
        couldChange: ["mental-health-referral"],
        reason: 'not recorded; needed to decide rule "depression"; could change: Title of mental-health-referral',
      },
    ]);
    expect(plan.trace).toEqual([
      { rule: "depression", priority: 100, outcome: "undetermined", source: "psych.yaml:2", missing: ["phq9.total"] },
    ]);
  });

  it("reports no gap for a missing value the outcome does not hang on", () => {
    const either = `{ any: [${ALWAYS}, ${phq9}] }`;
    const plan = planFor([rule("either", 100, either, add("mental-health-referral"))]);
    expect(plan.status).toBe("complete");
    expect(plan.dataGaps).toEqual([]);
  });

  it("reports only the values that could decide the rule on their own (Kleene logic)", () => {
    // any[all[A, B], C] with A, B, C missing: C alone decides (true fires it); A or B alone cannot.
    const when = `{ any: [{ all: [{ fact: lifestyle.smoker, operator: equal, value: true }, { fact: patient.pregnant, operator: equal, value: true }] }, ${phq9}] }`;
    const plan = planFor([rule("mixed", 100, when, add("mental-health-referral"))]);
    expect(plan.dataGaps.map((g) => g.fact)).toEqual(["questionnaires.phq9.items"]);
  });

  it("reports every missing value of a rule that no single value can decide", () => {
    // any[all[A, B], all[C, D]] with all four missing: no one answer decides it, all four might.
    const pair = (a: string, b: string) =>
      `{ all: [{ fact: redFlags.${a}, operator: equal, value: true }, { fact: redFlags.${b}, operator: equal, value: true }] }`;
    const when = `{ any: [${pair("fever", "ivDrugUse")}, ${pair("osteoporosis", "recentTrauma")}] }`;
    const plan = planFor([rule("two-pairs", 100, when, add("mental-health-referral"))], {
      ...BASE,
      redFlags: { saddleAnaesthesia: false },
    });
    expect(plan.status).toBe("incomplete");
    expect(plan.dataGaps.map((g) => g.fact)).toEqual([
      "redFlags.fever",
      "redFlags.ivDrugUse",
      "redFlags.osteoporosis",
      "redFlags.recentTrauma",
    ]);
  });

  it("is complete when every rule is decided", () => {
    const plan = planFor([rule("depression", 100, phq9, add("mental-health-referral"))], {
      ...BASE,
      questionnaires: { phq9: { total: 4, item9: 0 } },
    });
    expect(plan.status).toBe("complete");
    expect(plan.components).toEqual([]);
    expect(plan.trace[0]?.outcome).toBe("not-fired");
  });
});
