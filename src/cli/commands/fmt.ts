import { rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { formatRuleFile, INDENT, LINE_WIDTH, unifiedDiff } from "../../authoring/index.js";
import { isBackplanError, readRuleFiles, type Issue, type RuleFileText } from "../../node/index.js";
import { defineCommand } from "../command.js";
import { ruleIssueLines } from "../diagnostics.js";
import { writeLines, type Io } from "../io.js";
import { ruleFolder, type RuleFolder } from "../rule-folder.js";
import { UsageError } from "../usage-error.js";

/** A pack file and its text in the canonical layout. */
interface Formatted {
  readonly file: RuleFileText;
  readonly text: string;
}

/** `backplan fmt [--check] [DIR]`: every file of a rule folder in one canonical layout. */
export const fmt = defineCommand({
  name: "fmt",
  summary: "write a rule folder's files in one canonical layout",
  usage: "backplan fmt [--check] [DIR]",
  description:
    "Rewrites every YAML file of the rule folder DIR (default: the bundled rules/ pack) in one canonical layout, " +
    "so that a diff of a rule file shows clinical changes only, and prints the path of each file it changed. " +
    "Comments are kept, with the key or item they sit above; what the files say never changes.\n\n" +
    "The layout: keys in the order their schema (schemas/*.schema.json) lists them, unknown keys last; " +
    `${INDENT}-space indentation; a fact condition on one line, { fact: phq9.total, operator: greaterThanInclusive, ` +
    "value: 10 }, and a rule's evidence as [a, b]; one blank line between the rules (components, sources, profiles, " +
    "scenarios) of a file and none elsewhere. Each text keeps its style (plain, quoted, or folded >-) and a folded " +
    `text keeps its line breaks, except that a line longer than ${LINE_WIDTH} columns is broken; plain and quoted ` +
    "texts stay on one line.\n\n" +
    "With --check nothing is written: each file that is not formatted is printed with a short diff of what " +
    "formatting would change. A file that does not parse is reported as file:line:col: error: …, and then no " +
    "file is written.",
  options: {
    check: { type: "boolean", description: "write nothing; show what would change, exit 1 if anything would" },
  },
  exitCodes: [
    [0, "every file is formatted (with --check), or was formatted now"],
    [1, "with --check: some file is not formatted"],
    [2, "a file does not parse, or a bad folder or command line; nothing is written"],
  ],
  async run({ values, positionals, io }) {
    if (positionals.length > 1) {
      throw new UsageError(`give at most one folder; found ${positionals.length}: ${positionals.join(" ")}`);
    }
    const folder = ruleFolder(positionals[0], io.cwd);
    const read = await readFolder(folder);
    if ("issues" in read) {
      writeLines(io.stderr, ruleIssueLines(read.issues));
      return 2;
    }
    const { files } = read;
    const results = files.map((file) => ({ file, result: formatRuleFile(file.path, file.text) }));
    const issues = results.flatMap(({ result }) => (result.ok ? result.warnings : result.issues));
    writeLines(io.stderr, ruleIssueLines(issues.map((issue) => located(issue, folder))));
    const failed = results.filter(({ result }) => !result.ok).length;
    if (failed > 0) {
      io.stderr(`${count(failed, "file")} could not be formatted: nothing was written\n`);
      return 2;
    }
    const changed = results.flatMap(({ file, result }) =>
      result.ok && result.value !== file.text ? [{ file, text: result.value }] : [],
    );
    const command = ["backplan fmt", ...positionals].join(" ");
    if (values.check === true) return check(changed, files.length, folder, command, io);
    await Promise.all(changed.map(({ file, text }) => replaceFile(join(folder.path, file.path), text)));
    writeLines(
      io.stdout,
      changed.map(({ file }) => shown(file.path, folder)),
    );
    if (changed.length > 0) io.stderr(`formatted ${count(changed.length, "file")} of ${files.length}\n`);
    return 0;
  },
});

/** `--check`: each file that would change, with a short diff; exit 1 if any would. */
function check(changed: readonly Formatted[], total: number, folder: RuleFolder, command: string, io: Io): number {
  writeLines(
    io.stdout,
    changed.flatMap(({ file, text }) => {
      const path = shown(file.path, folder);
      return [`--- ${path}`, `+++ ${path} (formatted)`, ...unifiedDiff(file.text, text)];
    }),
  );
  if (changed.length === 0) return 0;
  const them = changed.length === 1 ? "it" : "them";
  io.stderr(`${count(changed.length, "file")} of ${total} not formatted: run "${command}" to format ${them}\n`);
  return 1;
}

/** The folder's pack files, or the issues that stop it from being read. */
async function readFolder(folder: RuleFolder): Promise<{ files: RuleFileText[] } | { issues: Issue[] }> {
  try {
    return { files: await readRuleFiles(folder.path, folder.name) };
  } catch (error) {
    if (isBackplanError(error)) return { issues: error.issues.map((issue) => located(issue, folder)) };
    throw error;
  }
}

/** Writes through a temporary file, so an interrupted run never leaves half a rule file. */
async function replaceFile(path: string, text: string): Promise<void> {
  const temporary = `${path}.fmt-${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

function located(issue: Issue, folder: RuleFolder): Issue {
  return issue.source === undefined
    ? issue
    : { ...issue, source: { ...issue.source, file: shown(issue.source.file, folder) } };
}

function shown(path: string, folder: RuleFolder): string {
  return join(folder.name, path);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
