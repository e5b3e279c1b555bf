/**
 * ajv's errors, translated into issues that name the field, the value found and what was
 * expected. One translator per schema keyword (the keywords the assessment schema uses); the
 * schema node an error came from supplies the range, the allowed values or the field names.
 */
import { distance } from "fastest-levenshtein";
import type { Issue } from "../../errors.js";
import type { ValidationErrorObject } from "../../generated/validate-function.js";
import { fieldPaths } from "./fields.js";
import { forbiddenKeyIssues, forbiddenKeys } from "./forbidden-keys.js";
import { escapeSegment, unescapeSegment } from "../../pointer.js";
import { closestMatch } from "../../suggest.js";
import { codes, issue, messages } from "./messages.js";
import { schemaAt, type SchemaNode } from "./schema.js";

/** What a translator sees: the error, the node holding its keyword, and the value it is about. */
interface Context {
  readonly error: ValidationErrorObject;
  readonly node: SchemaNode;
  readonly value: unknown;
}

type Translator = (context: Context) => Issue;

const translators: Readonly<Record<string, Translator>> = {
  additionalProperties: ({ error, node }) => {
    const key = String(error.params["additionalProperty"]);
    const path = `${error.instancePath}/${escapeSegment(key)}`;
    if (forbiddenKeys.has(key)) return issue(codes.forbiddenKey, path, messages.forbiddenKey(key));
    return issue(
      codes.unknownField,
      path,
      messages.unknownField(suggestField(key, Object.keys(node.properties ?? {}))),
    );
  },
  required: ({ error }) =>
    issue(
      codes.missingField,
      `${error.instancePath}/${escapeSegment(String(error.params["missingProperty"]))}`,
      messages.missingField(),
    ),
  type: ({ error, value }) => {
    const expected = error.params["type"];
    return issue(
      codes.wrongType,
      error.instancePath,
      messages.wrongType(value, Array.isArray(expected) ? expected.map(String) : [String(expected)]),
    );
  },
  minimum: outOfRange,
  maximum: outOfRange,
  enum: ({ error, node, value }) => {
    const allowed = node.enum ?? [];
    return issue(
      codes.unknownValue,
      error.instancePath,
      messages.unknownValue(value, allowed, typeof value === "string" ? suggestValue(value, allowed) : undefined),
    );
  },
  pattern: ({ error, node, value }) =>
    issue(
      codes.wrongFormat,
      error.instancePath,
      messages.wrongFormat(value, node.examples?.[0] ?? error.params["pattern"]),
    ),
  minLength: ({ error }) => issue(codes.wrongFormat, error.instancePath, messages.emptyText()),
  minItems: wrongLength,
  maxItems: wrongLength,
  uniqueItems: ({ error, value }) => {
    const index = Number(error.params["i"]);
    return issue(
      codes.duplicateItem,
      error.instancePath,
      messages.duplicateItem(Array.isArray(value) ? value[index] : undefined),
    );
  },
};

function outOfRange({ error, node, value }: Context): Issue {
  return issue(codes.outOfRange, error.instancePath, messages.outOfRange(Number(value), node.minimum, node.maximum));
}

function wrongLength({ error, node, value }: Context): Issue {
  const found = Array.isArray(value) ? value.length : 0;
  return issue(codes.wrongLength, error.instancePath, messages.wrongLength(found, node.minItems, node.maxItems));
}

/** The keywords this module can explain; a test checks the schema uses no others. */
export const translatedKeywords: readonly string[] = Object.keys(translators);

/**
 * Every ajv error as an issue, in the validator's (schema) order, then every forbidden key ajv did
 * not reach; once per path and code.
 */
export function schemaIssues(
  errors: readonly ValidationErrorObject[],
  input: unknown,
  limit: number = MAX_REPORTED,
): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  // Past the limit, errors are only counted (by place and keyword): translating 65,000 unknown
  // keys, each with its did-you-mean, would cost seconds for a list nobody reads.
  const beyond = new Set<string>();
  const add = (found: Issue) => {
    const key = `${found.path}\u0000${found.code}`;
    if (seen.has(key)) return;
    seen.add(key);
    issues.push(found);
  };
  for (const error of errors) {
    if (issues.length >= limit) {
      const extra = (error.params as { additionalProperty?: unknown }).additionalProperty;
      beyond.add(`${error.instancePath}/${typeof extra === "string" ? extra : ""}\u0000${error.keyword}`);
      continue;
    }
    const translate = translators[error.keyword];
    add(
      translate === undefined
        ? issue(codes.invalid, error.instancePath, messages.invalid(error.message ?? error.keyword))
        : translate({ error, node: keywordParent(error.schemaPath), value: valueAt(input, error.instancePath) }),
    );
  }
  for (const found of forbiddenKeyIssues(input)) {
    if (issues.length < limit) add(found);
    else beyond.add(`${found.path}\u0000${found.code}`);
  }
  if (beyond.size > 0) issues.push(issue(codes.moreProblems, "", messages.moreProblems(beyond.size)));
  return issues;
}

/** How many problems an assessment's validation lists before it only counts the rest. */
export const MAX_REPORTED = 100;

/** `#/properties/pain/properties/intensity/maximum` → the `intensity` node. */
function keywordParent(schemaPath: string): SchemaNode {
  return schemaAt(schemaPath.slice(1, schemaPath.lastIndexOf("/"))) ?? {};
}

function valueAt(input: unknown, pointer: string): unknown {
  let node = input;
  for (const segment of pointer.split("/").slice(1)) {
    const key = unescapeSegment(segment);
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * A sibling with a close spelling (`phq-9` → `phq9`), else the one field elsewhere with a close
 * name, by its full path (`age` → `patient.age`, `phq9` at the top → `questionnaires.phq9`).
 */
function suggestField(key: string, siblings: readonly string[]): string | undefined {
  const sibling = suggestValue(key, siblings);
  if (sibling !== undefined) return sibling;
  const lower = key.toLowerCase();
  const limit = tolerance(key);
  let best: string[] = [];
  let bestDistance = Infinity;
  for (const path of fieldPaths) {
    const d = distance(lower, path.slice(path.lastIndexOf(".") + 1).toLowerCase());
    if (d > limit || d > bestDistance) continue;
    if (d < bestDistance) [best, bestDistance] = [[], d];
    best.push(path);
  }
  return best.length === 1 ? best[0] : undefined;
}

function suggestValue(found: string, candidates: readonly unknown[]): string | undefined {
  return closestMatch(
    found,
    candidates.filter((c): c is string => typeof c === "string"),
  );
}

/** How many edits a misspelling may be away: one per three characters, at least one. */
function tolerance(word: string): number {
  return Math.max(1, Math.floor(word.length / 3));
}
