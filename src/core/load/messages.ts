/**
 * Every problem a rule pack can have: its stable code, its severity and its message, in one
 * place. Messages say what is wrong, where, what was expected and what was found; each is pinned
 * by an inline snapshot in tests/core/load/messages.test.ts.
 *
 * Each declaration is marked `@__PURE__` (its factories `@__NO_SIDE_EFFECTS__`), so a bundle keeps
 * only the problems its code can raise: the browser's leaves out those of YAML files, scenario
 * tests and the other checks it never runs (6 KB). esbuild does not carry `@__NO_SIDE_EFFECTS__`
 * on `problem` itself across modules (evanw/esbuild#4369), hence a mark on every call.
 */
import { operators, type OperatorName } from "../run/evaluate/operators/index.js";
import type { FactDefinition } from "../run/facts/types.js";
import type { Condition, ConditionValue } from "../generated/types.js";
import {
  andList,
  describeTypes,
  describeTypesPlural,
  describeValue,
  didYouMean,
  factValues,
  type FactShape,
  mebibytes,
  orList,
  quote,
  withArticle,
} from "../words.js";
import { describeCondition } from "./describe.js";
import { problem, type ProblemType } from "./issue.js";
import type { Placement } from "./validate/misplaced-key.js";

const quoted = (items: readonly string[]): string[] => items.map(quote);

// ── The pack as a whole ─────────────────────────────────────────────────────────────────────────

export const noFiles = /* @__PURE__ */ problem(
  "pack/no-files",
  "error",
  () => "no rule files found: a rule pack needs pack.yaml, components.yaml, evidence.yaml and rule files (*.yaml)",
);

export const missingFile = /* @__PURE__ */ problem(
  "pack/missing-file",
  "error",
  ({ path, holds }: { path: string; holds: string }) => `missing ${path}: a rule pack needs it for ${holds}`,
);

export const duplicatePath = /* @__PURE__ */ problem(
  "pack/duplicate-path",
  "error",
  ({ path, count }: { path: string; count: number }) =>
    `${path} is given ${count} times: each file of a pack needs a path of its own`,
);

export const itemsUnchecked = /* @__PURE__ */ problem(
  "pack/items-unchecked",
  "error",
  () =>
    "some items failed their schema but no problem could be named for them: nothing was compiled (an internal error of backplan: please report it with the pack)",
);

export const nulInPath = /* @__PURE__ */ problem(
  "pack/nul-in-path",
  "error",
  ({ path }: { path: string }) => `the path ${JSON.stringify(path)} holds a NUL character: expected a file path`,
);

export const tooManyFiles = /* @__PURE__ */ problem(
  "pack/too-many-files",
  "error",
  ({ count, limit }: { count: number; limit: number }) =>
    `the pack has ${count} files, more than the limit of ${limit}: nothing was read`,
);

export const packTooLarge = /* @__PURE__ */ problem(
  "pack/too-large",
  "error",
  ({ bytes, limit }: { bytes: number; limit: number }) =>
    `the pack holds ${bytes} bytes, more than the limit of ${limit} (${mebibytes(limit)}): nothing was read`,
);

export const fileTooLarge = /* @__PURE__ */ problem(
  "pack/file-too-large",
  "error",
  ({ bytes, limit }: { bytes: number; limit: number }) =>
    `the file holds ${bytes} bytes, more than the limit of ${limit} (${mebibytes(limit)}): it was not read`,
);

// ── YAML ────────────────────────────────────────────────────────────────────────────────────────

/** A YAML syntax error no plain-words message fits, in the yaml package's words. */
export const yamlProblem = /* @__PURE__ */ problem("yaml/syntax", "error", ({ detail }: { detail: string }) => detail);

// One message per syntax slip, in words an author who does not program can act on (parse/syntax-slip.ts).

export const yamlTab = /* @__PURE__ */ problem(
  "yaml/tab",
  "error",
  ({ line, atStart }: { line: number; atStart: boolean }) =>
    `line ${line} ${atStart ? "starts with a tab" : "has a tab in its indentation"}; YAML indents with spaces only`,
  () => "replace the tab with spaces, as many as the lines it belongs with use",
);

export const yamlIndent = /* @__PURE__ */ problem(
  "yaml/indentation",
  "error",
  ({ line, found, expected }: { line: number; found: number; expected: number }) =>
    `line ${line} is indented ${found} ${found === 1 ? "space" : "spaces"}; the lines around it use ${expected}`,
  ({ expected }) => `YAML reads what belongs together from the indentation: start the line after ${expected} spaces`,
);

export const yamlBadIndent = /* @__PURE__ */ problem(
  "yaml/indentation",
  "error",
  ({ line }: { line: number }) => `line ${line} is not lined up with the lines it belongs with`,
  () =>
    'YAML reads what belongs together from the indentation: check that the keys of one item start in one column, each list item under the one before, and each key is followed by ": "',
);

export const yamlMissingColon = /* @__PURE__ */ problem(
  "yaml/missing-colon",
  "error",
  ({ line, key }: { line: number; key: string; fixed: string }) => `line ${line}: ${quote(key)} needs a colon after it`,
  ({ fixed }) => `write ${fixed}`,
);

