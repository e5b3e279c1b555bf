import { resolve } from "node:path";
// Each from its own module, not the index: a command that plans loads only what planning needs.
import { isBackplanError } from "../core/errors.js";
import { FORMATS, type Format } from "../core/present/render/index.js";
import type { Ruleset } from "../core/load/types.js";
import { readAssessmentFile, readAssessmentText } from "../node/assessment-file.js";
import { checkRuleFolder } from "../node/load-ruleset.js";
import { assessmentIssueLine, ruleIssueLines } from "./diagnostics.js";
import { writeLines, type Io } from "./io.js";
import { ruleFolder, type RuleFolder } from "./rule-folder.js";
import { UsageError } from "./usage-error.js";

/** The FILE that reads standard input. */
export const STDIN = "-";

/** What a command that plans gets wrong: the lines to print on stderr (exit code 2). */
export interface Problems {
  readonly problems: readonly string[];
}

/** The rules to plan with (the folder of `--rules`, drafts if asked) and the profile to plan under. */
export interface PlanRules {
  readonly ruleset: Ruleset;
  readonly profile: string;
  readonly folder: RuleFolder;
}

/**
 * Loads the rule folder of `--rules` (default: the bundled pack) to plan, as `loadRuleset` does
 * (without its scenario tests, nor the proofs `lint` runs), and checks `--profile` against it:
 * the shared start of `recommend` and `explain`.
 */
export async function planRules(
  values: { readonly rules?: string; readonly profile?: string; readonly "include-drafts"?: boolean },
  io: Io,
): Promise<PlanRules | Problems> {
  const folder = ruleFolder(values.rules, io.cwd);
  const { ruleset, issues } = await checkRuleFolder(folder.path, folder.name, {
    scenarios: false,
    proofs: false,
    includeDrafts: values["include-drafts"] === true,
  });
  if (ruleset === undefined) return { problems: ruleIssueLines(issues.filter((issue) => issue.severity === "error")) };
  const profile = values.profile ?? ruleset.defaultProfile;
  if (!ruleset.profiles.some((p) => p.id === profile)) {
    const known = ruleset.profiles.map((p) => p.id).join(", ");
    return { problems: [`unknown profile "${profile}": the pack "${ruleset.name}" has ${known}`] };
  }
  return { ruleset, profile, folder };
}

/** The assessment in FILE (or standard input for `-`), or its problems, each line naming the file. */
export async function readAssessmentArgument(file: string, io: Io): Promise<{ assessment: unknown } | Problems> {
  const name = displayName(file);
  try {
    const assessment =
      file === STDIN
        ? readAssessmentText(await io.readStdin(), name)
        : await readAssessmentFile(resolve(io.cwd, file), name);
    return { assessment };
  } catch (error) {
    if (!isBackplanError(error)) throw error;
    return { problems: error.issues.map((issue) => assessmentIssueLine(name, issue)) };
  }
}

/** How a FILE argument is named in messages. */
export function displayName(file: string): string {
  return file === STDIN ? "<stdin>" : file;
}

/** The `--format` value among the plan formats, or `fallback` when not given. */
export function formatOf(value: string | undefined, fallback: Format): Format {
  if (value === undefined) return fallback;
  const format = FORMATS.find((f) => f === value);
  if (format === undefined)
    throw new UsageError(`--format must be ${FORMATS.slice(0, -1).join(", ")} or ${FORMATS.at(-1)}; found "${value}"`);
  return format;
}

/** Prints the problems on stderr; returns exit code 2. */
export function fail(io: Io, lines: readonly string[]): number {
  writeLines(io.stderr, lines);
  return 2;
}
