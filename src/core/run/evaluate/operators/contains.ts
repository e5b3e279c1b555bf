import { absent } from "../absent.js";
import { factAt, slotOf } from "../../facts/fact-table.js";
import { joined } from "../phrasing.js";
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
  inverse: "doesNotContain",
  constrains: { kind: "item", held: true },
  phrase: {
    mergesIn: ["all", "any"],
    text: (s, values, joiner) => `${s.label} include ${joined(values.map(s.word), joiner)}`,
  },
  test: (fact, value) => typeof fact === "object" && typeof value === "string" && fact.indexOf(value) > -1,
  leaf: (name, value) => {
    const slot = slotOf(name);
    return (facts, missing) => {
      const fact = factAt(facts, slot, name);
      return fact === undefined ? absent(name, missing) : contains.test(fact, value);
    };
  },
};
