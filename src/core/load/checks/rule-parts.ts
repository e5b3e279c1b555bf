import type { FactCondition, Rule } from "../../generated/types.js";
import { foldCondition } from "../../run/evaluate/fold.js";

/** A fact comparison and its JSON Pointer in the rule's file. */
export interface LocatedComparison {
  readonly condition: FactCondition;
  readonly pointer: string;
}

/** Every fact comparison of a rule's `when`, with where it is written, in reading order. */
export function comparisonsOf(rule: Pick<Rule, "when">, rulePointer: string): LocatedComparison[] {
  type At = (pointer: string) => LocatedComparison[];
  const at = foldCondition<At>(rule.when, {
    all: (children) => (p) => children.flatMap((child, i) => child(`${p}/all/${i}`)),
    any: (children) => (p) => children.flatMap((child, i) => child(`${p}/any/${i}`)),
    not: (child) => (p) => child(`${p}/not`),
    fact: (condition) => (pointer) => [{ condition, pointer }],
  });
  return at(`${rulePointer}/when`);
}

/** A text that may hold `{fact}` placeholders: reasons, a halt's reason, text details. */
export interface LocatedText {
  readonly text: string;
  readonly pointer: string;
}

/** Every text of a rule's `then` that the composer fills in with the patient's values. */
export function templatedTextsOf(rule: Pick<Rule, "then">, rulePointer: string): LocatedText[] {
  const then = `${rulePointer}/then`;
  const texts: LocatedText[] = [];
  (rule.then.add ?? []).forEach((addition, i) => {
    texts.push({ text: addition.reason, pointer: `${then}/add/${i}/reason` });
    for (const [key, value] of Object.entries(addition.details ?? {})) {
      const at = `${then}/add/${i}/details/${key}`;
      if (typeof value === "string") texts.push({ text: value, pointer: at });
      if (Array.isArray(value))
        value.forEach((item: unknown, j) => {
          if (typeof item === "string") texts.push({ text: item, pointer: `${at}/${j}` });
        });
    }
  });
  (rule.then.withhold ?? []).forEach((withholding, i) =>
    texts.push({ text: withholding.reason, pointer: `${then}/withhold/${i}/reason` }),
  );
  if (rule.then.halt !== undefined) texts.push({ text: rule.then.halt.reason, pointer: `${then}/halt/reason` });
  return texts;
}
