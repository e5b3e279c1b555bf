import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import type { CohortSource, ImpactReport } from "../../authoring/index.js";
import type { FolderCheck, ImpactWorkers, Issue, Ruleset, ScenarioTest, WorkerCohort } from "../../node/index.js";
import { defineCommand } from "../command.js";
import { writeLines, type Io } from "../io.js";
import type { RuleFolder } from "../rule-folder.js";
import { includeDraftsOption } from "../rule-options.js";
import { UsageError } from "../usage-error.js";

const DEFAULT_COHORT = 10_000;
const MAX_COHORT = 1_000_000;
const DEFAULT_SEED = 1;
const MAX_EXAMPLES = 100;
const MAX_WORKERS = 64;
/**
 * By default, a worker thread plans, while this one checks the packs' scenario tests, and one
 * more per this many cohort assessments while a core is left for this thread: each thread that
 * plans pays its own warm-up, mostly the optimizing compiler working through the planner again,
 * on background threads that compete for the cores. Measured on 2 cores at 10,000 (per-thread
 * CPU, load 6-9): planning in this thread and a worker took ~1.5 s more CPU in all than in one
 * thread, the compiler's threads ~2.5 s more.
 */
const PER_WORKER = 20_000;

/** `backplan impact --base DIR`: what an edit to a rule pack does to plans, before it ships. */
export const impact = defineCommand({
  name: "impact",
  summary: "show what an edit to a rule pack changes in plans",
  usage:
    "backplan impact --base DIR [--head DIR] [--cohort N|FILE] [--seed S] [--profile NAME] [--format text|json] " +
    "[--examples K] [--include-drafts] [--fail-on-change] [--workers N]",
  description:
    "Plans the same assessments with two versions of a rule pack, --base (before the edit) and --head (after it; " +
    "default: the bundled rules/ pack, as every command), and reports what changed: how many plans, which " +
    "components were added or removed and how often, status, urgency, detail and data-gap changes, which rules' outcomes " +
    "changed, each with a few examples. The assessments are the scenario tests of both packs (each once), and a " +
    "cohort: N generated assessments of a realistic primary-care population (default 10,000, seed 1; the same " +
    "for both sides, and the same on every run), or the assessments in FILE (a JSON array, JSON lines, or a YAML " +
    "list; every one must be valid). A number is a size; give ./100 for a file named 100. Scenario tests keep " +
    "their own profile; --profile sets the others' (default: each pack's own). --include-drafts runs the head's " +
    "draft rules, never the base's: --base rules --include-drafts shows what the drafts would change. The time " +
    "taken goes to stderr; " +
    "the assessments are planned in --workers worker threads while the command's own thread checks the packs (default: " +
    "one, and one more per 20,000 assessments while a core is left; 0: the command's own alone), and the report is " +
    "the same whatever their number; " +
    "json prints the report as a stable structure (see ImpactReport in src/authoring/impact/types.ts).",
  options: {
    base: { type: "string", value: "DIR", description: "the rule folder before the edit (required)" },
    head: { type: "string", value: "DIR", description: "the rule folder after the edit (default: bundled rules/)" },
    cohort: {
      type: "string",
      value: "N|FILE",
      description: `generated cohort size, or a file (default ${DEFAULT_COHORT})`,
    },
    seed: {
      type: "string",
      value: "S",
      description: `the generated cohort's seed, 0 to 4294967295 (default ${DEFAULT_SEED})`,
    },
    profile: {
      type: "string",
      value: "NAME",
      description: "profile, unless a scenario names one (default: pack's)",
    },
    format: { type: "string", value: "FORMAT", description: "text (default) or json" },
    examples: { type: "string", value: "K", description: "examples per kind of change, 0 to 100 (default 3)" },
    "include-drafts": {
      ...includeDraftsOption,
      description: "also run the head's draft rules (never the base's)",
    },
    "fail-on-change": { type: "boolean", description: "exit 1 when any plan changed (for CI)" },
    workers: {
      type: "string",
      value: "N",
      description: "worker threads that plan, 0 to 64 (0: this thread alone)",
    },
  },
  exitCodes: [
    [0, "report printed (whether or not plans changed)"],
    [1, "with --fail-on-change: some plan changed"],
    [2, "invalid rules, cohort file or usage: problems on stderr, nothing on stdout"],
  ],
  async run({ values, positionals, io }) {
    const started = performance.now();
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0] ?? ""}"`);
    if (values.base === undefined) throw new UsageError("missing --base DIR: the rule folder before the edit");
    const format = formatOf(values.format);
    const examples = integerOption("examples", values.examples, 3, MAX_EXAMPLES);
    const requested = workersOf(values.workers);
    const cohort = await cohortOf(values.cohort, values.seed, io.cwd);
    if ("problems" in cohort) return fail(io, cohort.problems);

    // The workers load their modules, and make and validate their first assessments, while this
    // thread loads the packs; they plan the cohort while it reads the scenario tests.
    const { startImpactWorkers } = await import("../../node/index.js");
    const workers = startImpactWorkers(requested ?? defaultWorkers(cohort.source.size), cohort.cohort);
    try {
      const { ruleFolder } = await import("../rule-folder.js");
      const profile = values.profile;
      const packs = await loadPacks(
        ruleFolder(values.base, io.cwd),
        ruleFolder(values.head, io.cwd),
        { includeDrafts: values["include-drafts"] === true, profile },
        workers,
        io,
      );
      if (packs === undefined) return 2;
      const { base, head } = packs;

      const { renderImpactText, scenarioSubjects } = await import("../../authoring/index.js");
      const report = await workers.compare(
        base.ruleset,
        head.ruleset,
        {
          scenarios: scenarioSubjects(
            [head, base].map(({ scenarios, folder }) => ({
              scenarios,
              locate: (file: string) => join(folder.name, file),
            })),
          ),
          cohortSource: cohort.source,
        },
        {
          examples,
          labels: { base: base.folder.name, head: head.folder.name },
          ...(profile === undefined ? {} : { profile }),
        },
      );
      io.stdout(format === "json" ? `${JSON.stringify(report, null, 2)}\n` : renderImpactText(report));
      const total = (report.scenarios.assessments + report.cohort.assessments).toLocaleString("en-US");
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      io.stderr(`impact: ${total} assessments planned with both packs in ${seconds} s\n`);
      return values["fail-on-change"] === true && changed(report) ? 1 : 0;
    } finally {
      await workers.close();
    }
  },
});

