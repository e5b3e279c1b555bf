import type { Issue } from "../errors.js";
import { checks } from "./checks/index.js";
import { compilePack, completePack } from "./compile/compile.js";
import { packDigest } from "./compile/digest.js";
import { issue, packWide } from "./issue.js";
import { fileSizeIssue, packSizeIssues } from "./limits.js";
import { duplicatePath, itemsUnchecked, missingFile, noFiles, nulInPath } from "./messages.js";
import { fileKindOf, fileKinds, type FileKind, type FileKindDefinition } from "./pack-layout.js";
import { buildPackModel, type PackModel, type ValidatedFile } from "./pack-model.js";
import { readYamlFile } from "./parse/yaml-file.js";
import type { CompileOptions, Ruleset, RuleFileText } from "./types.js";
import { validateFile } from "./validate/schema-issues.js";

/** What `backplan lint` prints: every error and warning, and the ruleset when there is no error. */
export interface RulesetCheck {
  readonly ruleset?: Ruleset;
  /** Errors and warnings, sorted by file, line and column. */
  readonly issues: readonly Issue[];
}

/** How `checkRuleset` checks: `CompileOptions`, and whether to run the proofs (see `Check.proof`). */
export interface CheckOptions extends CompileOptions {
  /**
   * Run the checks that prove what conditions can mean (default `true`). `false` when the pack
   * is loaded only to plan: a pack that passes them compiles to the same ruleset either way
   * (their warnings aside), and they were most of the load time of the bundled pack.
   */
  readonly proofs?: boolean;
}

/**
 * Parses, validates and checks a rule pack, collecting every problem: size limits → YAML with
 * positions → schema per file kind → semantic checks (./checks) → compile. Pure: the files are
 * texts, and the same files in any order give a deep-equal result.
 *
 * @example
 * const { ruleset, issues } = checkRuleset([{ path: "pack.yaml", text }, …], { today: "2026-11-23" });
 * for (const i of issues) console.log(formatIssue(i)); // rules/psych.yaml:14:9: error: …
 */
export function checkRuleset(files: readonly RuleFileText[], options: CheckOptions = {}): RulesetCheck {
  const tooLarge = packSizeIssues(files);
  if (tooLarge.length > 0) return { issues: tooLarge };
  const { packFiles, pack, issues: read } = readPack(files);
  if (packFiles.length === 0) return { issues: [issue(noFiles, packWide)] };

  const issues: Issue[] = [...badPaths(packFiles), ...missingFiles(packFiles), ...read];
  for (const check of checks)
    if (options.proofs !== false || check.proof !== true) issues.push(...check.run(pack, options));

  const sorted = issues.sort(byPlace);
  const complete = completePack(pack, sorted);
  if (complete === undefined) {
    // Never an empty verdict: without an error here, some item was dropped and nothing said why.
    return sorted.some((i) => i.severity === "error")
      ? { issues: sorted }
      : { issues: [issue(itemsUnchecked, packWide), ...sorted] };
  }
  const digest = packDigest(packFiles.filter((f) => fileKindOf(f.path) !== "scenarios"));
  return { ruleset: compilePack(complete, digest, sorted, options), issues: sorted };
}

/** A pack read into the model the checks see, with the problems reading it found. */
export interface ReadPack {
  /** The pack's files (those of a known kind), sorted by path, then text. */
  readonly packFiles: readonly RuleFileText[];
  readonly pack: PackModel;
  /** Problems of size, YAML and schema, file by file. */
  readonly issues: readonly Issue[];
}

/**
 * Parses and validates each pack file into the pack model: YAML with positions, then the schema
 * of its kind. A file too large or not parseable leaves its kind incomplete; a path given twice
 * or holding NUL is left out (`checkRuleset` reports it). Pure; for the checks, and for authoring
 * tools that need where each item is written (`componentGuards`).
 */
export function readPack(files: readonly RuleFileText[]): ReadPack {
  const packFiles = files
    .filter((f) => fileKindOf(f.path) !== undefined)
    .sort((a, b) => compare(a.path, b.path) || compare(a.text, b.text));
  const issues: Issue[] = [];
  const validated: ValidatedFile[] = [];
  const unreadable: FileKind[] = [];
  for (const [index, input] of packFiles.entries()) {
    const kind = fileKindOf(input.path) as FileKind;
    if (packFiles[index - 1]?.path === input.path || input.path.includes("\0")) continue; // reported by badPaths
    const sizeIssue = fileSizeIssue(input);
    const read = sizeIssue === undefined ? readYamlFile(input, kind) : { issues: [sizeIssue] };
    issues.push(...read.issues);
    if (read.file === undefined) {
      unreadable.push(kind);
      continue;
    }
    const validation = validateFile(read.file);
    issues.push(...validation.issues);
    validated.push({ file: read.file, errors: validation.errors });
  }
  return { packFiles, pack: buildPackModel(validated, unreadable), issues };
}

/** Paths given twice, or holding NUL (which frames files in the digest). */
function badPaths(files: readonly RuleFileText[]): Issue[] {
  const counts = new Map<string, number>();
  for (const { path } of files) counts.set(path, (counts.get(path) ?? 0) + 1);
  return [...counts].flatMap(([path, n]) => [
    ...(n > 1 ? [issue(duplicatePath, packWide, { path, count: n })] : []),
    ...(path.includes("\0") ? [issue(nulInPath, packWide, { path })] : []),
  ]);
}

function missingFiles(files: readonly RuleFileText[]): Issue[] {
  const paths = new Set(files.map((f) => f.path));
  return Object.values(fileKinds).flatMap(({ required }: FileKindDefinition) =>
    required === undefined || paths.has(required.path)
      ? []
      : [issue(missingFile, packWide, { path: required.path, holds: required.holds })],
  );
}

/** Pack-wide issues first, then by file, line, column; ties by code and message, for a stable order. */
function byPlace(a: Issue, b: Issue): number {
  const [sa, sb] = [a.source, b.source];
  return (
    compare(sa?.file ?? "", sb?.file ?? "") ||
    (sa?.line ?? 0) - (sb?.line ?? 0) ||
    (sa?.column ?? 0) - (sb?.column ?? 0) ||
    compare(a.code, b.code) ||
    compare(a.message, b.message)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
