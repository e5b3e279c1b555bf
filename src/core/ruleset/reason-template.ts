import type { Facts, FactValue } from "../facts/types.js";

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

/**
 * The text with each placeholder replaced by the patient's value: numbers as given, lists
 * comma-joined ("none" when empty), booleans as "yes"/"no", and "not recorded" for an absent fact.
 *
 * @example fillTemplate("PHQ-9 total {phq9.total}", new Map([["phq9.total", 14]])); // "PHQ-9 total 14"
 */
export function fillTemplate(text: string, facts: Facts): string {
  return text.replace(PLACEHOLDER, (_placeholder, name: string) => show(facts.get(name)));
}

function show(value: FactValue | undefined): string {
  if (value === undefined) return "not recorded";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "object") return value.length === 0 ? "none" : value.join(", ");
  return String(value);
}
