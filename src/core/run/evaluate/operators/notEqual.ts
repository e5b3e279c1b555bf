import { absent } from "../absent.js";
import { factAt, slotOf } from "../../facts/fact-table.js";
import { amount, compared, isNumber, negative } from "../phrasing.js";
import type { Operator } from "./types.js";

/** `fact !== value`: the strict negation of `equal`, on the same fact types. */
export const notEqual: Operator = {
  name: "notEqual",
  factTypes: ["number", "integer", "boolean", "string"],
  value: "scalar",
  symbol: "≠",
  inverse: "equal",
  constrains: { kind: "values", complement: true },
  boundary: (v) => [v - 1, v, v + 1],
  phrase: {
    mergesIn: ["all"],
    text: (s, values) => {
      if (s.type === "boolean") return `${values[0] === true ? "not " : ""}${s.label}`;
      if (isNumber(s) && values.length === 1) return compared(s, notEqual.symbol, values[0] ?? "");
      return `${s.label} is ${negative(values.map(amount(s)))}`;
    },
  },
  test: (fact, value) => fact !== value,
  leaf: (name, value) => {
    const slot = slotOf(name);
    return (facts, missing) => {
      const fact = factAt(facts, slot, name);
      return fact === undefined ? absent(name, missing) : notEqual.test(fact, value);
    };
  },
};
