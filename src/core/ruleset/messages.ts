/**
 * Every problem a rule pack can have: its stable code, its severity and its message, in one
 * place. Messages say what is wrong, where, what was expected and what was found; each is pinned
 * by an inline snapshot in tests/core/ruleset/messages.test.ts.
 */
import type { FactDefinition } from "../facts/types.js";
import {
  andList,
  describeTypes,
  describeTypesPlural,
  describeValue,
  didYouMean,
  mebibytes,
  orList,
  quote,
  withArticle,
} from "./describe.js";
import { problem, type ProblemType } from "./issue.js";

const quoted = (items: readonly string[]): string[] => items.map(quote);

// ── The pack as a whole ─────────────────────────────────────────────────────────────────────────

export const noFiles = problem(
  "pack/no-files",
  "error",
  () => "no rule files found: a rule pack needs pack.yaml, components.yaml, evidence.yaml and rule files (*.yaml)",
);

export const missingFile = problem(
  "pack/missing-file",
  "error",
  (path: string, holds: string) => `missing ${path}: a rule pack needs it for ${holds}`,
);

export const duplicatePath = problem(
  "pack/duplicate-path",
  "error",
  (path: string, count: number) => `${path} is given ${count} times: each file of a pack needs a path of its own`,
);

export const nulInPath = problem(
  "pack/nul-in-path",
  "error",
  (path: string) => `the path ${JSON.stringify(path)} holds a NUL character: expected a file path`,
);

export const tooManyFiles = problem(
  "pack/too-many-files",
  "error",
  (count: number, limit: number) => `the pack has ${count} files, more than the limit of ${limit}: nothing was read`,
);

export const packTooLarge = problem(
  "pack/too-large",
  "error",
  (bytes: number, limit: number) =>
    `the pack holds ${bytes} bytes, more than the limit of ${limit} (${mebibytes(limit)}): nothing was read`,
);

export const fileTooLarge = problem(
  "pack/file-too-large",
  "error",
  (bytes: number, limit: number) =>
    `the file holds ${bytes} bytes, more than the limit of ${limit} (${mebibytes(limit)}): it was not read`,
);

// ── YAML ────────────────────────────────────────────────────────────────────────────────────────

/** A YAML syntax error, in the yaml package's words. */
export const yamlProblem = problem("yaml/syntax", "error", (detail: string) => detail);

export const yamlWarning = problem("yaml/warning", "warning", (detail: string) => detail);

export const nulCharacter = problem(
  "yaml/nul",
  "error",
  () => "the file holds a NUL character (U+0000), which YAML does not allow: expected text",
);

export const duplicateKey = problem(
  "yaml/duplicate-key",
  "error",
  (key: string, firstLine: number) =>
    `duplicate key ${quote(key)}: it is already set on line ${firstLine}, and keys must be unique within a mapping`,
);

export const forbiddenKey = problem(
  "yaml/forbidden-key",
  "error",
  (key: string, where: string) =>
    `key ${quote(key)}${where === "" ? "" : ` in ${quote(where)}`} is not allowed: it names a JavaScript object internal, never rule data`,
);

export const complexKey = problem(
  "yaml/complex-key",
  "error",
  () => "a key must be plain text, found a mapping or a list used as a key",
);

export const unresolvedAlias = problem(
  "yaml/unresolved-alias",
  "error",
  (alias: string) => `alias "*${alias}" refers to no anchor: expected "&${alias}" earlier in the file`,
);

export const aliasLimit = problem(
  "yaml/alias-limit",
  "error",
  (alias: string, limit: number) =>
    `alias "*${alias}" expands the file past ${limit} nodes: nested aliases like this are a "billion laughs" attack, so the file was rejected`,
);

export const tooDeep = problem(
  "yaml/too-deep",
  "error",
  (limit: number) => `the file nests deeper than ${limit} levels here: expected a shallower structure`,
);

// ── Schema validation ───────────────────────────────────────────────────────────────────────────

/** What schema messages know about the node that failed. */
export interface SchemaContext {
  /** The pack item the node lies in, e.g. `rule "cbt-moderate"`. */
  readonly owner: string | undefined;
  /** The node's dotted path inside its owner (or its file); `""` for the owner or file itself. */
  readonly field: string;
  readonly value: unknown;
  readonly params: Readonly<Record<string, unknown>>;
  /** The keys the node's schema declares. */
  readonly keys: readonly string[];
  /** The closest allowed key or value to what was written. */
  readonly suggestion?: string;
  /** For a failed oneOf/anyOf: the shapes the node could take. */
  readonly alternatives?: Alternatives;
  /** ajv's own message, for keywords without a template. */
  readonly ajvMessage: string;
}

