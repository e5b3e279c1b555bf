import { absent } from "../absent.js";
import type { Operator } from "./types.js";

/** `fact !== value`: the strict negation of `equal`, on the same fact types. */
export const notEqual: Operator = {
  name: "notEqual",
  factTypes: ["number", "integer", "boolean", "string"],
  value: "scalar",
  symbol: "≠",
  test: (fact, value) => fact !== value,
  leaf: (name, value) => (facts, missing) => {
    const fact = facts.get(name);
    return fact === undefined ? absent(name, missing) : notEqual.test(fact, value);
  },
};