export const yamlNoSpaceAfterColon = /* @__PURE__ */ problem(
  "yaml/missing-space",
  "error",
  ({ line }: { line: number; fixed: string }) => `line ${line} needs a space after the colon`,
  ({ fixed }) => `write ${fixed}`,
);

export const yamlColonInValue = /* @__PURE__ */ problem(
  "yaml/needs-quotes",
  "error",
  ({ line, key, mark }: { line: number; key: string; mark: string; fixed: string }) =>
    mark === ": "
      ? `line ${line}: the text after "${key}:" holds a colon and a space, which YAML reads as the start of another key`
      : `line ${line}: the text after "${key}:" holds " #", which YAML reads as the start of a comment`,
  ({ fixed }) => `put the text in quotes: ${fixed}`,
);

export const yamlUnclosedQuote = /* @__PURE__ */ problem(
  "yaml/unclosed-quote",
  "error",
  ({ line, mark }: { line: number; mark: string }) => `line ${line} opens a quote (${mark}) that is never closed`,
  ({ mark }) => `end the text with ${mark} too`,
);

export const yamlTextAfterQuote = /* @__PURE__ */ problem(
  "yaml/text-after-quote",
  "error",
  ({ line, mark }: { line: number; mark: string }) => `line ${line} has more text after the closing quote (${mark})`,
  () => "put the whole text inside one pair of quotes",
);

export const yamlMissingComma = /* @__PURE__ */ problem(
  "yaml/missing-comma",
  "error",
  ({ line, key }: { line: number; key: string }) => `line ${line}: a comma is missing before ${quote(`${key}:`)}`,
  () => 'separate the entries between "{" and "}" with commas, as in { fact: …, operator: …, value: … }',
);

export const yamlUnclosedBracket = /* @__PURE__ */ problem(
  "yaml/unclosed-bracket",
  "error",
  ({ line, open }: { line: number; open: string; closers: string }) =>
    `line ${line} opens "${open}" and never closes it`,
  ({ closers }) => `end the line with "${closers}"`,
);

export const yamlUnopenedBracket = /* @__PURE__ */ problem(
  "yaml/unopened-bracket",
  "error",
  ({ line, close }: { line: number; close: string }) => `line ${line} ends with "${close}" that closes nothing`,
  ({ close }) => `remove the "${close}", or add the bracket it closes`,
);

export const yamlSecondDocument = /* @__PURE__ */ problem(
  "yaml/several-documents",
  "error",
  ({ line }: { line: number }) => `line ${line} starts a second YAML document ("---"); a pack file holds one`,
  () => 'remove the "---" line, or move what follows it to a file of its own',
);

export const yamlReservedStart = /* @__PURE__ */ problem(
  "yaml/reserved-character",
  "error",
  ({ line, value }: { line: number; value: string; fixed: string }) =>
    `line ${line}: ${quote(value)} starts with a character YAML reserves, so it cannot be written without quotes`,
  ({ fixed }) => `put it in quotes: ${fixed}`,
);

export const yamlOperatorSymbol = /* @__PURE__ */ problem(
  "yaml/operator-symbol",
  "error",
  ({ line, symbol, operator }: { line: number; symbol: string; operator: string }) =>
    `line ${line}: operator ${symbol} is written as a symbol; operators are written as names (did you mean ${operator}?)`,
  ({ operator }) => `write operator: ${operator}`,
);

export const yamlBadEscape = /* @__PURE__ */ problem(
  "yaml/escape",
  "error",
  ({ line }: { line: number }) =>
    `line ${line}: a backslash (\\) inside double quotes starts an escape, and this one is not known`,
  () => "write the text in single quotes ('…'), where a backslash is just a backslash, or write it twice (\\\\)",
);

export const yamlStrayDash = /* @__PURE__ */ problem(
  "yaml/stray-dash",
  "error",
  ({ line, key }: { line: number; key: string }) =>
    key === ""
      ? `line ${line} holds a "-" with nothing after it: a list item that is empty`
      : `line ${line} starts with "-", which makes ${quote(key)} a new list item, but it belongs with the keys above it`,
  () => 'remove the "-"',
);

export const yamlWarning = /* @__PURE__ */ problem(
  "yaml/warning",
  "warning",
  ({ detail }: { detail: string }) => detail,
);

export const nulCharacter = /* @__PURE__ */ problem(
  "yaml/nul",
  "error",
  () => "the file holds a NUL character (U+0000), which YAML does not allow: expected text",
);

export const duplicateKey = /* @__PURE__ */ problem(
  "yaml/duplicate-key",
  "error",
  ({ key, firstLine }: { key: string; firstLine: number }) =>
    `duplicate key ${quote(key)}: it is already set on line ${firstLine}, and keys must be unique within a mapping`,
);

export const forbiddenKey = /* @__PURE__ */ problem(
  "yaml/forbidden-key",
  "error",
  ({ key, where }: { key: string; where: string }) =>
    `key ${quote(key)}${where === "" ? "" : ` in ${quote(where)}`} is not allowed: it names a JavaScript object internal, never rule data`,
);

