import { resolveRefs, type JsonSchema, type SchemaNode } from "./schema-documents.js";

/**
 * A YAML-derived value's JSON Schema type (`integer` for whole numbers). YAML's `.nan` and `.inf`
 * are numbers in JavaScript but not in JSON Schema, which ajv rejects: they fit no type here, so
 * their error is never explained away.
 */
function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "non-finite number";
    return Number.isInteger(value) ? "integer" : "number";
  }
  return typeof value;
}

/** Whether `value` has one of the types a schema allows (any, when it names none). */
export function typeFits(type: JsonSchema["type"], value: unknown): boolean {
  if (type === undefined) return true;
  const types: readonly string[] = typeof type === "string" ? [type] : type;
  const actual = jsonType(value);
  return types.includes(actual) || (actual === "integer" && types.includes("number"));
}

/** The branches of a `oneOf`/`anyOf`, references resolved; `undefined` when there is none. */
export function branchesOf(node: SchemaNode): SchemaNode[] | undefined {
  return (node.schema.oneOf ?? node.schema.anyOf)?.map((schema) => resolveRefs({ schema, document: node.document }));
}

/**
 * The branch the author most plausibly meant: of the branches whose type fits, the one that
 * declares the most of the mapping's keys (`{ all: [] }` meant `all`, however wrong); for other
 * values the only branch of a fitting type. `undefined` when no branch or several stand out,
 * e.g. for `{}`, where the message should list the alternatives instead.
 */
export function intendedBranch(branches: readonly SchemaNode[], value: unknown): SchemaNode | undefined {
  const fitting = branches.filter((branch) => typeFits(branch.schema.type, value));
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return fitting.length === 1 ? fitting[0] : undefined;
  }
  const keys = Object.keys(value);
  const scores = fitting.map(
    ({ schema }) => keys.filter((k) => declares(schema, k) || (schema.required ?? []).includes(k)).length,
  );
  const best = Math.max(0, ...scores);
  if (best === 0 || scores.filter((s) => s === best).length > 1) return undefined;
  return fitting[scores.indexOf(best)];
}

/** `node` without its alternatives, merged with `branch` when one is given. */
export function withBranch(node: SchemaNode, branch: SchemaNode | undefined): SchemaNode {
  const { oneOf: _oneOf, anyOf: _anyOf, ...own } = node.schema;
  if (branch === undefined) return { schema: own, document: node.document };
  const other = branch.schema;
  const additionalProperties =
    own.additionalProperties === false || other.additionalProperties === false
      ? false
      : (other.additionalProperties ?? own.additionalProperties);
  const schema: JsonSchema = {
    ...own,
    ...other,
    properties: { ...own.properties, ...other.properties },
    required: [...(own.required ?? []), ...(other.required ?? [])],
    ...(additionalProperties === undefined ? {} : { additionalProperties }),
  };
  // Our branches sit in their parent's document, so one document serves both for later `$ref`s.
  return { schema, document: branch.document };
}

/** The schema that applies to `value` at `node`: the node merged with the branch meant. */
export function effectiveSchema(node: SchemaNode, value: unknown): SchemaNode {
  const resolved = resolveRefs(node);
  const branches = branchesOf(resolved);
  return branches === undefined ? resolved : withBranch(resolved, intendedBranch(branches, value));
}

/** Whether a schema declares the property `key`. */
export function declares(schema: JsonSchema, key: string): boolean {
  return schema.properties !== undefined && Object.hasOwn(schema.properties, key);
}
