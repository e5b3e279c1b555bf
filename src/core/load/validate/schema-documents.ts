/**
 * The pack's JSON Schemas as data. ajv's standalone validators say *that* a node is wrong; to say
 * what it should have been ("did you mean", which branch of a `oneOf` the author meant) the
 * messages read the schemas themselves. Imported from `schemas/`, the single source of truth
 * (the same relative path holds from `src/` and from `dist/`, and the package ships `schemas/`).
 */
import components from "../../../../schemas/components.schema.json" with { type: "json" };
import evidence from "../../../../schemas/evidence.schema.json" with { type: "json" };
import pack from "../../../../schemas/pack.schema.json" with { type: "json" };
import rules from "../../../../schemas/rules.schema.json" with { type: "json" };
import scenarios from "../../../../schemas/scenarios.schema.json" with { type: "json" };

/** The part of JSON Schema our schemas use. */
export interface JsonSchema {
  readonly $ref?: string;
  readonly title?: string;
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly oneOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
  readonly enum?: readonly unknown[];
  readonly $defs?: Readonly<Record<string, JsonSchema>>;
}

/** A schema and the document it sits in (which `#/...` references resolve against). */
export interface SchemaNode {
  readonly schema: JsonSchema;
  readonly document: string;
}

const documents: ReadonlyMap<string, JsonSchema> = new Map<string, JsonSchema>([
  ["components.schema.json", components],
  ["evidence.schema.json", evidence],
  ["pack.schema.json", pack],
  ["rules.schema.json", rules],
  ["scenarios.schema.json", scenarios],
]);

/** The root of a schema document, e.g. `rules.schema.json`. */
export function schemaDocument(name: string): SchemaNode {
  const schema = documents.get(name);
  if (schema === undefined) throw new Error(`no schema document "${name}"`);
  return { schema, document: name };
}

/** Follows `$ref`s (`#/$defs/x` or `file.schema.json#/$defs/x`) to the schema they name. */
export function resolveRefs(node: SchemaNode): SchemaNode {
  let current = node;
  for (let hops = 0; current.schema.$ref !== undefined && hops < 32; hops++) {
    const [file, fragment = ""] = current.schema.$ref.split("#");
    const document = file === undefined || file === "" ? current.document : file;
    let target: unknown = schemaDocument(document).schema;
    for (const segment of fragment.split("/").slice(1)) target = (target as Record<string, unknown>)[segment];
    current = { schema: target as JsonSchema, document };
  }
  return current;
}