export const complexKey = /* @__PURE__ */ problem(
  "yaml/complex-key",
  "error",
  () => "a key must be plain text, found a mapping or a list used as a key",
);

export const unresolvedAlias = /* @__PURE__ */ problem(
  "yaml/unresolved-alias",
  "error",
  ({ alias }: { alias: string }) => `alias "*${alias}" refers to no anchor: expected "&${alias}" earlier in the file`,
);

export const aliasLimit = /* @__PURE__ */ problem(
  "yaml/alias-limit",
  "error",
  ({ alias, limit }: { alias: string; limit: number }) =>
    `alias "*${alias}" expands the file past ${limit} nodes: nested aliases like this are a "billion laughs" attack, so the file was rejected`,
);

export const tooDeep = /* @__PURE__ */ problem(
  "yaml/too-deep",
  "error",
  ({ limit }: { limit: number }) => `the file nests deeper than ${limit} levels here: expected a shallower structure`,
);

// ── Schema validation ───────────────────────────────────────────────────────────────────────────

/** What a schema message says about the node that failed, as plain data (validate/schema-issues.ts builds it). */
export type SchemaParams = {
  /** The pack item the node lies in, e.g. `rule "cbt-moderate"`. */
  readonly owner?: string | undefined;
  /** The node's dotted path inside its owner (or its file); `""` for the owner or file itself. */
  readonly field: string;
  /** The value found there, described (`describeValue`). */
  readonly found: string;
  /** The keys the node's schema declares. */
  readonly keys: readonly string[];
  /** The closest allowed key or value to what was written. */
  readonly suggestion?: string | undefined;
  /** The unknown or missing key. */
  readonly key?: string | undefined;
  /** The types the node may have. */
  readonly types?: readonly string[] | undefined;
  /** The values it may take, as text (`valueText`). */
  readonly allowed?: readonly string[] | undefined;
  readonly pattern?: string | undefined;
  /** The keyword's limit: a count, a length or a bound. */
  readonly limit?: number | undefined;
  /** The length of the text found, for a text too long. */
  readonly length?: number | undefined;
  /** An item listed twice (`valueText`), and the two places it is listed, counted from 1. */
  readonly item?: string | undefined;
  readonly first?: number | undefined;
  readonly second?: number | undefined;
  /** For an unknown key that is a known key one level off: where it belongs (see misplaced-key.ts). */
  readonly where?: Placement["where"] | undefined;
  readonly parent?: string | undefined;
  /** For a failed oneOf/anyOf: what the node is (`condition`), whether it fits several shapes, and per shape its required keys, its types and its items' types. */
  readonly noun?: string | undefined;
  readonly several?: boolean | undefined;
  readonly optionKeys?: readonly (readonly string[])[] | undefined;
  readonly optionTypes?: readonly (readonly string[])[] | undefined;
  readonly optionItemTypes?: readonly (readonly string[])[] | undefined;
  /** ajv's own message, for keywords without a template. */
  readonly detail?: string | undefined;
};

const prefix = (c: SchemaParams): string => (c.owner === undefined ? "" : `${c.owner}: `);
const within = (c: SchemaParams): string => (c.field === "" ? "" : ` in ${quote(c.field)}`);
const subject = (c: SchemaParams): string =>
  c.field === "" ? (c.owner ?? "the file") : `${prefix(c)}${quote(c.field)}`;
const found = (c: SchemaParams): string => `found ${c.found}`;
const limitOf = (c: SchemaParams): number => Number(c.limit);

/** Words for the patterns our schemas use; others are shown as the pattern itself. */
const PATTERN_WORDS: Readonly<Record<string, string>> = {
  "^[a-z0-9]+(-[a-z0-9]+)*$": 'an id of lowercase letters and digits joined by single hyphens (e.g. "cbt-moderate")',
  "^[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*$": 'a dotted fact name (e.g. "phq9.total")',
  "^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?$": 'a version like "1.2.0"',
  "^10\\.\\d{4,9}/\\S+$": 'a DOI like "10.1000/xyz123", without "https://doi.org/"',
  "^https?://\\S+$": "an http:// or https:// address",
};

function alternativesMessage(c: SchemaParams): string {
  const optionKeys = c.optionKeys ?? [];
  const options = optionKeys.map((keys, i) => ({
    keys,
    types: c.optionTypes?.[i] ?? [],
    itemTypes: c.optionItemTypes?.[i] ?? [],
  }));
  const thing = `${prefix(c)}${withArticle(c.noun ?? "value")}${within(c)}`;
  const keyed = options.filter((o) => o.keys.length > 0);
  if (c.several === true)
    return `${thing} needs only one of ${orList(quoted(keyed.flatMap((o) => o.keys)))}, ${found(c)}`;
  const single = keyed.filter((o) => o.keys.length === 1).flatMap((o) => o.keys);
  const parts = [
    ...keyed.filter((o) => o.keys.length > 1).map((o) => andList(quoted(o.keys))),
    ...(single.length === 0 ? [] : [single.length === 1 ? quote(single[0]) : `one of ${orList(quoted(single))}`]),
    ...options
      .filter((o) => o.keys.length === 0)
      .map((o) => (o.itemTypes.length > 0 ? `a list of ${describeTypesPlural(o.itemTypes)}` : describeTypes(o.types))),
  ];
  return `${thing} ${keyed.length > 0 ? "needs" : "must be"} ${parts.join(", or ")}, ${found(c)}`;
}

