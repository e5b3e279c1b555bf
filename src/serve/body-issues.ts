import { shownValue, type Issue } from "../core/index.js";

/** One error of a generated validator that keeps the value it is about (schemas/cds-*: ajv's `verbose`). */
interface SchemaError {
  readonly keyword: string;
  readonly instancePath: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly data?: unknown;
}

/**
 * What each field of a request body must be, in words, by its JSON Pointer with every array index
 * as `*` (`/feedback/*` is any feedback): `"card" must be a card uuid`. The schema says it to ajv;
 * this says it to the client.
 */
export type Expectations = Readonly<Record<string, string>>;

const INDEX = /\/(\d+)(?=\/|$)/g;

/** A pointer with its array indexes as `*`: `/feedback/3` → `/feedback/*`. */
function fieldOf(pointer: string): string {
  return pointer.replace(INDEX, "/*");
}

/**
 * The field an error is about, and what was found there: a missing property is its own field
 * (schema property names hold no `/` or `~` to escape), where nothing was found.
 */
function subjectOf(error: SchemaError): { at: string; found: unknown } {
  const missing = error.params["missingProperty"];
  if (typeof missing === "string") return { at: `${error.instancePath}/${missing}`, found: undefined };
  return { at: error.instancePath, found: error.data };
}

/** What `expectations` says of the field at `at`, or of its nearest worded ancestor. */
function expectedAt(at: string, expectations: Expectations): string {
  for (let field = fieldOf(at); ; field = field.slice(0, field.lastIndexOf("/"))) {
    const expected = expectations[field];
    if (expected !== undefined || field === "") return expected ?? "the body must match its schema";
  }
}

/**
 * A schema validator's errors as issues that say what, where (a JSON Pointer), what was expected
 * and what was found: one issue per field, the first error at it, in the body's order (see
 * `inOrder`). `if` errors are left out: the failed `then` reports its own.
 */
export function bodyIssues(errors: readonly SchemaError[], expectations: Expectations, code: string): Issue[] {
  const issues = new Map<string, Issue>();
  for (const error of errors) {
    if (error.keyword === "if") continue;
    const { at, found } = subjectOf(error);
    if (issues.has(at)) continue;
    const { property } = error.params;
    const expected =
      error.keyword === "dependentRequired" && typeof property === "string"
        ? `"${at.slice(at.lastIndexOf("/") + 1)}" is required with "${property}"`
        : expectedAt(at, expectations);
    issues.set(at, { code, path: at, severity: "error", message: `${expected}; found ${shownValue(found)}` });
  }
  return [...issues.values()].sort(inOrder(expectations));
}

/**
 * Issues in the body's order, whatever order the validator found them in: by array index first
 * (each feedback's problems together), then in the order `expectations` lists the fields.
 */
function inOrder(expectations: Expectations): (a: Issue, b: Issue) => number {
  const fields = Object.keys(expectations);
  const indexes = (path: string): number[] => [...path.matchAll(INDEX)].map((match) => Number(match[1]));
  return (a, b) => {
    const [left, right] = [indexes(a.path), indexes(b.path)];
    for (let i = 0; i < Math.min(left.length, right.length); i++)
      if (left[i] !== right[i]) return (left[i] ?? 0) - (right[i] ?? 0);
    return fields.indexOf(fieldOf(a.path)) - fields.indexOf(fieldOf(b.path));
  };
}
