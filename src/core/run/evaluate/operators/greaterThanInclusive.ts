import { absent } from "../absent.js";
import { factAt, slotOf } from "../../facts/fact-table.js";
import { compared } from "../phrasing.js";
import type { Operator } from "./types.js";

/** `fact >= value` on numbers. json-rules-engine also coerces numeric strings; typed facts never need it. */
export const greaterThanInclusive: Operator = {
  name: "greaterThanInclusive",
  factTypes: ["number", "integer"],
  value: "scalar",
  symbol: "≥",
  inverse: "lessThan",
  constrains: { kind: "bound", side: "above", inclusive: true },
  boundary: (v) => [Math.ceil(v) - 1, Math.ceil(v)],
  phrase: { mergesIn: [], text: (s, values) => compared(s, greaterThanInclusive.symbol, values[0] ?? "") },
  test: (fact, value) => typeof fact === "number" && typeof value === "number" && fact >= value,
  leaf: (name, value) => {
    const slot = slotOf(name);
    return (facts, missing) => {
      const fact = factAt(facts, slot, name);
      return fact === undefined ? absent(name, missing) : greaterThanInclusive.test(fact, value);
    };
  },
};
