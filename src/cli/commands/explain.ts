import { join } from "node:path";
import { createEngine, renderExplanation, safeExplainPlan } from "../../node/index.js";
import { defineCommand } from "../command.js";
import { assessmentIssueLine } from "../diagnostics.js";
import { writeLines } from "../io.js";
import { displayName, fail, formatOf, planRules, readAssessmentArgument } from "../plan-input.js";
import { includeDraftsOption } from "../rule-options.js";
import { UsageError } from "../usage-error.js";

/** `backplan explain FILE`: one person's plan, rule by rule, with the values each rule decided on. */
export const explain = defineCommand({
  name: "explain",
  summary: "explain the care plan for one assessment, rule by rule",
  usage: "backplan explain FILE [--rules DIR] [--profile NAME] [--format text|markdown|json] [--include-drafts]",
  description:
    'Reads one assessment (JSON or YAML; "-" reads standard input), runs the rules on it and prints its plan in ' +
    "brief (status, components, withheld components, data gaps), then every rule in the order it ran, highest " +
    "priority first: a rule that fired, with the patient's values that made it true and what it added, withheld " +
    "or halted; a rule that did not fire, with the first condition that failed and the value found; an " +
    "undetermined rule, with the missing answers that would decide it and whether each alone would. Then each " +
    "contraindication of the components the rules chose: whether it holds (and so withholds the component), on " +
    "which values, or which missing answers would decide it. Rules that did not run (drafts, retired rules) are " +
    "listed last. json prints the same as a stable structure.",
  options: {
    rules: { type: "string", value: "DIR", description: "rule folder (default: the bundled rules/ pack)" },
    profile: { type: "string", value: "NAME", description: "guideline profile, e.g. acp-2017 (default: the pack's)" },
    format: { type: "string", value: "FORMAT", description: "text (default), markdown or json" },
    "include-drafts": includeDraftsOption,
  },
  exitCodes: [
    [0, "explanation printed"],
    [2, "invalid assessment, rules or usage: problems on stderr, nothing on stdout"],
  ],
  async run({ values, positionals, io }) {
    const [file, ...extra] = positionals;
    if (file === undefined) throw new UsageError("missing FILE: give one assessment file, or - for standard input");
    if (extra.length > 0) throw new UsageError(`explain takes one FILE; found ${positionals.length}`);
    const format = formatOf(values.format, "text");

    const rules = await planRules(values, io);
    if ("problems" in rules) return fail(io, rules.problems);
    const { ruleset, profile, folder } = rules;
    const read = await readAssessmentArgument(file, io);
    if ("problems" in read) return fail(io, read.problems);
    const name = displayName(file);
    const locate = (path: string) => join(folder.name, path);
    const result = safeExplainPlan(createEngine(ruleset), read.assessment, { profile, locate });
    if (!result.ok)
      return fail(
        io,
        result.issues.map((issue) => assessmentIssueLine(name, issue)),
      );
    io.stdout(renderExplanation(result.value, format));
    writeLines(
      io.stderr,
      result.warnings.map((issue) => assessmentIssueLine(name, issue)),
    );
    return 0;
  },
});
