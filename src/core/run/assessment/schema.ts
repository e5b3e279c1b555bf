/**
 * The assessment schema as data. It is the single source of truth: the validator is generated
 * from it, and the fact catalog, the red-flag list and the error messages read it here.
 */
import schemaJson from "../../../../schemas/assessment.schema.json" with { type: "json" };

/** The part of a JSON Schema node this code reads. */
export interface SchemaNode {
  readonly type?: string | readonly string[];
  readonly description?: string;
  readonly properties?: { readonly [name: string]: SchemaNode };
  readonly items?: SchemaNode;
  readonly enum?: readonly unknown[];
  readonly examples?: readonly unknown[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
}

export const assessmentSchema: SchemaNode = schemaJson;

/** The node at a JSON Pointer into the schema (e.g. an ajv `schemaPath` without its `#`). */
export function schemaAt(pointer: string): SchemaNode | undefined {
  let node: unknown = assessmentSchema;
  for (const segment of pointer.split("/").slice(1)) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return typeof node === "object" && node !== null ? node : undefined;
}

/**
 * The node of an assessment field by dotted path (`questionnaires.phq9.total`). Throws for a
 * field the schema does not have: callers name fields in code, so that is a programming error.
 */
export function fieldSchema(path: string): SchemaNode {
  const node = schemaAt(`/properties/${path.split(".").join("/properties/")}`);
  if (node === undefined) throw new Error(`the assessment schema has no field "${path}"`);
  return node;
}

/** The names of an object field's properties, in schema order. */
export function fieldNames(path: string): readonly string[] {
  return Object.keys(fieldSchema(path).properties ?? {});
}

/** `{ minimum, maximum }` of a numeric field, for derived facts that share its range. */
export function rangeOf(path: string): { readonly minimum?: number; readonly maximum?: number } {
  const { minimum, maximum } = fieldSchema(path);
  return { ...(minimum === undefined ? {} : { minimum }), ...(maximum === undefined ? {} : { maximum }) };
}
