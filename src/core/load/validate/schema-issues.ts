import { pointerToDotted, type Issue } from "../../errors.js";
import type { ValidationErrorObject } from "../../generated/validate-function.js";
import { describeValue, quote, valueText } from "../../words.js";
import { issue, type Place } from "../issue.js";
import { misplacedKey, schemaFallback, schemaProblems, type SchemaParams } from "../messages.js";
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
    const value = valueAt(file.data, error.instancePath);
    const placement = placements.get(error);
    const params: SchemaParams = {
      ...ownerOf(file, error.instancePath),
      found: describeValue(value),
      keys: keysAt(error.instancePath),
      ...keywordParams(error, value),
      ...suggestionFor(error, hints.get(error), value),
      ...placement,
      ...(match !== undefined && (error.keyword === "oneOf" || error.keyword === "anyOf")
        ? alternativesAt(match, error)
        : {}),
    };
    const type = placement === undefined ? schemaProblems[error.keyword] : misplacedKey;
    issues.push(issue(type ?? schemaFallback, placeOf(file, error), params));
  }
  return issues;
}

/** What the keyword's own parameters say, as plain data. */
function keywordParams(error: ValidationErrorObject, value: unknown): Partial<SchemaParams> {
  const { params } = error;
  switch (error.keyword) {
    case "additionalProperties":
      return { key: String(params["additionalProperty"]) };
    case "required":
      return { key: String(params["missingProperty"]) };
    case "type": {
      const type = params["type"];
      return { types: Array.isArray(type) ? type.map(String) : [String(type)] };
    }
    case "enum": {
      const allowed = params["allowedValues"];
      return { allowed: (Array.isArray(allowed) ? allowed : []).map(valueText) };
    }
    case "pattern":
      return { pattern: String(params["pattern"]) };
    case "maxLength":
      return { limit: Number(params["limit"]), length: String(value).length };
    case "minItems":
    case "minLength":
    case "minimum":
    case "maximum":
      return { limit: Number(params["limit"]) };
    case "uniqueItems": {
      const [i, j] = [Number(params["i"]), Number(params["j"])];
      return {
        item: valueText(Array.isArray(value) ? (value as unknown[])[i] : undefined),
        first: j + 1,
        second: i + 1,
      };
    }
    default:
      return { detail: error.message ?? "is invalid" };
  }
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

/** The shapes a oneOf/anyOf allows (a condition: all, any, not, or fact/operator/value), per branch. */
function alternativesAt(match: SchemaMatch, error: ValidationErrorObject): Partial<SchemaParams> {
  const typesOf = (schema: JsonSchema): string[] =>
    schema.type === undefined ? [] : typeof schema.type === "string" ? [schema.type] : [...schema.type];
  const branches = branchesOf(match.node) ?? [];
  return {
    noun: (match.node.schema.title ?? "value").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase(),
    several: Array.isArray(error.params["passingSchemas"]),
    optionKeys: branches.map(({ schema }) => schema.required ?? []),
    optionTypes: branches.map(({ schema }) => typesOf(schema)),
    optionItemTypes: branches.map(({ schema, document }) =>
      schema.items === undefined ? [] : typesOf(resolveRefs({ schema: schema.items, document }).schema),
    ),
  };
}
