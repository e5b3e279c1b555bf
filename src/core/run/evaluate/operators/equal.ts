import { absent } from "../absent.js";
import type { Operator } from "./types.js";

/**
 * `fact === value`, as json-rules-engine compares: strict, so `1` never equals `"1"`. Not for
 * `string-list` facts, where `===` would compare array identity and never hold.
 */
export const equal: Operator = {
  name: "equal",
  factTypes: ["number", "integer", "boolean", "string"],
  value: "scalar",
  symbol: "=",
  test: (fact, value) => fact === value,
  leaf: (name, value) => (facts, missing) => {
    const fact = facts.get(name);
    return fact === undefined ? absent(name, missing) : equal.test(fact, value);
  },
};
