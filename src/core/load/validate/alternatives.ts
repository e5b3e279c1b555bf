import type { ValidationErrorObject } from "../../generated/validate-function.js";
import { pointerSegments } from "../../pointer.js";
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
  // Sorted by path, the errors within a pointer are two runs (at it, and under `pointer/`): each
  // alternative visits only its own, not all of them (5,000 failed conditions took 22 s).
  const byPath = [...errors].sort((a, b) => compare(a.instancePath, b.instancePath));
  const within = (pointer: string): ValidationErrorObject[] => [
    ...run(byPath, pointer, (path) => path === pointer),
    ...run(byPath, `${pointer}/`, (path) => path.startsWith(`${pointer}/`)),
  ];
  for (const alternative of alternatives) {
    if (dropped.has(alternative)) continue;
    const match = schemaAt(root, data, alternative.instancePath);
    if (match === undefined) continue;
    const severalPass = Array.isArray(alternative.params["passingSchemas"]);
    const meant = severalPass ? undefined : intendedBranch(branchesOf(match.node) ?? [], match.value);
    const { schema } = withBranch(match.node, meant);
    for (const error of within(alternative.instancePath)) {
      if (error === alternative) continue;
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

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The errors of `sorted` from the first whose path is not below `from`, while `keep` holds. */
function run(
  sorted: readonly ValidationErrorObject[],
  from: string,
  keep: (path: string) => boolean,
): ValidationErrorObject[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as ValidationErrorObject).instancePath < from) low = middle + 1;
    else high = middle;
  }
  const found: ValidationErrorObject[] = [];
  for (let i = low; i < sorted.length && keep((sorted[i] as ValidationErrorObject).instancePath); i += 1)
    found.push(sorted[i] as ValidationErrorObject);
  return found;
}

function depth(pointer: string): number {
  return pointerSegments(pointer).length;
}
