import { describe, expect, it } from "vitest";
import { deepFreeze } from "../../../../src/core/load/compile/deep-freeze.js";

describe("deepFreeze", () => {
  it("freezes objects, lists and Map keys and entries all the way down", () => {
    const key = { k: [1] };
    const value = { list: [{ a: { b: [2, { c: 3 }] } }], map: new Map([[key, { d: [4] }]]), text: "t" };
    deepFreeze(value);
    const reached = [value, value.list, value.list[0], value.list[0]?.a, value.list[0]?.a.b, value.list[0]?.a.b[1]];
    const entry = value.map.get(key);
    for (const part of [...reached, value.map, key, key.k, entry, entry?.d]) expect(Object.isFrozen(part)).toBe(true);
  });

  it("freezes only what the value holds, not what its prototype lends it", () => {
    const lent = { shared: [1] };
    const value = Object.assign(Object.create(lent) as { own: number[] }, { own: [2] });
    deepFreeze(value);
    expect(Object.isFrozen(value.own)).toBe(true);
    expect(Object.isFrozen(lent)).toBe(false);
    expect(Object.isFrozen(lent.shared)).toBe(false);
  });

  it("returns primitives and functions as they are", () => {
    const f = () => 1;
    expect(deepFreeze(3)).toBe(3);
    expect(deepFreeze(null)).toBe(null);
    expect(deepFreeze(f)).toBe(f);
    expect(Object.isFrozen(f)).toBe(false);
  });
});
