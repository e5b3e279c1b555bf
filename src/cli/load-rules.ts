import { checkRuleFolder, type CheckOptions, type Ruleset } from "../node/index.js";
import { ruleIssueLines } from "./diagnostics.js";
import { writeLines, type Io } from "./io.js";
import type { RuleFolder } from "./rule-folder.js";

/**
 * The pack in `folder`, checked with `options` (`scenarios`: read its tests too); or, when it has
 * errors, `undefined` once they are on stderr: the command then exits 2, as for any input it
 * cannot use.
 *
 * @example const ruleset = await loadRules(folder, { scenarios: false }, io); if (ruleset === undefined) return 2;
 */
export async function loadRules(
  folder: RuleFolder,
  options: CheckOptions & { readonly scenarios?: boolean },
  io: Io,
): Promise<Ruleset | undefined> {
  const { ruleset, issues } = await checkRuleFolder(folder.path, folder.name, options);
  if (ruleset === undefined)
    writeLines(io.stderr, ruleIssueLines(issues.filter((issue) => issue.severity === "error")));
  return ruleset;
}
