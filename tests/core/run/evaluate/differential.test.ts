/**
 * Differential test: our synchronous evaluator against json-rules-engine 7.3.1, the reference for
 * the condition language. Only type-correct cases with complete facts are generated, because
 * that is all a checked rule pack can produce: json-rules-engine fires on empty `all`/`any`
 * (our schema forbids them), coerces numeric strings in `lessThan` (our rule checker rejects a
 * string fact there) and throws on a missing fact (we answer "unknown", tested elsewhere).
 */
import fc from "fast-check";
import { Engine, type TopLevelCondition } from "json-rules-engine";
import { describe, expect, it } from "vitest";
import { compileCondition, leaves } from "../../../../src/core/run/evaluate/condition.js";
import type { Facts } from "../../../../src/core/run/facts/types.js";
import type { Condition } from "../../../../src/core/generated/types.js";
import { conditionArbitrary, factDefinitionsArbitrary, factSetArbitrary } from "../../../arbitraries/condition.js";

/** Whether json-rules-engine fires a rule with this condition on these facts. */
async function referenceFires(condition: Condition, facts: Facts): Promise<boolean> {
  const engine = new Engine([], { allowUndefinedFacts: false });
  // json-rules-engine needs all/any/not at the top; a copy, in case it annotates what it is given.
  const top = structuredClone("fact" in condition ? { all: [condition] } : condition) as TopLevelCondition;
  engine.addRule({ conditions: top, event: { type: "fired" } });
  // Runtime facts are keyed by id: "phq9.total" is one fact, never a path into a fact "phq9".
  const { events } = await engine.run(Object.fromEntries(facts));
  return events.length > 0;
}

describe("compileCondition agrees with json-rules-engine", () => {
  it("treats a dotted name as one fact, not as a path", async () => {
    const condition: Condition = { fact: "phq9.total", operator: "greaterThanInclusive", value: 10 };
    const facts = new Map([["phq9.total", 12]]);
    expect(await referenceFires(condition, facts)).toBe(true);
    expect(compileCondition(condition)(facts)).toBe(true);
    // Were the dot a path, json-rules-engine would read fact "phq9" and fail on it being undefined.
    await expect(referenceFires(condition, new Map([["phq9", 12]]))).rejects.toThrow("Undefined fact: phq9.total");
  });

  it("fires exactly when our result is true, on generated type-correct conditions and complete facts", async () => {
    const outcomes = { fired: 0, notFired: 0 };
    const operatorsSeen = new Set<string>();
    const scenario = factDefinitionsArbitrary().chain((definitions) =>
      fc.tuple(conditionArbitrary(definitions), factSetArbitrary(definitions)),
    );
    await fc.assert(
      fc.asyncProperty(scenario, async ([condition, facts]) => {
        const ours = compileCondition(condition)(facts);
        const theirs = await referenceFires(condition, facts);
        expect(ours).not.toBe("unknown");
        expect(ours).toBe(theirs);
        outcomes[theirs ? "fired" : "notFired"] += 1;
        for (const leaf of leaves(condition)) operatorsSeen.add(leaf.operator);
      }),
      { numRuns: 1000 },
    );
    // Guard against a generator that only ever exercises one side.
    expect(outcomes.fired).toBeGreaterThan(150);
    expect(outcomes.notFired).toBeGreaterThan(150);
    expect(operatorsSeen.size).toBe(10);
  });
});
