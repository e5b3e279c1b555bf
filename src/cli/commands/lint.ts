import { join } from "node:path";
import { componentGuards, type ComponentGuards } from "../../authoring/index.js";
import { checkRuleFolder, isBackplanError, readRuleFiles } from "../../node/index.js";
import { defineCommand } from "../command.js";
import { issueCounts, ruleIssueLines } from "../diagnostics.js";
import { writeLines } from "../io.js";
import { ruleFolder, type RuleFolder } from "../rule-folder.js";
import { todayFrom, todayOption } from "../rule-options.js";
import { UsageError } from "../usage-error.js";

/** `backplan lint [DIR]`: every error and warning in a rule folder, sorted by position. */
export const lint = defineCommand({
  name: "lint",
  summary: "validate and check a rule folder",
  usage: "backplan lint [DIR] [--today YYYY-MM-DD] [--guards]",
  description:
    "Validates every file of the rule folder DIR (default: the bundled rules/ pack) against its schema and checks " +
    "what refers to what: rule, component, evidence and fact names, value types, review dates (a review due before " +
    "--today is a warning). Then what the rules mean, proven from the facts' ranges and values: a condition that can " +
    "never hold, or holds for every value; a rule that can never change a plan (it only fires with a halting rule of " +
    "higher priority); an addition a rule of higher priority always withholds; adding and withholding one component " +
    "at one priority; rules of one priority giving one component different details (but urgency: the most urgent " +
    "wins); repeated or equivalent conditions; thresholds outside a fact's range or between whole numbers; " +
    "contraindications, checked as conditions are, with ids unique across the pack; unused components and " +
    "evidence, and evidence without a DOI or URL. Prints each problem on one line, sorted by " +
    "file and position, with what to do about it on the next, and a count of errors and warnings on stderr; a clean " +
    "folder prints nothing:\n\n" +
    "  file:line:col: error|warning: message\n" +
    "    hint: what to do\n\n" +
    "With --guards, then prints what guards each component that anything guards: its contraindications and the " +
    "rules that withhold it or its whole category (retired rules guard nothing), each where it is written:\n\n" +
    "  component (Title) is guarded by:\n" +
    "    file:line: contraindication ID (Title)\n" +
    "    file:line: rule ID (withholds all CATEGORY components)",
  options: {
    today: todayOption,
    guards: { type: "boolean", description: "also print what guards each component, and where" },
  },
  exitCodes: [
    [0, "no errors (there may be warnings)"],
    [1, "errors found"],
    [2, "invalid command line"],
  ],
  async run({ values, positionals, io }) {
    if (positionals.length > 1) {
      throw new UsageError(`give at most one folder; found ${positionals.length}: ${positionals.join(" ")}`);
    }
    const today = todayFrom(values.today);
    const folder = ruleFolder(positionals[0], io.cwd);
    const { issues } = await checkRuleFolder(folder.path, folder.name, { today });
    writeLines(io.stdout, ruleIssueLines(issues));
    if (values.guards === true) {
      const guards = guardLines(await guardsIn(folder), folder.name);
      writeLines(io.stdout, issues.length === 0 ? guards : ["", ...guards]);
    }
    if (issues.length > 0) io.stderr(`${issueCounts(issues)}\n`);
    return issues.some((issue) => issue.severity === "error") ? 1 : 0;
  },
});

/** What guards each component; none when the folder cannot be read (lint has said why). */
async function guardsIn(folder: RuleFolder): Promise<ComponentGuards[]> {
  try {
    return componentGuards(await readRuleFiles(folder.path, folder.name));
  } catch (error) {
    if (isBackplanError(error)) return [];
    throw error;
  }
}

/** Each guarded component, then its guards one a line, each at `folder/file:line` as typed. */
function guardLines(guards: readonly ComponentGuards[], name: string): string[] {
  if (guards.length === 0) return ["no component is guarded: no contraindications, and no rule withholds anything"];
  const at = ({ file, line }: { file: string; line: number }) => `${join(name, file)}:${line}`;
  return guards.flatMap(({ component, title, category = "", contraindications, rules }) => [
    `${component} (${title}) is guarded by:`,
    ...contraindications.map((c) => `  ${at(c.source)}: contraindication ${c.id} (${c.title})`),
    ...rules.map((r) => {
      const notes = [
        ...(r.reach === "category" ? [`withholds all ${category} components`] : []),
        ...(r.draft ? ["a draft: only with --include-drafts"] : []),
      ];
      return `  ${at(r.source)}: rule ${r.id}${notes.length === 0 ? "" : ` (${notes.join("; ")})`}`;
    }),
  ]);
}
