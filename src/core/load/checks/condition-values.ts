import type { Issue } from "../../errors.js";
import { operators, type Operator } from "../../run/evaluate/operators/index.js";
import type { FactDefinition, FactType } from "../../run/facts/types.js";
import type { ConditionValue } from "../../generated/types.js";
import { unknownContextValue } from "../context-facts.js";
import { issue, type Place } from "../issue.js";
import { factParams, operatorType, quotedValue, valueEnum, valueShape, valueType } from "../messages.js";
import { closestMatch } from "../../suggest.js";
import type { Check } from "./check.js";
import { comparisonsOf } from "./rule-parts.js";

export const conditionValues: Check = {
  name: "condition-values",
  description:
    "Each comparison fits its fact: the operator applies to the fact's type (the operator registry's factTypes), " +
    "`in`/`notIn` take a list and the others one value, and each value has the fact's type and is in its enum " +
    "(values outside the fact's range: condition-logic, which tells a comparison that never holds from one that always does).",
  run({ rules, facts }) {
    return rules.items.flatMap(({ value: rule, file, pointer }) =>
      comparisonsOf(rule, pointer).flatMap(({ condition, pointer: at }) => {
        const fact = facts.get(condition.fact);
        const operator = operators.get(condition.operator);
        if (fact === undefined || operator === undefined) return []; // unknown facts: fact-references
        return comparisonIssues(rule.id, fact, operator, condition.value, (suffix) => file.place(`${at}${suffix}`));
      }),
    );
  },
};

export function comparisonIssues(
  rule: string,
  fact: FactDefinition,
  operator: Operator,
  value: ConditionValue,
  place: (suffix: string) => Place,
): Issue[] {
  if (!operator.factTypes.includes(fact.type)) {
    const applicable = [...operators.values()].filter((o) => o.factTypes.includes(fact.type)).map((o) => o.name);
    return [
      issue(operatorType, place("/operator"), { rule, operator: operator.name, applicable, ...factParams(fact) }),
    ];
  }
  if (Array.isArray(value) !== (operator.value === "list"))
    return [issue(valueShape, place("/value"), { rule, operator: operator.name, expected: operator.value, value })];
  // Places are found only for issues: a pack.json rule's place maps its pointer segment by segment.
  return Array.isArray(value)
    ? value.flatMap((item, i) => itemIssues(rule, fact, item, () => place(`/value/${i}`)))
    : itemIssues(rule, fact, value, () => place("/value"));
}

/** What a compared value must be for each fact type: a list fact is compared with one of its items. */
const VALUE_TYPE: Readonly<Record<FactType, "number" | "string" | "boolean">> = {
  number: "number",
  integer: "number",
  boolean: "boolean",
  string: "string",
  "string-list": "string",
};

function itemIssues(rule: string, fact: FactDefinition, item: string | number | boolean, place: () => Place): Issue[] {
  if (typeof item !== VALUE_TYPE[fact.type])
    return [
      typeof item === "string" && quotedForm(item) === VALUE_TYPE[fact.type]
        ? issue(quotedValue, place(), { rule, value: item, ...factParams(fact) })
        : issue(valueType, place(), { rule, value: item, ...factParams(fact) }),
    ];
  if (typeof item === "string" && fact.enum !== undefined && fact.openEnum !== true && !fact.enum.includes(item)) {
    return [
      issue(unknownContextValue.get(fact.name) ?? valueEnum, place(), {
        rule,
        value: item,
        suggestion: closestMatch(item, fact.enum),
        ...factParams(fact),
      }),
    ];
  }
  return [];
}

/** What a quoted text would be without its quotes: `"15"` a number, `"true"` a boolean. */
function quotedForm(text: string): "number" | "boolean" | undefined {
  const bare = text.trim();
  if (bare === "true" || bare === "false") return "boolean";
  return bare !== "" && Number.isFinite(Number(bare)) ? "number" : undefined;
}
