import { absent } from "../absent.js";
import { factAt, slotOf } from "../../facts/fact-table.js";
import { amount, negative } from "../phrasing.js";
import type { Operator } from "./types.js";

/** The fact is none of the listed values (json-rules-engine: `value.indexOf(fact) === -1`). */
export const notIn: Operator = {
  name: "notIn",
  factTypes: ["number", "integer", "boolean", "string"],
  value: "list",
  symbol: "is not one of",
  inverse: "in",
  constrains: { kind: "values", complement: true },
  phrase: { mergesIn: ["all"], text: (s, values) => `${s.label} is ${negative(values.map(amount(s)))}` },
  test: (fact, value) => Array.isArray(value) && typeof fact !== "object" && value.indexOf(fact) === -1,
  leaf: (name, value) => {
    const slot = slotOf(name);
    return (facts, missing) => {
      const fact = factAt(facts, slot, name);
      return fact === undefined ? absent(name, missing) : notIn.test(fact, value);
    };
  },
};
