import { checkRuleFolder } from "../../node/index.js";
import { defineCommand } from "../command.js";
import { issueCounts, ruleIssueLines } from "../diagnostics.js";
import { writeLines } from "../io.js";
import { ruleFolder } from "../rule-folder.js";
import { todayFrom, todayOption } from "../rule-options.js";
import { UsageError } from "../usage-error.js";

/** `backplan lint [DIR]`: every error and warning in a rule folder, sorted by position. */
export const lint = defineCommand({
  name: "lint",
  summary: "validate and check a rule folder",
  usage: "backplan lint [DIR] [--today YYYY-MM-DD]",
  description:
    "Validates every file of the rule folder DIR (default: the bundled rules/ pack) against its schema and checks " +
    "what refers to what: rule, component, evidence and fact names, value types, review dates (a review due before " +
    "--today is a warning). Then what the rules mean, proven from the facts' ranges and values: a condition that can " +
    "never hold, or holds for every value; a rule that can never change a plan (it only fires with a halting rule of " +
    "higher priority); an addition a rule of higher priority always withholds; adding and withholding one component " +
    "at one priority; repeated or equivalent conditions; thresholds outside a fact's range or between whole numbers; " +
    "unused components and evidence, and evidence without a DOI or URL. Prints each problem on one line, sorted by " +
    "file and position, with what to do about it on the next, and a count of errors and warnings on stderr; a clean " +
    "folder prints nothing:\n\n" +
    "  file:line:col: error|warning: message\n" +
    "    hint: what to do",
  options: { today: todayOption },
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
    if (issues.length > 0) io.stderr(`${issueCounts(issues)}\n`);
    return issues.some((issue) => issue.severity === "error") ? 1 : 0;
  },
});
