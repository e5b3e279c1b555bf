import type { Issue, Result } from "../../errors.js";
import type { PackJson } from "../../generated/types.js";
import type { ValidationErrorObject } from "../../generated/validate-function.js";
import { validateBundle } from "../../generated/validators/bundle.js";
import { checks } from "../checks/index.js";
import { compilePack, completePack } from "../compile/compile.js";
import { issue, packWide } from "../issue.js";
import { buildPackModel } from "../pack-model.js";
import type { Ruleset } from "../types.js";
import { valueAt } from "../../pointer.js";
import { quote, shownValue } from "../../words.js";
import { packJsonFiles } from "./json-files.js";
import { packJsonLimitIssues } from "./limits.js";
import { notJson, notJsonText, schemaError, unknownFormat } from "./messages.js";
import { PACK_JSON_FORMAT } from "./to-json.js";

/** How a pack.json is loaded: the date reviews are due against, as `CompileOptions.today`. */
export interface PackJsonOptions {
  readonly today?: string;
  /**
   * Run again the proofs over the rules' conditions that `backplan bundle` ran when it made the
   * pack.json (see `CheckOptions.proofs`). Off by default: they find only rules that never change
   * a plan, and were four fifths of the load.
   */
  readonly proofs?: boolean;
}

/**
 * Loads a pack.json (from `packToJson` or `backplan bundle`) without YAML or file access: checks
 * it against bundle.schema.json (a precompiled validator, no eval), runs the semantic checks a YAML
 * pack gets when loaded to plan (unknown components, evidence and facts, values, …; the proofs over
 * conditions only with `proofs: true`, `backplan bundle` having run them) and compiles it with the
 * same compiler, so its plans equal the YAML pack's, digest included.
 *
 * @example
 * const loaded = rulesetFromJson(await (await fetch("pack.json")).json());
 * if (loaded.ok) createEngine(loaded.value).recommend(assessment);
 */
export function rulesetFromJson(json: unknown, options: PackJsonOptions = {}): Result<Ruleset> {
  // Through its text: the limits are checked on it, and the copy made from it is this call's own
  // (compiling freezes what it keeps, and the caller's object must stay theirs).
  const text = jsonText(json);
  return text.ok ? rulesetFromJsonText(text.value, options) : text;
}

/**
 * As `rulesetFromJson`, from pack.json's text (`await response.text()`): the same checks, with one
 * JSON parse where the object form takes three (the page's `response.json()`, then this module's
 * copy through text), a tenth of the load in a browser.
 *
 * @example
 * const loaded = rulesetFromJsonText(await (await fetch("pack.json")).text());
 */
export function rulesetFromJsonText(text: string, options: PackJsonOptions = {}): Result<Ruleset> {
  const tooLarge = packJsonLimitIssues(text);
  if (tooLarge.length > 0) return { ok: false, issues: tooLarge };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      issues: [issue(notJsonText, packWide, { reason: error instanceof Error ? error.message : String(error) })],
    };
  }
  const format = typeof data === "object" && data !== null ? (data as Record<string, unknown>)["format"] : undefined;
  if (format !== PACK_JSON_FORMAT)
    return {
      ok: false,
      issues: [issue(unknownFormat, { path: "/format" }, { expected: PACK_JSON_FORMAT, found: shownValue(format) })],
    };
  if (!validateBundle(data)) {
    // The validator reads a rule condition by the key it has (src/build/condition-by-key.ts): an
    // `if` error only says that the branch of that key failed, whose own errors say how.
    const errors = (validateBundle.errors ?? []).filter((e) => e.keyword !== "if");
    const unique = new Map(errors.map((e) => [`${e.instancePath} ${detailOf(e)}`, e]));
    return {
      ok: false,
      issues: [...unique.values()].map((e) =>
        issue(
          schemaError,
          { path: e.instancePath },
          {
            detail: detailOf(e),
            found: shownValue(valueAt(data, e.instancePath)),
          },
        ),
      ),
    };
  }
  const pack = data as PackJson;
  const model = buildPackModel(packJsonFiles(pack), []);
  const { proofs = false, ...rest } = options;
  const compileOptions = { includeDrafts: pack.includeDrafts, ...rest };
  const issues: Issue[] = checks.flatMap((check) =>
    proofs || check.proof !== true ? check.run(model, compileOptions) : [],
  );
  const complete = completePack(model, issues);
  if (complete === undefined) return { ok: false, issues };
  const ruleset = compilePack(complete, pack.digest, issues, compileOptions);
  return { ok: true, value: ruleset, warnings: ruleset.warnings };
}

/**
 * What a schema error says. ajv's message for an unknown key does not name it, and two unknown
 * keys of one object would fold into one issue: name the key (`params.additionalProperty`).
 */
function detailOf(error: ValidationErrorObject): string {
  if (error.keyword === "additionalProperties")
    return `must NOT have the key ${quote(error.params["additionalProperty"])}`;
  return error.message ?? error.keyword;
}

/** The value as JSON text; a value JSON cannot hold (a cycle, a BigInt) is an issue. */
function jsonText(json: unknown): Result<string> {
  try {
    // `undefined` (or a function) stringifies to nothing at all, whatever the type says.
    const text = JSON.stringify(json) as string | undefined;
    return { ok: true, value: text ?? "null", warnings: [] };
  } catch (error) {
    return {
      ok: false,
      issues: [issue(notJson, packWide, { reason: error instanceof Error ? error.message : String(error) })],
    };
  }
}
