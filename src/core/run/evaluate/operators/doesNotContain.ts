import { absent } from "../absent.js";
import type { Operator } from "./types.js";

/**
 * The list fact lacks the value (json-rules-engine: the fact must be an array, then
 * `fact.indexOf(value) === -1`).
 */
export const doesNotContain: Operator = {
  name: "doesNotContain",
  factTypes: ["string-list"],
  value: "scalar",
  symbol: "does not include",
  test: (fact, value) => typeof fact === "object" && typeof value === "string" && fact.indexOf(value) === -1,
  leaf: (name, value) => (facts, missing) => {
    const fact = facts.get(name);
    return fact === undefined ? absent(name, missing) : doesNotContain.test(fact, value);
  },
};
