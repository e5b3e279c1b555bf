/**
 * Every fact the assessment model has: each assessment field by its dotted path, and each
 * instrument's derived facts. A pack adds its context facts (`profile`, `plan.*`) on top.
 */
import { instruments } from "../assessment/instruments/index.js";
import type { Assessment } from "../../generated/types.js";
import { assessmentFacts } from "./assessment-facts.js";
import { FactTable, slotOf } from "./fact-table.js";
import { interned } from "./interned.js";
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

/** The fields copied as they are: those no instrument derives instead. */
const copiedFields = assessmentFacts.filter((definition) => factCatalog.get(definition.name)?.origin === "assessment");

/** Computes the facts of a valid assessment. */
export type FactDeriver = (assessment: Assessment) => FactTable;

/**
 * A `deriveFacts` for a consumer that reads only the named facts (an engine: its rules' facts):
 * it skips the fields and instruments that supply none of them. The map may hold a few more
 * facts than named, as an instrument sets all of its own; every named fact is as `deriveFacts`
 * gives it.
 */
export function factDeriver(names?: ReadonlySet<string>): FactDeriver {
  const wanted = (name: string) => names === undefined || names.has(name);
  // Split into groups once here rather than per call.
  const groups = groupByParent(copiedFields.filter((definition) => wanted(definition.name)));
  const scored = instruments.filter((instrument) => instrument.facts.some((fact) => wanted(fact.name)));
  return (assessment) => {
    const facts = new FactTable();
    for (const group of groups) {
      const holder = valueAt(assessment, group.path);
      if (holder === undefined) continue;
      for (const field of group.fields) {
        // Own keys only: a property inherited from a polluted prototype is not an answer.
        const value = Object.hasOwn(holder, field.key) ? holder[field.key] : undefined;
        if (value !== undefined && value !== null) facts.setAt(field.slot, value as FactValue);
      }
    }
    for (const instrument of scored) instrument.derive(assessment, facts);
    return facts;
  };
}

const everyFact = factDeriver();

/**
 * The facts of a valid assessment: every field present, then every derived fact whose inputs are
 * present. Absent stays absent (not in the map).
 *
 * @example deriveFacts(parseAssessment({ patient: { age: 40 }, pain: { durationWeeks: 2 } })).get("chronicity"); // "acute"
 */
export function deriveFacts(assessment: Assessment): Map<string, FactValue> {
  return new Map(everyFact(assessment));
}

interface Group {
  /** Keys from the assessment to the object holding the fields. */
  readonly path: readonly string[];
  readonly fields: readonly { readonly key: string; readonly slot: number }[];
}

function groupByParent(definitions: readonly FactDefinition[]): Group[] {
  const byParent = new Map<string, { key: string; slot: number }[]>();
  for (const { name } of definitions) {
    const parent = name.includes(".") ? name.slice(0, name.lastIndexOf(".")) : "";
    const fields = byParent.get(parent) ?? [];
    // Interned as the names conditions read are, so that their lookups compare pointers.
    fields.push({ key: name.slice(parent === "" ? 0 : parent.length + 1), slot: slotOf(interned(name)) });
    byParent.set(parent, fields);
  }
  return [...byParent].map(([parent, fields]) => ({ path: parent === "" ? [] : parent.split("."), fields }));
}

function valueAt(assessment: Assessment, keys: readonly string[]): Readonly<Record<string, unknown>> | undefined {
  let node: unknown = assessment;
  for (const key of keys) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === "object" && node !== null ? (node as Record<string, unknown>) : undefined;
}
