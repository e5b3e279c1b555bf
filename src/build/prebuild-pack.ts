/**
 * Build step (`npm run build`, after tsc): checks the bundled `rules/` pack as a command that only
 * plans loads it and writes the result to `dist/node/bundled-pack.json` (see `prebuiltCheck`), so
 * `backplan recommend` and `loadRuleset()` compile it without parsing YAML. The file names the
 * digest of the rule files it came from: once any of them changes, it is no longer used.
 */
import { rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatIssue } from "../core/errors.js";
import { checkRuleset } from "../core/load/check-ruleset.js";
import { bundledRulesDir } from "../node/bundled.js";
import { PREBUILT_PACK_FILE, prebuiltPack } from "../node/prebuilt-pack.js";
import { readRuleFiles } from "../node/rule-files.js";

const out = join(fileURLToPath(new URL("../../dist/node/", import.meta.url)), PREBUILT_PACK_FILE);
const files = await readRuleFiles(bundledRulesDir, bundledRulesDir, { scenarios: false });
const { ruleset, issues } = checkRuleset(files, { proofs: false });
if (ruleset === undefined) {
  process.stderr.write(`the bundled pack does not compile:\n${issues.map((i) => formatIssue(i)).join("\n")}\n`);
  process.exit(1);
}
// Written aside, then renamed over the old one: a CLI started meanwhile reads one whole file or the other.
await writeFile(`${out}.${String(process.pid)}`, JSON.stringify(prebuiltPack(files, ruleset)));
await rename(`${out}.${String(process.pid)}`, out);