/**
 * The cohort: `--cohort N` generated assessments (a number is a size), or the assessments of the
 * file `--cohort FILE`. Command-line mistakes throw; a file's problems come back as lines.
 */
async function cohortOf(
  value: string | undefined,
  seedValue: string | undefined,
  cwd: string,
): Promise<{ cohort: WorkerCohort; source: CohortSource } | { problems: string[] }> {
  if (value === undefined || /^\d+$/.test(value)) {
    const size = integerOption("cohort", value, DEFAULT_COHORT, MAX_COHORT);
    const seed = integerOption("seed", seedValue, DEFAULT_SEED, 2 ** 32 - 1);
    return { cohort: { kind: "generated", size, seed }, source: { kind: "generated", size, seed } };
  }
  if (seedValue !== undefined) throw new UsageError("--seed applies to a generated cohort (--cohort N)");
  const { readCohortFile } = await import("../../node/index.js");
  const read = await readCohortFile(resolve(cwd, value), value);
  if ("problems" in read) return read;
  const source: CohortSource = { kind: "file", file: value, size: read.assessments.length };
  return { cohort: { kind: "assessments", assessments: read.assessments }, source };
}

interface Pack {
  /** As checked to plan: the cohort is planned with it. */
  readonly ruleset: Ruleset;
  readonly folder: RuleFolder;
  /** The pack's scenario tests: none when they were not read (the head's are the same) or did not load. */
  readonly scenarios: readonly ScenarioTest[];
  /** Whether its scenario tests were read and loaded. */
  readonly tested: boolean;
}

/**
 * Both packs, or their errors (or a profile they lack) on stderr. Each is checked to plan first,
 * without its scenario tests, and the workers begin planning the cohort with both; then the
 * scenario tests are read and checked: the head's, and the base's only when they differ from the
 * head's (shared tests would only be planned twice) or the head's do not load. Scenario tests
 * that do not load (one names a rule the edit removed) must not hide the edit's impact: the
 * pack is used without them, and stderr says so. A folder given as both is checked once.
 */
