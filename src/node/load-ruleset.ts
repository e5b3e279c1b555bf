import { join } from "node:path";
import { RulesetError, isBackplanError, type Issue } from "../core/errors.js";
import type { CheckOptions, RulesetCheck } from "../core/load/check-ruleset.js";
import type { Ruleset, RuleFileText } from "../core/load/types.js";
import { bundledRulesDir } from "./bundled.js";
import { prebuiltCheck } from "./prebuilt-pack.js";
import { readRuleFiles, readScenarioFiles } from "./rule-files.js";

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
  return caught(name, async () =>
    located(await check(await readRuleFiles(dir, name, { scenarios }), scenarios, options), name),
  );
}

/** A rule folder checked to plan, whose scenario tests can then be checked against what was read. */
export interface StagedFolderCheck {
  /** `checkRuleFolder(dir, name, { ...options, scenarios: false })`. */
  readonly toPlan: FolderCheck;
  /**
   * `checkRuleFolder(dir, name, { ...options, scenarios: true })`: when `toPlan` was checked from
   * the YAML, only the scenario tests are read, parsed and checked now (`checkRulesetInStages`);
   * else the folder is checked again. Checked on the first call, which later calls share.
   */
  readonly withScenarios: () => Promise<FolderCheck>;
}

/**
 * `checkRuleFolder` without the scenario tests, then with them on demand, parsing and checking
 * the rest of the pack once: `backplan impact` plans the cohort with the first check while the
 * tests are checked.
 *
 * @example const { toPlan, withScenarios } = await checkRuleFolderInStages("edited", "edited", { proofs: false });
 */
export async function checkRuleFolderInStages(
  dir: string,
  name: string,
  options: CheckOptions = {},
): Promise<StagedFolderCheck> {
  let later = () => checkRuleFolder(dir, name, { ...options, scenarios: true });
  const toPlan = await caught(name, async () => {
    const files = await readRuleFiles(dir, name, { scenarios: false });
    const prebuilt = await prebuiltFor(files, false, options);
    if (prebuilt !== undefined) return located(prebuilt, name);
    const { checkRulesetInStages } = await import("../core/load/check-ruleset.js");
    const staged = checkRulesetInStages(files, options);
    later = () => caught(name, async () => located(staged.withScenarios(await readScenarioFiles(dir, name)), name));
    return located(staged, name);
  });
  let tested: Promise<FolderCheck> | undefined;
  return { toPlan, withScenarios: () => (tested ??= later()) };
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
  // Imported only when needed: it brings the YAML parser and every check.
  return (
    (await prebuiltFor(files, scenarios, options)) ??
    (await import("../core/load/check-ruleset.js")).checkRuleset(files, options)
  );
}

/** The prebuilt pack's check, when `files` are checked only to plan and are those it was built from. */
async function prebuiltFor(
  files: RuleFileText[],
  scenarios: boolean,
  options: CheckOptions,
): Promise<RulesetCheck | undefined> {
  const { proofs, includeDrafts, today, ...other } = options;
  const toPlan = !scenarios && proofs === false && includeDrafts !== true && today === undefined;
  return toPlan && Object.keys(other).length === 0 ? await prebuiltCheck(files) : undefined;
}

/** Folder problems, thrown as a `BackplanError` by `run`, as the folder's issues. */
async function caught(name: string, run: () => Promise<FolderCheck>): Promise<FolderCheck> {
  try {
    return await run();
  } catch (error) {
    if (isBackplanError(error)) return { issues: error.issues.map((issue) => locate(issue, name)) };
    throw error;
  }
}

/** The check with its issues at `name/file`, and no ruleset when one is an error. */
function located({ ruleset, issues }: RulesetCheck, name: string): FolderCheck {
  const found = issues.map((issue) => locate(issue, name));
  return ruleset === undefined || found.some(isError) ? { issues: found } : { ruleset, issues: found };
}

function locate(issue: Issue, folder: string): Issue {
  return issue.source === undefined
    ? issue
    : { ...issue, source: { ...issue.source, file: join(folder, issue.source.file) } };
}

function isError(issue: Issue): boolean {
  return issue.severity === "error";
}
