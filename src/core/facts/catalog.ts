/**
 * Every fact the assessment model has: each assessment field by its dotted path, and each
 * instrument's derived facts. A pack adds its context facts (`profile`, `plan.*`) on top.
 */
import { instruments } from "../assessment/instruments/index.js";
import type { Assessment } from "../generated/types.js";
import { assessmentFacts } from "./assessment-facts.js";
import type { FactDefinition, FactValue } from "./types.js";

const derivedFacts = instruments.flatMap((instrument) => instrument.facts);

/**
 * Fact definitions by name. A derived fact replaces the field of the same name
 * (`lifestyle.bmi` may come from height and weight).
 *
 * @example factCatalog.get("phq9.severity")?.enum; // ["minimal", "mild", "moderate", "moderately-severe", "severe"]
 */
export const factCatalog: ReadonlyMap<string, FactDefinition> = new Map(
  [...assessmentFacts, ...derivedFacts].map((definition) => [definition.name, definition]),
);

/** The fields `deriveFacts` copies, grouped by the object holding them, split once here rather than per call. */
const groups = groupByParent(assessmentFacts.filter((definition) => factCatalog.get(definition.name)?.origin === "assessment"));

/**
 * The facts of a valid assessment: every field present, then every derived fact whose inputs are
 * present. Absent stays absent (not in the map).
 *
 * @example deriveFacts(parseAssessment({ patient: { age: 40 }, pain: { durationWeeks: 2 } })).get("chronicity"); // "acute"
 */
export function deriveFacts(assessment: Assessment): Map<string, FactValue> {
  const facts = new Map<string, FactValue>();
  for (const group of groups) {
    const holder = valueAt(assessment, group.path);
    if (holder === undefined) continue;
    for (const field of group.fields) {
      const value = holder[field.key];
      if (value !== undefined && value !== null) facts.set(field.name, value as FactValue);
    }
  }
  for (const instrument of instruments) instrument.derive(assessment, facts);
  return facts;
}

interface Group {
  /** Keys from the assessment to the object holding the fields. */
  readonly path: readonly string[];
  readonly fields: readonly { readonly key: string; readonly name: string }[];
}

function groupByParent(definitions: readonly FactDefinition[]): Group[] {
  const byParent = new Map<string, { key: string; name: string }[]>();
  for (const { name } of definitions) {
    const parent = name.includes(".") ? name.slice(0, name.lastIndexOf(".")) : "";
    const fields = byParent.get(parent) ?? [];
    fields.push({ key: name.slice(parent === "" ? 0 : parent.length + 1), name });
    byParent.set(parent, fields);
  }
  return [...byParent].map(([parent, fields]) => ({ path: parent === "" ? [] : parent.split("."), fields }));
}

function valueAt(assessment: Assessment, keys: readonly string[]): Readonly<Record<string, unknown>> | undefined {
  let node: unknown = assessment;
  for (const key of keys) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === "object" && node !== null ? (node as Record<string, unknown>) : undefined;
}