async function loadPacks(
  baseFolder: RuleFolder,
  headFolder: RuleFolder,
  { includeDrafts, profile }: { readonly includeDrafts: boolean; readonly profile: string | undefined },
  workers: ImpactWorkers,
  io: Io,
): Promise<{ base: Pack; head: Pack } | undefined> {
  const [{ checkRuleFolder, sameScenarioFiles }, { ruleIssueLines }] = await Promise.all([
    import("../../node/index.js"),
    import("../diagnostics.js"),
  ]);
  const checked = new Map<string, Promise<FolderCheck>>();
  // As every command that only plans: the proofs over the rules' conditions are lint's (most of the load).
  const check = (folder: RuleFolder, options: { readonly includeDrafts: boolean; readonly scenarios: boolean }) => {
    const key = JSON.stringify([folder.path, folder.name, options.includeDrafts, options.scenarios]);
    let found = checked.get(key);
    if (found === undefined)
      checked.set(key, (found = checkRuleFolder(folder.path, folder.name, { ...options, proofs: false })));
    return found;
  };
  const headPlan = await check(headFolder, { includeDrafts, scenarios: false });
  const basePlan = await check(baseFolder, { includeDrafts: false, scenarios: false });
  const problems = profileProblems(profile, [
    { check: basePlan, folder: baseFolder },
    { check: headPlan, folder: headFolder },
  ]);
  if (basePlan.ruleset !== undefined && headPlan.ruleset !== undefined && problems.length === 0)
    await workers.begin(basePlan.ruleset, headPlan.ruleset, profile);

  /** The pack with its scenario tests if asked, or its errors on stderr. */
  const pack = async (
    folder: RuleFolder,
    plan: FolderCheck,
    options: { readonly includeDrafts: boolean; readonly scenarios: boolean },
  ): Promise<Pack | undefined> => {
    if (plan.ruleset === undefined) {
      writeLines(io.stderr, ruleIssueLines(errors(plan.issues)));
      return undefined;
    }
    const untested: Pack = { ruleset: plan.ruleset, folder, scenarios: [], tested: false };
    if (!options.scenarios) return untested;
    const tested = await check(folder, options);
    if (tested.ruleset !== undefined) return { ...untested, scenarios: tested.ruleset.scenarios, tested: true };
    const count = errors(tested.issues).length;
    io.stderr(
      `${folder.name}: its scenario tests do not load (${count} error${count === 1 ? "" : "s"}; ` +
        `run "backplan lint ${folder.name}"): the impact leaves their assessments out\n`,
    );
    return untested;
  };
  const head = await pack(headFolder, headPlan, { includeDrafts, scenarios: true });
  const scenarios = head?.tested !== true || !(await sameScenarioFiles(baseFolder, headFolder));
  const base = await pack(baseFolder, basePlan, { includeDrafts: false, scenarios });
  if (base === undefined || head === undefined) return undefined;
  if (problems.length > 0) {
    writeLines(io.stderr, problems);
    return undefined;
  }
  return { base, head };
}

/** A line for each pack that lacks `profile` (said once when both do). */
function profileProblems(
  profile: string | undefined,
  packs: readonly { readonly check: FolderCheck; readonly folder: RuleFolder }[],
): string[] {
  if (profile === undefined) return [];
  const problems = packs.flatMap(({ check: { ruleset }, folder }) => {
    const known = ruleset?.profiles.map((p) => p.id) ?? [];
    return ruleset === undefined || known.includes(profile)
      ? []
      : [`unknown profile "${profile}": the pack in ${folder.name} has ${known.join(", ")}`];
  });
  return [...new Set(problems)];
}

function errors(issues: readonly Issue[]): Issue[] {
  return issues.filter((issue) => issue.severity === "error");
}

function changed(report: ImpactReport): boolean {
  return report.scenarios.changed > 0 || report.cohort.changed > 0;
}

/** `--workers N`: 0 to 64, or `undefined` when not given. */
function workersOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 0 && n <= MAX_WORKERS))
    throw new UsageError(`--workers must be a whole number from 0 to ${MAX_WORKERS}; found "${value}"`);
  return n;
}

/** One worker, and one more per `PER_WORKER` assessments while a core is left for this thread; none on one core. */
function defaultWorkers(size: number): number {
  const cores = availableParallelism();
  return cores < 2 ? 0 : Math.min(cores - 1, Math.max(1, Math.ceil(size / PER_WORKER)));
}

function formatOf(value: string | undefined): "text" | "json" {
  if (value === undefined || value === "text" || value === "json") return value ?? "text";
  throw new UsageError(`--format must be text or json; found "${value}"`);
}

/** A whole number option in `[0, max]`, or `fallback` when not given. */
function integerOption(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n > max)
    throw new UsageError(`--${name} must be a whole number from 0 to ${max}; found "${value}"`);
  return n;
}

function fail(io: Io, lines: readonly string[]): number {
  writeLines(io.stderr, lines);
  return 2;
}