/** One problem type per JSON Schema keyword our schemas use. */
export const schemaProblems: Readonly<Record<string, ProblemType<SchemaParams>>> = {
  additionalProperties: /* @__PURE__ */ problem("schema/unknown-key", "error", (c: SchemaParams) => {
    const hint =
      c.suggestion !== undefined
        ? didYouMean(c.suggestion)
        : c.keys.length > 0
          ? `: expected ${orList(quoted(c.keys))}`
          : "";
    return `${prefix(c)}unknown key ${quote(c.key)}${within(c)}${hint}`;
  }),
  required: /* @__PURE__ */ problem(
    "schema/missing-key",
    "error",
    (c: SchemaParams) => `${prefix(c)}missing ${quote(c.key)}${within(c)}`,
  ),
  type: /* @__PURE__ */ problem(
    "schema/type",
    "error",
    (c: SchemaParams) => `${subject(c)} must be ${describeTypes(c.types ?? [])}, ${found(c)}`,
  ),
  enum: /* @__PURE__ */ problem(
    "schema/enum",
    "error",
    (c: SchemaParams) =>
      `${subject(c)} must be ${orList((c.allowed ?? []).map(quote))}, ${found(c)}${didYouMean(c.suggestion)}`,
  ),
  pattern: /* @__PURE__ */ problem("schema/pattern", "error", (c: SchemaParams) => {
    const pattern = String(c.pattern);
    return `${subject(c)} must be ${PATTERN_WORDS[pattern] ?? `text matching /${pattern}/`}, ${found(c)}`;
  }),
  minItems: /* @__PURE__ */ problem(
    "schema/min-items",
    "error",
    (c: SchemaParams) =>
      `${subject(c)} must list at least ${limitOf(c)} ${limitOf(c) === 1 ? "item" : "items"}, ${found(c)}`,
  ),
  minLength: /* @__PURE__ */ problem("schema/length", "error", (c: SchemaParams) =>
    limitOf(c) === 1
      ? `${subject(c)} must not be empty`
      : `${subject(c)} must be at least ${limitOf(c)} characters long, ${found(c)}`,
  ),
  maxLength: /* @__PURE__ */ problem(
    "schema/length",
    "error",
    (c: SchemaParams) => `${subject(c)} must be at most ${limitOf(c)} characters long, found ${c.length}`,
  ),
  minimum: /* @__PURE__ */ problem(
    "schema/range",
    "error",
    (c: SchemaParams) => `${subject(c)} must be at least ${limitOf(c)}, ${found(c)}`,
  ),
  maximum: /* @__PURE__ */ problem(
    "schema/range",
    "error",
    (c: SchemaParams) => `${subject(c)} must be at most ${limitOf(c)}, ${found(c)}`,
  ),
  uniqueItems: /* @__PURE__ */ problem(
    "schema/duplicate-item",
    "error",
    (c: SchemaParams) =>
      `${subject(c)} lists ${quote(c.item)} twice (items ${c.first} and ${c.second}): expected each once`,
  ),
  minProperties: /* @__PURE__ */ problem(
    "schema/empty-mapping",
    "error",
    (c: SchemaParams) => `${subject(c)} needs at least one of ${orList(quoted(c.keys))}, ${found(c)}`,
  ),
  oneOf: /* @__PURE__ */ problem("schema/alternatives", "error", alternativesMessage),
  anyOf: /* @__PURE__ */ problem("schema/alternatives", "error", alternativesMessage),
};

/** An unknown key that is a known key one level off: `add` beside `when` (a forgotten `then:`). */
export const misplacedKey = /* @__PURE__ */ problem(
  "schema/misplaced-key",
  "error",
  (c: SchemaParams) => {
    const key = quote(c.key);
    const { where = "under", parent = "" } = c;
    const belongs =
      where === "under"
        ? `it belongs under ${quote(parent)}`
        : where === "item"
          ? `it belongs in each item of ${quote(parent)}`
          : `it belongs one level out, beside ${quote(parent)}`;
    return `${prefix(c)}${key}${within(c)} is not a key here: ${belongs}`;
  },
  (c: SchemaParams) => {
    const key = String(c.key);
    const { where = "under", parent = "" } = c;
    return where === "under"
      ? `put ${key} under ${parent}:, indented below it`
      : where === "item"
        ? `put ${key} inside the item of ${parent}: it is about, indented like its other keys`
        : `move ${key} out of ${parent}:, indented like ${parent} itself`;
  },
);

/** For a keyword without a template of its own. */
export const schemaFallback = /* @__PURE__ */ problem(
  "schema/invalid",
  "error",
  (c: SchemaParams) => `${subject(c)} ${c.detail ?? "is invalid"}`,
);

// ── Ids and references ──────────────────────────────────────────────────────────────────────────

