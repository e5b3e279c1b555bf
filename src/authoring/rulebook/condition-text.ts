/**
 * The rulebook's conditions: the core's plain register (`describeCondition`), with facts named by
 * their labels and values in words.
 */
import { describeCondition, type Clause, type Plain } from "../../core/load/describe.js";
import { plainComparison } from "../../core/load/plain-clause.js";
import type { FactDefinition } from "../../core/run/facts/types.js";
import type { FactCondition, Condition } from "../../core/generated/types.js";
import { labelOf } from "./fact-labels.js";
import { valueWord, type ValueVocabulary } from "./value-words.js";

export type { Clause, ListLead } from "../../core/load/describe.js";

/** What naming facts and values needs: the fact catalog and the pack's ids. */
export interface Wording extends ValueVocabulary {
  readonly facts: ReadonlyMap<string, FactDefinition>;
}

/**
 * A condition as a reviewer reads it, facts named by label and values in words.
 *
 * @example conditionClause({ any: [phq9AtLeast10, gad7AtLeast10] }, wording);
 * // { kind: "phrase", text: "PHQ-9 total ≥ 10 or GAD-7 total ≥ 10" }
 */
export function conditionClause(condition: Condition, wording: Wording): Clause {
  return describeCondition(condition, plain(wording));
}

/** One comparison alone, for coverage notes: `PHQ-9 total ≥ 10`. */
export function describeComparison(condition: FactCondition, wording: Wording): string {
  return plainComparison(condition, plain(wording).subject);
}

function plain(wording: Wording): Plain {
  return {
    register: "plain",
    subject: (fact) => {
      const type = wording.facts.get(fact)?.type;
      return {
        ...labelOf(fact, wording.facts),
        ...(type === undefined ? {} : { type }),
        word: (value) => valueWord(fact, value, wording),
      };
    },
  };
}
