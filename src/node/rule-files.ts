import type { Dirent } from "node:fs";
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import { isAbsolute, join, relative, sep } from "node:path";
import { RulesetError, type Issue } from "../core/errors.js";
import { fileKindOf } from "../core/load/pack-layout.js";
import type { RuleFileText } from "../core/load/types.js";
import { fsProblem } from "./fs-problem.js";
import { MAX_FILE_BYTES, MAX_FILE_SIZE_TEXT, MAX_RULE_FILES } from "./limits.js";

const YAML_FILE = /\.ya?ml$/;

/**
 * Every `*.yaml` / `*.yml` file under `dir`, recursively, as `{ path, text }` with `/`-separated
 * paths relative to `dir`, sorted: what `compileRuleset` takes. Hidden entries (`.git`) are
 * skipped; a symbolic link is never followed out of the folder. Throws a `RulesetError` naming
 * the folder (as `name`) when it is missing or empty, holds more than 500 YAML files, or a file
 * over 1 MiB; every problem found is listed. `scenarios: false` leaves the scenario tests
 * (`tests/**`) unread: a command that only plans never looks at them, and in the bundled pack they
 * are four fifths of the bytes.
 *
 * @example const files = await readRuleFiles("rules"); // [{ path: "components.yaml", text }, …]
 */
export async function readRuleFiles(
  dir: string,
  name: string = dir,
  { scenarios = true }: { readonly scenarios?: boolean } = {},
): Promise<RuleFileText[]> {
  const root = await openFolder(dir, name);
  const found: string[] = [];
  const issues: Issue[] = [];
  await walk(root, "", { found, issues, name });
  if (issues.length === 0 && found.length === 0) {
    throw folderError("rules/folder-empty", `rule folder "${name}" holds no .yaml or .yml files`);
  }
  // Read in parallel, but report in path order: the reads finish in whatever order they finish.
  const wanted = scenarios ? found : found.filter((path) => fileKindOf(path) !== "scenarios");
  const read = await Promise.all(wanted.sort(byCodeUnit).map((path) => readRuleFile(root, path)));
  for (const result of read) if ("issue" in result) issues.push(result.issue);
  if (issues.length > 0) throw new RulesetError(issues);
  return read.flatMap((result) => ("file" in result ? [result.file] : []));
}

/**
 * Whether two rule folders hold the same scenario test files (`tests/**`), byte for byte; false
 * when either cannot be read. `backplan impact` reads the base pack's tests only when they differ.
 *
 * @example await sameScenarioFiles({ path: "/abs/rules", name: "rules" }, { path: "/abs/edited", name: "edited" });
 */
export async function sameScenarioFiles(
  a: { readonly path: string; readonly name: string },
  b: { readonly path: string; readonly name: string },
): Promise<boolean> {
  const tests = async ({ path, name }: { readonly path: string; readonly name: string }) =>
    (await readRuleFiles(path, name)).filter((file) => fileKindOf(file.path) === "scenarios");
  try {
    const [left, right] = await Promise.all([tests(a), tests(b)]);
    return (
      left.length === right.length &&
      left.every((file, i) => file.path === right[i]?.path && file.text === right[i].text)
    );
  } catch {
    return false;
  }
}

interface Walk {
  readonly found: string[];
  readonly issues: Issue[];
  readonly name: string;
}

/** The folder's real path, or a `RulesetError` saying why it cannot be read. */
async function openFolder(dir: string, name: string): Promise<string> {
  try {
    const root = await realpath(dir);
    if (!(await stat(root)).isDirectory()) {
      throw folderError(
        "rules/not-a-folder",
        `rule folder "${name}" is a file: give the folder that holds the pack's YAML files`,
      );
    }
    return root;
  } catch (error) {
    if (error instanceof RulesetError) throw error;
    const problem = fsProblem(error);
    throw folderError(
      problem === "does not exist" ? "rules/folder-missing" : "rules/folder-unreadable",
      `rule folder "${name}" ${problem}`,
    );
  }
}

async function walk(root: string, dir: string, state: Walk): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(join(root, dir), { withFileTypes: true });
  } catch (error) {
    state.issues.push(fileIssue("rules/folder-unreadable", `folder ${fsProblem(error)}`, dir));
    return;
  }
  for (const entry of entries.sort((a, b) => byCodeUnit(a.name, b.name))) {
    if (entry.name.startsWith(".")) continue;
    const path = dir === "" ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) await walk(root, path, state);
    else if (entry.isSymbolicLink()) await checkLink(root, path, entry, state);
    else if (entry.isFile() && YAML_FILE.test(entry.name)) state.found.push(path);
    if (state.found.length > MAX_RULE_FILES) {
      throw folderError(
        "rules/too-many-files",
        `rule folder "${state.name}" holds more than ${MAX_RULE_FILES} YAML files: is it the rule pack's folder?`,
      );
    }
  }
}

/**
 * A link inside the folder is skipped: its target is read under its own name (reading both would
 * define everything twice). A link out of the folder is an error, not a silent omission.
 */
async function checkLink(root: string, path: string, entry: Dirent, state: Walk): Promise<void> {
  let target: string;
  try {
    target = await realpath(join(root, path));
  } catch {
    return; // a dangling link reads as nothing, like any non-YAML entry
  }
  const fromRoot = relative(root, target);
  const inside = fromRoot !== ".." && !fromRoot.startsWith(`..${sep}`) && !isAbsolute(fromRoot);
  const wouldRead = YAML_FILE.test(entry.name) || (await stat(target)).isDirectory();
  if (!inside && wouldRead) {
    const message = `symbolic link leads outside the rule folder (to ${target}): copy what it points to into the folder instead`;
    state.issues.push(fileIssue("rules/link-outside", message, path));
  }
}

async function readRuleFile(
  root: string,
  path: string,
): Promise<{ readonly file: RuleFileText } | { readonly issue: Issue }> {
  const full = join(root, path);
  try {
    const { size } = await stat(full);
    if (size <= MAX_FILE_BYTES) return { file: { path, text: await readFile(full, "utf8") } };
    const message = `file is ${size} bytes; a rule file may be at most ${MAX_FILE_SIZE_TEXT}`;
    return { issue: fileIssue("rules/file-too-large", message, path) };
  } catch (error) {
    return { issue: fileIssue("rules/file-unreadable", `file ${fsProblem(error)}`, path) };
  }
}

/** An issue about a whole file or subfolder, at its first line so editors can jump to it. */
function fileIssue(code: string, message: string, path: string): Issue {
  return { code, path: "", severity: "error", message, source: { file: path, line: 1, column: 1 } };
}

function folderError(code: string, message: string): RulesetError {
  return new RulesetError([{ code, path: "", severity: "error", message }]);
}

/** Locale-independent order, so the same folder lists the same way on every machine. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
