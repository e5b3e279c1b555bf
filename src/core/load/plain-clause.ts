/**
 * The plain register of `describeCondition`: a condition as a reviewer reads it. Facts are named
 * by the caller's `Subject` (label, unit, value words), comparisons by their operator's phrase.
 */
import type { Condition, FactCondition } from "../generated/types.js";
import { operatorNamed } from "../run/evaluate/operators/index.js";
import { rangePhrase, type Joiner, type Scalar, type Subject } from "../run/evaluate/phrasing.js";

/**
 * A condition in plain language: one phrase ("PHQ-9 total ≥ 10 or GAD-7 total ≥ 10"), or, when
 * it is too long or too deep for one line, a list under a lead ("all of", "any of", …) whose
 * items are clauses again.
 */
export type Clause =
  | { readonly kind: "phrase"; readonly text: string }
  | { readonly kind: "list"; readonly lead: ListLead; readonly items: readonly Clause[] };

export type ListLead = "all of" | "any of" | "not all of" | "none of" | "not";

/** How the plain register names a fact and its values. */
export type SubjectOf = (fact: string) => Subject;

/** Past this many characters or items, a group is a list rather than one phrase. */
const MAX_INLINE_LENGTH = 120;
const MAX_INLINE_ITEMS = 4;

/** A clause being built: a phrase knows its top connective and whether it already holds parentheses. */
type Draft =
  | { readonly kind: "phrase"; readonly text: string; readonly connective?: Joiner; readonly nested: boolean }
  | { readonly kind: "list"; readonly lead: ListLead; readonly items: readonly Draft[] };

/**
 * `not` over one comparison reads as its operator's inverse (`not PHQ-9 total ≥ 10` is `PHQ-9
 * total < 10`, the same under missing data); consecutive comparisons of one fact merge (`…
 * include yoga or tai chi`, `PHQ-9 total ≥ 5 and < 10`). At most one level of parentheses is
 * used: deeper, the group becomes a list.
 */
export function plainClause(condition: Condition, subjectOf: SubjectOf): Clause {
  return finish(draft(condition, subjectOf));
}

/** One comparison in plain language: `PHQ-9 total ≥ 10`. */
export function plainComparison(condition: FactCondition, subjectOf: SubjectOf): string {
  return operatorNamed(condition.operator).phrase.text(subjectOf(condition.fact), valuesOf(condition), "or");
}

function draft(condition: Condition, subjectOf: SubjectOf): Draft {
  if ("fact" in condition) return { kind: "phrase", text: plainComparison(condition, subjectOf), nested: false };
  if ("not" in condition) return negation(condition.not, subjectOf);
  const [joiner, children] = "all" in condition ? (["and", condition.all] as const) : (["or", condition.any] as const);
  const items = merged(children, joiner, subjectOf);
  if (items.length === 1 && items[0] !== undefined) return items[0];
  return inline(items, joiner) ?? { kind: "list", lead: joiner === "and" ? "all of" : "any of", items };
}

function negation(child: Condition, subjectOf: SubjectOf): Draft {
  if ("fact" in child) return draft({ ...child, operator: operatorNamed(child.operator).inverse }, subjectOf);
  const inner = draft(child, subjectOf);
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
function merged(children: readonly Condition[], joiner: Joiner, subjectOf: SubjectOf): Draft[] {
  const drafts: Draft[] = [];
  for (let i = 0; i < children.length;) {
    const run = runFrom(children, i);
    const text = run.length > 1 ? mergedPhrase(run, joiner, subjectOf) : undefined;
    if (text === undefined) {
      drafts.push(draft(children[i] as Condition, subjectOf));
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

function mergedPhrase(run: readonly FactCondition[], joiner: Joiner, subjectOf: SubjectOf): string | undefined {
  const first = run[0] as FactCondition;
  const subject = subjectOf(first.fact);
  const group = joiner === "and" ? "all" : "any";
  const bounds = run.map((c) => ({ operator: operatorNamed(c.operator), value: c.value }));
  if (group === "all" && bounds.every((b) => b.operator.constrains.kind === "bound" && typeof b.value === "number")) {
    return rangePhrase(
      subject,
      bounds.map(({ operator, value }) => ({ symbol: operator.symbol, value: value as number })),
    );
  }
  const phrasing = operatorNamed(first.operator).phrase;
  if (subject.type === "boolean" || !phrasing.mergesIn.includes(group)) return undefined;
  if (!run.every((c) => c.operator === first.operator)) return undefined;
  return phrasing.text(subject, run.flatMap(valuesOf), joiner);
}

function valuesOf(condition: FactCondition): Scalar[] {
  return Array.isArray(condition.value) ? condition.value : [condition.value];
}

function finish(draft: Draft): Clause {
  return draft.kind === "phrase"
    ? { kind: "phrase", text: draft.text }
    : { kind: "list", lead: draft.lead, items: draft.items.map(finish) };
}
