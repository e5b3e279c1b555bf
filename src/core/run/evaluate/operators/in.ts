import { absent } from "../absent.js";
import { factAt, slotOf } from "../../facts/fact-table.js";
import { orList } from "../../../words.js";
import { amount } from "../phrasing.js";
import type { Operator } from "./types.js";

/** The fact is one of the listed values (json-rules-engine: `value.indexOf(fact) > -1`, strict). */
export const isIn: Operator = {
  name: "in",
  factTypes: ["number", "integer", "boolean", "string"],
  value: "list",
  symbol: "is one of",
  inverse: "notIn",
  constrains: { kind: "values", complement: false },
  phrase: { mergesIn: ["any"], text: (s, values) => `${s.label} is ${orList(values.map(amount(s)))}` },
  test: (fact, value) => Array.isArray(value) && typeof fact !== "object" && value.indexOf(fact) > -1,
  leaf: (name, value) => {
    const slot = slotOf(name);
    return (facts, missing) => {
      const fact = factAt(facts, slot, name);
      return fact === undefined ? absent(name, missing) : isIn.test(fact, value);
    };
  },
};
