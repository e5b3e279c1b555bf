/**
 * Build step helper for generate.ts: a schema without its annotations (`title`, `description`,
 * `examples`, `$comment`). They never change what a validator accepts or reports, but ajv's
 * standalone code embeds every schema object it reads a list from (an `enum`, the `properties` an
 * `additionalProperties: false` allows) whole, prose included: 16 KB of the assessment validator
 * was descriptions. The schemas in `schemas/` keep them for editors, types and messages.
 */

const ANNOTATIONS = new Set(["title", "description", "examples", "$comment"]);
/** Keywords whose value is a schema, a list of schemas, or a map of names to schemas. */
const SCHEMA = new Set([
  "items",
  "additionalItems",
  "additionalProperties",
  "unevaluatedItems",
  "unevaluatedProperties",
  "contains",
  "propertyNames",
  "not",
  "if",
  "then",
  "else",
]);
const SCHEMA_LIST = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);
const SCHEMA_MAP = new Set(["properties", "patternProperties", "dependentSchemas", "$defs"]);

/** The schema with the annotations of it and of every schema inside it removed; values (`enum`, `const`, `default`) untouched. */
export function withoutAnnotations(schema: unknown): unknown {
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) return schema;
  const kept: [string, unknown][] = [];
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    if (SCHEMA.has(key)) kept.push([key, withoutAnnotations(value)]);
    else if (SCHEMA_LIST.has(key) && Array.isArray(value)) kept.push([key, value.map(withoutAnnotations)]);
    else if (SCHEMA_MAP.has(key) && typeof value === "object" && value !== null)
      kept.push([
        key,
        Object.fromEntries(Object.entries(value as object).map(([name, s]) => [name, withoutAnnotations(s)])),
      ]);
    else kept.push([key, value]);
  }
  return Object.fromEntries(kept);
}
