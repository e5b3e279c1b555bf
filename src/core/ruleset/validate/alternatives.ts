import type { ValidationErrorObject } from "../../generated/validate-function.js";
import { isWithin, pointerSegments } from "../../pointer.js";
import { branchesOf, declares, intendedBranch, typeFits, withBranch } from "./branches.js";
import type { JsonSchema, SchemaNode } from "./schema-documents.js";
import { schemaAt } from "./schema-at.js";

/**
 * With `allErrors`, ajv reports every branch of a failed `oneOf`/`anyOf`: a condition `{ all: [] }`
 * yields "must have required property 'any'", "'not'", "'fact'", "must NOT have additional
 * property 'all'" and more, beside the one error that matters. This keeps the errors of the
 * branch the author meant (see `intendedBranch`) and drops the others. Where no branch stands
 * out, only the `oneOf`/`anyOf` error stays, and its message lists the alternatives.
 * Outer alternatives go first: dropping a branch drops the nested alternatives inside it.
 */
export function reduceAlternatives(
  errors: readonly ValidationErrorObject[],
  root: SchemaNode,
  data: unknown,
): ValidationErrorObject[] {
  const dropped = new Set<ValidationErrorObject>();
  const alternatives = errors
    .filter((e) => e.keyword === "oneOf" || e.keyword === "anyOf")
    .sort((a, b) => depth(a.instancePath) - depth(b.instancePath));
  for (const alternative of alternatives) {
    if (dropped.has(alternative)) continue;
    const match = schemaAt(root, data, alternative.instancePath);
    if (match === undefined) continue;
    const severalPass = Array.isArray(alternative.params["passingSchemas"]);
    const meant = severalPass ? undefined : intendedBranch(branchesOf(match.node) ?? [], match.value);
    const { schema } = withBranch(match.node, meant);
    for (const error of errors) {
      if (error === alternative || !isWithin(error.instancePath, alternative.instancePath)) continue;
      if (!explains(schema, match.value, alternative.instancePath, error)) dropped.add(error);
    }
    if (meant !== undefined) dropped.add(alternative);
  }
  return errors.filter((e) => !dropped.has(e));
}

/** Whether `schema` (the node merged with the branch meant) accounts for `error`. */
function explains(schema: JsonSchema, value: unknown, base: string, error: ValidationErrorObject): boolean {
  if (error.instancePath !== base) {
    const [key = ""] = pointerSegments(error.instancePath.slice(base.length));
    return Array.isArray(value) ? schema.items !== undefined : declares(schema, key);
  }
  switch (error.keyword) {
    case "required":
      return (schema.required ?? []).includes(String(error.params["missingProperty"]));
    case "additionalProperties":
      return schema.additionalProperties === false && !declares(schema, String(error.params["additionalProperty"]));
    case "type":
      return !typeFits(schema.type, value);
    case "oneOf":
    case "anyOf":
      return true;
    default:
      return error.keyword in schema;
  }
}

function depth(pointer: string): number {
  return pointerSegments(pointer).length;
}
