import { factAt, slotOf } from "../run/facts/fact-table.js";
import type { Facts, FactValue } from "../run/facts/types.js";

/** `{phq9.total}`: a fact by dotted name, as a rule's `fact` is written. */
const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*)\}/g;

/**
 * The facts a reason or halt text names in `{…}` placeholders, in order of first appearance.
 *
 * @example templateFacts("PHQ-9 total {phq9.total} ({phq9.severity})"); // ["phq9.total", "phq9.severity"]
 */
export function templateFacts(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (m) => m[1] ?? ""))];
}

/** A text whose placeholders were found once: filling it takes the facts and no regex. */
export type CompiledTemplate = (facts: Facts) => string;

/**
 * Splits a text once into its literal pieces and the facts between them, for texts filled once
 * per plan (reasons, halts, details): the engine compiles each when it prepares a ruleset.
 *
 * @example compileTemplate("PHQ-9 total {phq9.total}")(new Map([["phq9.total", 14]])); // "PHQ-9 total 14"
 */
export function compileTemplate(text: string): CompiledTemplate {
  // Each placeholder with the literal text before it; `tail` follows the last one.
  const pieces: { readonly before: string; readonly fact: string; readonly slot: number }[] = [];
  let end = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const fact = match[1] ?? "";
    // The slot, as a compiled leaf reads its fact: no hashing of the name on every fill.
    pieces.push({ before: text.slice(end, match.index), fact, slot: slotOf(fact) });
    end = match.index + match[0].length;
  }
  if (pieces.length === 0) return () => text;
  const tail = text.slice(end);
  return (facts) => {
    let filled = "";
    for (const { before, fact, slot } of pieces) filled += before + show(factAt(facts, slot, fact));
    return filled + tail;
  };
}

/**
 * The text with each placeholder replaced by the patient's value: numbers as given, lists
 * comma-joined ("none" when empty), booleans as "yes"/"no", and "not recorded" for an absent fact.
 *
 * @example fillTemplate("PHQ-9 total {phq9.total}", new Map([["phq9.total", 14]])); // "PHQ-9 total 14"
 */
export function fillTemplate(text: string, facts: Facts): string {
  return compileTemplate(text)(facts);
}

function show(value: FactValue | undefined): string {
  if (value === undefined) return "not recorded";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "object") return value.length === 0 ? "none" : value.join(", ");
  return String(value);
}
