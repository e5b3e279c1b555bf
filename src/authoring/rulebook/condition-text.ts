import type { FactDefinition } from "../../core/run/facts/types.js";
import type { Condition, FactCondition } from "../../core/generated/types.js";
import { labelOf } from "./fact-labels.js";
import { phrasingOf, RANGE_OPERATORS, rangePhrase, type Joiner, type Subject } from "./operator-phrases.js";
import { valueWord, type Scalar, type ValueVocabulary } from "./value-words.js";

/**
 * A condition in plain language: one phrase ("PHQ-9 total ≥ 10 or GAD-7 total ≥ 10"), or, when
 * it is too long or too deep for one line, a list under a lead ("all of", "any of", …) whose
 * items are clauses again.
 */
export type Clause =
  | { readonly kind: "phrase"; readonly text: string }
  | { readonly kind: "list"; readonly lead: ListLead; readonly items: readonly Clause[] };

export type ListLead = "all of" | "any of" | "not all of" | "none of" | "not";

/** What naming facts and values needs: the fact catalog and the pack's ids. */
export interface Wording extends ValueVocabulary {
  readonly facts: ReadonlyMap<string, FactDefinition>;
}

/** Past this many characters or items, a group is a list rather than one phrase. */
const MAX_INLINE_LENGTH = 120;
const MAX_INLINE_ITEMS = 4;

/** A clause being built: a phrase knows its top connective and whether it already holds parentheses. */
type Draft =
  | { readonly kind: "phrase"; readonly text: string; readonly connective?: Joiner; readonly nested: boolean }
  | { readonly kind: "list"; readonly lead: ListLead; readonly items: readonly Draft[] };

/**
 * A condition as a reviewer reads it. Facts are named by label, values in words, operators as
 * symbols or words; `not` over one comparison reads as its inverse (`not PHQ-9 total ≥ 10` is
 * `PHQ-9 total < 10`, the same under missing data); consecutive comparisons of one fact merge
 * (`… include yoga or tai chi`, `PHQ-9 total ≥ 5 and < 10`). At most one level of parentheses
 * is used: deeper, the group becomes a list.
 *
 * @example describeCondition({ any: [phq9AtLeast10, gad7AtLeast10] }, wording);
 * // { kind: "phrase", text: "PHQ-9 total ≥ 10 or GAD-7 total ≥ 10" }
 */
export function describeCondition(condition: Condition, wording: Wording): Clause {
  return finish(draft(condition, wording));
}

/** One comparison alone, for coverage notes: `PHQ-9 total ≥ 10`. */
export function describeComparison(condition: FactCondition, wording: Wording): string {
  return leaf(condition, wording);
}

function draft(condition: Condition, wording: Wording): Draft {
  if ("fact" in condition) return { kind: "phrase", text: leaf(condition, wording), nested: false };
  if ("not" in condition) return negation(condition.not, wording);
  const [joiner, children] = "all" in condition ? (["and", condition.all] as const) : (["or", condition.any] as const);
  const items = merged(children, joiner, wording);
  if (items.length === 1 && items[0] !== undefined) return items[0];
  return inline(items, joiner) ?? { kind: "list", lead: joiner === "and" ? "all of" : "any of", items };
}

function negation(child: Condition, wording: Wording): Draft {
  if ("fact" in child) return draft({ ...child, operator: phrasingOf(child.operator).inverse }, wording);
  const inner = draft(child, wording);
  if (inner.kind === "phrase" && !inner.nested) return { kind: "phrase", text: `not (${inner.text})`, nested: true };
  if (inner.kind === "list" && inner.lead === "all of") return { ...inner, lead: "not all of" };
  if (inner.kind === "list" && inner.lead === "any of") return { ...inner, lead: "none of" };
  return { kind: "list", lead: "not", items: [inner] };
}

/** The group's items as one phrase, or `undefined` when that would be too long or too deep. */
function inline(items: readonly Draft[], joiner: Joiner): Draft | undefined {
  const parts: string[] = [];
  let nested = false;
  for (const item of items) {
    if (item.kind === "list") return undefined;
    const bracketed = item.connective !== undefined && item.connective !== joiner;
    if (bracketed && item.nested) return undefined;
    parts.push(bracketed ? `(${item.text})` : item.text);
    nested ||= bracketed || item.nested;
  }
  const text = parts.join(` ${joiner} `);
  if (items.length > MAX_INLINE_ITEMS || text.length > MAX_INLINE_LENGTH) return undefined;
  return { kind: "phrase", text, connective: joiner, nested };
}

/** A group's children, with runs of comparisons of one fact merged into one phrase where they read as one. */
function merged(children: readonly Condition[], joiner: Joiner, wording: Wording): Draft[] {
  const drafts: Draft[] = [];
  for (let i = 0; i < children.length;) {
    const run = runFrom(children, i);
    const text = run.length > 1 ? mergedPhrase(run, joiner, wording) : undefined;
    if (text === undefined) {
      drafts.push(draft(children[i] as Condition, wording));
      i++;
    } else {
      drafts.push({ kind: "phrase", text, connective: joiner, nested: false });
      i += run.length;
    }
  }
  return drafts;
}

/** The comparisons from `start` on that read the same fact. */
function runFrom(children: readonly Condition[], start: number): FactCondition[] {
  const run: FactCondition[] = [];
  for (const child of children.slice(start)) {
    if (!("fact" in child) || (run.length > 0 && child.fact !== run[0]?.fact)) break;
    run.push(child);
  }
  return run;
}

function mergedPhrase(run: readonly FactCondition[], joiner: Joiner, wording: Wording): string | undefined {
  const first = run[0] as FactCondition;
  const subject = subjectOf(first.fact, wording);
  const group = joiner === "and" ? "all" : "any";
  if (run.every((c) => RANGE_OPERATORS.has(c.operator) && typeof c.value === "number") && group === "all") {
    return rangePhrase(
      subject,
      run.map((c) => ({ operator: c.operator, value: c.value as number })),
    );
  }
  const phrasing = phrasingOf(first.operator);
  if (subject.type === "boolean" || !phrasing.mergesIn.includes(group)) return undefined;
  if (!run.every((c) => c.operator === first.operator)) return undefined;
  return phrasing.phrase(subject, run.flatMap(valuesOf), joiner);
}

function leaf(condition: FactCondition, wording: Wording): string {
  return phrasingOf(condition.operator).phrase(subjectOf(condition.fact, wording), valuesOf(condition), "or");
}

function valuesOf(condition: FactCondition): Scalar[] {
  return Array.isArray(condition.value) ? condition.value : [condition.value];
}

function subjectOf(fact: string, wording: Wording): Subject {
  const type = wording.facts.get(fact)?.type;
  return {
    ...labelOf(fact, wording.facts),
    ...(type === undefined ? {} : { type }),
    word: (value) => valueWord(fact, value, wording),
  };
}

function finish(draft: Draft): Clause {
  return draft.kind === "phrase"
    ? { kind: "phrase", text: draft.text }
    : { kind: "list", lead: draft.lead, items: draft.items.map(finish) };
}
