/**
 * Rule packs: file texts in, a frozen, checked `Ruleset` out (parse → validate → check →
 * compile). Pure: no I/O; `backplan/node` reads folders into `RuleFileText`s.
 */
import type { Result } from "../errors.js";
import { RulesetError } from "../errors.js";
import { checkRuleset } from "./check-ruleset.js";
import type { CompileOptions, RuleFileText, Ruleset } from "./types.js";

export { checkRuleset } from "./check-ruleset.js";
export type { CompileOptions, RuleFileText, Ruleset } from "./types.js";

/**
 * Compiles a rule pack; throws a `RulesetError` holding every issue (`file:line:col` each).
 *
 * @example
 * const ruleset = compileRuleset([{ path: "pack.yaml", text: "…" }, { path: "psych.yaml", text: "…" }]);
 */
export function compileRuleset(files: readonly RuleFileText[], options: CompileOptions = {}): Ruleset {
  const { ruleset, issues } = checkRuleset(files, options);
  if (ruleset === undefined) throw new RulesetError(issues);
  return ruleset;
}

/** As `compileRuleset`, returning the issues instead of throwing. */
export function safeCompileRuleset(files: readonly RuleFileText[], options: CompileOptions = {}): Result<Ruleset> {
  const { ruleset, issues } = checkRuleset(files, options);
  return ruleset === undefined ? { ok: false, issues } : { ok: true, value: ruleset, warnings: ruleset.warnings };
}
