import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { packJsonText } from "../../core/index.js";
import { defineCommand } from "../command.js";
import { loadRules } from "../load-rules.js";
import { ruleFolder } from "../rule-folder.js";
import { includeDraftsOption } from "../rule-options.js";
import { UsageError } from "../usage-error.js";

/** `backplan bundle [DIR] --out FILE`: the pack precompiled into one JSON file for browsers. */
export const bundle = defineCommand({
  name: "bundle",
  summary: "precompile a rule pack into one pack.json for browsers",
  usage: "backplan bundle [DIR] --out FILE [--include-drafts]",
  description:
    "Checks the rule pack in DIR (default: the bundled rules/ pack) as lint does and writes it as one JSON file " +
    "(schemas/bundle.schema.json) that backplan's browser build loads with rulesetFromJson: no YAML parser, no " +
    "file access, no eval. It keeps the pack's name, version and digest, so plans made from it carry the same " +
    "stamp and equal those made from DIR. Scenario tests are left out. The same pack always gives the same file.",
  options: {
    out: { type: "string", value: "FILE", description: "where to write the pack, e.g. pack.json" },
    "include-drafts": includeDraftsOption,
  },
  exitCodes: [
    [0, "written"],
    [2, "invalid rules, unwritable FILE or bad command line: problems on stderr"],
  ],
  async run({ values, positionals, io }) {
    if (positionals.length > 1) {
      throw new UsageError(`give at most one folder; found ${positionals.length}: ${positionals.join(" ")}`);
    }
    const out = values.out;
    if (out === undefined) throw new UsageError('missing "--out FILE": where to write the pack (e.g. pack.json)');
    const folder = ruleFolder(positionals[0], io.cwd);
    const ruleset = await loadRules(folder, { includeDrafts: values["include-drafts"] === true }, io);
    if (ruleset === undefined) return 2;
    const text = packJsonText(ruleset);
    try {
      await writeFile(resolve(io.cwd, out), text);
    } catch (error) {
      io.stderr(`backplan bundle: cannot write "${out}": ${error instanceof Error ? error.message : String(error)}\n`);
      return 2;
    }
    const drafts = ruleset.drafts.length === 0 ? "" : `, drafts ${ruleset.drafts.join(", ")} included`;
    io.stdout(
      `wrote ${out}: ${ruleset.name} ${ruleset.version} (${ruleset.digest.slice(0, 19)}…), ` +
        `${ruleset.rules.length + ruleset.inactive.length} rules${drafts}\n`,
    );
    return 0;
  },
});
