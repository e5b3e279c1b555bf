/**
 * A pack and an edit of it with many changed plans, for the impact's tests: the bundled-excerpt
 * fixture (rules of the bundled pack copied as written, with scenarios on both sides of their
 * thresholds), so a clinical edit of rules/ cannot break them.
 */
import { fileURLToPath } from "node:url";
import { compileRuleset } from "../../../src/core/load/index.js";
import type { Ruleset } from "../../../src/core/load/types.js";
import { readRuleFiles } from "../../../src/node/rule-files.js";

const EXCERPT = fileURLToPath(new URL("../../fixtures/packs/bundled-excerpt", import.meta.url));

/**
 * The pack in `dir` as it is (base), and with its activity and PHQ-9 thresholds moved (head): the
 * excerpt by default; the benchmark passes the bundled pack, which has the same two rules.
 */
export async function packAndEdited(dir = EXCERPT): Promise<{ base: Ruleset; head: Ruleset }> {
  const files = await readRuleFiles(dir);
  const edits: Record<string, [string, string]> = {
    "lifestyle.yaml": ["operator: lessThan, value: 150 }", "operator: lessThan, value: 120 }"],
    "psychological.yaml": [
      "phq9.total, operator: greaterThanInclusive, value: 10 }",
      "phq9.total, operator: greaterThanInclusive, value: 12 }",
    ],
  };
  const edited = files.map((file) => {
    const edit = edits[file.path];
    if (edit === undefined) return file;
    const text = file.text.replace(...edit);
    if (text === file.text) throw new Error(`the edit of ${file.path} changed nothing`);
    return { ...file, text };
  });
  return { base: compileRuleset(files), head: compileRuleset(edited) };
}