const duplicate = /* @__NO_SIDE_EFFECTS__ */ (code: string) =>
  /* @__PURE__ */ problem(
    code,
    "error",
    ({ noun, id, first }: { noun: string; id: string; first: string }) =>
      `${noun} id ${quote(id)} is already used at ${first}: expected each id once in the pack`,
  );

export const duplicateRuleId = duplicate("rules/duplicate-id");
export const duplicateComponentId = duplicate("components/duplicate-id");
export const duplicateEvidenceId = duplicate("evidence/duplicate-id");
export const duplicateProfileId = duplicate("pack/duplicate-profile");

export const unknownDefaultProfile = /* @__PURE__ */ problem(
  "pack/unknown-profile",
  "error",
  ({ id, profiles, suggestion }: { id: string; profiles: readonly string[]; suggestion?: string | undefined }) =>
    `defaultProfile ${quote(id)} is not a profile of this pack: expected ${orList(quoted(profiles))}${didYouMean(suggestion)}`,
);

export const unknownComponent = /* @__PURE__ */ problem(
  "rules/unknown-component",
  "error",
  ({ rule, verb, id, suggestion }: { rule: string; verb: string; id: string; suggestion?: string | undefined }) =>
    `rule ${quote(rule)} ${verb} unknown component ${quote(id)}${didYouMean(suggestion)}`,
);

export const unknownEvidence = /* @__PURE__ */ problem(
  "rules/unknown-evidence",
  "error",
  ({ rule, id, suggestion }: { rule: string; id: string; suggestion?: string | undefined }) =>
    `rule ${quote(rule)} cites unknown evidence ${quote(id)}${didYouMean(suggestion)}`,
);

export const unknownFact = /* @__PURE__ */ problem(
  "rules/unknown-fact",
  "error",
  ({ rule, fact, suggestion }: { rule: string; fact: string; suggestion?: string | undefined }) =>
    `rule ${quote(rule)} uses unknown fact ${quote(fact)}${didYouMean(suggestion)}`,
);

export const templateFact = /* @__PURE__ */ problem(
  "rules/template-fact",
  "error",
  ({ rule, fact, suggestion }: { rule: string; fact: string; suggestion?: string | undefined }) =>
    `rule ${quote(rule)}: placeholder ${quote(`{${fact}}`)} names no known fact${didYouMean(suggestion)}`,
);

export const templateSyntax = /* @__PURE__ */ problem(
  "rules/template-syntax",
  "error",
  ({ rule, written }: { rule: string; written: string }) =>
    `rule ${quote(rule)}: ${quote(written)} is not a placeholder: expected a fact name between "{" and "}", like "{phq9.total}"`,
  () => "the plan would show it as written: correct the fact name or the braces, or remove them",
);

// ── Conditions: operators and values against the fact's definition ─────────────────────────────

/**
 * A fact as messages show it, as plain data: its name, type, values and range. `factParams` gives
 * them; `factShape` reads them back for `factValues`.
 */
export type FactParams = {
  readonly fact: string;
  readonly factType: FactDefinition["type"];
  readonly factEnum?: readonly string[] | undefined;
  readonly openEnum?: boolean | undefined;
  readonly minimum?: number | undefined;
  readonly maximum?: number | undefined;
};

export function factParams(fact: FactDefinition): FactParams {
  return {
    fact: fact.name,
    factType: fact.type,
    factEnum: fact.enum,
    openEnum: fact.openEnum,
    minimum: fact.minimum,
    maximum: fact.maximum,
  };
}

function factShape(p: FactParams): FactShape {
  return {
    type: p.factType,
    ...(p.factEnum === undefined ? {} : { enum: p.factEnum }),
    ...(p.openEnum === undefined ? {} : { openEnum: p.openEnum }),
    ...(p.minimum === undefined ? {} : { minimum: p.minimum }),
    ...(p.maximum === undefined ? {} : { maximum: p.maximum }),
  };
}

const factKind = (p: FactParams): string =>
  `${withArticle(p.factType === "string-list" ? "list" : p.factType)} fact${p.factEnum !== undefined && p.openEnum !== true ? ` (${orList(quoted(p.factEnum))})` : ""}`;

export const operatorType = /* @__PURE__ */ problem(
  "rules/operator-type",
  "error",
  (p: { rule: string; operator: string; applicable: readonly string[] } & FactParams) =>
    `rule ${quote(p.rule)}: operator ${quote(p.operator)} does not apply to ${quote(p.fact)}, ${factKind(p)}: expected ${orList(quoted(p.applicable))}`,
);

export const valueShape = /* @__PURE__ */ problem(
  "rules/value-shape",
  "error",
  ({
    rule,
    operator,
    expected,
    value,
  }: {
    rule: string;
    operator: string;
    expected: "scalar" | "list";
    value: ConditionValue;
  }) =>
    `rule ${quote(rule)}: operator ${quote(operator)} compares with ${expected === "list" ? "a list of values" : "a single value"}, found ${describeValue(value)}`,
);

export const valueType = /* @__PURE__ */ problem(
  "rules/value-type",
  "error",
  (p: { rule: string; value: string | number | boolean } & FactParams) =>
    `rule ${quote(p.rule)} compares ${quote(p.fact)}, ${factKind(p)}, with ${describeValue(p.value)}`,
);

