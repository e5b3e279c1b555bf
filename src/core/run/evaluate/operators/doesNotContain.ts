import { absent } from "../absent.js";
import { factAt, slotOf } from "../../facts/fact-table.js";
import { negative } from "../phrasing.js";
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
  inverse: "contains",
  constrains: { kind: "item", held: false },
  phrase: {
    mergesIn: ["all"],
    text: (s, values) =>
      values.length === 1
        ? `${s.label} do not include ${s.word(values[0] ?? "")}`
        : `${s.label} include ${negative(values.map(s.word))}`,
  },
  test: (fact, value) => typeof fact === "object" && typeof value === "string" && fact.indexOf(value) === -1,
  leaf: (name, value) => {
    const slot = slotOf(name);
    return (facts, missing) => {
      const fact = factAt(facts, slot, name);
      return fact === undefined ? absent(name, missing) : doesNotContain.test(fact, value);
    };
  },
};
