/**
 * Contraindications (component catalog data), referral urgency and the order of data gaps, on a
 * small pack: whichever rule adds a contraindicated component, the engine withholds it; an
 * undecidable contraindication withholds too and asks for the answer.
 */
import { describe, expect, it } from "vitest";
import { createEngine } from "../../../../src/core/run/engine.js";
import type { Plan } from "../../../../src/core/generated/types.js";
import { compileRuleset } from "../../../../src/core/load/index.js";
import { packWith } from "../../../arbitraries/ruleset.js";
import { ALWAYS, COMPONENTS, add, rule } from "./fixture.js";
import type { Assessment } from "../../../../src/core/generated/types.js";

const MANIPULATION = `  - id: spinal-manipulation
    category: adjunct
    title: Spinal manipulation
    description: Thrust manipulation.
    patientText: Manipulation.
    details: { sessions: 4 }
    contraindications:
      - id: manipulation-osteoporosis
        title: Osteoporosis
        when: { all: [{ fact: redFlags.osteoporosis, operator: equal, value: true }] }
        reason: "Osteoporosis ({redFlags.osteoporosis}): thrust manipulation risks fracture"
        evidence: [nice-ng59]
      - id: manipulation-under-referral
        title: A referral for suspected serious pathology
        when: { all: [{ fact: plan.components, operator: contains, value: emergency-referral }] }
        reason: Not while serious pathology is suspected
        evidence: [nice-ng59]
`;

function planWith(rules: string[], assessment: object, profile?: string): Plan {
  const ruleset = compileRuleset(
    packWith({
      "components.yaml": COMPONENTS + MANIPULATION,
      "psych.yaml": `rules:\n${rules.join("")}`,
      "tests/basic.yaml": undefined,
    }),
  );
  return createEngine(ruleset).recommend(assessment as Assessment, profile === undefined ? {} : { profile });
}

const BASE = { patient: { age: 40 }, pain: { durationWeeks: 3 } };
const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);
const manipulate = rule("manipulate", 400, ALWAYS, add("spinal-manipulation"));

describe("contraindications", () => {
  it("adds the component when every contraindication is answered and none holds", () => {
    const plan = planWith([manipulate], { ...BASE, redFlags: { osteoporosis: false } });
    expect(ids(plan.components)).toEqual(["spinal-manipulation"]);
    expect(plan.withheld).toEqual([]);
    expect(plan.dataGaps).toEqual([]);
  });

  it("withholds it, with the contraindication's reason, when one holds", () => {
    const plan = planWith([manipulate], { ...BASE, redFlags: { osteoporosis: true } });
    expect(ids(plan.components)).toEqual([]);
    expect(plan.withheld).toEqual([
      {
        id: "spinal-manipulation",
        rule: "contraindication:manipulation-osteoporosis",
        reason: "Osteoporosis (yes): thrust manipulation risks fracture",
        addedBy: ["manipulate"],
      },
    ]);
    expect(plan.dataGaps).toEqual([]);
  });

  it("withholds it as unscreened when the answer is missing, and asks for it", () => {
    const plan = planWith([manipulate], BASE);
    expect(ids(plan.components)).toEqual([]);
    expect(plan.withheld).toEqual([
      {
        id: "spinal-manipulation",
        rule: "contraindication:manipulation-osteoporosis",
        reason: "Not screened for contraindications (osteoporosis): withheld until the missing answers rule them out",
        unscreened: true,
        addedBy: ["manipulate"],
      },
    ]);
    expect(plan.status).toBe("incomplete");
    expect(plan.dataGaps).toEqual([
      {
        fact: "redFlags.osteoporosis",
        concern: "contraindication",
        rules: ["contraindication:manipulation-osteoporosis"],
        couldChange: ["spinal-manipulation"],
        reason:
          'not recorded; needed to decide contraindication "manipulation-osteoporosis"; could change: Spinal manipulation',
      },
    ]);
  });

  it("reads the plan the rules decided (a referral in the plan contraindicates it)", () => {
    const refer = rule("refer", 900, ALWAYS, add("emergency-referral"));
    const plan = planWith([refer, manipulate], { ...BASE, redFlags: { osteoporosis: false } });
    expect(ids(plan.components)).toEqual(["emergency-referral"]);
    expect(plan.withheld.map((w) => w.rule)).toEqual(["contraindication:manipulation-under-referral"]);
  });

  it("hides a contraindicated or unscreened component from later rules' plan.components", () => {
    const packaged = rule(
      "package",
      300,
      "{ all: [{ fact: plan.components, operator: contains, value: spinal-manipulation }] }",
      add("physiotherapy-exercise"),
    );
    for (const redFlags of [{ osteoporosis: true }, {}]) {
      const plan = planWith([manipulate, packaged], { ...BASE, redFlags });
      expect(ids(plan.components)).toEqual([]);
    }
    const cleared = planWith([manipulate, packaged], { ...BASE, redFlags: { osteoporosis: false } });
    expect(ids(cleared.components)).toEqual(["physiotherapy-exercise", "spinal-manipulation"]);
  });

  it("asks nothing for a rule whose only addition is contraindicated", () => {
    const maybe = rule(
      "maybe-manipulate",
      400,
      "{ all: [{ fact: examination.lumbarHypomobility, operator: equal, value: true }] }",
      add("spinal-manipulation"),
    );
    const plan = planWith([maybe], { ...BASE, redFlags: { osteoporosis: true } });
    expect(plan.dataGaps).toEqual([]);
    expect(plan.status).toBe("complete");
  });
});

