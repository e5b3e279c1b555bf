/**
 * The assessment's own fields as facts, typed from the schema: the single source of truth for
 * their types, enums and ranges.
 */
import { fields, type Field } from "../assessment/fields.js";
import type { SchemaNode } from "../assessment/schema.js";
import type { FactDefinition, FactType } from "./types.js";

/** Schema types a scalar field may have, as fact types. */
const scalarTypes: Readonly<Record<string, FactType>> = {
  integer: "integer",
  number: "number",
  boolean: "boolean",
  string: "string",
};

/** Editor metadata, not about the patient. */
const notFacts: ReadonlySet<string> = new Set(["$schema"]);

function strings(values: readonly unknown[]): string[] {
  return values.map(String);
}

/** A list field: a string-list fact when its items are text; answer lists are scored instead. */
function listType(item: SchemaNode): Pick<FactDefinition, "type" | "enum" | "openEnum"> | undefined {
  if (item.enum !== undefined) return { type: "string-list", enum: strings(item.enum) };
  if (item.type !== "string") return undefined;
  // Suggested values (`examples`) with free text allowed, e.g. preferred activities.
  return item.examples === undefined
    ? { type: "string-list" }
    : { type: "string-list", enum: strings(item.examples), openEnum: true };
}

function valueType(field: Field): Pick<FactDefinition, "type" | "enum" | "minimum" | "maximum"> | undefined {
  const { node } = field;
  if (node.type === "array") return listType(node.items ?? {});
  if (node.enum !== undefined) return { type: "string", enum: strings(node.enum) };
  const type = typeof node.type === "string" ? scalarTypes[node.type] : undefined;
  if (type === undefined) throw new Error(`assessment field "${field.path}" has a schema type no fact type matches`);
  return {
    type,
    ...(node.minimum === undefined ? {} : { minimum: node.minimum }),
    ...(node.maximum === undefined ? {} : { maximum: node.maximum }),
  };
}

function factOf(field: Field): FactDefinition | undefined {
  if (notFacts.has(field.path)) return undefined;
  const type = valueType(field);
  if (type === undefined) return undefined;
  return {
    name: field.path,
    ...type,
    description: field.node.description ?? field.path,
    origin: "assessment",
    collect: [field.path],
  };
}

/** Every assessment field a rule may read, in schema order. */
export const assessmentFacts: readonly FactDefinition[] = fields.flatMap((field) => factOf(field) ?? []);
