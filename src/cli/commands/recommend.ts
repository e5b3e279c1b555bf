import { resolve } from "node:path";
import { renderJson } from "../../core/render/json.js";
import {
  FORMATS,
  createEngine,
  isBackplanError,
  renderPlan,
  type Engine,
  type Format,
  type Plan,
  checkRuleFolder,
  readAssessmentFile,
  readAssessmentText,
} from "../../node/index.js";
import { defineCommand } from "../command.js";
import { assessmentIssueLine, ruleIssueLines } from "../diagnostics.js";
import { writeLines, type Io } from "../io.js";
import { ruleFolder } from "../rule-folder.js";
import { includeDraftsOption } from "../rule-options.js";
import { UsageError } from "../usage-error.js";

const STDIN = "-";

/** `backplan recommend FILE…`: a plan per assessment, or every problem and no plan at all. */
export const recommend = defineCommand({
  name: "recommend",
  summary: "print the care plan for each assessment file",
  usage: "backplan recommend FILE… [--rules DIR] [--profile NAME] [--format json|text|markdown] [--include-drafts]",
  description:
    'Reads each assessment (JSON or YAML; "-" reads standard input), runs the rules on it and prints its plan. ' +
    "With several files, json prints an array of plans. If any file is invalid, no plan is printed.",
  options: {
    rules: { type: "string", value: "DIR", description: "rule folder (default: the bundled rules/ pack)" },
    profile: { type: "string", value: "NAME", description: "guideline profile, e.g. acp-2017 (default: the pack's)" },
    format: { type: "string", value: "FORMAT", description: "json (default), text or markdown" },
    "include-drafts": includeDraftsOption,
  },
  exitCodes: [
    [0, "plan printed"],
    [2, "invalid assessment, rules or usage: problems on stderr, nothing on stdout"],
  ],
  async run({ values, positionals, io }) {
    if (positionals.length === 0)
      throw new UsageError("missing FILE: give one or more assessment files, or - for standard input");
    if (positionals.filter((file) => file === STDIN).length > 1)
      throw new UsageError(`"-" (standard input) can be given only once`);
    const format = formatOf(values.format);

    const folder = ruleFolder(values.rules, io.cwd);
    const { ruleset, issues } = await checkRuleFolder(folder.path, folder.name, {
      scenarios: false,
      includeDrafts: values["include-drafts"] === true,
    });
    if (ruleset === undefined) return fail(io, ruleIssueLines(issues.filter((issue) => issue.severity === "error")));
    const profile = values.profile ?? ruleset.defaultProfile;
    if (!ruleset.profiles.some((p) => p.id === profile)) {
      const known = ruleset.profiles.map((p) => p.id).join(", ");
      return fail(io, [`unknown profile "${profile}": the pack "${ruleset.name}" has ${known}`]);
    }

    const engine = createEngine(ruleset);
    const outcomes: Outcome[] = [];
    for (const file of positionals) outcomes.push(await planFor(file, engine, profile, io));
    const problems = outcomes.flatMap((outcome) => ("problems" in outcome ? outcome.problems : []));
    if (problems.length > 0) return fail(io, problems);

    const plans = outcomes.flatMap((outcome) => ("plan" in outcome ? [outcome.plan] : []));
    const warnings = outcomes.flatMap((outcome) => ("warnings" in outcome ? outcome.warnings : []));
    io.stdout(render(plans, format));
    writeLines(io.stderr, warnings);
    return 0;
  },
});

type Outcome = { plan: Plan; warnings: string[] } | { problems: string[] };

async function planFor(file: string, engine: Engine, profile: string, io: Io): Promise<Outcome> {
  const name = file === STDIN ? "<stdin>" : file;
  let assessment: unknown;
  try {
    assessment =
      file === STDIN
        ? readAssessmentText(await io.readStdin(), name)
        : await readAssessmentFile(resolve(io.cwd, file), name);
  } catch (error) {
    if (!isBackplanError(error)) throw error;
    return { problems: error.issues.map((issue) => assessmentIssueLine(name, issue)) };
  }
  const result = engine.safeRecommend(assessment, { profile });
  if (!result.ok) return { problems: result.issues.map((issue) => assessmentIssueLine(name, issue)) };
  return { plan: result.value, warnings: result.warnings.map((issue) => assessmentIssueLine(name, issue)) };
}

function formatOf(value: string | undefined): Format {
  if (value === undefined) return "json";
  const format = FORMATS.find((f) => f === value);
  if (format === undefined)
    throw new UsageError(`--format must be ${FORMATS.slice(0, -1).join(", ")} or ${FORMATS.at(-1)}; found "${value}"`);
  return format;
}

/** One plan as rendered; several as a JSON array, or one after another for people. */
function render(plans: readonly Plan[], format: Format): string {
  const [only] = plans;
  if (plans.length === 1 && only !== undefined) return renderPlan(only, format);
  if (format === "json") return renderJson(plans);
  return plans.map((plan) => renderPlan(plan, format)).join(format === "markdown" ? "\n---\n\n" : "\n");
}

function fail(io: Io, lines: readonly string[]): number {
  writeLines(io.stderr, lines);
  return 2;
}