describe("referral urgency", () => {
  const referral = (id: string, priority: number, urgency: string) =>
    rule(id, priority, ALWAYS, add("mental-health-referral", `from ${id}`, `{ urgency: ${urgency} }`));

  it("merges to the most urgent whatever the priorities", () => {
    const plan = planWith([referral("high-routine", 900, "routine"), referral("low-same-day", 100, "same-day")], BASE);
    expect(plan.components[0]?.details.urgency).toBe("same-day");
    expect(plan.urgency).toBe("same-day");
  });

  it("keeps the catalog's urgency when no rule gives one, and is none without a referral", () => {
    expect(planWith([rule("r", 500, ALWAYS, add("mental-health-referral"))], BASE).urgency).toBe("routine");
    expect(planWith([rule("r", 500, ALWAYS, add("emergency-referral"))], BASE).urgency).toBe("emergency");
    expect(planWith([rule("r", 500, ALWAYS, add("massage"))], BASE).urgency).toBe("none");
  });

  it("orders emergency > same-day > urgent > routine", () => {
    const plan = planWith([referral("a", 500, "urgent"), referral("b", 400, "same-day")], BASE);
    expect(plan.urgency).toBe("same-day");
    const urgent = planWith([referral("a", 500, "urgent"), referral("b", 400, "routine")], BASE);
    expect(urgent.urgency).toBe("urgent");
  });
});

describe("data gaps in clinical order", () => {
  it("lists safety first, then referrals, contraindications and the rest, each saying what it could change", () => {
    const rules = [
      rule(
        "emergency",
        1000,
        "{ all: [{ fact: redFlags.saddleAnaesthesia, operator: equal, value: true }] }",
        '{ add: [{ component: emergency-referral, reason: "x" }], halt: { reason: "stop" } }',
      ),
      rule(
        "suicide",
        1000,
        "{ all: [{ fact: phq9.item9, operator: greaterThanInclusive, value: 1 }] }",
        add("mental-health-referral", "item 9", "{ urgency: same-day }"),
      ),
      rule(
        "mood",
        500,
        "{ all: [{ fact: gad7.total, operator: greaterThanInclusive, value: 10 }] }",
        add("mental-health-referral"),
      ),
      rule(
        "activity",
        500,
        "{ all: [{ fact: lifestyle.activityMinutesPerWeek, operator: lessThan, value: 150 }] }",
        add("education-reassurance"),
      ),
      manipulate,
    ];
    const plan = planWith(rules, BASE);
    expect(plan.dataGaps.map((g) => [g.fact, g.concern])).toEqual([
      ["questionnaires.phq9.items", "safety"], // item 9 is asked for with its questionnaire
      ["redFlags.saddleAnaesthesia", "safety"],
      ["questionnaires.gad7.items", "referral"],
      ["redFlags.osteoporosis", "contraindication"],
      ["lifestyle.activityMinutesPerWeek", "treatment"],
    ]);
    expect(plan.dataGaps[1]?.couldChange).toEqual(["emergency-referral"]);
  });
});

describe("withheld components nothing added", () => {
  const refer = rule("refer", 900, ALWAYS, add("emergency-referral"));
  const deferMassage = rule(
    "defer",
    850,
    "{ all: [{ fact: plan.components, operator: contains, value: emergency-referral }] }",
    '{ withhold: [{ component: massage, reason: "not under a referral" }] }',
  );
  const byPatient = rule(
    "by-patient",
    500,
    ALWAYS,
    '{ withhold: [{ component: acupuncture, reason: "not offered" }] }',
  );

  it("lists one withheld because of who the patient is, even when nothing added it", () => {
    const plan = planWith([byPatient], BASE);
    expect(plan.withheld).toEqual([{ id: "acupuncture", rule: "by-patient", reason: "not offered" }]);
  });

  it("leaves out one withheld because of what the plan holds, unless the patient asked for it", () => {
    expect(planWith([refer, deferMassage], BASE).withheld).toEqual([]);
    const asked = { ...BASE, preferences: { requestedTreatments: ["massage"] } };
    expect(planWith([refer, deferMassage], asked).withheld).toEqual([
      { id: "massage", rule: "defer", reason: "not under a referral" },
    ]);
  });
});