/** A number or boolean written in quotes (`value: "15"`): the comparison is right but for the quotes. */
export const quotedValue = /* @__PURE__ */ problem(
  "rules/value-type",
  "error",
  (p: { rule: string; value: string } & FactParams) =>
    `rule ${quote(p.rule)} compares ${quote(p.fact)}, ${factKind(p)}, with ${describeValue(p.value)}`,
  (p) => `remove the quotes: ${p.value.trim()} is ${p.factType === "boolean" ? "true or false, not text" : "a number"}`,
);

export const valueEnum = /* @__PURE__ */ problem(
  "rules/value-enum",
  "error",
  (p: { rule: string; value: string; suggestion?: string | undefined } & FactParams) =>
    `rule ${quote(p.rule)} compares ${quote(p.fact)} with ${quote(p.value)}, which is not one of its values: expected ${orList(quoted(p.factEnum ?? []))}${didYouMean(p.suggestion)}`,
);

const unknownReference = /* @__NO_SIDE_EFFECTS__ */ (code: string, noun: string) =>
  /* @__PURE__ */ problem(
    code,
    "error",
    (p: { rule: string; value: string; suggestion?: string | undefined } & FactParams) =>
      `rule ${quote(p.rule)} compares ${quote(p.fact)} with unknown ${noun} ${quote(p.value)}${didYouMean(p.suggestion)}`,
  );

export const unknownProfileValue = unknownReference("rules/unknown-profile", "profile");
export const unknownComponentValue = unknownReference("rules/unknown-component", "component");
export const unknownCategoryValue = unknownReference("rules/unknown-category", "category");

export const valueRange = /* @__PURE__ */ problem(
  "rules/value-range",
  "warning",
  (p: { rule: string; value: number } & FactParams) =>
    `rule ${quote(p.rule)} lists ${p.value} for ${quote(p.fact)}, which is ${factValues(factShape(p))}: that item can never match`,
  () => "correct the item or remove it from the list",
);

// ── Condition logic: what a condition can and cannot mean ───────────────────────────────────────

/** A condition node as checks find it. */
export interface ConditionRef {
  readonly condition: Condition;
  /** Under an odd number of `not`s. */
  readonly negated: boolean;
}

/** A condition as an issue's parameter: as an author reads it (`phq9.total ≥ 10`). */
export const conditionParam = (node: ConditionRef): string =>
  describeCondition(node.condition, { negated: node.negated, lists: "bracketed" });

// Written out in full: a shortened condition could hide the very threshold the message is about.
const shown = (condition: string, line?: number): string =>
  `${JSON.stringify(condition)}${line === undefined ? "" : ` (line ${line})`}`;

export const neverHolds = /* @__PURE__ */ problem(
  "rules/never-holds",
  "error",
  (p: { rule: string; condition: string } & FactParams) =>
    `rule ${quote(p.rule)}: ${shown(p.condition)} can never hold: ${p.fact} is ${factValues(factShape(p))}`,
  () => "correct the value or the operator (a value on another scale, < for >), or remove the comparison",
);

export const alwaysHolds = /* @__PURE__ */ problem(
  "rules/always-holds",
  "warning",
  ({ rule, condition, facts }: { rule: string; condition: string; facts: readonly string[] }) =>
    `rule ${quote(rule)}: ${shown(condition)} holds whatever the value of ${andList(facts)}: it only tests that ${facts.length === 1 ? "it is" : "they are"} recorded`,
  ({ facts }) =>
    `check the thresholds against the values ${andList(facts)} can take; if the rule is meant for everyone with ${facts.length === 1 ? "it" : "them"} recorded, keep it and say so in its description`,
);

export const contradiction = /* @__PURE__ */ problem(
  "rules/contradiction",
  "error",
  (p: { rule: string; condition: string; conflicts: readonly string[]; conflictLines: readonly number[] }) =>
    `rule ${quote(p.rule)}: ${shown(p.condition)} can never hold together with ${andList(p.conflicts.map((c, i) => shown(c, p.conflictLines[i])))}, and all of them must hold`,
  () => 'one of these thresholds or values is probably wrong; if either one is enough, put them in an "any"',
);

export const duplicateCondition = /* @__PURE__ */ problem(
  "rules/duplicate-condition",
  "warning",
  (p: { rule: string; condition: string; first: string; firstLine: number; within: "all" | "any" }) =>
    `rule ${quote(p.rule)}: ${shown(p.condition)} says again what ${shown(p.first, p.firstLine)} says, in the same ${quote(p.within)}: it adds nothing`,
  () => "remove one of them, or correct the one that was meant to test something else",
);

/** `means`: the threshold that applies, as an author reads it and as its fact, operator and value. */
export const fractionalThreshold = /* @__PURE__ */ problem(
  "rules/fractional-threshold",
  "warning",
  (p: {
    rule: string;
    condition: string;
    means: string;
    meansFact: string;
    meansOperator: string;
    meansValue: number;
  }) =>
    `rule ${quote(p.rule)}: ${shown(p.condition)} compares a whole-number fact with a fraction: it means ${JSON.stringify(p.means)}`,
  (p) =>
    `write the threshold that applies: { fact: ${p.meansFact}, operator: ${p.meansOperator}, value: ${String(p.meansValue)} }`,
);

