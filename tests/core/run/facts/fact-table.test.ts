import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FactTable, factAt, slotOf } from "../../../../src/core/run/facts/fact-table.js";
import type { FactValue } from "../../../../src/core/run/facts/types.js";

/** A step on a map of facts: set a name to a value, or delete it. */
type Step = { set: string; value: FactValue } | { delete: string };

const names = ["phq9.total", "profile", "plan.components", "fact-table.test.a", "fact-table.test.b"];
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ set: fc.constantFrom(...names), value: fc.oneof(fc.integer(), fc.string(), fc.boolean()) }),
  fc.record({ delete: fc.constantFrom(...names) }),
);

describe("FactTable", () => {
  it("behaves as a Map of facts: the same entries, in the same order, after any sets and deletes", () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 30 }), (steps) => {
        const table = new FactTable();
        const map = new Map<string, FactValue>();
        for (const step of steps) {
          if ("set" in step) {
            expect(table.set(step.set, step.value)).toBe(table);
            map.set(step.set, step.value);
          } else expect(table.delete(step.delete)).toBe(map.delete(step.delete));
        }
        expect([...table]).toEqual([...map]);
        expect([...table.keys()]).toEqual([...map.keys()]);
        expect([...table.values()]).toEqual([...map.values()]);
        expect(table.size).toBe(map.size);
        for (const name of names) {
          expect(table.get(name)).toBe(map.get(name));
          expect(table.has(name)).toBe(map.has(name));
        }
        const seen: [string, FactValue][] = [];
        table.forEach((value, name) => seen.push([name, value]));
        expect(seen).toEqual([...map]);
        expect([...FactTable.from(map)]).toEqual([...map]);
      }),
    );
  });

  it("knows nothing of a name no code ever named", () => {
    const table = new FactTable().set("phq9.total", 3);
    expect(table.get("fact-table.test.never")).toBeUndefined();
    expect(table.has("fact-table.test.never")).toBe(false);
    expect(table.delete("fact-table.test.never")).toBe(false);
  });

  it("holds a fact named after the table was made", () => {
    const table = new FactTable();
    const name = `fact-table.test.late-${String(Math.random())}`;
    table.set(name, 1);
    expect(table.get(name)).toBe(1);
    expect(table.bySlot[slotOf(name)]).toBe(1);
  });
});

describe("factAt", () => {
  it("reads a table by slot and any other map by name", () => {
    const slot = slotOf("phq9.total");
    expect(factAt(new FactTable().set("phq9.total", 7), slot, "phq9.total")).toBe(7);
    expect(factAt(new Map([["phq9.total", 8]]), slot, "phq9.total")).toBe(8);
    expect(factAt(new Map(), slot, "phq9.total")).toBeUndefined();
  });
});
