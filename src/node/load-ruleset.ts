import { join } from "node:path";
import { RulesetError, isBackplanError, type Issue } from "../core/errors.js";
import type { CheckOptions, RulesetCheck } from "../core/load/check-ruleset.js";
import type { Ruleset, RuleFileText } from "../core/load/types.js";
import { bundledRulesDir } from "./bundled.js";
import { prebuiltCheck } from "./prebuilt-pack.js";
import { readRuleFiles } from "./rule-files.js";

/** What `lint` needs: the ruleset when it compiles, and every error and warning found. */
export interface FolderCheck {
  readonly ruleset?: Ruleset;
  readonly issues: readonly Issue[];
}

/**
 * Reads and checks a rule folder without throwing for its problems: folder errors, compile
 * errors and warnings all come back as issues whose `source.file` starts with `name` (the folder
 * as the user wrote it), so `rules/psych.yaml:14:9` can be opened from where the user stands.
 *
 * `scenarios: false` leaves the pack's scenario tests unread: they never change a plan (nor the
 * digest), and a large test suite would dominate the load time of a command that only plans.
 * `includeDrafts`, `today` and `proofs` are passed to `checkRuleset` (see `CheckOptions`). Checked
 * only to plan (no scenarios, no proofs, no drafts, no date), files that are byte for byte those
 * the build checked come from the prebuilt pack instead (`prebuiltCheck`): the same result, with
 * no YAML to parse.
 *
 * @example const { issues } = await checkRuleFolder("rules", "rules", { today: "2026-11-23" });
 */
export async function checkRuleFolder(
  dir: string = bundledRulesDir,
  name: string = dir,
  { scenarios = true, ...options }: { readonly scenarios?: boolean } & CheckOptions = {},
): Promise<FolderCheck> {
  try {
    const { ruleset, issues } = await check(await readRuleFiles(dir, name, { scenarios }), scenarios, options);
    const located = issues.map((issue) => locate(issue, name));
    return ruleset === undefined || located.some(isError) ? { issues: located } : { ruleset, issues: located };
  } catch (error) {
    if (isBackplanError(error)) return { issues: error.issues.map((issue) => locate(issue, name)) };
    throw error;
  }
}

/**
 * What `loadRuleset` compiles: drafts if asked; the pack's scenario tests, and the proofs `lint`
 * runs over the rules' conditions (see `CheckOptions.proofs`), only if asked.
 */
export interface LoadOptions extends Pick<CheckOptions, "includeDrafts" | "proofs"> {
  /**
   * Read and check the pack's scenario tests (`tests/*.yaml`) into `ruleset.scenarios`, as
   * `backplan test` does. Off by default: they never change a plan nor the digest, and parsing
   * them was four fifths of the load time of the bundled pack.
   */
  readonly scenarios?: boolean;
}

/**
 * Reads a rule folder (the bundled `rules/` pack by default) and compiles it for planning: its
 * scenario tests are left unread unless `scenarios: true` is given, and the proofs that find rules
 * which never change a plan (a condition that never holds, a rule shadowed by a halting one) are
 * left to `backplan lint` unless `proofs: true` is given. Throws a `RulesetError` holding every
 * error, each at `folder/file:line:col`.
 *
 * @example const engine = createEngine(await loadRuleset()); // the bundled pack
 * @example const withTests = await loadRuleset("my-rules", { scenarios: true });
 */
export async function loadRuleset(dir: string = bundledRulesDir, options: LoadOptions = {}): Promise<Ruleset> {
  const { ruleset, issues } = await checkRuleFolder(dir, dir, {
    ...options,
    scenarios: options.scenarios === true,
    proofs: options.proofs === true,
  });
  if (ruleset === undefined) throw new RulesetError(issues.filter(isError));
  return ruleset;
}

async function check(files: RuleFileText[], scenarios: boolean, options: CheckOptions): Promise<RulesetCheck> {
  const { proofs, includeDrafts, today, ...other } = options;
  const toPlan = !scenarios && proofs === false && includeDrafts !== true && today === undefined;
  const prebuilt = toPlan && Object.keys(other).length === 0 ? await prebuiltCheck(files) : undefined;
  // Imported only when needed: it brings the YAML parser and every check.
  return prebuilt ?? (await import("../core/load/check-ruleset.js")).checkRuleset(files, options);
}

function locate(issue: Issue, folder: string): Issue {
  return issue.source === undefined
    ? issue
    : { ...issue, source: { ...issue.source, file: join(folder, issue.source.file) } };
}

function isError(issue: Issue): boolean {
  return issue.severity === "error";
}