export const thresholdTextDrift = /* @__PURE__ */ problem(
  "rules/threshold-text",
  "warning",
  ({
    rule,
    field,
    written,
    fact,
    operator,
    value,
  }: {
    rule: string;
    field: string;
    written: string;
    fact: string;
    operator: string;
    value: number;
  }) =>
    `rule ${quote(rule)}: its ${field} says ${quote(written)}, but its condition tests ${fact} ${operators.get(operator as OperatorName)?.symbol ?? operator} ${value}`,
  () =>
    "correct whichever is out of date, the text or the value; if they differ on purpose, list the text's comparison in the rule's intentionalThresholds",
);

// ── Rules together ──────────────────────────────────────────────────────────────────────────────

/** Another rule, as messages name it: its id, priority and `file:line:col` of its id. */
const ruleRef = (id: string, priority: number, at: string): string => `${quote(id)} (priority ${priority}, ${at})`;

/** What a withholding names: `it` for the component itself, or its category. */
const withheldAs = (category: string | undefined): string =>
  category === undefined ? "it" : `it (category ${quote(category)})`;

export const shadowedByHalt = /* @__PURE__ */ problem(
  "rules/shadowed-by-halt",
  "error",
  (p: { rule: string; priority: number; halt: string; haltPriority: number; haltAt: string }) =>
    `rule ${quote(p.rule)} (priority ${p.priority}) can never change a plan: whenever it fires, ${ruleRef(p.halt, p.haltPriority, p.haltAt)} fires too and halts the plan, which withholds everything added below priority ${p.haltPriority}`,
  (p) =>
    `give ${quote(p.rule)} priority ${p.haltPriority} if it belongs with the halt (a halt keeps what its own priority adds), narrow its condition, or retire it`,
);

/** `by`: the rule that withholds, with its priority and where its id is written. */
type Withholding = {
  rule: string;
  component: string;
  by: string;
  byPriority: number;
  byAt: string;
  category?: string | undefined;
};

export const alwaysWithheld = /* @__PURE__ */ problem(
  "rules/always-withheld",
  "warning",
  (p: Withholding) =>
    `rule ${quote(p.rule)} adds ${quote(p.component)}, but whenever it fires ${ruleRef(p.by, p.byPriority, p.byAt)} withholds ${withheldAs(p.category)}: the addition never reaches a plan`,
  (p) =>
    `remove the addition, or narrow the condition of ${quote(p.by)} if ${quote(p.component)} should be offered here`,
);

export const addWithholdConflict = /* @__PURE__ */ problem(
  "rules/add-withhold-conflict",
  "warning",
  (p: Withholding) =>
    p.by === p.rule
      ? `rule ${quote(p.rule)} adds ${quote(p.component)} and withholds ${withheldAs(p.category)} itself: withholding wins, so the addition never reaches a plan`
      : `rule ${quote(p.rule)} adds ${quote(p.component)} and ${ruleRef(p.by, p.byPriority, p.byAt)} withholds ${withheldAs(p.category)} at the same priority; lint cannot show they never fire together, and if both do, withholding wins`,
  (p) =>
    p.by === p.rule
      ? "remove the addition or the withholding"
      : `if ${quote(p.component)} should be offered when both fire, make their conditions exclude each other; if withholding should win, say so by giving ${quote(p.by)} a higher priority (withholding wins whatever the priorities)`,
);

export const equivalentConditions = /* @__PURE__ */ problem(
  "rules/equivalent-conditions",
  "warning",
  (p: { rule: string; first: string; firstPriority: number; firstAt: string }) =>
    `rule ${quote(p.rule)} fires exactly when ${ruleRef(p.first, p.firstPriority, p.firstAt)} does: their conditions are equivalent, at the same priority`,
  (p) => `merge it into ${quote(p.first)}, or correct the condition that was meant to differ`,
);

// ── Scenario tests ──────────────────────────────────────────────────────────────────────────────

const scenarioReference = /* @__NO_SIDE_EFFECTS__ */ (code: string, noun: string) =>
  /* @__PURE__ */ problem(
    code,
    "error",
    ({
      scenario,
      key,
      id,
      suggestion,
    }: {
      scenario: string;
      key: string;
      id: string;
      suggestion?: string | undefined;
    }) => `scenario ${quote(scenario)} names unknown ${noun} ${quote(id)} in ${quote(key)}${didYouMean(suggestion)}`,
  );

export const scenarioUnknownProfile = /* @__PURE__ */ problem(
  "scenarios/unknown-profile",
  "error",
  ({ scenario, id, suggestion }: { scenario: string; id: string; suggestion?: string | undefined }) =>
    `scenario ${quote(scenario)} is made under unknown profile ${quote(id)}${didYouMean(suggestion)}`,
);
export const scenarioInvalidAssessment = /* @__PURE__ */ problem(
  "scenarios/invalid-assessment",
  "warning",
  ({ scenario, others, field, message }: { scenario: string; others: number; field: string; message: string }) =>
    `scenario ${quote(scenario)}${others === 0 ? "" : ` (and ${others} more sharing this value)`}: its assessment is invalid: ${field === "" ? "" : `${field}: `}${message}`,
  () => "backplan test reports this scenario as invalid, and runs no plan for it, until the assessment is fixed",
);
export const scenarioUnknownComponent = scenarioReference("scenarios/unknown-component", "component");
export const scenarioUnknownRule = scenarioReference("scenarios/unknown-rule", "rule");
export const scenarioUnknownField = scenarioReference("scenarios/unknown-field", "assessment field");