/** The shapes a oneOf/anyOf allows, e.g. a condition: all, any, not, or fact/operator/value. */
export interface Alternatives {
  /** What the node is, from the schema's title: `condition`. */
  readonly noun: string;
  /** Per branch: the keys it requires (a mapping), or the types it allows. */
  readonly options: readonly {
    readonly keys: readonly string[];
    readonly types: readonly string[];
    readonly itemTypes: readonly string[];
  }[];
  /** Whether the node fits several branches of a oneOf. */
  readonly several: boolean;
}

const prefix = (c: SchemaContext): string => (c.owner === undefined ? "" : `${c.owner}: `);
const within = (c: SchemaContext): string => (c.field === "" ? "" : ` in ${quote(c.field)}`);
const subject = (c: SchemaContext): string =>
  c.field === "" ? (c.owner ?? "the file") : `${prefix(c)}${quote(c.field)}`;
const found = (c: SchemaContext): string => `found ${describeValue(c.value)}`;
const param = (c: SchemaContext, name: string): unknown => c.params[name];
const limitOf = (c: SchemaContext): number => Number(param(c, "limit"));

/** Words for the patterns our schemas use; others are shown as the pattern itself. */
const PATTERN_WORDS: Readonly<Record<string, string>> = {
  "^[a-z0-9]+(-[a-z0-9]+)*$": 'an id of lowercase letters and digits joined by single hyphens (e.g. "cbt-moderate")',
  "^[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*$": 'a dotted fact name (e.g. "phq9.total")',
  "^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?$": 'a version like "1.2.0"',
  "^10\\.\\d{4,9}/\\S+$": 'a DOI like "10.1000/xyz123", without "https://doi.org/"',
  "^https?://\\S+$": "an http:// or https:// address",
};

