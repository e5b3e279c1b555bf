import { absent } from "../absent.js";
import type { Operator } from "./types.js";

/** `fact <= value` on numbers. json-rules-engine also coerces numeric strings; typed facts never need it. */
export const lessThanInclusive: Operator = {
  name: "lessThanInclusive",
  factTypes: ["number", "integer"],
  value: "scalar",
  symbol: "≤",
  test: (fact, value) => typeof fact === "number" && typeof value === "number" && fact <= value,
  leaf: (name, value) => (facts, missing) => {
    const fact = facts.get(name);
    return fact === undefined ? absent(name, missing) : lessThanInclusive.test(fact, value);
  },
};
