import { createEngine, type Engine } from "../../core/run/engine.js";
import type { Plan } from "../../core/generated/types.js";
import { renderPlan, type Format } from "../../core/present/render/index.js";
import { renderJson } from "../../core/present/render/json.js";
import { defineCommand } from "../command.js";
import { assessmentIssueLine } from "../diagnostics.js";
import { writeLines, type Io } from "../io.js";
import { STDIN, displayName, fail, formatOf, planRules, readAssessmentArgument, type Problems } from "../plan-input.js";
import { includeDraftsOption } from "../rule-options.js";
import { UsageError } from "../usage-error.js";

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
    const format = formatOf(values.format, "json");

    const rules = await planRules(values, io);
    if ("problems" in rules) return fail(io, rules.problems);
    const engine = createEngine(rules.ruleset);
    const outcomes: Outcome[] = [];
    for (const file of positionals) outcomes.push(await planFor(file, engine, rules.profile, io));
    const problems = outcomes.flatMap((outcome) => ("problems" in outcome ? outcome.problems : []));
    if (problems.length > 0) return fail(io, problems);

    const plans = outcomes.flatMap((outcome) => ("plan" in outcome ? [outcome.plan] : []));
    const warnings = outcomes.flatMap((outcome) => ("warnings" in outcome ? outcome.warnings : []));
    io.stdout(render(plans, format));
    writeLines(io.stderr, warnings);
    return 0;
  },
});

type Outcome = { plan: Plan; warnings: string[] } | Problems;

async function planFor(file: string, engine: Engine, profile: string, io: Io): Promise<Outcome> {
  const read = await readAssessmentArgument(file, io);
  if ("problems" in read) return read;
  const name = displayName(file);
  const result = engine.safeRecommend(read.assessment, { profile });
  if (!result.ok) return { problems: result.issues.map((issue) => assessmentIssueLine(name, issue)) };
  return { plan: result.value, warnings: result.warnings.map((issue) => assessmentIssueLine(name, issue)) };
}

/** One plan as rendered; several as a JSON array, or one after another for people. */
function render(plans: readonly Plan[], format: Format): string {
  const [only] = plans;
  if (plans.length === 1 && only !== undefined) return renderPlan(only, format);
  if (format === "json") return renderJson(plans);
  return plans.map((plan) => renderPlan(plan, format)).join(format === "markdown" ? "\n---\n\n" : "\n");
}
