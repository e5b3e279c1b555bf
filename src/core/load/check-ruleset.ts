import type { Issue } from "../errors.js";
import type { Check } from "./checks/check.js";
import { checks } from "./checks/index.js";
import { scenarioAssessments } from "./checks/scenario-assessments.js";
import { scenarioReferences } from "./checks/scenario-references.js";
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
  return stagedCheck(files, options, new Map(), undefined).check;
}

/** A check of a pack that can take in the pack's scenario tests later, reusing its own work. */
export interface StagedRulesetCheck extends RulesetCheck {
  /**
   * `checkRuleset([...files, ...more], options)`: the same issues, in the same order, and the
   * same ruleset. When `more` holds only scenario tests (`tests/**`), only they are parsed and
   * validated, and only the checks that read scenario tests run again (the others cannot see
   * them); anything else in `more` has the whole pack checked again.
   */
  readonly withScenarios: (more: readonly RuleFileText[]) => RulesetCheck;
}

/**
 * `checkRuleset(files, options)`, keeping what it read and found so the pack's scenario tests can
 * be checked against it afterwards (`withScenarios`) without parsing and checking its rules
 * again: `backplan impact` plans with a pack checked without its tests, then reads them.
 *
 * @example
 * const toPlan = checkRulesetInStages(ruleFiles, { proofs: false }); // toPlan.ruleset plans
 * const tested = toPlan.withScenarios(testFiles); // deep-equal to checkRuleset([...ruleFiles, ...testFiles], …)
 */
export function checkRulesetInStages(files: readonly RuleFileText[], options: CheckOptions = {}): StagedRulesetCheck {
  // A copy: what was checked must stay what is reused, whatever the caller does with its array.
  const given = [...files];
  const reads = new Map<RuleFileText, FileRead>();
  const { check, checked, digest } = stagedCheck(given, options, reads, undefined);
  const withScenarios = (more: readonly RuleFileText[]): RulesetCheck => {
    const all = [...given, ...more];
    // Another kind of file changes what every check sees; and without the first stage's checks
    // (it stopped before them) there is nothing to reuse.
    const scenariosOnly = more.every((f) => [undefined, "scenarios"].includes(fileKindOf(f.path)));
    if (!scenariosOnly || checked === undefined) return checkRuleset(all, options);
    return stagedCheck(all, options, reads, { checked, digest }).check;
  };
  return { ...check, withScenarios };
}

/** One pack file as `readPack` read it: the same whatever the other files are. */
interface FileRead {
  readonly issues: readonly Issue[];
  /** Parsed and validated; `undefined` when it could not be parsed. */
  readonly validated: ValidatedFile | undefined;
}

/** What a first stage found that adding scenario tests cannot change. */
interface Reused {
  /** Each check's issues (registry order), `undefined` for a proof not run; reused for those not in `readsScenarios`. */
  readonly checked: readonly (readonly Issue[] | undefined)[];
  /** The digest, over the files that are not scenario tests, when it was worked out. */
  readonly digest: string | undefined;
}

/**
 * The checks that read the scenario tests (`pack.scenarios`): the only ones whose issues change
 * when tests are added. tests/core/load/staged-check.test.ts holds staged checks to `checkRuleset`'s.
 */
const readsScenarios: ReadonlySet<Check> = new Set([scenarioReferences, scenarioAssessments]);

/**
 * The check of `files`: every file read through `reads` (a file already in it is not read
 * again), and with `reused`, the checks that do not read scenario tests taken from it.
 */
function stagedCheck(
  files: readonly RuleFileText[],
  options: CheckOptions,
  reads: Map<RuleFileText, FileRead>,
  reused: Reused | undefined,
): {
  readonly check: RulesetCheck;
  readonly checked?: readonly (readonly Issue[] | undefined)[];
  readonly digest?: string;
} {
  const tooLarge = packSizeIssues(files);
  if (tooLarge.length > 0) return { check: { issues: tooLarge } };
  const { packFiles, pack, issues: read } = readFiles(files, reads);
  if (packFiles.length === 0) return { check: { issues: [issue(noFiles, packWide)] } };

  const issues: Issue[] = [...badPaths(packFiles), ...missingFiles(packFiles), ...read];
  const checked = checks.map((check, i) => {
    if (options.proofs === false && check.proof === true) return undefined;
    const found = reused === undefined || readsScenarios.has(check) ? undefined : reused.checked[i];
    return found ?? check.run(pack, options);
  });
  for (const found of checked) if (found !== undefined) issues.push(...found);

  const sorted = issues.sort(byPlace);
  const complete = completePack(pack, sorted);
  if (complete === undefined) {
    // Never an empty verdict: without an error here, some item was dropped and nothing said why.
    const check = sorted.some((i) => i.severity === "error")
      ? { issues: sorted }
      : { issues: [issue(itemsUnchecked, packWide), ...sorted] };
    return { check, checked };
  }
  const digest = reused?.digest ?? packDigest(packFiles.filter((f) => fileKindOf(f.path) !== "scenarios"));
  return { check: { ruleset: compilePack(complete, digest, sorted, options), issues: sorted }, checked, digest };
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
  return readFiles(files, new Map());
}

/** `readPack`, taking each file's reading from `reads` when there, and adding it there when not. */
function readFiles(files: readonly RuleFileText[], reads: Map<RuleFileText, FileRead>): ReadPack {
  const packFiles = files
    .filter((f) => fileKindOf(f.path) !== undefined)
    .sort((a, b) => compare(a.path, b.path) || compare(a.text, b.text));
  const issues: Issue[] = [];
  const validated: ValidatedFile[] = [];
  const unreadable: FileKind[] = [];
  for (const [index, input] of packFiles.entries()) {
    const kind = fileKindOf(input.path) as FileKind;
    if (packFiles[index - 1]?.path === input.path || input.path.includes("\0")) continue; // reported by badPaths
    let read = reads.get(input);
    if (read === undefined) reads.set(input, (read = readFile(input, kind)));
    issues.push(...read.issues);
    if (read.validated === undefined) unreadable.push(kind);
    else validated.push(read.validated);
  }
  return { packFiles, pack: buildPackModel(validated, unreadable), issues };
}

/** One file parsed (when not too large) and validated against the schema of its kind. */
function readFile(input: RuleFileText, kind: FileKind): FileRead {
  const sizeIssue = fileSizeIssue(input);
  const read = sizeIssue === undefined ? readYamlFile(input, kind) : { issues: [sizeIssue] };
  if (read.file === undefined) return { issues: read.issues, validated: undefined };
  const validation = validateFile(read.file);
  return {
    issues: [...read.issues, ...validation.issues],
    validated: { file: read.file, errors: validation.errors },
  };
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
