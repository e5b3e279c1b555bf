import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { byText, sortSmall } from "../../../../src/core/run/compose/sort-small.js";

describe("sortSmall", () => {
  it("orders as the built-in sort does, stably, at every length", () => {
    // Pairs compared by their first number only: equal keys must keep their order, as the built-in keeps it.
    const byKey = (a: [number, number], b: [number, number]) => a[0] - b[0];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.nat()), { maxLength: 40 }), (list) => {
        expect(sortSmall([...list], byKey)).toEqual([...list].sort(byKey));
      }),
      { seed: 14 },
    );
  });

  it("sorts in place and returns the list", () => {
    const list = [3, 1, 2];
    expect(sortSmall(list, (a, b) => a - b)).toBe(list);
    expect(list).toEqual([1, 2, 3]);
  });

  it("byText orders strings as sort() does", () => {
    fc.assert(
      fc.property(fc.array(fc.string()), (list) => {
        expect(sortSmall([...list], byText)).toEqual([...list].sort());
      }),
      { seed: 14 },
    );
  });
});
