import { pointerToDotted, type Issue } from "../../errors.js";
import type { ValidationErrorObject } from "../../generated/validate-function.js";
import { quote } from "../../words.js";
import { issue, type Place } from "../issue.js";
import { misplacedKey, schemaFallback, schemaProblems, type Alternatives, type SchemaContext } from "../messages.js";
import { fileKinds } from "../pack-layout.js";
import type { SourceFile } from "../parse/source-file.js";
import { fileValidators } from "../schema-validate.js";
import { childPointer, pointerSegments, valueAt } from "../../pointer.js";
import { closestMatch } from "../../suggest.js";
import { reduceAlternatives } from "./alternatives.js";
import { branchesOf, effectiveSchema } from "./branches.js";
import { placementOf, type Placement } from "./misplaced-key.js";
import { operatorForSymbol } from "./operator-symbols.js";
import { schemaAt, type SchemaMatch } from "./schema-at.js";
import { resolveRefs, schemaDocument, type JsonSchema } from "./schema-documents.js";

/**
 * Validates a parsed file against its kind's schema (the generated standalone validator) and
 * turns each ajv error into an issue at the offending node: what is wrong, in which item, what
 * was expected and found, with a "did you mean" for misspelt keys and values.
 */
export function validateFile(file: SourceFile): { issues: Issue[]; errors: readonly ValidationErrorObject[] } {
  const { schema } = fileKinds[file.kind];
  const validate = fileValidators[file.kind];
  const errors = validate(file.data) ? [] : (validate.errors ?? []);
  return { issues: schemaIssues(file, errors, schema), errors };
}

function schemaIssues(file: SourceFile, errors: readonly ValidationErrorObject[], schemaName: string): Issue[] {
  const root = schemaDocument(schemaName);
  const reduced = reduceAlternatives(errors, root, file.data);
  const keysAt = (pointer: string): string[] => {
    const match = schemaAt(root, file.data, pointer);
    return match === undefined ? [] : Object.keys(effectiveSchema(match.node, match.value).schema.properties ?? {});
  };

  // A misspelt required key shows twice (unknown "prority", missing "priority"): say it once.
  const hints = new Map<ValidationErrorObject, string>();
  const explained = new Set<string>();
  // A known key of the level above or below (`add` without `then:`) says where it belongs, and
  // the key it leaves missing (`then`) is the same slip.
  const placements = new Map<ValidationErrorObject, Placement>();
  for (const error of reduced) {
    if (error.keyword !== "additionalProperties") continue;
    const key = String(error.params["additionalProperty"]);
    const hint = closestMatch(key, keysAt(error.instancePath));
    if (hint !== undefined) {
      hints.set(error, hint);
      explained.add(`${error.instancePath}/${hint}`);
      continue;
    }
    const placement = placementOf(root, file.data, error.instancePath, key);
    if (placement === undefined) continue;
    placements.set(error, placement);
    explained.add(
      placement.where === "out"
        ? `${error.instancePath.slice(0, error.instancePath.lastIndexOf("/"))}/${key}`
        : `${error.instancePath}/${placement.parent}`,
    );
  }

  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const error of reduced) {
    if (
      error.keyword === "required" &&
      explained.has(`${error.instancePath}/${String(error.params["missingProperty"])}`)
    )
      continue;
    const signature = `${error.keyword} ${error.instancePath} ${JSON.stringify(error.params)}`;
    if (seen.has(signature)) continue;
    seen.add(signature);
    const match = schemaAt(root, file.data, error.instancePath);
    const context: SchemaContext = {
      ...ownerOf(file, error.instancePath),
      value: valueAt(file.data, error.instancePath),
      params: error.params,
      keys: keysAt(error.instancePath),
      ajvMessage: error.message ?? "is invalid",
      ...suggestionFor(error, hints.get(error), valueAt(file.data, error.instancePath)),
      ...placementFor(placements.get(error)),
      ...(match !== undefined && (error.keyword === "oneOf" || error.keyword === "anyOf")
        ? { alternatives: alternativesAt(match, error) }
        : {}),
    };
    const type = context.placement === undefined ? schemaProblems[error.keyword] : misplacedKey;
    issues.push(issue(type ?? schemaFallback, placeOf(file, error), context));
  }
  return issues;
}

function placementFor(placement: Placement | undefined): { placement?: Placement } {
  return placement === undefined ? {} : { placement };
}

/** Unknown keys sit at the key, duplicates at the repeated item, the rest at the node itself. */
function placeOf(file: SourceFile, error: ValidationErrorObject): Place {
  const { instancePath: at, params } = error;
  if (error.keyword === "additionalProperties")
    return file.place(childPointer(at, String(params["additionalProperty"])), "key");
  if (error.keyword === "uniqueItems") return file.place(childPointer(at, Number(params["i"])));
  return file.place(at);
}

function suggestionFor(
  error: ValidationErrorObject,
  hint: string | undefined,
  value: unknown,
): { suggestion?: string } {
  if (hint !== undefined) return { suggestion: hint };
  const allowed = error.params["allowedValues"];
  if (error.keyword !== "enum" || typeof value !== "string" || !Array.isArray(allowed)) return {};
  const names = allowed.map(String);
  // `operator: ">"`: the symbol the explainer prints, or its keyboard spelling (`>=`).
  const symbol = operatorForSymbol(value);
  const suggestion = symbol !== undefined && names.includes(symbol) ? symbol : closestMatch(value, names);
  return suggestion === undefined ? {} : { suggestion };
}

/** `rule "cbt-moderate"` and the node's path inside it, for pointers into a pack item. */
function ownerOf(file: SourceFile, pointer: string): { owner: string | undefined; field: string } {
  const { key, noun, idKey } = fileKinds[file.kind].collection;
  const [first, index] = pointerSegments(pointer);
  const item = index === undefined ? undefined : valueAt(file.data, childPointer(childPointer("", key), index));
  if (first !== key || index === undefined || !/^\d+$/.test(index) || item === undefined)
    return { owner: undefined, field: pointerToDotted(pointer) };
  const id = typeof item === "object" && item !== null ? (item as Record<string, unknown>)[idKey] : undefined;
  const owner = typeof id === "string" ? `${noun} ${quote(id)}` : `${noun} #${Number(index) + 1}`;
  return { owner, field: pointerToDotted(pointer.slice(childPointer(childPointer("", key), index).length)) };
}

function alternativesAt(match: SchemaMatch, error: ValidationErrorObject): Alternatives {
  const typesOf = (schema: JsonSchema): string[] =>
    schema.type === undefined ? [] : typeof schema.type === "string" ? [schema.type] : [...schema.type];
  return {
    noun: (match.node.schema.title ?? "value").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase(),
    several: Array.isArray(error.params["passingSchemas"]),
    options: (branchesOf(match.node) ?? []).map(({ schema, document }) => ({
      keys: schema.required ?? [],
      types: typesOf(schema),
      itemTypes: schema.items === undefined ? [] : typesOf(resolveRefs({ schema: schema.items, document }).schema),
    })),
  };
}
