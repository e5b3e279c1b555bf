import { absent } from "../absent.js";
import type { Operator } from "./types.js";

/**
 * The list fact holds the value (json-rules-engine: the fact must be an array, then
 * `fact.indexOf(value) > -1`).
 */
export const contains: Operator = {
  name: "contains",
  factTypes: ["string-list"],
  value: "scalar",
  symbol: "includes",
  test: (fact, value) => typeof fact === "object" && typeof value === "string" && fact.indexOf(value) > -1,
  leaf: (name, value) => (facts, missing) => {
    const fact = facts.get(name);
    return fact === undefined ? absent(name, missing) : contains.test(fact, value);
  },
};
