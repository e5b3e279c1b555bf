import { absent } from "../absent.js";
import { factAt, slotOf } from "../../facts/fact-table.js";
import { compared } from "../phrasing.js";
import type { Operator } from "./types.js";

/** `fact > value` on numbers. json-rules-engine also coerces numeric strings; typed facts never need it. */
export const greaterThan: Operator = {
  name: "greaterThan",
  factTypes: ["number", "integer"],
  value: "scalar",
  symbol: ">",
  inverse: "lessThanInclusive",
  constrains: { kind: "bound", side: "above", inclusive: false },
  boundary: (v) => [Math.floor(v), Math.floor(v) + 1],
  phrase: { mergesIn: [], text: (s, values) => compared(s, greaterThan.symbol, values[0] ?? "") },
  test: (fact, value) => typeof fact === "number" && typeof value === "number" && fact > value,
  leaf: (name, value) => {
    const slot = slotOf(name);
    return (facts, missing) => {
      const fact = factAt(facts, slot, name);
      return fact === undefined ? absent(name, missing) : greaterThan.test(fact, value);
    };
  },
};
