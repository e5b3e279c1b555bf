import { writeFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { buildRulebook, RULEBOOK_FORMATS, type RulebookFormat } from "../../authoring/index.js";
import { readRuleFiles, type Ruleset } from "../../node/index.js";
import { defineCommand } from "../command.js";
import { loadRules } from "../load-rules.js";
import { ruleFolder } from "../rule-folder.js";
import { includeDraftsOption } from "../rule-options.js";
import { UsageError } from "../usage-error.js";

const DEFAULT_COHORT = 10_000;
const MAX_COHORT = 1_000_000;
const DEFAULT_SEED = 1;

/** The rendering each `--out` extension asks for. */
const FORMAT_BY_EXTENSION: Readonly<Record<string, RulebookFormat>> = { ".html": "html", ".md": "markdown" };

/**
 * `backplan rulebook [DIR] --out FILE [--base DIR]`: the pack as a document a clinical reviewer
 * signs off, opening with what changed since the signed-off pack when one is given.
 */
export const rulebook = defineCommand({
  name: "rulebook",
  summary: "write a rule pack as a document for clinical sign-off",
  usage: "backplan rulebook [DIR] --out FILE [--base DIR] [--cohort N] [--seed S] [--include-drafts]",
  description:
    "Writes the rule pack in DIR (default: the bundled rules/ pack) as one document a clinical reviewer can read " +
    "and sign off: each rule in plain language with its reasons, evidence, governance and source line, what its " +
    "scenario tests showed (they are run), the component catalog (each component with its contraindications and " +
    "what guards it) and the evidence catalog, and where the profiles differ. " +
    "FILE ending in .html gives one self-contained, printable page; .md gives Markdown. The same pack always " +
    "gives the same file: it holds no date, only the pack's digest. " +
    "With --base DIR (the signed-off pack), the document opens with what changed since it: each rule added, " +
    "removed or changed, the parts that differ (condition, what it does, reasons, evidence, texts, governance) " +
    "before and after, the figures of each on a generated cohort planned with both packs (--cohort N " +
    `assessments, default ${DEFAULT_COHORT.toLocaleString("en-US")}, --seed S, default ${DEFAULT_SEED}, as impact's; ` +
    "--cohort 0 leaves the figures out), and a sign-off table with a row per change.",
  options: {
    out: { type: "string", value: "FILE", description: "where to write the rulebook: a .html or .md file" },
    base: { type: "string", value: "DIR", description: "the signed-off pack: open with what changed since it" },
    cohort: {
      type: "string",
      value: "N",
      description: `with --base: generated cohort size, 0 for none (default ${DEFAULT_COHORT})`,
    },
    seed: { type: "string", value: "S", description: `with --base: the cohort's seed (default ${DEFAULT_SEED})` },
    "include-drafts": includeDraftsOption,
  },
  exitCodes: [
    [0, "written; failed scenario tests are shown in it and counted on stderr"],
    [2, "invalid rules, unwritable FILE or bad command line: problems on stderr"],
  ],
  async run({ values, positionals, io }) {
    if (positionals.length > 1) {
      throw new UsageError(`give at most one folder; found ${positionals.length}: ${positionals.join(" ")}`);
    }
    const out = values.out;
    if (out === undefined) throw new UsageError('missing "--out FILE": where to write the rulebook (.html or .md)');
    const format = FORMAT_BY_EXTENSION[extname(out).toLowerCase()];
    if (format === undefined) {
      throw new UsageError(`option "--out" needs a file ending in .html or .md; found "${out}"`);
    }
    if (values.base === undefined && (values.cohort !== undefined || values.seed !== undefined)) {
      throw new UsageError(`option "--${values.cohort === undefined ? "seed" : "cohort"}" applies with --base DIR`);
    }
    const size = wholeNumber("cohort", values.cohort, DEFAULT_COHORT, MAX_COHORT);
    const seed = wholeNumber("seed", values.seed, DEFAULT_SEED, 2 ** 32 - 1);
    const folder = ruleFolder(positionals[0], io.cwd);
    const ruleset = await loadRules(folder, { includeDrafts: values["include-drafts"] === true }, io);
    if (ruleset === undefined) return 2;
    let base: Ruleset | undefined;
    if (values.base !== undefined) {
      // The signed-off pack as it ran: without drafts and without its scenario tests (the book runs this pack's).
      const signed = ruleFolder(values.base, io.cwd);
      base = await loadRules(signed, { scenarios: false }, io);
      if (base === undefined) return 2;
    }
    const book = buildRulebook(ruleset, {
      files: await readRuleFiles(folder.path, folder.name),
      ...(base === undefined ? {} : { base, ...(size === 0 ? {} : { cohort: { size, seed } }) }),
    });
    try {
      await writeFile(resolve(io.cwd, out), RULEBOOK_FORMATS[format](book));
    } catch (error) {
      io.stderr(`backplan rulebook: cannot write "${out}": ${writeProblem(error)}\n`);
      return 2;
    }
    const { scenarios, failed, invalid } = book.tests;
    const rules = book.topics.reduce((n, topic) => n + topic.rules.length, 0);
    const changed =
      book.changes === undefined ? "" : `, ${book.changes.rules.length} changed since ${book.changes.base.version}`;
    io.stdout(`wrote ${out}: ${rules} rules, ${scenarios.length} scenario tests${changed}\n`);
    if (failed + invalid > 0) {
      io.stderr(`warning: ${failed} failed and ${invalid} invalid scenario tests, shown in the rulebook\n`);
    }
    return 0;
  },
});

/** A whole-number option from 0 to `max`, or its default when not given. */
function wholeNumber(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(n <= max)) throw new UsageError(`--${name} must be a whole number from 0 to ${max}; found "${value}"`);
  return n;
}

/** Why a file could not be written, from a Node file-system error's `code`. */
function writeProblem(error: unknown): string {
  const code = typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return "its folder does not exist";
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return "permission denied";
    case "EISDIR":
      return "it is a folder";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