function alternativesMessage(c: SchemaContext): string {
  const { noun, options, several } = c.alternatives ?? { noun: "value", options: [], several: false };
  const thing = `${prefix(c)}${withArticle(noun)}${within(c)}`;
  const keyed = options.filter((o) => o.keys.length > 0);
  if (several) return `${thing} needs only one of ${orList(quoted(keyed.flatMap((o) => o.keys)))}, ${found(c)}`;
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
export const schemaProblems: Readonly<Record<string, ProblemType<[SchemaContext]>>> = {
  additionalProperties: problem("schema/unknown-key", "error", (c: SchemaContext) => {
    const hint =
      c.suggestion !== undefined
        ? didYouMean(c.suggestion)
        : c.keys.length > 0
          ? `: expected ${orList(quoted(c.keys))}`
          : "";
    return `${prefix(c)}unknown key ${quote(param(c, "additionalProperty"))}${within(c)}${hint}`;
  }),
  required: problem(
    "schema/missing-key",
    "error",
    (c: SchemaContext) => `${prefix(c)}missing ${quote(param(c, "missingProperty"))}${within(c)}`,
  ),
  type: problem("schema/type", "error", (c: SchemaContext) => {
    const type = param(c, "type");
    return `${subject(c)} must be ${describeTypes(Array.isArray(type) ? type.map(String) : [String(type)])}, ${found(c)}`;
  }),
  enum: problem("schema/enum", "error", (c: SchemaContext) => {
    const allowed = param(c, "allowedValues");
    return `${subject(c)} must be ${orList((Array.isArray(allowed) ? allowed : []).map(quote))}, ${found(c)}${didYouMean(c.suggestion)}`;
  }),
  pattern: problem("schema/pattern", "error", (c: SchemaContext) => {
    const pattern = String(param(c, "pattern"));
    return `${subject(c)} must be ${PATTERN_WORDS[pattern] ?? `text matching /${pattern}/`}, ${found(c)}`;
  }),
  minItems: problem(
    "schema/min-items",
    "error",
    (c: SchemaContext) =>
      `${subject(c)} must list at least ${limitOf(c)} ${limitOf(c) === 1 ? "item" : "items"}, ${found(c)}`,
  ),
  minLength: problem("schema/length", "error", (c: SchemaContext) =>
    limitOf(c) === 1
      ? `${subject(c)} must not be empty`
      : `${subject(c)} must be at least ${limitOf(c)} characters long, ${found(c)}`,
  ),
  maxLength: problem(
    "schema/length",
    "error",
    (c: SchemaContext) =>
      `${subject(c)} must be at most ${limitOf(c)} characters long, found ${String(c.value).length}`,
  ),
  minimum: problem(
    "schema/range",
    "error",
    (c: SchemaContext) => `${subject(c)} must be at least ${limitOf(c)}, ${found(c)}`,
  ),
  maximum: problem(
    "schema/range",
    "error",
    (c: SchemaContext) => `${subject(c)} must be at most ${limitOf(c)}, ${found(c)}`,
  ),
  uniqueItems: problem("schema/duplicate-item", "error", (c: SchemaContext) => {
    const [i, j] = [Number(param(c, "i")), Number(param(c, "j"))];
    const item: unknown = Array.isArray(c.value) ? (c.value as unknown[])[i] : undefined;
    return `${subject(c)} lists ${quote(item)} twice (items ${j + 1} and ${i + 1}): expected each once`;
  }),
  minProperties: problem(
    "schema/empty-mapping",
    "error",
    (c: SchemaContext) => `${subject(c)} needs at least one of ${orList(quoted(c.keys))}, ${found(c)}`,
  ),
  oneOf: problem("schema/alternatives", "error", alternativesMessage),
  anyOf: problem("schema/alternatives", "error", alternativesMessage),
};

/** For a keyword without a template of its own. */
export const schemaFallback = problem("schema/invalid", "error", (c: SchemaContext) => `${subject(c)} ${c.ajvMessage}`);

// ── Ids and references ──────────────────────────────────────────────────────────────────────────

const duplicate = (code: string) =>
  problem(
    code,
    "error",
    (noun: string, id: string, first: string) =>
      `${noun} id ${quote(id)} is already used at ${first}: expected each id once in the pack`,
  );

export const duplicateRuleId = duplicate("rules/duplicate-id");
export const duplicateComponentId = duplicate("components/duplicate-id");
export const duplicateEvidenceId = duplicate("evidence/duplicate-id");
export const duplicateProfileId = duplicate("pack/duplicate-profile");

export const unknownDefaultProfile = problem(
  "pack/unknown-profile",
  "error",
  (id: string, profiles: readonly string[], suggestion?: string) =>
    `defaultProfile ${quote(id)} is not a profile of this pack: expected ${orList(quoted(profiles))}${didYouMean(suggestion)}`,
);

export const unknownComponent = problem(
  "rules/unknown-component",
  "error",
  (rule: string, verb: string, id: string, suggestion?: string) =>
    `rule ${quote(rule)} ${verb} unknown component ${quote(id)}${didYouMean(suggestion)}`,
);

export const unknownEvidence = problem(
  "rules/unknown-evidence",
  "error",
  (rule: string, id: string, suggestion?: string) =>
    `rule ${quote(rule)} cites unknown evidence ${quote(id)}${didYouMean(suggestion)}`,
);

export const unknownFact = problem(
  "rules/unknown-fact",
  "error",
  (rule: string, fact: string, suggestion?: string) =>
    `rule ${quote(rule)} uses unknown fact ${quote(fact)}${didYouMean(suggestion)}`,
);

export const templateFact = problem(
  "rules/template-fact",
  "error",
  (rule: string, fact: string, suggestion?: string) =>
    `rule ${quote(rule)}: placeholder ${quote(`{${fact}}`)} names no known fact${didYouMean(suggestion)}`,
);

// ── Conditions: operators and values against the fact's definition ─────────────────────────────

const factKind = (fact: FactDefinition): string =>
  `${withArticle(fact.type === "string-list" ? "list" : fact.type)} fact${fact.enum !== undefined && !fact.openEnum ? ` (${orList(quoted(fact.enum))})` : ""}`;

export const operatorType = problem(
  "rules/operator-type",
  "error",
  (rule: string, operator: string, fact: FactDefinition, applicable: readonly string[]) =>
    `rule ${quote(rule)}: operator ${quote(operator)} does not apply to ${quote(fact.name)}, ${factKind(fact)}: expected ${orList(quoted(applicable))}`,
);

export const valueShape = problem(
  "rules/value-shape",
  "error",
  (rule: string, operator: string, expected: "scalar" | "list", value: unknown) =>
    `rule ${quote(rule)}: operator ${quote(operator)} compares with ${expected === "list" ? "a list of values" : "a single value"}, found ${describeValue(value)}`,
);

export const valueType = problem(
  "rules/value-type",
  "error",
  (rule: string, fact: FactDefinition, value: unknown) =>
    `rule ${quote(rule)} compares ${quote(fact.name)}, ${factKind(fact)}, with ${describeValue(value)}`,
);

export const valueEnum = problem(
  "rules/value-enum",
  "error",
  (rule: string, fact: FactDefinition, value: string, suggestion?: string) =>
    `rule ${quote(rule)} compares ${quote(fact.name)} with ${quote(value)}, which is not one of its values: expected ${orList(quoted(fact.enum ?? []))}${didYouMean(suggestion)}`,
);

const unknownReference = (code: string, noun: string) =>
  problem(
    code,
    "error",
    (rule: string, fact: FactDefinition, value: string, suggestion?: string) =>
      `rule ${quote(rule)} compares ${quote(fact.name)} with unknown ${noun} ${quote(value)}${didYouMean(suggestion)}`,
  );

export const unknownProfileValue = unknownReference("rules/unknown-profile", "profile");
export const unknownComponentValue = unknownReference("rules/unknown-component", "component");
export const unknownCategoryValue = unknownReference("rules/unknown-category", "category");

export const valueRange = problem(
  "rules/value-range",
  "warning",
  (rule: string, fact: FactDefinition, value: number) =>
    `rule ${quote(rule)} compares ${quote(fact.name)} with ${value}, outside its range ${fact.minimum ?? "-∞"}–${fact.maximum ?? "∞"}: the comparison can never change`,
);

// ── Scenario tests ──────────────────────────────────────────────────────────────────────────────

const scenarioReference = (code: string, noun: string) =>
  problem(
    code,
    "error",
    (scenario: string, key: string, id: string, suggestion?: string) =>
      `scenario ${quote(scenario)} names unknown ${noun} ${quote(id)} in ${quote(key)}${didYouMean(suggestion)}`,
  );

export const scenarioUnknownProfile = problem(
  "scenarios/unknown-profile",
  "error",
  (scenario: string, id: string, suggestion?: string) =>
    `scenario ${quote(scenario)} is made under unknown profile ${quote(id)}${didYouMean(suggestion)}`,
);
export const scenarioUnknownComponent = scenarioReference("scenarios/unknown-component", "component");
export const scenarioUnknownRule = scenarioReference("scenarios/unknown-rule", "rule");
export const scenarioUnknownField = scenarioReference("scenarios/unknown-field", "assessment field");

// ── Governance ──────────────────────────────────────────────────────────────────────────────────

export const notACalendarDay = problem(
  "governance/not-a-date",
  "error",
  (rule: string, key: string, date: string) =>
    `rule ${quote(rule)} has ${key} ${date}, which is not a day of the calendar: expected a real date, YYYY-MM-DD`,
);

export const reviewedInFuture = problem(
  "governance/reviewed-in-future",
  "error",
  (rule: string, reviewedOn: string, today: string) =>
    `rule ${quote(rule)} says it was reviewed on ${reviewedOn}, after today (${today}): expected the date of a review that took place`,
);

export const reviewDueBeforeReview = problem(
  "governance/review-due-before-review",
  "error",
  (rule: string, reviewDue: string, reviewedOn: string) =>
    `rule ${quote(rule)} is due for review on ${reviewDue}, not after its last review on ${reviewedOn}: expected reviewDue later than reviewedOn`,
);

export const reviewOverdue = problem(
  "governance/review-overdue",
  "warning",
  (rule: string, reviewDue: string, today: string) =>
    `rule ${quote(rule)} was due for review on ${reviewDue} and today is ${today}: expected a review (then update reviewedBy, reviewedOn and reviewDue)`,
);

export const reviewerWithoutDate = problem(
  "governance/reviewer-without-date",
  "warning",
  (rule: string, present: string, absent: string) =>
    `rule ${quote(rule)} has ${present} but no ${absent}: a review is recorded by who and when, expected both`,
);

// ── Warnings ────────────────────────────────────────────────────────────────────────────────────

export const componentNeverAdded = problem(
  "components/unused",
  "warning",
  (id: string) => `component ${quote(id)} is never added by any rule: expected a rule to add it, or remove it`,
);

export const evidenceNeverCited = problem(
  "evidence/unused",
  "warning",
  (id: string) => `evidence ${quote(id)} is never cited by any rule: expected a rule to cite it, or remove it`,
);
