import { expect, it } from "vitest";
import {
  complementDiscrete,
  intersectDiscrete,
  isEmptyDiscrete,
  only,
  withinUniverse,
  type Discrete,
} from "../../../../src/core/load/analysis/discrete.js";

const show = (set: Discrete) => `${set.excluded ? "all but " : ""}{${[...set.values].sort().join(", ")}}`;

it("intersects exact and excluded sets", () => {
  expect(show(intersectDiscrete(only(["a", "b"]), only(["b", "c"])))).toBe("{b}");
  expect(show(intersectDiscrete(only(["a", "b"]), complementDiscrete(only(["a"]))))).toBe("{b}");
  expect(show(intersectDiscrete(complementDiscrete(only(["a"])), complementDiscrete(only(["b"]))))).toBe(
    "all but {a, b}",
  );
});

it("is empty only when it lists nothing: free text always has another value", () => {
  expect(isEmptyDiscrete(only([]))).toBe(true);
  expect(isEmptyDiscrete(complementDiscrete(only(["a", "b"])))).toBe(false);
  expect(isEmptyDiscrete(withinUniverse(complementDiscrete(only(["a", "b"])), new Set(["a", "b"])))).toBe(true);
});

it("brings every set within a fixed list of values to the exact form", () => {
  const universe = new Set(["acute", "subacute", "chronic"]);
  expect(show(withinUniverse(complementDiscrete(only(["acute"])), universe))).toBe("{chronic, subacute}");
  expect(show(withinUniverse(only(["acute", "sometimes"]), universe))).toBe("{acute}");
});