// ── Governance ──────────────────────────────────────────────────────────────────────────────────

export const notACalendarDay = /* @__PURE__ */ problem(
  "governance/not-a-date",
  "error",
  ({ rule, key, date }: { rule: string; key: string; date: string }) =>
    `rule ${quote(rule)} has ${key} ${date}, which is not a day of the calendar: expected a real date, YYYY-MM-DD`,
);

export const reviewedInFuture = /* @__PURE__ */ problem(
  "governance/reviewed-in-future",
  "warning",
  ({ rule, reviewedOn, today }: { rule: string; reviewedOn: string; today: string }) =>
    `rule ${quote(rule)} says it was reviewed on ${reviewedOn}, after today (${today}): expected the date of a review that took place`,
);

export const reviewDueBeforeReview = /* @__PURE__ */ problem(
  "governance/review-due-before-review",
  "error",
  ({ rule, reviewDue, reviewedOn }: { rule: string; reviewDue: string; reviewedOn: string }) =>
    `rule ${quote(rule)} is due for review on ${reviewDue}, not after its last review on ${reviewedOn}: expected reviewDue later than reviewedOn`,
);

export const reviewOverdue = /* @__PURE__ */ problem(
  "governance/review-overdue",
  "warning",
  ({ rule, reviewDue, today }: { rule: string; reviewDue: string; today: string }) =>
    `rule ${quote(rule)} was due for review on ${reviewDue} and today is ${today}: expected a review (then update reviewedBy, reviewedOn and reviewDue)`,
);

export const reviewerWithoutDate = /* @__PURE__ */ problem(
  "governance/reviewer-without-date",
  "warning",
  ({ rule, present, absent }: { rule: string; present: string; absent: string }) =>
    `rule ${quote(rule)} has ${present} but no ${absent}: a review is recorded by who and when, expected both`,
);

// ── Warnings ────────────────────────────────────────────────────────────────────────────────────

export const componentNeverAdded = /* @__PURE__ */ problem(
  "components/unused",
  "warning",
  ({ id, retiredRules }: { id: string; retiredRules: readonly string[] }) =>
    retiredRules.length === 0
      ? `component ${quote(id)} is never added or withheld by any rule: expected a rule to add it (or to answer a request for it), or remove it`
      : `component ${quote(id)} is added only by retired ${retiredRules.length === 1 ? "rule" : "rules"} ${andList(quoted(retiredRules))}, which never ${retiredRules.length === 1 ? "runs" : "run"}: it can never reach a plan`,
  () => 'add it in a rule\'s "then.add", or delete it from components.yaml',
);

export const evidenceNeverCited = /* @__PURE__ */ problem(
  "evidence/unused",
  "warning",
  ({ id }: { id: string }) =>
    `evidence ${quote(id)} is never cited by any rule: expected a rule to cite it, or remove it`,
  () => 'cite it in the "evidence" list of the rules it supports, or delete it from evidence.yaml',
);

export const evidenceWithoutLink = /* @__PURE__ */ problem(
  "evidence/no-link",
  "warning",
  ({ id }: { id: string }) => `evidence ${quote(id)} has neither a doi nor a url: a reviewer cannot open the source`,
  () => 'add "doi: 10.…" (without "https://doi.org/") or "url: https://…"',
);

// ── Contraindications and competing details ────────────────────────────────────────────────────

export const duplicateContraindicationId = /* @__PURE__ */ problem(
  "components/duplicate-contraindication",
  "error",
  ({ id, firstAt }: { id: string; firstAt: string }) =>
    `duplicate contraindication id ${quote(id)}: first defined at ${firstAt}; plans name it as contraindication:${id}, so it must be unique across the pack`,
);

/** The two details as text, and whether each was text (quoted in the message) or a number or boolean (not). */
export const conflictingDetails = /* @__PURE__ */ problem(
  "rules/conflicting-details",
  "error",
  (p: {
    rule: string;
    component: string;
    key: string;
    value: string;
    quoted: boolean;
    other: string;
    otherValue: string;
    otherQuoted: boolean;
    line: number;
  }) =>
    `rule ${quote(p.rule)} gives ${p.component} ${p.key} ${detailValue(p.value, p.quoted)} where rule ${quote(p.other)} (line ${p.line}), of the same priority, gives ${detailValue(p.otherValue, p.otherQuoted)}: which wins would depend on rule ids`,
  () =>
    "give the rules different priorities (the higher one's details win), or the same value; only a referral's urgency may differ (the most urgent wins)",
);

function detailValue(text: string, quoted: boolean): string {
  return quoted ? quote(text) : text;
}
