import { absent } from "../absent.js";
import { factAt, slotOf } from "../../facts/fact-table.js";
import { amount, isNumber, joined } from "../phrasing.js";
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
  inverse: "notEqual",
  constrains: { kind: "values", complement: false },
  boundary: (v) => [v - 1, v, v + 1],
  phrase: {
    mergesIn: ["any"],
    text: (s, values, joiner) =>
      s.type === "boolean"
        ? `${values[0] === true ? "" : "not "}${s.label}`
        : `${s.label} ${isNumber(s) ? "=" : "is"} ${joined(values.map(amount(s)), joiner)}`,
  },
  test: (fact, value) => fact === value,
  leaf: (name, value) => {
    const slot = slotOf(name);
    return (facts, missing) => {
      const fact = factAt(facts, slot, name);
      return fact === undefined ? absent(name, missing) : equal.test(fact, value);
    };
  },
};
