import { describe, expect, it } from "vitest";
import { factCatalog } from "../../../../src/core/run/facts/catalog.js";
import type { Condition } from "../../../../src/core/generated/types.js";
import { contextFacts } from "../../../../src/core/load/context-facts.js";
import { ruleInteractions, type RuleView } from "../../../../src/core/load/analysis/rule-interactions.js";

const facts = new Map([
  ...factCatalog,
  ...contextFacts({ profiles: ["nice-ng59", "acp-2017"], components: ["cbt", "acupuncture", "exercise"] }).map(
    (f) => [f.name, f] as const,
  ),
]);
const space = { facts, decidedSoFar: (fact: string) => fact.startsWith("plan.") };

const phq = (operator: string, value: number) => ({ fact: "phq9.total", operator, value }) as Condition;
const fever: Condition = { fact: "redFlags.fever", operator: "equal", value: true };
const cauda: Condition = { fact: "redFlags.saddleAnaesthesia", operator: "equal", value: true };

function view(
  id: string,
  priority: number,
  when: Condition,
  then: Partial<Omit<RuleView, "id" | "priority" | "when">> = {},
): RuleView {
  return {
    id,
    priority,
    when,
    halts: false,
    adds: [{ component: "cbt", category: "psychological" }],
    withholds: [],
    ...then,
  };
}

const found = (rules: readonly RuleView[]) =>
  ruleInteractions(rules, space).map((i) => {
    switch (i.kind) {
      case "shadowed-by-halt":
        return `${i.rule.id} shadowed by ${i.by.id}`;
      case "always-withheld":
      case "add-withhold-conflict":
        return `${i.rule.id}.add[${i.addition}] ${i.kind} by ${i.by.id}.withhold[${i.withholding}]`;
      case "equivalent-conditions":
        return `${i.rule.id} same as ${i.first.id}`;
      case "conflicting-details":
        return `${i.rule.id}.add[${i.addition}].${i.key} conflicts with ${i.other.id}`;
    }
  });

describe("a rule below a halt it implies", () => {
  const halt = view("emergency", 1000, { any: [cauda, fever] }, { halts: true, adds: [] });
  it("never changes a plan", () => {
    expect(found([halt, view("fever-cbt", 500, { all: [fever, phq("greaterThan", 5)] })])).toEqual([
      "fever-cbt shadowed by emergency",
    ]);
  });
  it("unless it can fire without the halt, or shares its priority (a halt keeps its own priority's additions)", () => {
    expect(found([halt, view("cbt", 500, { any: [fever, phq("greaterThan", 5)] })])).toEqual([]);
    expect(found([halt, view("same-level", 1000, fever)])).toEqual([]);
  });
  it("and a rule that never fires is left to the condition checks", () => {
    expect(found([halt, view("never", 500, { all: [fever, phq("greaterThan", 30)] })])).toEqual([]);
  });
});

describe("an addition withheld whenever it is added", () => {
  const urgent = view("urgent", 900, fever, {
    adds: [],
    withholds: [{ category: "psychological" }, { component: "acupuncture" }],
  });
  it("by a weaker rule of higher priority, by component or category", () => {
    const rule = view(
      "cbt-fever",
      500,
      { all: [fever, phq("greaterThanInclusive", 10)] },
      {
        adds: [
          { component: "exercise", category: "physiotherapy" },
          { component: "cbt", category: "psychological" },
          { component: "acupuncture", category: "adjunct" },
        ],
      },
    );
    expect(found([urgent, rule])).toEqual([
      "cbt-fever.add[1] always-withheld by urgent.withhold[0]",
      "cbt-fever.add[2] always-withheld by urgent.withhold[1]",
    ]);
  });
  it("but not when the withholding rule may not fire, or sits below (withholding there is the normal way to override)", () => {
    expect(found([urgent, view("cbt", 500, phq("greaterThanInclusive", 10))])).toEqual([]);
    expect(
      found([view("late", 100, fever, { adds: [], withholds: [{ component: "cbt" }] }), view("cbt", 500, fever)]),
    ).toEqual([]);
  });
});

describe("adding and withholding at the same priority", () => {
  it("warns when both can fire together, not when their conditions exclude each other", () => {
    const withhold = view("no-cbt", 500, phq("lessThan", 10), { adds: [], withholds: [{ component: "cbt" }] });
    expect(found([withhold, view("cbt", 500, phq("greaterThanInclusive", 5))])).toEqual([
      "cbt.add[0] add-withhold-conflict by no-cbt.withhold[0]",
    ]);
    expect(found([withhold, view("cbt", 500, phq("greaterThanInclusive", 10))])).toEqual([]);
  });
  it("and when one rule adds what it withholds itself", () => {
    expect(found([view("both", 500, fever, { withholds: [{ category: "psychological" }] })])).toEqual([
      "both.add[0] add-withhold-conflict by both.withhold[0]",
    ]);
  });
});

describe("equivalent conditions at the same priority", () => {
  it("are reported on the later rule", () => {
    expect(
      found([
        view("a", 500, phq("greaterThan", 9)),
        view("b", 500, { not: phq("lessThan", 10) }),
        view("c", 400, phq("greaterThanInclusive", 10)),
      ]),
    ).toEqual(["b same as a"]);
  });
});

it("compares what higher priorities decided (plan.*) only within a priority: each priority sees another plan", () => {
  const planHasCbt: Condition = { fact: "plan.components", operator: "contains", value: "cbt" };
  const halt = view("halt-on-cbt", 1000, planHasCbt, { halts: true, adds: [] });
  expect(found([halt, view("reads-cbt", 500, planHasCbt)])).toEqual([]);
  expect(found([view("a", 500, planHasCbt), view("b", 500, planHasCbt)])).toEqual(["b same as a"]);
});

describe("rules of one priority giving one component different details", () => {
  const details = (id: string, when: Condition, given: Record<string, unknown>, priority = 500) =>
    view(id, priority, when, { adds: [{ component: "cbt", category: "psychological", details: given }] });

  it("is a conflict when both may fire, but not for urgency (the most urgent wins)", () => {
    expect(found([details("a", cauda, { sessions: 6 }), details("b", fever, { sessions: 8 })])).toEqual([
      "b.add[0].sessions conflicts with a",
    ]);
    expect(found([details("a", cauda, { urgency: "routine" }), details("b", fever, { urgency: "urgent" })])).toEqual(
      [],
    );
  });

  it("is no conflict for the same value, for different priorities, or for rules that never fire together", () => {
    expect(found([details("a", cauda, { sessions: 6 }), details("b", fever, { sessions: 6 })])).toEqual([]);
    expect(found([details("a", cauda, { sessions: 6 }, 600), details("b", fever, { sessions: 8 })])).toEqual([]);
    const notCauda: Condition = { not: cauda };
    expect(found([details("a", cauda, { sessions: 6 }), details("b", notCauda, { sessions: 8 })])).toEqual([]);
  });
});
